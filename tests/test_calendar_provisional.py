"""Provisional years (docs/calendar.md「暂定年份」): the statutory days the law fixes, deadline
intervals that contain the true deadline, and the checkers and monitor using them.

No test here reads the clock: every ``today`` is explicit."""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.calendar import national_calendar
from gkrules.calendar.provisional import Zone, statutory_days, zone_delta_bounds
from gkrules.calendar.sources import build_calendar, package_years
from gkrules.calendar.table import WorkdayTable
from gkrules.cli import main
from gkrules.deadlines import Item, RequestRecord, Rule, evaluate, evaluate_request
from gkrules.errors import ProvisionalCalendarError
from gkrules.ruleset.schema import CalendarSection

D = dt.date
ONE = dt.timedelta(days=1)


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=k) for k in range((last - first).days + 1)]


# -- what the law fixes ------------------------------------------------------------------------

# The statutory days (not the 调休 or 补假) of the State Council's notices, transcribed from the
# notices themselves: 国办发明电〔2024〕12号 (2025) and 国办发明电〔2025〕7号 (2026), under
# 《全国年节及纪念日放假办法》 as revised by 国务院令第795号.
STATUTORY_IN_NOTICES = {
    2025: {D(2025, 1, 1): "元旦", **{d: "春节" for d in _days(D(2025, 1, 28), D(2025, 1, 31))},
           D(2025, 4, 4): "清明节", D(2025, 5, 1): "劳动节", D(2025, 5, 2): "劳动节", D(2025, 5, 31): "端午节",
           D(2025, 10, 1): "国庆节", D(2025, 10, 2): "国庆节", D(2025, 10, 3): "国庆节", D(2025, 10, 6): "中秋节"},
    2026: {D(2026, 1, 1): "元旦", **{d: "春节" for d in _days(D(2026, 2, 16), D(2026, 2, 19))},
           D(2026, 4, 5): "清明节", D(2026, 5, 1): "劳动节", D(2026, 5, 2): "劳动节", D(2026, 6, 19): "端午节",
           D(2026, 9, 25): "中秋节", D(2026, 10, 1): "国庆节", D(2026, 10, 2): "国庆节", D(2026, 10, 3): "国庆节"},
}


@pytest.mark.parametrize("year", sorted(STATUTORY_IN_NOTICES))
def test_statutory_days_derived_from_the_law_equal_the_notices(year):
    assert statutory_days([year]) == STATUTORY_IN_NOTICES[year]


def test_every_statutory_day_of_every_announced_year_is_a_rest_day():
    official = national_calendar()
    first, last = package_years()
    for year in range(max(first, 2008), last + 1):
        for day in statutory_days([year]):
            assert not official.is_workday(day), day


def test_2027_is_provisional_with_the_law_s_days():
    cal = national_calendar()
    assert 2027 in cal.provisional_years and 2026 in cal.official_years
    days = statutory_days([2027])
    assert sorted(d for d, n in days.items() if n == "春节") == _days(D(2027, 2, 5), D(2027, 2, 8))  # 除夕 to 初三
    assert sorted(d for d, n in days.items() if n == "国庆节") == _days(D(2027, 10, 1), D(2027, 10, 3))
    assert len(days) == 13  # 1 + 4 + 1 + 2 + 1 + 1 + 3
    for day in days:
        assert not cal.is_workday(day)  # statutory days are certain
    assert cal.is_workday(D(2027, 3, 10)) and not cal.is_workday(D(2027, 3, 13))  # far from any holiday
    with pytest.raises(ProvisionalCalendarError):
        cal.is_workday(D(2027, 2, 9))  # 补假 or 调休: the notice decides


# -- the bound ---------------------------------------------------------------------------------

def _arrangements(zone: Zone, rng: random.Random, k: int):
    """Random arrangements of ``zone`` consistent with the model (r − w = makeup, w ≤ max)."""
    for _ in range(k):
        w = rng.randint(0, min(zone.max_worked, len(zone.work)))
        r = zone.makeup + w
        if r > len(zone.rest):
            continue
        yield set(rng.sample(zone.rest, r)), set(rng.sample(zone.work, w))


