"""Years without an official holiday arrangement: what the law fixes, and how far the unknown
调休 can move a deadline (docs/calendar.md, 「暂定年份」).

《全国年节及纪念日放假办法》 fixes the statutory days of every year (元旦, 春节, 清明节, 劳动节,
端午节, 中秋节, 国庆节) and requires a statutory day that falls on a weekend to be made up on a
working day (补假). The State Council's yearly notice adds the 调休: weekdays next to a holiday
become rest days and as many weekend days nearby become working days. Until that notice is
known, a year is *provisional*:

* certain: statutory days are rest days; days far from any holiday are ordinary weekdays and
  weekends;
* uncertain: the weekdays just around a holiday (each may become a rest day) and the weekend
  days around it (each may become a working day), grouped into one :class:`Zone` per holiday
  (zones that touch are merged);
* known per zone: rest weekdays − worked weekend days = the 补假 owed (statutory days on a
  weekend), and the worked weekend days are few (``max_worked``).

From these, :func:`zone_delta_bounds` bounds how many working days any part of a zone can add
to or take from the plain count; the calendar turns that into deadline intervals. The zone
sizes come from every notice 2004–2026 (the widest distance seen, plus a day of margin).

Statutory days come from python-holidays (its China calendar follows each revision of the 办法
and computes lunar dates and the 清明 solar term for any year); its yearly 调休 data is not used.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from attrs import frozen

#: weekdays that may become rest days: this many days before the first / after the last
#: statutory day of a holiday (the widest seen 2004–2026: 2 before, 5 after; +1 margin)
REST_BEFORE, REST_AFTER = 3, 6
#: weekend days that may be worked (widest seen: 11 before 国庆 2026, 10 after 劳动节 2024; +1)
WORK_BEFORE, WORK_AFTER = 12, 12
#: at most this many weekend days worked per holiday (the most any notice 2004–2026 asked)
MAX_WORKED_PER_HOLIDAY = 2

#: the holiday a statutory day belongs to (python-holidays' Chinese names)
_HOLIDAY_OF = {"元旦": "元旦", "农历除夕": "春节", "春节": "春节", "清明节": "清明节", "劳动节": "劳动节",
               "端午节": "端午节", "中秋节": "中秋节", "国庆节": "国庆节"}

ONE = dt.timedelta(days=1)


#: statutory and coinciding days of 2004–2099 as python-holidays computes them, written by
#: ``python -m gkrules.calendar.provisional``: importing python-holidays loads all its 250
#: countries (0.12 s of every engine start, before workers fork). The table is read only when
#: the installed python-holidays is the version that wrote it, so the days are always the
#: installed package's (tests/test_calendar_table.py compares every year)
TABLE = Path(__file__).with_name("statutory_days.json")
TABLE_YEARS = range(2004, 2100)


def _table(years: list[int]) -> dict[str, Any] | None:
    """The precomputed days, when they are the installed python-holidays' and cover ``years``."""
    try:
        installed = importlib.metadata.version("holidays")
        data = json.loads(TABLE.read_text(encoding="utf-8"))
    except (importlib.metadata.PackageNotFoundError, OSError, ValueError):
        return None
    if data.get("holidays") != installed or not all(str(y) in data["statutory"] for y in years):
        return None
    return data


def law_days(years: Iterable[int]) -> tuple[dict[dt.date, str], set[dt.date]]:
    """(:func:`statutory_days`, :func:`coinciding_days`) of ``years``, the table read once."""
    years = list(years)
    table = _table(years)
    if table is None:
        return computed_statutory_days(years), computed_coinciding_days(years)
    return ({dt.date.fromisoformat(d): name for y in years for d, name in table["statutory"][str(y)]},
            {dt.date.fromisoformat(d) for y in years for d in table["coinciding"][str(y)]})


def statutory_days(years: Iterable[int]) -> dict[dt.date, str]:
    """The statutory days of ``years`` under the 办法 in force in each year, by holiday name.

    Only what the law fixes: no 补假 (where it falls is the notice's choice) and none of the
    package's yearly 调休 data.
    """
    return law_days(years)[0]


def coinciding_days(years: Iterable[int]) -> set[dt.date]:
    """Days on which two different holidays fall (中秋节 on 1 October, as in 2009 and 2020):
    the day is owed once more, like a holiday on a weekend."""
    return law_days(years)[1]


def computed_statutory_days(years: Iterable[int]) -> dict[dt.date, str]:
    """:func:`statutory_days` computed by python-holidays."""
    from holidays.countries.china import China

    class _Statutory(China):
        # python-holidays adds each year's 调休 as "special" holidays: leave them out
        def _add_special_holidays(self, *args, **kwargs):
            return None

    days: dict[dt.date, str] = {}
    for day, names in _Statutory(years=list(years), observed=False, language="zh_CN").items():
        holidays = [_HOLIDAY_OF[n.strip()] for n in str(names).split(";") if n.strip() in _HOLIDAY_OF]
        if holidays:
            days[day] = holidays[0]
    return days


def computed_coinciding_days(years: Iterable[int]) -> set[dt.date]:
    """:func:`coinciding_days` computed by python-holidays."""
    from holidays.countries.china import China

    out = set()
    for day, names in China(years=list(years), observed=False, language="zh_CN").items():
        held = {_HOLIDAY_OF[n.strip()] for n in str(names).split(";") if n.strip() in _HOLIDAY_OF}
        if len(held) > 1:
            out.add(day)
    return out


