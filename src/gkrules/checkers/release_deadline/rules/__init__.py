"""The rules of release-deadline, one module each."""

from .date_order import DateOrder
from .due_soon import DueSoon
from .historical import Historical
from .late import Late
from .no_formation_date import NoFormationDate
from .periodic_late import PeriodicLate
from .unparseable_date import UnparseableDate

RULES = (Late, Historical, DueSoon, DateOrder, UnparseableDate, NoFormationDate, PeriodicLate)

__all__ = ["RULES", "DateOrder", "DueSoon", "Historical", "Late", "NoFormationDate", "PeriodicLate",
           "UnparseableDate"]
