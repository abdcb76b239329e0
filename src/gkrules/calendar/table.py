"""A working-day calendar as a sorted table of working days.

Every day of the covered years is classified once, when the table is built; afterwards each
question is a binary search over the ordinals of the working days, so a monitor can ask it
for a hundred thousand items without walking day by day.

Counting follows 民法典第二百零一条 and ``chinese_calendar.find_workday(n, start)``: the start
day is never counted, counting begins the day after. A question that needs a day outside the
covered years raises :class:`gkrules.errors.CalendarError`; there is no Monday–Friday fallback.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping

from gkrules.calendar.provisional import Zone, zone_delta_bounds
from gkrules.errors import CalendarError, ProvisionalCalendarError

_WEEKDAYS = "一二三四五六日"


def weekday_name(day: dt.date) -> str:
    return "星期" + _WEEKDAYS[day.weekday()]


class WorkdayTable:
    """Working days of a set of whole years.

    ``holidays`` are days off (a weekday or weekend day); ``workdays`` are weekend days that
    are worked (调休上班). Any other day of a covered year is a working day from Monday to
    Friday. ``names`` optionally maps a day to the holiday it belongs to (for messages);
    ``sources`` says in Chinese where the years come from (for error messages).

    Implements :class:`gkrules.specs.WorkdayCalendar`.
    """

    def __init__(self, years: Iterable[int], holidays: Iterable[dt.date], workdays: Iterable[dt.date], *,
                 names: Mapping[dt.date, str] | None = None, sources: str = "",
                 provisional: Iterable[int] = (), zones: Iterable[Zone] = ()):
        self.years = frozenset(years)
        #: covered years without an official arrangement: statutory days only (see provisional.py)
        self.provisional_years = frozenset(provisional) & self.years
        self.official_years = self.years - self.provisional_years
        self.zones = tuple(sorted(zones, key=lambda z: z.first))
        self._zone_lo = self.zones[0].first.toordinal() if self.zones else None
        self._zone_firsts = [z.first.toordinal() for z in self.zones]
        self._uncertain = frozenset(o for z in self.zones for o in z.rest + z.work)
        if not self.years:
            raise CalendarError("工作日历没有任何年份的数据")
        off, on = set(holidays), set(workdays)
        self._off, self._on = frozenset(off), frozenset(on)
        self._extremes: tuple[WorkdayTable, WorkdayTable] | None = None
        self.first_year, self.last_year = min(self.years), max(self.years)
        self.contiguous = len(self.years) == self.last_year - self.first_year + 1
        self.sources = sources
        self.names = dict(names or {})
        ords: list[int] = []
        for year in sorted(self.years):
            day = dt.date(year, 1, 1)
            end = dt.date(year, 12, 31).toordinal()
            o = day.toordinal()
            wd = day.weekday()
            while o <= end:
                d = dt.date.fromordinal(o)
                if d in on or (wd < 5 and d not in off):
                    ords.append(o)
                o += 1
                wd = (wd + 1) % 7
        self._ords = ords
        self._set = frozenset(ords)
        # ordinals of the first and last covered day, for the common contiguous case
        self._lo = dt.date(self.first_year, 1, 1).toordinal()
        self._hi = dt.date(self.last_year, 12, 31).toordinal()

    # -- coverage --------------------------------------------------------------------------

    def covers_year(self, year: int) -> bool:
        return year in self.years

    def _missing(self, first: dt.date, last: dt.date) -> int | None:
        """The first year of [first, last] that the table does not cover."""
        y1, y2 = first.year, last.year
        if self.contiguous and self.first_year <= y1 and y2 <= self.last_year:
            return None
        for y in range(y1, y2 + 1):
            if y not in self.years:
                return y
        return None

    def _require(self, first: dt.date, last: dt.date) -> None:
        year = self._missing(first, last)
        if year is not None:
            raise self.error(year)

    def error(self, year: int) -> CalendarError:
        known = self.sources or f"已有 {self.first_year}–{self.last_year} 年"
        if year < self.first_year:
            why = f"{year} 年早于日历的第一个年份，当时的放假办法与现行不同，不作推算"
        elif self.provisional_years and year > max(self.provisional_years):
            why = (f"{year} 年距最后一个有正式安排的年份超过 {len(self.provisional_years)} 年，"
                   f"放假办法可能已经修订，不按现行办法推算")
        else:
            why = "无法按工作日计算期限"
        return CalendarError(
            f"工作日历没有 {year} 年的节假日安排（{known}）：{why}。"
            f"请在规则集的 calendar 部分补充 {year} 年的放假和调休上班日期（years、holidays、workdays，"
            f"见 docs/calendar.md），或升级 gkrules；不会按周一至周五估算。")

    # -- the WorkdayCalendar protocol ------------------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (调休上班 weekends included)."""
        self._require(day, day)
        o = day.toordinal()
        if o in self._uncertain:
            raise self._provisional_error(day, day)
        return o in self._set

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """``chinese_calendar.find_workday(n, start)``.

        n ≥ 1: the n-th working day strictly after ``start`` (the deadline of "within n
        working days from ``start``"); n = 0: ``start`` if it is a working day, else the next
        working day; n < 0: the |n|-th working day strictly before ``start``. Raises
        ProvisionalCalendarError when the answer depends on a provisional year's 调休
        (:meth:`deadline_bounds` gives the interval then).
        """
        if n < 0:
            result = self._base_add(start, n)
            if self._touches_zone(result, start):
                raise self._provisional_error(result, start)
            return result
        earliest, latest = self.deadline_bounds(start, n)
        if earliest != latest:
            raise self._provisional_error(earliest, latest, within=(start, latest))
        return earliest

    def _base_add(self, start: dt.date, n: int) -> dt.date:
        """add_workdays on the certain part alone (provisional days as plain weekdays/weekends)."""
        if n == 0:
            self._require(start, start)
            if start.toordinal() in self._set:
                return start
            n = 1
        o = start.toordinal()
        if n > 0:
            j = bisect_right(self._ords, o) + n - 1
            if j >= len(self._ords):
                raise self.error(self._next_missing(start))
            result = dt.date.fromordinal(self._ords[j])
            self._require(start + dt.timedelta(days=1), result)
            return result
        j = bisect_left(self._ords, o) + n
        if j < 0:
            raise self.error(self.first_year - 1 if self.first_year <= start.year else start.year)
        result = dt.date.fromordinal(self._ords[j])
        self._require(result, start - dt.timedelta(days=1))
        return result

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: after ``start``, up to and including ``end``.

        This is the number of working days elapsed since ``start`` on day ``end``: the
        deadline ``add_workdays(start, n)`` is the first day on which it reaches n. When
        ``end`` is before ``start`` the result is minus the working days in (end, start].
        Raises ProvisionalCalendarError when the count depends on a provisional 调休.
        """
        so, eo = start.toordinal(), end.toordinal()
        if eo < so:
            return -self.workdays_between(end, start)
        if eo == so:
            return 0
        if not (self.contiguous and self._lo <= so + 1 and eo <= self._hi):  # hot path: a monitor asks 10^5 times
            self._require(start + dt.timedelta(days=1), end)
        ords = self._ords
        n = bisect_right(ords, eo) - bisect_right(ords, so)
        if self._zone_lo is None or eo < self._zone_lo:
            return n
        lo, hi = self._zone_bounds(so, eo)
        if lo != hi:
            raise self._provisional_error(start + dt.timedelta(days=1), end)
        return n + lo

    # -- provisional years -----------------------------------------------------------------

    def count_bounds(self, start: dt.date, end: dt.date) -> tuple[int, int]:
        """Least and most working days in (start, end] under every arrangement of the
        provisional years consistent with the law (equal when nothing provisional matters)."""
        so, eo = start.toordinal(), end.toordinal()
        if eo <= so:
            n = -self.workdays_between(end, start) if eo < so else 0
            return n, n
        self._require(start + dt.timedelta(days=1), end)
        n = bisect_right(self._ords, eo) - bisect_right(self._ords, so)
        if self._zone_lo is None or eo < self._zone_lo:
            return n, n
        lo, hi = self._zone_bounds(so, eo)
        return n + lo, n + hi

    def deadline_bounds(self, start: dt.date, n: int) -> tuple[dt.date, dt.date]:
        """Earliest and latest possible ``add_workdays(start, n)`` (n ≥ 0) under every
        arrangement of the provisional years consistent with the law."""
        if n == 0:
            o = start.toordinal()
            self._require(start, start)
            if o not in self._uncertain:
                return (start, start) if o in self._set else self.deadline_bounds(start, 1)
            return start, self.deadline_bounds(start, 1)[1]
        base = self._base_add(start, n)
        if self._zone_lo is None or base.toordinal() < self._zone_lo - 1:
            return base, base
        return self._first_reaching(start, n, 1), self._first_reaching(start, n, 0)

    def _first_reaching(self, start: dt.date, n: int, which: int) -> dt.date:
        """First day d with count_bounds(start, d)[which] ≥ n (binary search: both bounds grow
        with d)."""
        so = start.toordinal()
        lo_o = so + 1
        hi_o = so + 1
        step = max(n, 1)
        while self.count_bounds(start, dt.date.fromordinal(hi_o))[which] < n:
            lo_o = hi_o + 1
            hi_o += step
            step *= 2
            if hi_o > self._hi:
                hi_o = self._hi
                if self.count_bounds(start, dt.date.fromordinal(hi_o))[which] < n:
                    raise self.error(self._next_missing(start))
        while lo_o < hi_o:
            mid = (lo_o + hi_o) // 2
            if self.count_bounds(start, dt.date.fromordinal(mid))[which] >= n:
                hi_o = mid
            else:
                lo_o = mid + 1
        return dt.date.fromordinal(lo_o)

    def _zone_bounds(self, so: int, eo: int) -> tuple[int, int]:
        """Sum over the zones of what their part inside (so, eo] may add to the plain count."""
        lo = hi = 0
        for k in range(bisect_right(self._zone_firsts, eo) - 1, -1, -1):
            zone = self.zones[k]
            if zone.last.toordinal() <= so:
                if zone.last.toordinal() < so - 40:  # zones are short and sorted by start
                    break
                continue
            rest_in = bisect_right(zone.rest, eo) - bisect_right(zone.rest, so)
            work_in = bisect_right(zone.work, eo) - bisect_right(zone.work, so)
            if rest_in == 0 and work_in == 0:
                continue
            d_lo, d_hi = zone_delta_bounds(zone, rest_in, work_in)
            lo += d_lo
            hi += d_hi
        return lo, hi

    def extremes(self) -> tuple[WorkdayTable, WorkdayTable]:
        """Two exact calendars that bracket every arrangement of the provisional years: the
        first works every uncertain day (deadlines earliest), the second rests on every one
        (deadlines latest). Looser than :meth:`deadline_bounds` but valid for any computation
        that counts forward (a request's clock with pauses)."""
        if self._extremes is None:
            rest = {dt.date.fromordinal(o) for z in self.zones for o in z.rest}
            work = {dt.date.fromordinal(o) for z in self.zones for o in z.work}
            self._extremes = (
                WorkdayTable(self.years, self._off, self._on | work, names=self.names, sources=self.sources),
                WorkdayTable(self.years, self._off | rest, self._on, names=self.names, sources=self.sources))
        return self._extremes

    def _touches_zone(self, first: dt.date, last: dt.date) -> bool:
        fo, lo = first.toordinal(), last.toordinal()
        return any(z.first.toordinal() <= lo and fo <= z.last.toordinal() for z in self.zones)

    def provisional_in(self, first: dt.date, last: dt.date) -> tuple[int, ...]:
        """The provisional years whose arrangement (调休) matters for days in [first, last]."""
        fo, lo = first.toordinal(), last.toordinal()
        return tuple(sorted({z.year for z in self.zones if z.first.toordinal() <= lo and fo <= z.last.toordinal()}))

    def _provisional_error(self, first: dt.date, last: dt.date, *,
                           within: tuple[dt.date, dt.date] | None = None) -> ProvisionalCalendarError:
        years = self.provisional_in(*(within or (first, last))) or tuple(sorted(self.provisional_years))
        listed = "、".join(str(y) for y in years)
        return ProvisionalCalendarError(
            f"暂定：{listed} 年调休安排尚未公布，{first.isoformat()} 至 {last.isoformat()} 之间的工作日无法确定；"
            f"请用区间计算（count_bounds、deadline_bounds），或在规则集的 calendar 部分补充 {listed} 年的放假安排"
            f"（见 docs/calendar.md）", years=years)

    # -- helpers for messages --------------------------------------------------------------

    def _next_missing(self, start: dt.date) -> int:
        y = max(start.year, self.first_year)
        while y in self.years:
            y += 1
        return y

    def describe(self, day: dt.date) -> str:
        """``2026-10-10（星期六，调休上班）`` — a Saturday deadline explains itself."""
        note = weekday_name(day)
        try:
            work = self.is_workday(day)
        except CalendarError:
            return f"{day.isoformat()}（{note}）"
        if work and day.weekday() >= 5:
            note += "，调休上班"
        elif not work and day.weekday() < 5:
            note += "，" + (self.names.get(day) or "节假日")
        return f"{day.isoformat()}（{note}）"


def describe_day(calendar, day: dt.date) -> str:
    """``describe`` for any WorkdayCalendar (plugin calendars need only the protocol)."""
    if isinstance(calendar, WorkdayTable):
        return calendar.describe(day)
    note = weekday_name(day)
    try:
        if day.weekday() >= 5 and calendar.is_workday(day):
            note += "，调休上班"
    except CalendarError:
        pass
    return f"{day.isoformat()}（{note}）"
