"""The rules of policy-interpretation, one module each."""

from .excerpt_interpretation import ExcerptInterpretation
from .internal_rule import InternalRule
from .late_interpretation import LateInterpretation
from .missing_interpretation import MissingInterpretation
from .orphan_interpretation import OrphanInterpretation
from .repost import Repost

RULES = (MissingInterpretation, LateInterpretation, OrphanInterpretation, ExcerptInterpretation, Repost,
         InternalRule)

__all__ = ["RULES", "ExcerptInterpretation", "InternalRule", "LateInterpretation", "MissingInterpretation",
           "OrphanInterpretation", "Repost"]