@settings(max_examples=200, deadline=None)
@given(seed=st.integers(0, 10**6), lo=st.integers(0, 40), hi=st.integers(0, 40))
def test_zone_bounds_contain_every_arrangement(seed, lo, hi):
    rng = random.Random(seed)
    zone = rng.choice(national_calendar().zones)
    span = sorted(set(zone.rest + zone.work))
    a = span[0] - 1 + min(lo, hi) % (len(span) + 2)
    b = a + abs(hi - lo)
    rest_in = sum(1 for o in zone.rest if a < o <= b)
    work_in = sum(1 for o in zone.work if a < o <= b)
    least, most = zone_delta_bounds(zone, rest_in, work_in)
    for rest, work in _arrangements(zone, rng, 30):
        delta = sum(1 for o in work if a < o <= b) - sum(1 for o in rest if a < o <= b)
        assert least <= delta <= most


def test_a_window_over_a_whole_holiday_is_exact():
    # the 补假 owed is known, so a window that holds all of 春节 2027 is counted exactly
    cal = national_calendar()
    assert cal.deadline_bounds(D(2027, 1, 20), 20) == (D(2027, 2, 23), D(2027, 2, 23))
    lo, hi = cal.count_bounds(D(2027, 1, 10), D(2027, 3, 10))
    assert lo == hi


# Extraordinary decisions outside the yearly notice cannot be foreseen from the law; the
# backtest compares with the yearly notice, which these decisions later changed (docs/calendar.md):
# 国务院《关于中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日调休放假的通知》(2015-09-03/04 off,
# 09-06 worked) and 国办发明电〔2020〕1号 (Spring Festival 2020 extended: 01-31 off, 02-01 not worked).
EXTRAORDINARY = {D(2015, 9, 3): True, D(2015, 9, 4): True, D(2015, 9, 6): False,
                 D(2020, 1, 31): True, D(2020, 2, 1): True}


def _notices_only() -> WorkdayTable:
    """The official calendar as the yearly notices made it (extraordinary decisions undone)."""
    first, last = package_years()
    worked = {d: EXTRAORDINARY.get(d, chinese_calendar.is_workday(d)) for d in _days(D(first, 1, 1), D(last, 12, 31))}
    off = {d for d, w in worked.items() if not w and d.weekday() < 5}
    on = {d for d, w in worked.items() if w and d.weekday() >= 5}
    return WorkdayTable(range(first, last + 1), off, on)


def test_the_oracle_undoes_exactly_the_extraordinary_days():
    notices = _notices_only()
    for day in _days(D(2015, 1, 1), D(2026, 12, 31)):
        expected = EXTRAORDINARY.get(day, chinese_calendar.is_workday(day))
        assert notices.is_workday(day) == expected, day


BACKTEST_YEARS = range(2015, 2027)


def backtest(year: int, samples: int = 500, seed: int = 0) -> list[int]:
    """Hide ``year`` and every later one (as a year before its notice), check that the interval
    holds the notice's answer for ``samples`` random starts in the year; the interval widths
    (calendar days) are returned."""
    rng = random.Random(seed * 10_000 + year)
    cal = build_calendar(CalendarSection(), official_until=year - 1)
    truth = _notices_only()
    widths = []
    # starts anywhere in the year whose 40-working-day answer stays within the notices' years
    days = min(365, (D(package_years()[1], 12, 31) - D(year, 1, 1)).days - 90)
    for _ in range(samples):
        start = D(year, 1, 1) + dt.timedelta(days=rng.randrange(days))
        n = rng.choice((3, 7, 20, 40))
        due = truth.add_workdays(start, n)
        first, last = cal.deadline_bounds(start, n)
        assert first <= due <= last, (year, start, n, due, first, last)
        lo, hi = cal.count_bounds(start, due)
        assert lo <= truth.workdays_between(start, due) <= hi
        widths.append((last - first).days)
    return widths


