"""Where working days come from: the ``chinese-calendar`` package (the State Council's yearly
holiday notices, 2004 to its last year) and the ``calendar`` section of a rule set.

Precedence, per day:

1. ``regional_holidays`` of the rule set: days off in the region (on top of everything);
2. a year listed in the rule set's ``years``: that year's ``holidays``/``workdays`` only (the
   package is not consulted, so a newer announcement replaces an older package);
3. any other year the package covers: the package's days, corrected by the rule set's
   ``holidays``/``workdays`` dated in that year;
4. the three years after the last official one: provisional — the statutory days the law
   fixes, with the 调休 unknown (``provisional.py``): deadlines become intervals;
5. every other year: not covered — a question about it raises CalendarError.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata as im
from functools import lru_cache

import chinese_calendar

from gkrules.calendar.provisional import build_zones, law_days
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


#: how many years after the last official one are provisional; further ahead the law itself
#: may have changed (the 办法 was revised for 2008, 2014 and 2025), so nothing is derived
PROVISIONAL_AHEAD = 3


@lru_cache(maxsize=64)
def calendar_from_section(section: CalendarSection) -> WorkdayTable:
    """The built-in calendar under a rule set's ``calendar`` section (cached per section)."""
    return build_calendar(section)


def build_calendar(section: CalendarSection, official_until: int | None = None) -> WorkdayTable:
    """The calendar of the package and ``section``; years after ``official_until`` (default:
    none hidden) are treated as not yet announced — how the backtest asks "what would we have
    said a year earlier"."""
    first, last = package_years()
    if official_until is not None:
        last = min(last, official_until)
    pkg_off, pkg_on = _package_days()
    complete = {y for y in section.years if official_until is None or y <= official_until}
    official = set(range(first, last + 1)) | complete
    last_official = max(official)
    provisional = set(range(last_official + 1, last_official + 1 + PROVISIONAL_AHEAD))
    covered = official | provisional
    # layers in precedence order, later ones win: the package (not for the years the rule set
    # gives completely), the rule set's holidays and working days, then regional holidays
    # hiding a year hides its whole notice, including the last days of December before it that
    # the notice of its 元旦 arranges (e.g. 2018-12-29 worked, 2018-12-31 off: the 2019 notice)
    hidden_from = dt.date(last, 12, 15) if official_until is not None and last < package_years()[1] else None

    def in_package(d: dt.date) -> bool:
        return first <= d.year <= last and d.year not in complete and (hidden_from is None or d < hidden_from)

    layers = (
        (((d, _NAMES.get(n, n)) for d, n in pkg_off.items() if in_package(d)), False, None),
        (((d, _NAMES.get(n, n)) for d, n in pkg_on.items() if in_package(d)), True, None),
        (((d, span.name) for d, span in section.holiday_days.items()), False, "holidays"),
        (((d, span.name) for d, span in section.workday_days.items()), True, "workdays"),
    )
    worked: dict[dt.date, bool] = {}
    names: dict[dt.date, str] = {}
    for days, work, key in layers:
        for d, name in days:
            if key is not None:
                _check_year(d, official, key)
            elif official_until is not None and d.year > last_official:
                continue
            worked[d] = work
            if name:
                names[d] = name
    announced = set(worked)
    statutory, coinciding = law_days(sorted(provisional))
    for d, name in statutory.items():
        worked[d] = False
        names[d] = name
    for d, span in section.regional_days.items():
        _check_year(d, covered, "regional_holidays")
        worked[d] = False
        names[d] = span.name or "地方节日"
        announced.add(d)
    zones = build_zones(statutory, lambda d: worked.get(d, d.weekday() < 5), lambda d: d in announced,
                        frozenset(coinciding))
    off = {d for d, w in worked.items() if not w}
    on = {d for d, w in worked.items() if w}
    sources = f"内置 chinese-calendar {package_version()} 覆盖 {first}–{last} 年"
    if complete:
        sources += "；规则集补充了 " + "、".join(str(y) for y in sorted(complete)) + " 年"
    if section.regional_holidays:
        sources += f"；含 {len(section.regional_holidays)} 项地方节日"
    sources += "；" + "、".join(str(y) for y in sorted(provisional)) + " 年为暂定（只有法定节假日，调休未公布）"
    return WorkdayTable(covered, off, on, names=names, sources=sources, provisional=provisional, zones=zones)


def _check_year(day: dt.date, covered: set[int], key: str) -> None:
    if day.year not in covered:
        raise CalendarError(
            f"规则集 calendar.{key} 列出了 {day}，但 {day.year} 年既不在 calendar.years 中，内置日历也没有该年的正式安排："
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
