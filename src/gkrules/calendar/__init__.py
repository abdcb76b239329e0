"""Working days on China's official calendar (docs/calendar.md).

* :class:`WorkdayTable` — the calendar object (``is_workday``, ``add_workdays``,
  ``workdays_between``; the :class:`gkrules.specs.WorkdayCalendar` protocol).
* :func:`calendar_from_section` — the built-in calendar: ``chinese-calendar`` plus a rule
  set's ``calendar`` supplements (extra years, corrections, regional holidays).
* :func:`get_calendar` — the calendar a run would use: asks the ``gkrules_calendar`` hook, so
  a plugin's calendar wins over the built-in one.

Counting rule: the start day is not counted (民法典第二百零一条);
``add_workdays(start, n)`` is ``chinese_calendar.find_workday(n, start)``. A date outside
every known year raises :class:`gkrules.errors.CalendarError` — never a Monday–Friday guess.
"""

from __future__ import annotations

from gkrules.calendar.sources import (
    build_calendar,
    calendar_from_section,
    national_calendar,
    package_version,
    package_years,
    required_years,
)
from gkrules.calendar.table import WorkdayTable, describe_day, weekday_name
from gkrules.errors import CalendarError


def calendar_lookup(setup):
    """``year → calendar`` for a CheckerSetup, whose CalendarError for an uncovered year says
    which years are known and how to add one (the message reviewers see)."""

    def lookup(year: int):
        try:
            return setup.calendar(year)
        except CalendarError:
            if setup.ruleset is None:
                raise
            builtin = calendar_from_section(setup.ruleset.spec.calendar)
            if builtin.covers_year(year):  # another reason (no calendar function, a plugin said no)
                raise
            raise builtin.error(year) from None

    return lookup


def calendar_status(ruleset) -> dict:
    """Which years the built-in calendar of ``ruleset`` (a loaded Ruleset) knows officially and
    which provisionally — for ``gkrules rules``, ``gkrules deadlines`` and ``/v1/health``."""
    cal = calendar_from_section(ruleset.spec.calendar)
    official, provisional = sorted(cal.official_years), sorted(cal.provisional_years)
    text = f"工作日历：正式 {_ranges(official)} 年"
    if provisional:
        text += f"；暂定 {_ranges(provisional)} 年（调休安排尚未公布，只有法定节假日，跨入这些年份的期限按区间计算）"
    return {"official": official, "provisional": provisional, "source": cal.sources, "text": text}


def _ranges(years: list[int]) -> str:
    out: list[tuple[int, int]] = []
    for y in years:
        if out and out[-1][1] == y - 1:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return "、".join(f"{a}–{b}" if a != b else str(a) for a, b in out)


def get_calendar(year: int, ruleset=None, plugins=None):
    """The working-day calendar covering ``year`` under ``ruleset`` (an id, a path or a
    loaded Ruleset; default ``national``), as the ``gkrules_calendar`` hook answers it."""
    from gkrules.context import CheckerSetup
    from gkrules.plugins import PluginManager
    from gkrules.ruleset import Ruleset, load_ruleset

    plugins = plugins if plugins is not None else PluginManager()
    if not isinstance(ruleset, Ruleset):
        ruleset = load_ruleset(ruleset or "national", plugins.rulesets())
    setup = CheckerSetup(checker_id="calendar", params=None, ruleset=ruleset,
                         find_calendar=plugins.calendar_finder(ruleset))
    return calendar_lookup(setup)(year)


__all__ = [
    "CalendarError",
    "WorkdayTable",
    "build_calendar",
    "calendar_from_section",
    "calendar_lookup",
    "calendar_status",
    "describe_day",
    "get_calendar",
    "national_calendar",
    "package_version",
    "package_years",
    "required_years",
    "weekday_name",
]
