"""What the release-deadline rules compile once per engine: the parameters, the period
resolver and the working-day calendars (asked once per year)."""

from __future__ import annotations

from gkrules.calendar import calendar_lookup
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
