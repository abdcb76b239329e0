"""The structural types that plugins implement and the engine's own modules only call:
a working-day calendar and a finding filter.

A leaf of the import graph (it imports only ``gkrules.model``), so that the modules of the
plugin contract (``context``, ``specs``, ``hookspecs``, ``plugins``) can all name these types
without importing one another. ``gkrules.specs`` re-exports them for plugins.
"""

from __future__ import annotations

import datetime as dt
from typing import Protocol

from gkrules.model import Document, Finding, Suppression


class WorkdayCalendar(Protocol):
    """What date rules need from a working-day calendar (see ``gkrules.calendar`` and
    docs/calendar.md). The start day is never counted (民法典第二百零一条). A method that needs
    a day the calendar does not cover raises :class:`gkrules.errors.CalendarError`."""

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (a weekend day worked by 调休 is one)."""
        ...

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """n ≥ 1: the n-th working day after ``start`` (the last day of "within n working days
        from ``start``"); n = 0: ``start`` if it is a working day, else the next one; n < 0:
        the |n|-th working day before ``start``."""
        ...

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: elapsed on day ``end`` since ``start``; negative when
        ``end`` is before ``start``. ``add_workdays(start, n)`` is the first day it reaches n."""
        ...


class FindingFilter(Protocol):
    def suppress(self, document: Document, finding: Finding) -> Suppression | None: ...


__all__ = ["FindingFilter", "WorkdayCalendar"]
