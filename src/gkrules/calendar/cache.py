"""One calendar per year for a run: the ``gkrules_calendar`` hook is asked once per year.

Used by the ``release-deadline`` checker and by the deadline monitor (``gkrules deadlines``);
it lives here, with the calendars, so that neither imports the other.
"""

from __future__ import annotations

from collections.abc import Callable

from gkrules.protocols import WorkdayCalendar


class CalendarCache:
    """``calendar(year)`` answers once per year (through the ``gkrules_calendar`` hook)."""

    def __init__(self, provider: Callable[[int], WorkdayCalendar]):
        self._provider = provider
        self._by_year: dict[int, WorkdayCalendar] = {}

    def get(self, *years: int) -> WorkdayCalendar:
        """The calendar for the last of ``years``, after checking that each is covered."""
        cal = None
        for year in years:
            cal = self._by_year.get(year)
            if cal is None:
                cal = self._by_year[year] = self._provider(year)
        assert cal is not None
        return cal


__all__ = ["CalendarCache"]
