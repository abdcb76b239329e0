"""The release-deadline checker on real-looking pages: positives, hard negatives, the 2027 case."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules.calendar import get_calendar
from gkrules.checkers.release_deadline import analysis as analysis_module
from gkrules.cli import main
from gkrules.engine import Engine
from gkrules.metadata import extract
from gkrules.model import Severity
from gkrules.testing import check_batch, check_text, rules_of

D = dt.date
CHECKER = "release-deadline"


def rd(text: str, today: dt.date, **kw):
    result = check_text(text, checker=CHECKER, today=today, **kw)
    assert not result.errors, result.errors
    return result.findings


def page(formed: str, published: str | None = None, *, title: str = "青梧市统计局关于开展2026年统计开放日活动的通知",
         attribute: str = "主动公开") -> str:
    lines = [f"标　　题：{title}", "文　　号：青统字〔2026〕7号", f"成文日期：{formed}"]
    if published:
        lines.append(f"发布日期：{published}")
    lines += [f"公开方式：{attribute}", "", "各区县统计局：", "　　现将有关事项通知如下。", ""]
    return "\n".join(lines)


# -- worked examples (rules-basis §8) ---------------------------------------------------------

def test_twenty_workdays_across_the_2026_spring_festival():
    # formed 2026-02-10 + 20 WD → 2026-03-16 (the nine-day break and two working Saturdays)
    assert rd(page("2026-02-10", "2026-03-16"), D(2026, 3, 16)) == ()
    late = rd(page("2026-02-10", "2026-03-17"), D(2026, 3, 17))
    assert rules_of(late) == ["late"]
    f = late[0]
    assert f.severity == Severity.WARN and f.location.line == 3
    assert "共 21 个工作日" in f.message and "1 个工作日" in f.message and "2026-03-16" in f.message
    assert "第二十六条" in f.basis


def test_penalty_decision_seven_workdays_from_the_decision_field():
    text = ("行政处罚决定书文号：青统罚决字〔2026〕第4号\n当事人名称：青梧市恒达建材有限公司\n"
            "处罚内容：警告\n处罚机关：青梧市统计局\n处罚决定日期：{d}\n公示日期：{p}\n")
    # 2026-04-30 + 7 WD → 2026-05-13 (Labour Day 1–5 May off, Saturday 9 May worked)
    assert rd(text.format(d="2026年4月30日", p="2026年5月13日"), D(2026, 5, 13)) == ()
    late = rd(text.format(d="2026年4月30日", p="2026年5月14日"), D(2026, 5, 14))
    assert rules_of(late) == ["late"]
    assert "处罚决定日期 2026-04-30" in late[0].message and "7 个工作日（行政处罚决定）" in late[0].message
    assert "118号" in late[0].basis and "49号" in late[0].basis
    assert late[0].location.line == 5


def test_penalty_decision_book_by_its_title_and_signature():
    text = ("松岚区统计局行政处罚决定书\n松统罚决字〔2025〕第6号\n\n当事人：松岚区鑫源建材经营部\n"
            "　　经查，当事人未按规定时间报送统计资料。本局决定对当事人给予警告。\n\n松岚区统计局\n2025年9月26日\n")
    # 7 WD: National Day 2025 (1–8 Oct) off, Sunday 28 Sep and Saturday 11 Oct worked → 13 Oct
    soon = rd(text, D(2025, 10, 10))
    assert rules_of(soon) == ["due-soon"] and soon[0].severity == Severity.INFO
    assert "2025-10-13" in soon[0].message and "还剩 2 个工作日" in soon[0].message
    assert rules_of(rd(text, D(2025, 10, 14))) == ["late"]


def test_due_soon_on_a_working_sunday_with_a_signature_in_chinese_numerals():
    text = ("桐溪县统计局关于公开征集《桐溪统计年鉴》栏目设置意见的公告\n\n"
            "　　现面向社会公开征集意见建议。\n\n桐溪县统计局\n二〇二一年九月二十二日\n（此件主动公开）\n")
    soon = rd(text, D(2021, 10, 21))
    assert rules_of(soon) == ["due-soon"]
    assert soon[0].location.line == 6 and "2021-10-25" in soon[0].message
    # checked on Sunday 2022-10-09, a 调休 working day: 3 working days left
    notice = "关于开展走访活动的通知\n\n各区县统计局：\n　　请报送名单。\n\n青梧市统计局\n2022年9月8日\n"
    assert "还剩 3 个工作日" in rd(notice, D(2022, 10, 9))[0].message
    assert rd(notice, D(2022, 10, 1)) == ()  # 14 working days left: nothing to say yet


def test_unpublished_and_overdue():
    text = "关于开展统计诚信企业评选活动的通知\n\n各乡镇：\n　　请提出申请。\n\n鹤汀县统计局\n2023年11月2日\n"
    found = rd(text, D(2023, 12, 20))
    assert rules_of(found) == ["late"]
    assert "仍未发布" in found[0].message and "34 个工作日" in found[0].message and "14 个工作日" in found[0].message


def test_an_old_undated_page_republished_years_later_is_historical_not_late():
    # formed in 2021, no 发布日期 of its own, checked (i.e. published) in 2026: an archive page
    found = rd(page("2021-01-22"), D(2026, 11, 20))
    assert [(f.rule, f.severity) for f in found] == [("historical", Severity.INFO)]
    assert "历史文件" in found[0].message and "超过公开时限" in found[0].message
    # its own publication date keeps the real verdict: stated late is late, however old
    stated = rd(page("2021-01-22", "2021-06-30"), D(2026, 11, 20))
    assert [(f.rule, f.severity) for f in stated] == [("late", Severity.WARN)]
    # just under a year is still late
    assert rules_of(rd(page("2025-12-01"), D(2026, 11, 20))) == ["late"]


def test_historical_threshold_is_a_rule_set_parameter(tmp_path):
    rs = tmp_path / "site.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  release-deadline:\n"
                  "    params:\n      historical_after_workdays: 0\n", encoding="utf-8")
    found = check_text(page("2021-01-22"), checker=CHECKER, today=D(2026, 11, 20), ruleset=str(rs)).findings
    assert rules_of(found) == ["late"]


def test_adjusted_saturday_deadline_is_explained():
    # 2024-09-27 + 7 WD = Saturday 2024-10-12, a 调休 working day
    text = "行政处罚决定书文号：白统罚决字〔2024〕第3号\n处罚决定日期：2024年9月27日\n公示日期：2024年10月14日\n"
    (f,) = rd(text, D(2024, 10, 14))
    assert "2024-10-12（星期六，调休上班）" in f.message


# -- hard negatives ---------------------------------------------------------------------------

def test_old_dates_in_the_body_do_not_count():
    text = ("青梧市统计局关于开展统计法规清理工作的通知\n青统字〔2024〕41号\n\n各区县统计局：\n"
            "　　清理范围：2017年6月29日印发的《青梧市统计调查项目管理暂行办法》以及2019年12月31日以前制定的文件。\n"
            "　　各单位于2024年12月20日前提出意见。\n\n青梧市统计局\n2024年11月15日\n（此件主动公开）\n")
    assert rd(text, D(2024, 11, 20)) == ()


def test_a_notice_about_penalty_decisions_keeps_the_20_day_period():
    text = page("2026-03-02", "2026-03-20", title="青梧市统计局关于规范行政处罚决定公示工作的通知")
    assert rd(text, D(2026, 3, 20)) == ()  # 14 working days: late under 7, on time under 20


def test_a_notice_citing_an_old_decision_keeps_its_own_date():
    text = ("青梧市统计局关于青梧市鑫泰物流有限公司信用修复的公告\n\n"
            "　　该公司因提供不真实统计资料被行政处罚，处罚信息如下：\n"
            "行政处罚决定书文号：青统罚决字〔2024〕第12号\n处罚决定日期：2024年8月21日\n"
            "　　经审核，该公司已完成整改，准予信用修复。\n\n青梧市统计局\n2026年3月2日\n")
    assert rd(text, D(2026, 3, 4)) == ()


def test_a_page_of_several_decisions_is_due_by_the_first():
    text = ("行政处罚信息公示\n\n行政处罚决定书文号：青统罚决字〔2026〕第3号\n处罚决定日期：2026年3月10日\n\n"
            "行政处罚决定书文号：青统罚决字〔2026〕第2号\n处罚决定日期：2026年3月2日\n\n公示日期：2026年3月12日\n")
    (f,) = rd(text, D(2026, 3, 12))
    assert f.rule == "late" and "2026-03-02" in f.message and f.location.line == 7


@pytest.mark.parametrize("attribute", ["依申请公开", "不予公开"])
def test_documents_not_proactively_published_have_no_deadline(attribute):
    assert rd(page("2019-01-02", "2019-06-25", attribute=attribute), D(2019, 6, 25)) == ()


def test_a_late_page_that_would_be_on_time_without_tiaoxiu_is_late():
    # 2019 National Day: Sunday 29 Sep and Saturday 12 Oct worked → 20th working day is 17 Oct
    assert rules_of(rd(page("2019-09-16", "2019-10-18"), D(2019, 10, 18))) == ["late"]
    # 2019 Spring Festival: 18 working days, on time although 31 calendar days passed
    assert rd(page("2019-01-25", "2019-02-25"), D(2019, 2, 25)) == ()


# -- dates that cannot be used ----------------------------------------------------------------

def test_publication_before_formation():
    found = rd(page("2024-05-20", "2024-05-08"), D(2024, 5, 20))
    assert rules_of(found) == ["date-order"]
    assert found[0].location.line == 4 and "早于成文日期" in found[0].message


def test_formation_after_today():
    found = rd("关于开展调查的通知\n\n青梧市统计局\n2024年12月5日\n", D(2024, 11, 20))
    assert rules_of(found) == ["date-order"] and "晚于检查日期" in found[0].message


def test_unparseable_date_names_the_field():
    found = rd(page("2024年13月5日", "2024-05-08"), D(2024, 5, 8))
    assert rules_of(found) == ["unparseable-date"]
    assert "成文日期" in found[0].message and "2024年13月5日" in found[0].message
    assert found[0].location.line == 3


def test_no_formation_date_is_info_on_formal_documents_only():
    notice = "关于做好统计开放日活动的通知\n青统字〔2024〕9号\n\n各区县统计局：\n　　请做好组织工作。\n"
    found = rd(notice, D(2024, 9, 6))
    assert rules_of(found) == ["no-formation-date"] and found[0].severity == Severity.INFO
    assert rd(notice.replace("青统字〔2024〕9号\n", ""), D(2024, 9, 6)) == ()   # no number, no attribute
    assert rd("统计开放日活动侧记\n\n　　9月5日，市统计局举办统计开放日活动。\n", D(2024, 9, 6)) == ()


# -- metadata, overrides and changes ----------------------------------------------------------

def test_sidecar_dates_and_catalogue_period():
    text = "青梧市统计局机构职能\n\n一、主要职责\n　　组织领导和协调全市统计工作。\n"
    meta = {"formed": "2026-11-02", "published": "2026-11-10", "disclosure": "主动公开"}
    assert rd(text, D(2026, 11, 10), metadata=meta) == ()
    found = rd(text, D(2026, 11, 10), metadata={**meta, "deadline_workdays": 5})
    assert rules_of(found) == ["late"] and "目录条目自定时限" in found[0].message
    assert found[0].location is None  # the dates are in the sidecar only


def test_change_date_restarts_the_clock():
    text = page("2026-03-02", "2026-06-10").replace("公开方式", "变更日期：2026-05-20\n公开方式")
    assert rd(text, D(2026, 6, 10)) == ()
    assert rules_of(rd(page("2026-03-02", "2026-06-10"), D(2026, 6, 10))) == ["late"]


def test_annual_report_due_31_january():
    title = "青梧市统计局2025年政府信息公开工作年度报告"
    found = rd(page("2026-02-03", "2026-02-05", title=title), D(2026, 2, 5))
    assert rules_of(found) == ["periodic-late"]
    assert "2026-01-31" in found[0].message and "逾期 5 天" in found[0].message and "第四十九条" in found[0].basis
    assert rd(page("2026-01-20", "2026-01-23", title=title), D(2026, 1, 23)) == ()
    notice = "关于做好2025年政府信息公开工作年度报告编制工作的通知"
    assert rd(page("2026-02-03", "2026-02-05", title=notice), D(2026, 2, 5)) == ()


def test_annual_report_due_soon_before_publication():
    text = "标　　题：青梧市统计局2025年政府信息公开工作年度报告\n成文日期：2026-01-27\n"
    found = rd(text, D(2026, 1, 28))
    assert rules_of(found) == ["due-soon"] and "2026-01-31" in found[0].message


# -- the calendar: supplements, regional holidays, unknown years ------------------------------

SUPPLEMENT = """id: test-2027
version: "1"
extends: national
calendar:
  years: [2027]
  holidays:
    - {from: 2027-01-01, to: 2027-01-03, name: 元旦}
    - {from: 2027-02-06, to: 2027-02-14, name: 春节}
  workdays:
    - {date: 2027-02-20, name: 春节}