@pytest.mark.parametrize("year", BACKTEST_YEARS)
def test_backtest_the_interval_holds_the_official_deadline(year):
    widths = backtest(year)
    assert len(widths) == 500
    assert statistics.mean(widths) < 5 and max(widths) <= 21  # the figures in docs/calendar.md


# -- the checker, the monitor, the CLI ---------------------------------------------------------

NOTICE = """关于做好2027年元旦春节期间统计工作的通知

各区统计局：
现将有关事项通知如下，请认真贯彻执行。

XX市统计局
2026年12月10日
（此件公开发布）
"""


def _run(tmp_path, capsys, today: str) -> tuple[int, dict]:
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    code = main(["check", str(path), "--today", today, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_notice_across_the_provisional_year_gets_an_interval(tmp_path, capsys):
    code, report = _run(tmp_path, capsys, "2027-01-20")
    assert code in (0, 1) and report["complete"]
    findings = report["documents"][0]["findings"]
    assert not [f for f in findings if f["checker"] == "engine"]
    [late] = [f for f in findings if f["checker"] == "release-deadline" and f["rule"] == "late"]
    assert "暂定：2027 年调休安排尚未公布，期限在 2027-01-08" in late["message"]
    assert "provisional-calendar" in late["tags"]


def test_notice_far_from_its_deadline_says_nothing(tmp_path, capsys):
    code, report = _run(tmp_path, capsys, "2026-12-20")
    assert code == 0 and report["complete"]
    assert report["documents"][0]["findings"] == []


def test_due_soon_when_the_earliest_deadline_is_near(tmp_path, capsys):
    code, report = _run(tmp_path, capsys, "2027-01-07")
    assert code == 0
    [soon] = [f for f in report["documents"][0]["findings"] if f["checker"] == "release-deadline" and f["rule"] == "due-soon"]
    assert "2027-01-08" in soon["message"] and "暂定" in soon["message"]


def test_text_footer_says_a_provisional_year_was_used(tmp_path, capsys):
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    main(["check", str(path), "--today", "2027-01-20"])
    out = capsys.readouterr().out
    assert "暂定日历" in out


RULE = Rule(workdays=20, name="主动公开信息", basis="《政府信息公开条例》第二十六条")


@pytest.mark.parametrize(("start", "published", "today", "state"), [
    (D(2026, 12, 10), None, D(2027, 1, 20), "overdue"),       # past the latest possible day
    (D(2026, 12, 10), None, D(2027, 1, 8), "due-soon"),       # the earliest possible day is today
    (D(2026, 12, 10), None, D(2026, 12, 20), "pending"),
    (D(2026, 12, 9), D(2027, 1, 8), D(2027, 1, 20), "undetermined"),   # 19–21 working days
    (D(2026, 12, 10), D(2027, 1, 7), D(2027, 1, 20), "on-time"),
    (D(2026, 12, 10), D(2027, 1, 12), D(2027, 1, 20), "late"),
])
def test_evaluate_uses_the_interval(start, published, today, state):
    item = Item(start=start, rule=RULE, published=published)
    ev = evaluate(item, national_calendar(), today, 3)
    assert ev.state == state


def test_supplement_turns_the_interval_into_a_date():
    section_data = {"years": [2027], "holidays": [{"from": "2027-01-01", "to": "2027-01-03", "name": "元旦"}],
                    "workdays": []}
    from gkrules.ruleset.convert import structure
    from gkrules.ruleset.yamlio import Marks

    cal = build_calendar(structure(section_data, CalendarSection, Marks()))
    assert 2027 in cal.official_years and 2028 in cal.provisional_years
    first, last = cal.deadline_bounds(D(2026, 12, 10), 20)
    assert first == last == D(2027, 1, 8)


def test_request_across_a_provisional_year_is_not_an_error():
    record = RequestRecord("2026-099", D(2026, 12, 28))
    ev = evaluate_request(record, national_calendar(), today=D(2027, 1, 20), within=3)
    assert ev.due is not None and ev.due_earliest is not None and ev.due_earliest <= ev.due
    assert ev.state in ("pending", "due-soon")


def test_monitor_lists_provisional_rows_without_errors():
    from gkrules.deadlines import monitor
    from gkrules.model import CatalogEntry

    entries = [CatalogEntry(title="通知甲", formed=D(2026, 12, 10)), CatalogEntry(title="通知乙", formed=D(2027, 1, 5))]
    report = monitor(today=D(2027, 1, 20), catalog=entries)
    assert not report.errors
    [row] = [r for r in report.rows if r.title == "通知甲"]
    assert row.state == "overdue" and "暂定" in row.due_text and "暂定" in row.notes[0]


def _interpretation_batch(published: str):
    from gkrules.inputs import InputDocument
    from gkrules.model import CatalogEntry

    catalog = [CatalogEntry(title="青梧市统计局关于印发《青梧市统计调查员管理办法》的通知", doc_number="青统规〔2026〕3号",
                            kind="policy", published=D(2026, 12, 29))]
    text = (f"标　　题：《青梧市统计调查员管理办法》政策解读\n发布日期：{published}\n\n"
            "一、制定背景\n为规范统计调查员管理，市统计局制定了《青梧市统计调查员管理办法》。\n"
            "二、主要内容\n办法共五章二十条，明确了统计调查员的选聘、培训和考核。\n")
    return [InputDocument("解读.txt", text)], catalog


@pytest.mark.parametrize(("published", "late"), [("2027-01-05", False), ("2027-01-07", True)])
def test_interpretation_lag_across_a_provisional_year(published, late):
    # policy 2026-12-29; by 2027-01-05 2–6 working days have passed (maybe late: not said),
    # by 2027-01-07 at least 4 (> 3: late under every arrangement, said with the note)
    from gkrules import Engine

    docs, catalog = _interpretation_batch(published)
    report = Engine("national").check(docs, today=D.fromisoformat(published), catalog=catalog)
    assert report.complete
    found = [f for d in report.documents for f in d.findings if f.rule == "late-interpretation"]
    assert bool(found) == late
    if late:
        assert "暂定" in found[0].message and "4 个工作日" in found[0].message


def test_health_and_rules_say_which_years_are_provisional(capsys):
    from starlette.testclient import TestClient

    from gkrules.server import create_app

    with TestClient(create_app()) as client:
        data = client.get("/v1/health").json()
    [national] = data["rulesets"]
    assert 2027 in national["calendar"]["provisional"] and 2026 in national["calendar"]["official"]
    assert main(["rules"]) == 0
    assert "暂定 2027–2029 年" in capsys.readouterr().out
    assert main(["rules", "--format", "json"]) == 0
    assert 2027 in json.loads(capsys.readouterr().out)["calendar_years"]["provisional"]


def test_monitor_names_the_undetermined_state_in_chinese():
    from gkrules.deadlines import monitor
    from gkrules.deadlines.render import render_text
    from gkrules.model import CatalogEntry

    entry = CatalogEntry(title="可能逾期", formed=D(2026, 12, 9), published=D(2027, 1, 8))
    report = monitor(today=D(2027, 1, 20), catalog=[entry], show_all=True)
    [row] = report.rows
    assert row.state == "undetermined"
    assert "待定（调休未公布，可能逾期）" in render_text(report)


def test_the_reference_date_can_be_injected(tmp_path, capsys, monkeypatch):
    # GKRULES_TODAY (gkrules.clock) is the date when no --today is given: the same finding as
    # --today 2027-01-20, and one clear error when it is not a date
    path = tmp_path / "通知.txt"
    path.write_text(NOTICE, encoding="utf-8")
    monkeypatch.setenv("GKRULES_TODAY", "2027-01-20")
    assert main(["check", str(path), "--format", "json"]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert [f["rule"] for f in report["documents"][0]["findings"]] == ["late"]
    monkeypatch.setenv("GKRULES_TODAY", "2027-13-01")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("GKRULES_TODAY") == 1 and "YYYY-MM-DD" in err
