"""The built-in plugin that provides the working-day calendar (``gkrules_calendar``).

It runs last (``trylast``), so any plugin that returns a calendar wins over it; it answers
for every year that ``chinese-calendar`` or the rule set's ``calendar`` section covers and
returns None otherwise (``CheckerSetup.calendar`` then raises CalendarError).
"""

from __future__ import annotations

from gkrules.calendar.sources import calendar_from_section
from gkrules.plugins import hookimpl
from gkrules.ruleset.schema import CalendarSection


@hookimpl(trylast=True)
def gkrules_calendar(ruleset, year):
    section = ruleset.spec.calendar if ruleset is not None else CalendarSection()
    calendar = calendar_from_section(section)
    return calendar if calendar.covers_year(year) else None
