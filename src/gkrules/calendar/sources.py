"""Where working days come from: the ``chinese-calendar`` package (the State Council's yearly
holiday notices, 2004 to its last year) and the ``calendar`` section of a rule set.

Precedence, per day:

1. ``regional_holidays`` of the rule set: days off in the region (on top of everything);
2. a year listed in the rule set's ``years``: that year's ``holidays``/``workdays`` only (the
   package is not consulted, so a newer announcement replaces an older package);
3. any other year the package covers: the package's days, corrected by the rule set's
   ``holidays``/``workdays`` dated in that year;
4. every other year: not covered — a question about it raises CalendarError.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as im
from functools import lru_cache

import chinese_calendar

from gkrules.calendar.table import WorkdayTable
from gkrules.errors import CalendarError
from gkrules.ruleset.schema import CalendarSection

#: the Chinese names of the package's holiday labels
_NAMES = {h.value: h.chinese for h in chinese_calendar.Holiday}
_NAMES.update({"Spring Festival": "春节", "National Day": "国庆节", "Mid-autumn Festival": "中秋节",
               "Labour Day": "劳动节", "Tomb-sweeping Day": "清明节", "Dragon Boat Festival": "端午节"})


def package_version() -> str:
    try:
        return im.version("chinese-calendar")
    except im.PackageNotFoundError:  # pragma: no cover - installed under its other name
        return im.version("chinesecalendar")


@lru_cache(maxsize=1)
def package_years() -> tuple[int, int]:
    """First and last year the installed chinese-calendar package has data for."""
    return min(chinese_calendar.holidays).year, max(chinese_calendar.holidays).year


def _package_days() -> tuple[dict[dt.date, str], dict[dt.date, str]]:
    return dict(chinese_calendar.holidays), dict(chinese_calendar.workdays)


@lru_cache(maxsize=64)
def calendar_from_section(section: CalendarSection) -> WorkdayTable:
    """The built-in calendar under a rule set's ``calendar`` section (cached per section)."""
    first, last = package_years()
    pkg_off, pkg_on = _package_days()
    complete = set(section.years)
    covered = set(range(first, last + 1)) | complete
    # layers in precedence order, later ones win: the package (not for the years the rule set
    # gives completely), the rule set's holidays and working days, then regional holidays
    layers = (
        (((d, _NAMES.get(n, n)) for d, n in pkg_off.items() if d.year not in complete), False, None),
        (((d, _NAMES.get(n, n)) for d, n in pkg_on.items() if d.year not in complete), True, None),
        (((d, span.name) for d, span in section.holiday_days.items()), False, "holidays"),
        (((d, span.name) for d, span in section.workday_days.items()), True, "workdays"),
        (((d, span.name or "地方节日") for d, span in section.regional_days.items()), False, None),
    )
    worked: dict[dt.date, bool] = {}
    names: dict[dt.date, str] = {}
    for days, work, key in layers:
        for d, name in days:
            if key is not None:
                _check_year(d, covered, key)
            worked[d] = work
            if name:
                names[d] = name
    off = {d for d, w in worked.items() if not w}
    on = {d for d, w in worked.items() if w}
    sources = f"内置 chinese-calendar {package_version()} 覆盖 {first}–{last} 年"
    if complete:
        sources += "；规则集补充了 " + "、".join(str(y) for y in sorted(complete)) + " 年"
    if section.regional_holidays:
        sources += f"；含 {len(section.regional_holidays)} 项地方节日"
    return WorkdayTable(covered, off, on, names=names, sources=sources)


def _check_year(day: dt.date, covered: set[int], key: str) -> None:
    if day.year not in covered:
        raise CalendarError(
            f"规则集 calendar.{key} 列出了 {day}，但 {day.year} 年既不在 calendar.years 中，内置日历也没有该年数据："
            f"请把 {day.year} 加入 calendar.years，并写全该年的放假和调休上班日期")


def national_calendar() -> WorkdayTable:
    """The calendar of the package alone (no rule-set supplements)."""
    return calendar_from_section(CalendarSection())


def required_years(today: dt.date) -> tuple[int, ...]:
    """Years a deployment must cover on ``today``: this year, and from 1 December also the next
    (the State Council announces next year's arrangement in November; rules-basis §8)."""
    if (today.month, today.day) >= (12, 1):
        return today.year, today.year + 1
    return (today.year,)
