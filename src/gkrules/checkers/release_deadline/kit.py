"""What the release-deadline rules compile once per engine: the parameters, the period
resolver and the working-day calendars (asked once per year)."""

from __future__ import annotations

from gkrules.calendar import calendar_from_section, calendar_lookup
from gkrules.calendar.cache import CalendarCache
from gkrules.context import CheckerSetup
from gkrules.deadlines.params import ReleaseDeadlineParams
from gkrules.deadlines.rules import RuleResolver


class Kit:
    def __init__(self, setup: CheckerSetup):
        self.params: ReleaseDeadlineParams = setup.params or ReleaseDeadlineParams()
        self.resolver = RuleResolver(self.params)
        #: ``setup.calendar(year)`` (the ``gkrules_calendar`` hook), asked once per year
        self.calendars = CalendarCache(calendar_lookup(setup))
        _warm_builtin(setup)


def _warm_builtin(setup: CheckerSetup) -> None:
    """Build the built-in calendar now, with the engine: it takes ~80 ms (the lunar holidays
    of the years not yet announced), which every worker process and the start-up example
    check would otherwise pay again on their first dated document; built before they are
    forked, they share it. Only the built-in source's cache is filled (our own code, bounded:
    a plugin's calendar is still asked only when a document needs it); whatever goes wrong
    here goes wrong again, and is reported, when a document needs the calendar."""
    if setup.ruleset is None:
        return
    try:
        calendar_from_section(setup.ruleset.spec.calendar)
    except Exception:
        pass
