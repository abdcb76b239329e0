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

from gkrules.errors import CalendarError

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
                 names: Mapping[dt.date, str] | None = None, sources: str = ""):
        self.years = frozenset(years)
        if not self.years:
            raise CalendarError("工作日历没有任何年份的数据")
        off, on = set(holidays), set(workdays)
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
        return CalendarError(
            f"工作日历没有 {year} 年的节假日安排（{known}），无法按工作日计算期限。"
            f"请在规则集的 calendar 部分补充 {year} 年的放假和调休上班日期（years、holidays、workdays，"
            f"见 docs/calendar.md），或升级 gkrules；不会按周一至周五估算。")

    # -- the WorkdayCalendar protocol ------------------------------------------------------

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (调休上班 weekends included)."""
        self._require(day, day)
        return day.toordinal() in self._set

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """``chinese_calendar.find_workday(n, start)``.

        n ≥ 1: the n-th working day strictly after ``start`` (the deadline of "within n
        working days from ``start``"); n = 0: ``start`` if it is a working day, else the next
        working day; n < 0: the |n|-th working day strictly before ``start``.
        """
        if n == 0:
            if self.is_workday(start):
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
        """
        so, eo = start.toordinal(), end.toordinal()
        if eo < so:
            return -self.workdays_between(end, start)
        if eo == so:
            return 0
        if not (self.contiguous and self._lo <= so + 1 and eo <= self._hi):  # hot path: a monitor asks 10^5 times
            self._require(start + dt.timedelta(days=1), end)
        ords = self._ords
        return bisect_right(ords, eo) - bisect_right(ords, so)

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