"""
PAGE_2027 = page("2027-01-05", "2027-01-20")


def test_a_2027_date_without_supplement_is_provisional_not_an_error():
    # 2027 is provisional: formed 2027-01-05, published 2027-01-20 is on time under every
    # arrangement the law allows, so nothing is said and the check is complete
    result = check_text(PAGE_2027, checker=CHECKER, today=D(2027, 1, 20))
    assert result.findings == () and not result.errors
    # a year beyond the provisional ones still stops the document, saying why
    result = check_text(page("2030-01-07", "2030-01-20"), checker=CHECKER, today=D(2030, 1, 20))
    (f,) = result.findings
    assert (f.checker, f.rule, f.severity) == ("engine", "checker-error", Severity.BLOCK)
    assert "2030 年" in f.message and "calendar" in f.message and "不得发布" in f.message
    assert "放假办法可能已经修订" in f.message


def test_a_2027_supplement_in_the_rule_set_makes_it_work(tmp_path):
    rs = tmp_path / "ruleset.yaml"
    rs.write_text(SUPPLEMENT, encoding="utf-8")
    assert rd(PAGE_2027, D(2027, 1, 20), ruleset=str(rs)) == ()
    # formed 2027-01-29 + 20 WD skips the made-up Spring Festival, counts Saturday 20 February
    # and lands on 2027-03-04
    late = rd(page("2027-01-29", "2027-03-05"), D(2027, 3, 5), ruleset=str(rs))
    assert rules_of(late) == ["late"] and "2027-03-04" in late[0].message and "共 21 个工作日" in late[0].message


def _run_cli(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_exits_2_beyond_the_provisional_years_and_0_with_the_supplement(tmp_path, capsys):
    doc = tmp_path / "通知.txt"
    doc.write_text(page("2030-01-07", "2030-01-20"), encoding="utf-8")
    code, out, _ = _run_cli(["check", str(doc), "--today", "2030-01-20"], capsys)
    assert code == 2
    assert "工作日历没有 2030 年的节假日安排" in out and "规则集的 calendar 部分" in out and "检查不完整" in out
    code, out, _ = _run_cli(["check", str(doc), "--today", "2030-01-20", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 2 and report["complete"] is False
    assert "2030" in report["documents"][0]["errors"][0]["message"]
    doc.write_text(PAGE_2027, encoding="utf-8")
    for ruleset in ("national", None):
        args = ["check", str(doc), "--today", "2027-01-20", "--format", "json"]
        if ruleset is None:
            rs = tmp_path / "ruleset.yaml"
            rs.write_text(SUPPLEMENT, encoding="utf-8")
            ruleset = str(rs)
        code, out, _ = _run_cli([*args, "--ruleset", ruleset], capsys)
        report = json.loads(out)
        assert code == 0 and report["complete"] is True
        assert not [f for d in report["documents"] for f in d["findings"] if f["checker"] in (CHECKER, "engine")]


def test_old_documents_never_need_the_new_year():
    # checked in 2027 without a supplement: a page formed and published in 2025 needs no 2027 day
    assert rd(page("2025-03-03", "2025-03-20"), D(2027, 1, 20)) == ()


def test_regional_holiday_in_a_provincial_rule_set(tmp_path):
    rs = tmp_path / "ruleset.yaml"
    rs.write_text('id: regional\nversion: "1"\nextends: national\ncalendar:\n  regional_holidays:\n'
                  '    - {from: 2026-04-20, to: 2026-04-21, name: 三月三}\n', encoding="utf-8")
    text = "行政处罚决定书文号：桂统罚决字〔2026〕第2号\n处罚决定日期：2026年4月15日\n公示日期：2026年4月27日\n"
    assert rules_of(rd(text, D(2026, 4, 27))) == ["late"]     # nationally the 7th WD is 24 April
    assert rd(text, D(2026, 4, 27), ruleset=str(rs)) == ()     # regionally it is 28 April


# -- the real pages ---------------------------------------------------------------------------

def _seed_today(text: str) -> tuple[dt.date, bool]:
    from gkrules.model import Document

    meta = extract(Document(source="seed.txt", text=text, sha256="", format="txt"))
    both = meta.formed is not None and meta.published is not None
    return meta.published or (meta.formed or D(2024, 1, 1)) + dt.timedelta(days=3), both


def test_seeds_that_print_both_dates_get_no_warn_or_block(seeds_dir):
    checked = 0
    for path in sorted(Path(seeds_dir).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        today, both = _seed_today(text)
        found = rd(text, today)
        assert not [f for f in found if f.severity != Severity.INFO], (path.name, found)
        checked += both
    assert checked >= 1


# -- one rule, one module: the rules read one analysis per document ----------------------------

_ENGINE = Engine("national", check_examples=False)
_CALENDAR = get_calendar(2020)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(formed=st.dates(D(2015, 1, 1), D(2025, 6, 30)), lag=st.integers(-5, 60))
def test_late_exactly_when_more_than_the_period_elapses(formed, lag):
    published = formed + dt.timedelta(days=lag)
    findings = rd(page(formed.isoformat(), published.isoformat()), D(2025, 11, 20), engine=_ENGINE)
    if published < formed:
        assert rules_of(findings) == ["date-order"]
    elif _CALENDAR.workdays_between(formed, published) > 20:
        assert rules_of(findings) == ["late"]
    else:
        assert rules_of(findings) == []


def test_the_rules_share_one_analysis_per_document(monkeypatch):
    calls = []
    real = analysis_module._analyse

    def counting(ctx, kit):
        calls.append(ctx.document.source)
        return real(ctx, kit)

    monkeypatch.setattr(analysis_module, "_analyse", counting)
    texts = {f"{i}.txt": page("2024-05-06", "2024-06-20") for i in range(3)}
    report = check_batch(texts, today=D(2024, 6, 20), engine=_ENGINE)
    assert [rules_of(d.findings) for d in report.documents] == [["late"]] * 3
    assert sorted(calls) == sorted(texts)


_OPENING_PIECES = ["现公布", "现将", "本报告", "本年度报告", "根据", "依据", "《中华人民共和国政府信息公开条例》",
                   "《政府信息公开条例》", "政府信息公开工作年度报告", "政府信息公开年度报告", "2023年", "鹤汀县统计局",
                   "编制", "。", "\n", "统计期限自2022年1月1日起", "的通知", "关于做好"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_OPENING_PIECES), max_size=12))
def test_a_periodic_report_opening_is_found_as_by_its_pattern_alone(pieces):
    # periodic_in_body looks for literal text before trying the pattern: the same answers
    from gkrules.deadlines.rules import _YEAR

    resolver = next(a for a in _ENGINE.checkers if a.spec.id == CHECKER).instance.rules[0].kit.resolver
    text = "".join(pieces)
    expected = None
    for item, _needles, rx in resolver._periodic_body:
        if (m := rx.search(text[:800])) is not None:
            year = _YEAR.search(m.group(0))
            expected = (item.id, int(year.group(1)) if year else None, m.start(), m.end())
            break
    found = resolver.periodic_in_body(text)
    got = (found[0].id, found[1], found[2], found[3]) if found else None
    if expected is not None and expected[1] is None and got is not None:
        expected = (expected[0], got[1], expected[2], expected[3])  # the year then comes from 统计期限
    assert got == expected