@frozen
class Zone:
    """The days around one holiday (or several that touch) whose status the notice decides."""

    #: the holidays, e.g. ("中秋节", "国庆节")
    holidays: tuple[str, ...]
    first: dt.date
    last: dt.date
    #: ordinals of weekdays that may become rest days (ascending)
    rest: tuple[int, ...]
    #: ordinals of weekend days that may become working days (ascending)
    work: tuple[int, ...]
    #: 补假 owed: rest weekdays − worked weekend days, in every arrangement
    makeup: int
    max_worked: int

    @property
    def year(self) -> int:
        """The year whose notice decides this zone (that of its statutory days)."""
        return self.last.year if self.holidays[0] == "元旦" else self.first.year


def build_zones(statutory: Mapping[dt.date, str], is_base_workday, fixed=lambda day: False,
                coinciding: frozenset[dt.date] = frozenset()) -> tuple[Zone, ...]:
    """Zones of the holidays in ``statutory`` (days of provisional years).

    ``is_base_workday(day)`` is the certain part of the calendar (weekdays work, weekends and
    statutory days rest, official years as announced); ``fixed(day)`` marks days already
    decided by an official notice, which never become uncertain.
    """
    clusters: list[tuple[str, list[dt.date]]] = []
    for day in sorted(statutory):
        name = statutory[day]
        if clusters and clusters[-1][0] == name and (day - clusters[-1][1][-1]).days <= 1:
            clusters[-1][1].append(day)
        else:
            clusters.append((name, [day]))
    raw: list[tuple[tuple[str, ...], dt.date, dt.date, set[dt.date]]] = []
    for name, run in clusters:
        first, last = run[0], run[-1]
        lo, hi = first - dt.timedelta(days=WORK_BEFORE), last + dt.timedelta(days=WORK_AFTER)
        raw.append(((name,), lo, hi, set(run)))
    merged: list[tuple[tuple[str, ...], dt.date, dt.date, set[dt.date]]] = []
    for names, lo, hi, members in raw:
        if merged and lo <= merged[-1][2] + ONE:
            m_names, m_lo, m_hi, m_days = merged[-1]
            merged[-1] = (m_names + names, m_lo, max(m_hi, hi), m_days | members)
        else:
            merged.append((names, lo, hi, members))
    return tuple(_zone(names, members, is_base_workday, fixed, coinciding) for names, _, _, members in merged)


def _zone(names: tuple[str, ...], days: set[dt.date], is_base_workday, fixed, coinciding) -> Zone:
    ordered = sorted(days)
    rest: set[int] = set()
    work: set[int] = set()
    for stat_first, stat_last in _runs(ordered):
        day = stat_first - dt.timedelta(days=max(REST_BEFORE, WORK_BEFORE))
        end = stat_last + dt.timedelta(days=max(REST_AFTER, WORK_AFTER))
        while day <= end:
            if day not in days and not fixed(day):
                before = (stat_first - day).days
                after = (day - stat_last).days
                if day.weekday() < 5 and is_base_workday(day) and before <= REST_BEFORE and after <= REST_AFTER:
                    rest.add(day.toordinal())
                elif day.weekday() >= 5 and not is_base_workday(day) and before <= WORK_BEFORE \
                        and after <= WORK_AFTER:
                    work.add(day.toordinal())
            day += ONE
    makeup = sum(1 for d in days if d.weekday() >= 5) + sum(1 for d in days if d in coinciding)
    every = sorted(rest | work)
    first = dt.date.fromordinal(every[0]) if every else ordered[0]
    last = dt.date.fromordinal(every[-1]) if every else ordered[-1]
    return Zone(holidays=names, first=min(first, ordered[0]), last=max(last, ordered[-1]),
                rest=tuple(sorted(rest)), work=tuple(sorted(work)), makeup=makeup,
                max_worked=MAX_WORKED_PER_HOLIDAY * len(names))


def _runs(days: list[dt.date]) -> Iterable[tuple[dt.date, dt.date]]:
    """Runs of consecutive days."""
    start = prev = days[0]
    for day in days[1:]:
        if (day - prev).days > 1:
            yield start, prev
            start = day
        prev = day
    yield start, prev


def zone_delta_bounds(zone: Zone, inside_rest: int, inside_work: int) -> tuple[int, int]:
    """Least and most working days that the part of ``zone`` inside a window adds to the plain
    count, given how many of its rest and work candidates lie inside the window.

    Every arrangement consistent with the law has r rest weekdays and w worked weekend days
    with r − w = makeup and w ≤ max_worked; the inside part contributes w_in − r_in.
    """
    out_rest = len(zone.rest) - inside_rest
    out_work = len(zone.work) - inside_work
    best_lo: int | None = None
    best_hi: int | None = None
    for w_in in range(min(inside_work, zone.max_worked) + 1):
        for w_out in range(min(out_work, zone.max_worked - w_in) + 1):
            # r_in + r_out = makeup + w_in + w_out with 0 ≤ r_in ≤ inside_rest, 0 ≤ r_out ≤ out_rest
            total_rest = zone.makeup + w_in + w_out
            r_in_min = max(0, total_rest - out_rest)
            r_in_max = min(inside_rest, total_rest)
            if r_in_min > r_in_max:
                continue
            lo, hi = w_in - r_in_max, w_in - r_in_min
            best_lo = lo if best_lo is None else min(best_lo, lo)
            best_hi = hi if best_hi is None else max(best_hi, hi)
    if best_lo is None or best_hi is None:  # no arrangement fits: fall back to the per-day bound
        return -inside_rest, inside_work
    return best_lo, best_hi


def write_table() -> None:
    """Write :data:`TABLE` with the installed python-holidays (after upgrading it)."""
    data = {"holidays": importlib.metadata.version("holidays"),
            "statutory": {str(y): [[d.isoformat(), n] for d, n in computed_statutory_days([y]).items()]
                          for y in TABLE_YEARS},
            "coinciding": {str(y): sorted(d.isoformat() for d in computed_coinciding_days([y])) for y in TABLE_YEARS}}
    TABLE.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_table()
