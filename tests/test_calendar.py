"""The working-day calendar: worked examples, every covered year against an independent
transcription of the State Council's notices, supplements, regional holidays, the hook."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from gkrules.calendar import (
    WorkdayTable,
    calendar_from_section,
    get_calendar,
    national_calendar,
    package_years,
    required_years,
)
from gkrules.context import CheckerSetup
from gkrules.errors import CalendarError, ProvisionalCalendarError, RulesetError
from gkrules.plugins import PluginManager, hookimpl
from gkrules.ruleset import load_ruleset
from gkrules.ruleset.convert import structure
from gkrules.ruleset.schema import CalendarSection, DaySpan, RulesetFile
from gkrules.ruleset.yamlio import Marks

D = dt.date
ONE = dt.timedelta(days=1)


@pytest.fixture(scope="module")
def cal() -> WorkdayTable:
    return national_calendar()


# -- rules-basis §8 worked examples ----------------------------------------------------------

@pytest.mark.parametrize(("start", "n", "due"), [
    (D(2026, 2, 10), 20, D(2026, 3, 16)),   # formed, crosses the nine-day Spring Festival
    (D(2026, 9, 15), 20, D(2026, 10, 19)),  # request received, 20 WD reply
    (D(2026, 9, 15), 40, D(2026, 11, 16)),  # same, with the 20 WD extension
    (D(2026, 9, 30), 3, D(2026, 10, 10)),   # interpretation lag: a Saturday that is worked
    (D(2026, 4, 30), 7, D(2026, 5, 13)),    # penalty decision, 7 WD
    (D(2026, 2, 21), 0, D(2026, 2, 24)),    # n = 0 on a Spring Festival Saturday
])
def test_worked_examples(cal, start, n, due):
    assert cal.add_workdays(start, n) == due
    if n:
        assert cal.workdays_between(start, due) == n
        assert cal.workdays_between(start, due - ONE) == n - 1
    # the package agrees wherever its find_workday has the same meaning (start is a working day)
    if cal.is_workday(start) or n == 0:
        assert chinese_calendar.find_workday(n, start) == due


def test_adjusted_saturday_is_described(cal):
    assert cal.describe(D(2026, 10, 10)) == "2026-10-10（星期六，调休上班）"
    assert cal.describe(D(2026, 10, 7)) == "2026-10-07（星期三，国庆节）"
    assert cal.describe(D(2026, 10, 8)) == "2026-10-08（星期四）"
    assert cal.is_workday(D(2026, 10, 10)) and not cal.is_workday(D(2026, 10, 7))


def test_start_day_off_counts_the_next_working_day_as_day_one(cal):
    # decided on Saturday 2026-03-07: Monday is the 1st working day (民法典第二百零一条);
    # chinese_calendar.find_workday(1, Saturday) would answer Tuesday
    assert cal.add_workdays(D(2026, 3, 7), 1) == D(2026, 3, 9)
    assert cal.add_workdays(D(2026, 3, 7), 7) == D(2026, 3, 17)
    assert chinese_calendar.find_workday(1, D(2026, 3, 7)) == D(2026, 3, 10)


def test_backwards_and_between(cal):
    assert cal.add_workdays(D(2026, 10, 8), -1) == D(2026, 9, 30)
    assert cal.add_workdays(D(2026, 10, 10), -3) == D(2026, 9, 30)
    assert cal.workdays_between(D(2026, 10, 19), D(2026, 9, 15)) == -20
    assert cal.workdays_between(D(2026, 5, 1), D(2026, 5, 1)) == 0


def test_walk_past_the_table_fails_closed(cal):
    # 2027–2029 are provisional (the law's statutory days, 调休 unknown): an exact answer that
    # depends on the unknown 调休 is refused with the interval methods named
    with pytest.raises(ProvisionalCalendarError) as exc:
        cal.add_workdays(D(2026, 12, 20), 20)
    assert "2027 年调休安排尚未公布" in str(exc.value) and exc.value.years == (2027,)
    assert cal.deadline_bounds(D(2026, 12, 20), 20) == (D(2027, 1, 18), D(2027, 1, 19))
    # beyond the provisional years, and before the first year, there is nothing to derive from
    for call in (lambda: cal.add_workdays(D(2029, 12, 20), 20), lambda: cal.is_workday(D(2030, 1, 4)),
                 lambda: cal.deadline_bounds(D(2029, 12, 20), 20)):
        with pytest.raises(CalendarError) as exc:
            call()
        message = str(exc.value)
        assert "2030 年" in message and "calendar" in message and "周一至周五" in message
        assert "放假办法可能已经修订" in message
    with pytest.raises(CalendarError, match="早于日历的第一个年份"):
        cal.add_workdays(D(2004, 1, 5), -5)
    # within the official table, the last days of 2026 are fine
    assert cal.add_workdays(D(2026, 12, 20), 5) == D(2026, 12, 25)


# -- every covered year against an independent computation --------------------------------

# Spring Festival and National Day of each year, transcribed from the 国务院办公厅 holiday
# notices (2017-Q4..2026 also in the corpus' independent table): (first day off, last day off,
# adjusted working days). Mid-Autumn breaks that fall inside the National Day window are listed
# too, so that every day of the window has an expected answer.
NOTICES: dict[int, list[tuple[dt.date, dt.date, tuple[dt.date, ...]]]] = {
    2004: [(D(2004, 1, 22), D(2004, 1, 28), (D(2004, 1, 17), D(2004, 1, 18))),
           (D(2004, 10, 1), D(2004, 10, 7), (D(2004, 10, 9), D(2004, 10, 10)))],
    2005: [(D(2005, 2, 9), D(2005, 2, 15), (D(2005, 2, 5), D(2005, 2, 6))),
           (D(2005, 10, 1), D(2005, 10, 7), (D(2005, 10, 8), D(2005, 10, 9)))],
    2006: [(D(2006, 1, 29), D(2006, 2, 4), (D(2006, 1, 28), D(2006, 2, 5))),
           (D(2006, 10, 1), D(2006, 10, 7), (D(2006, 9, 30), D(2006, 10, 8)))],
    2007: [(D(2007, 2, 18), D(2007, 2, 24), (D(2007, 2, 17), D(2007, 2, 25))),
           (D(2007, 10, 1), D(2007, 10, 7), (D(2007, 9, 29), D(2007, 9, 30)))],
    2008: [(D(2008, 2, 6), D(2008, 2, 12), (D(2008, 2, 2), D(2008, 2, 3))),
           (D(2008, 9, 29), D(2008, 10, 5), (D(2008, 9, 27), D(2008, 9, 28)))],
    2009: [(D(2009, 1, 25), D(2009, 1, 31), (D(2009, 1, 24), D(2009, 2, 1))),
           (D(2009, 10, 1), D(2009, 10, 8), (D(2009, 9, 27), D(2009, 10, 10)))],
    2010: [(D(2010, 2, 13), D(2010, 2, 19), (D(2010, 2, 20), D(2010, 2, 21))),
           (D(2010, 9, 22), D(2010, 9, 24), (D(2010, 9, 19), D(2010, 9, 25))),
           (D(2010, 10, 1), D(2010, 10, 7), (D(2010, 9, 26), D(2010, 10, 9)))],
    2011: [(D(2011, 2, 2), D(2011, 2, 8), (D(2011, 1, 30), D(2011, 2, 12))),
           (D(2011, 10, 1), D(2011, 10, 7), (D(2011, 10, 8), D(2011, 10, 9)))],
    2012: [(D(2012, 1, 22), D(2012, 1, 28), (D(2012, 1, 21), D(2012, 1, 29))),
           (D(2012, 9, 30), D(2012, 10, 7), (D(2012, 9, 29),))],
    2013: [(D(2013, 2, 9), D(2013, 2, 15), (D(2013, 2, 16), D(2013, 2, 17))),
           (D(2013, 9, 19), D(2013, 9, 21), (D(2013, 9, 22),)),
           (D(2013, 10, 1), D(2013, 10, 7), (D(2013, 9, 29), D(2013, 10, 12)))],
    2014: [(D(2014, 1, 31), D(2014, 2, 6), (D(2014, 1, 26), D(2014, 2, 8))),
           (D(2014, 10, 1), D(2014, 10, 7), (D(2014, 9, 28), D(2014, 10, 11)))],
    2015: [(D(2015, 2, 18), D(2015, 2, 24), (D(2015, 2, 15), D(2015, 2, 28))),
           (D(2015, 10, 1), D(2015, 10, 7), (D(2015, 10, 10),))],
    2016: [(D(2016, 2, 7), D(2016, 2, 13), (D(2016, 2, 6), D(2016, 2, 14))),
           (D(2016, 10, 1), D(2016, 10, 7), (D(2016, 10, 8), D(2016, 10, 9)))],
    2017: [(D(2017, 1, 27), D(2017, 2, 2), (D(2017, 1, 22), D(2017, 2, 4))),
           (D(2017, 10, 1), D(2017, 10, 8), (D(2017, 9, 30),))],
    2018: [(D(2018, 2, 15), D(2018, 2, 21), (D(2018, 2, 11), D(2018, 2, 24))),
           (D(2018, 9, 22), D(2018, 9, 24), ()),
           (D(2018, 10, 1), D(2018, 10, 7), (D(2018, 9, 29), D(2018, 9, 30)))],
    2019: [(D(2019, 2, 4), D(2019, 2, 10), (D(2019, 2, 2), D(2019, 2, 3))),
           (D(2019, 10, 1), D(2019, 10, 7), (D(2019, 9, 29), D(2019, 10, 12)))],
    # 2020: Spring Festival extended to 2 February (国办发明电〔2020〕1号); 1 February not worked
    2020: [(D(2020, 1, 24), D(2020, 2, 2), (D(2020, 1, 19),)),
           (D(2020, 10, 1), D(2020, 10, 8), (D(2020, 9, 27), D(2020, 10, 10)))],
    2021: [(D(2021, 2, 11), D(2021, 2, 17), (D(2021, 2, 7), D(2021, 2, 20))),
           (D(2021, 9, 19), D(2021, 9, 21), (D(2021, 9, 18),)),
           (D(2021, 10, 1), D(2021, 10, 7), (D(2021, 9, 26), D(2021, 10, 9)))],
    2022: [(D(2022, 1, 31), D(2022, 2, 6), (D(2022, 1, 29), D(2022, 1, 30))),
           (D(2022, 10, 1), D(2022, 10, 7), (D(2022, 10, 8), D(2022, 10, 9)))],
    2023: [(D(2023, 1, 21), D(2023, 1, 27), (D(2023, 1, 28), D(2023, 1, 29))),
           (D(2023, 9, 29), D(2023, 10, 6), (D(2023, 10, 7), D(2023, 10, 8)))],
    2024: [(D(2024, 2, 10), D(2024, 2, 17), (D(2024, 2, 4), D(2024, 2, 18))),
           (D(2024, 10, 1), D(2024, 10, 7), (D(2024, 9, 29), D(2024, 10, 12)))],
    2025: [(D(2025, 1, 28), D(2025, 2, 4), (D(2025, 1, 26), D(2025, 2, 8))),
           (D(2025, 10, 1), D(2025, 10, 8), (D(2025, 9, 28), D(2025, 10, 11)))],
    2026: [(D(2026, 2, 15), D(2026, 2, 23), (D(2026, 2, 14), D(2026, 2, 28))),
           (D(2026, 9, 25), D(2026, 9, 27), ()),
           (D(2026, 10, 1), D(2026, 10, 7), (D(2026, 9, 20), D(2026, 10, 10)))],
}
WINDOW = dt.timedelta(days=12)


def _expected(year: int, day: dt.date) -> bool:
    for first, last, worked in NOTICES[year]:
        if day in worked:
            return True
        if first <= day <= last:
            return False
    return day.weekday() < 5


def test_oracle_covers_every_year_of_the_package():
    first, last = package_years()
    assert sorted(NOTICES) == list(range(first, last + 1)), \
        "chinese-calendar covers other years now: add their Spring Festival and National Day to NOTICES"


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_spring_festival_and_national_day_match_the_notices(cal, year):
    wrong = []
    for first, last, _ in NOTICES[year]:
        day = first - WINDOW
        while day <= last + WINDOW:
            if cal.is_workday(day) != _expected(year, day):
                wrong.append(day)
            day += ONE
    assert not wrong, f"{year}: calendar disagrees with the notice on {wrong}"


def _naive_deadline(start: dt.date, n: int, year: int) -> dt.date:
    day, k = start, 0
    while k < n:
        day += ONE
        if _expected(year, day):
            k += 1
    return day


@pytest.mark.parametrize("year", sorted(NOTICES))
def test_deadlines_across_the_breaks_match_an_independent_count(cal, year):
    # 20 and 7 working days from each of the ten days before a break, counted on the notice
    for first, last, _ in NOTICES[year]:
        for back in range(1, 11):
            start = first - dt.timedelta(days=back)
            for n in (7, 20):
                due = _naive_deadline(start, n, year)
                if (due - first).days > 12 + (last - first).days:
                    continue  # the walk leaves the window that NOTICES describes
                assert cal.add_workdays(start, n) == due, (start, n)
                assert cal.workdays_between(start, due) == n


# -- supplements -----------------------------------------------------------------------------

def _section(data) -> CalendarSection:
    return structure(data, CalendarSection, Marks())


# A made-up arrangement for 2027, shaped like a real notice (the real one is added to the
# national rule set when the State Council publishes it).
SUPPLEMENT_2027 = {
    "years": [2027],
    "holidays": [
        {"from": "2027-01-01", "to": "2027-01-03", "name": "元旦"},
        {"from": "2027-02-06", "to": "2027-02-14", "name": "春节"},
        "2027-04-03..2027-04-05",
        {"from": "2027-05-01", "to": "2027-05-05", "name": "劳动节"},
        {"date": "2027-06-09", "name": "端午节"},
        {"from": "2027-09-15", "to": "2027-09-17", "name": "中秋节"},
        {"from": "2027-10-01", "to": "2027-10-07", "name": "国庆节"},
    ],
    "workdays": [{"date": "2027-02-20", "name": "春节"}, "2027-05-08", "2027-09-26", "2027-10-09"],
}


def test_supplement_adds_a_year():
    cal = calendar_from_section(_section(SUPPLEMENT_2027))
    assert cal.covers_year(2027) and cal.covers_year(2026)
    # across the year boundary: 2026-12-20 + 20 WD skips 元旦 2027
    assert cal.add_workdays(D(2026, 12, 20), 20) == D(2027, 1, 18)
    assert cal.is_workday(D(2027, 2, 20)) and not cal.is_workday(D(2027, 2, 8))
    assert cal.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 15)
    assert cal.describe(D(2027, 2, 10)) == "2027-02-10（星期三，春节）"
    with pytest.raises(CalendarError, match="2028"):
        cal.add_workdays(D(2027, 12, 20), 20)


def test_year_in_years_replaces_the_package():
    # an announcement newer than the package wins for the years it lists
    data = {"years": [2026], "holidays": ["2026-01-01"], "workdays": []}
    cal = calendar_from_section(_section(data))
    assert cal.is_workday(D(2026, 2, 16))          # the package's Spring Festival is gone
    assert not cal.is_workday(D(2026, 1, 1))


def test_correction_of_a_covered_year():
    cal = calendar_from_section(_section({"holidays": ["2026-03-02"], "workdays": ["2026-03-07"]}))
    assert not cal.is_workday(D(2026, 3, 2)) and cal.is_workday(D(2026, 3, 7))
    assert cal.is_workday(D(2026, 10, 10)) and not cal.is_workday(D(2026, 10, 1))  # rest untouched


def test_holiday_in_an_unknown_year_without_years_is_an_error():
    section = _section({"holidays": ["2027-01-01"]})
    with pytest.raises(CalendarError, match=r"2027 加入 calendar\.years"):
        calendar_from_section(section)


def test_regional_holiday_moves_a_deadline():
    plain = national_calendar()
    regional = calendar_from_section(_section(
        {"regional_holidays": [{"from": "2026-04-20", "to": "2026-04-21", "name": "三月三"}]}))
    assert plain.add_workdays(D(2026, 4, 15), 7) == D(2026, 4, 24)
    assert regional.add_workdays(D(2026, 4, 15), 7) == D(2026, 4, 28)
    assert regional.describe(D(2026, 4, 20)) == "2026-04-20（星期一，三月三）"
    assert not regional.covers_year(2030) and 2027 in regional.provisional_years


@pytest.mark.parametrize(("data", "message"), [
    ({"years": [2027]}, "没有该年的任何日期"),
    ({"workdays": ["2026-03-09"]}, "只能是周六或周日"),
    ({"holidays": ["2026-03-07"], "workdays": ["2026-03-07"]}, "同时列在"),
    ({"holidays": ["2026-03-09..2026-03-01"]}, "结束早于开始"),
    ({"holidays": ["2026-01-01..2026-03-01"]}, "超过 31 天"),
    ({"holidays": [{"date": "2026-03-09", "from": "2026-03-09", "to": "2026-03-10"}]}, "不能同时出现"),
    ({"holidays": [{"day": "2026-03-09"}]}, "未知的键 'day'"),
    ({"holidays": ["2026-3-9"]}, "应为日期"),
    ({"holidays": "2026-03-09"}, "应为列表"),
    ({"regional_holidays": ["2026-04-20"]}, "缺少 name"),
    ({"years": ["2027"]}, "应为整数"),
    ({"extra": []}, "未知的键 'extra'"),
])
def test_calendar_section_is_validated_strictly(data, message):
    with pytest.raises(RulesetError) as exc:
        structure({"id": "x", "version": "1", "calendar": data}, RulesetFile, Marks())
    assert message in str(exc.value)


def test_day_span_forms():
    section = _section({"holidays": [D(2026, 3, 2), "2026-03-03", "2026-03-04..2026-03-05",
                                     {"date": D(2026, 3, 6), "name": "测试"}]})
    assert [str(s) for s in section.holidays] == [
        "2026-03-02", "2026-03-03", "2026-03-04..2026-03-05", "2026-03-06（测试）"]
    assert DaySpan(D(2026, 3, 4), D(2026, 3, 5)) == section.holidays[2]


def test_ruleset_supplement_through_the_hook(tmp_path):
    (tmp_path / "ruleset.yaml").write_text(
        "id: test-2027\nversion: '1'\nextends: national\ncalendar:\n  years: [2027]\n"
        "  holidays: ['2027-01-01..2027-01-03', '2027-02-06..2027-02-14']\n  workdays: ['2027-02-20']\n",
        encoding="utf-8")
    cal = get_calendar(2027, ruleset=str(tmp_path / "ruleset.yaml"))
    assert cal.add_workdays(D(2027, 2, 5), 1) == D(2027, 2, 15)
    assert 2027 in cal.official_years and 2028 in cal.provisional_years
    national = get_calendar(2027)  # the national rule set alone: 2027 is provisional
    assert 2027 in national.provisional_years
    with pytest.raises(CalendarError, match="2030"):
        get_calendar(2030)


class _FixedCalendar:
    """A plugin calendar: every day a working day (only to see that it wins)."""

    def is_workday(self, day):
        return True

    def add_workdays(self, start, n):
        return start + dt.timedelta(days=n)

    def workdays_between(self, start, end):
        return (end - start).days


class _CalendarPlugin:
    @hookimpl
    def gkrules_calendar(self, ruleset, year):
        return _FixedCalendar() if year == 2030 else None


def test_plugin_calendar_wins_and_builtin_answers_the_rest():
    pm = PluginManager(extra=[("fixed-calendar", _CalendarPlugin())])
    rs = load_ruleset("national", pm)
    setup = CheckerSetup(checker_id="t", params=None, ruleset=rs, find_calendar=pm.calendar_finder(rs))
    assert isinstance(setup.calendar(2030), _FixedCalendar)
    assert isinstance(setup.calendar(2026), WorkdayTable)
    assert isinstance(setup.calendar(2027), WorkdayTable)  # provisional
    with pytest.raises(CalendarError, match="2031"):
        setup.calendar(2031)


def test_builtin_calendar_can_be_disabled_by_name():
    pm = PluginManager(block=["calendar"])
    rs = load_ruleset("national", pm)
    with pytest.raises(CalendarError):
        CheckerSetup(checker_id="t", params=None, ruleset=rs, find_calendar=pm.calendar_finder(rs)).calendar(2026)


# -- next year's arrangement (rules-basis §8) -------------------------------------------------

@pytest.mark.parametrize(("today", "years"), [
    (D(2026, 11, 22), (2026,)),
    (D(2026, 11, 30), (2026,)),
    (D(2026, 12, 1), (2026, 2027)),
    (D(2026, 12, 31), (2026, 2027)),
    (D(2027, 1, 1), (2027,)),
])
def test_required_years(today, years):
    assert required_years(today) == years


@pytest.mark.parametrize("today", [D(2026, 12, 6), D(2027, 1, 20), D(2027, 12, 20), D(2026, 11, 22)])
def test_national_calendar_answers_for_the_years_needed_on_any_day(today):
    """Whatever the date, the national rule set answers for the years a deployment needs:
    officially for announced years, provisionally (an interval) for the next ones — never an
    error (rules-basis §8, docs/calendar.md「暂定年份」). The date is explicit, never the clock."""
    cal = calendar_from_section(load_ruleset("national").spec.calendar)
    for year in required_years(today):
        assert cal.covers_year(year)
        first, last = cal.deadline_bounds(dt.date(year, 1, 1), 20)
        assert first <= last
    assert package_years()[1] in cal.official_years
