"""policy-interpretation: 三同步 of a policy and its interpretation across a release batch."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules import Engine, InputDocument, PluginManager, hookimpl
from gkrules.checkers.policy_interpretation.index import NameIndex
from gkrules.checkers.policy_interpretation.names import same_name, same_number
from gkrules.cli import main
from gkrules.errors import CalendarError, RulesetError
from gkrules.model import CatalogEntry, Severity
from gkrules.testing import check_batch, check_text

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"

TODAY = dt.date(2024, 5, 10)  # a Friday

POLICY = """\
青梧市统计局关于印发《青梧市统计调查员管理办法》的通知
青统规〔2024〕3号

各区县统计局，各统计调查对象：
　　现将《青梧市统计调查员管理办法》印发给你们，请遵照执行。

青梧市统计局
2024年5月6日
（此件主动公开）

青梧市统计调查员管理办法
第一条　统计调查员应当年满18周岁，具有相应的文化程度和工作能力，遵纪守法。
第二条　统计调查员入户调查时，应当出示县级以上统计机构颁发的统计调查员证。
第三条　统计调查员对在调查中知悉的个人信息和商业秘密应当予以保密。
"""
INTERPRETATION = """\
《青梧市统计调查员管理办法》政策解读

　　一、起草背景。近年来部分调查员流动频繁、业务不熟，入户时群众难以核实其身份，影响了数据质量。
　　二、主要变化。与原规定相比，《办法》新增了入户出示调查员证的要求，群众可以拒绝未出示证件的人员。
　　三、解读科室：市统计局统计设计管理科，联系电话：0739-8826141。
"""
EXCERPT = """\
《青梧市统计调查员管理办法》政策解读

　　《办法》规定，统计调查员应当年满18周岁，具有相应的文化程度和工作能力，遵纪守法。统计调查员入户调查时，应当出示县级以上统计机构颁发的统计调查员证。统计调查员对在调查中知悉的个人信息和商业秘密应当予以保密。
"""


def pi(report):
    """{file name: [(rule, severity)]} of policy-interpretation findings."""
    return {d.source: [(f.rule, f.severity) for f in d.findings if f.checker == "policy-interpretation"]
            for d in report.documents}


def findings(report, name):
    doc = next(d for d in report.documents if d.source == name)
    return [f for f in doc.findings if f.checker == "policy-interpretation"]


# -- the batch cases of the issue -------------------------------------------------------------

def test_policy_and_its_interpretation_in_one_batch_are_clean():
    report = check_batch({"办法.txt": POLICY, "解读.txt": INTERPRETATION}, today=TODAY)
    assert pi(report) == {"办法.txt": [], "解读.txt": []}


def test_policy_alone_blocks_and_says_why_it_is_a_policy():
    report = check_batch({"办法.txt": POLICY}, today=TODAY)
    [f] = findings(report, "办法.txt")
    assert (f.rule, f.severity) == ("missing-interpretation", Severity.BLOCK)
    assert "青统规〔2024〕3号" in f.message and "行政规范性文件" in f.message
    assert "管理办法" in f.message and "各统计调查对象" in f.message
    assert "国办发〔2016〕80号" in f.basis
    assert f.location is not None and f.location.line == 2  # the 规 number is the strongest reason


def test_policy_with_its_interpretation_in_the_catalog_is_clean():
    catalog = [CatalogEntry(title="《青梧市统计调查员管理办法》政策解读", kind="interpretation",
                            published=dt.date(2024, 5, 10))]
    report = check_batch({"办法.txt": POLICY}, today=TODAY, catalog=catalog)
    assert pi(report) == {"办法.txt": []}


def test_catalog_interpretation_found_by_interprets_and_by_number():
    by_title = [CatalogEntry(title="一图读懂：调查员证怎么用", interprets="青梧市统计调查员管理办法")]
    by_number = [CatalogEntry(title="图说新规", kind="interpretation", interprets="青统规[2024]第03号")]
    for catalog in (by_title, by_number):
        assert pi(check_batch({"办法.txt": POLICY}, today=TODAY, catalog=catalog)) == {"办法.txt": []}


def test_unrelated_catalog_entries_do_not_count():
    catalog = [CatalogEntry(title="《青梧市统计数据修订发布办法》政策解读", kind="interpretation"),
               CatalogEntry(title="青梧市统计调查员管理办法", kind="policy")]
    report = check_batch({"办法.txt": POLICY}, today=TODAY, catalog=catalog)
    assert pi(report)["办法.txt"] == [("missing-interpretation", Severity.BLOCK)]
    assert "已发布目录" in findings(report, "办法.txt")[0].message


class _Weekdays:
    """A working-day calendar without holidays (tests only)."""

    def is_workday(self, day):
        return day.weekday() < 5

    def add_workdays(self, start, n):
        raise NotImplementedError

    def workdays_between(self, start, end):
        raise NotImplementedError


class _CalendarPlugin:
    @hookimpl
    def gkrules_calendar(self, ruleset, year):
        return _Weekdays()


class _NoCalendarPlugin:
    @hookimpl
    def gkrules_calendar(self, ruleset, year):
        raise CalendarError(f"没有覆盖 {year} 年的工作日历")


@pytest.fixture(scope="module")
def with_calendar():
    # release-deadline needs a real calendar; these stand-ins only serve the interpretation lag
    return Engine("national", plugins=PluginManager(extra=[("test-calendar", _CalendarPlugin())],
                                                    block=["release-deadline"]))


@pytest.fixture(scope="module")
def without_calendar():
    return Engine("national", plugins=PluginManager(extra=[("no-calendar", _NoCalendarPlugin())],
                                                    block=["release-deadline"]))


def _late_batch(published: str):
    catalog = [CatalogEntry(title="青梧市统计局关于印发《青梧市统计调查员管理办法》的通知", doc_number="青统规〔2024〕3号",
                            kind="policy", published=dt.date(2024, 5, 10))]
    interp = InputDocument("解读.txt", f"标　　题：《青梧市统计调查员管理办法》政策解读\n发布日期：{published}\n\n"
                                      + INTERPRETATION.split("\n", 1)[1])
    return [interp], catalog


def test_late_interpretation_warns_in_working_days(with_calendar):
    # policy Friday 10 May; interpretation Thursday 16 May: 4 working days (Mon–Thu) > 3
    docs, catalog = _late_batch("2024-05-16")
    report = with_calendar.check(docs, today=dt.date(2024, 5, 16), catalog=catalog)
    [f] = findings(report, "解读.txt")
    assert (f.rule, f.severity) == ("late-interpretation", Severity.WARN)
    assert "4 个工作日" in f.message and "2024-05-10" in f.message and "自然日" not in f.message
    # Wednesday 15 May: 3 working days, within the limit
    docs, catalog = _late_batch("2024-05-15")
    assert pi(with_calendar.check(docs, today=dt.date(2024, 5, 15), catalog=catalog)) == {"解读.txt": []}


def test_without_a_calendar_the_lag_is_counted_in_calendar_days_and_said(without_calendar):
    docs, catalog = _late_batch("2024-05-15")  # 5 calendar days although only 3 working days
    report = without_calendar.check(docs, today=dt.date(2024, 5, 15), catalog=catalog)
    [f] = findings(report, "解读.txt")
    assert f.rule == "late-interpretation" and "5 天（自然日）" in f.message and "暂按自然日计算" in f.message
    docs, catalog = _late_batch("2024-05-13")  # 3 calendar days: on time on any calendar
    assert pi(without_calendar.check(docs, today=dt.date(2024, 5, 13), catalog=catalog)) == {"解读.txt": []}


def test_late_interpretation_within_one_batch_uses_the_documents_dates(with_calendar):
    policy = "发布日期：2024-05-06\n" + POLICY
    interp = "发布日期：2024-05-31\n" + INTERPRETATION
    report = with_calendar.check([InputDocument("办法.txt", policy), InputDocument("解读.txt", interp)],
                                 today=dt.date(2024, 5, 31))
    assert pi(report) == {"办法.txt": [], "解读.txt": [("late-interpretation", Severity.WARN)]}


def test_strict_profile_wants_the_same_day():
    docs, catalog = _late_batch("2024-05-13")
    national = check_batch(docs, today=dt.date(2024, 5, 13), catalog=catalog)
    strict = check_batch(docs, today=dt.date(2024, 5, 13), catalog=catalog, ruleset="national-strict")
    assert pi(national) == {"解读.txt": []}
    assert pi(strict) == {"解读.txt": [("late-interpretation", Severity.WARN)]}


def test_orphan_interpretation_is_info():
    report = check_batch({"解读.txt": INTERPRETATION}, today=TODAY)
    [f] = findings(report, "解读.txt")
    assert (f.rule, f.severity) == ("orphan-interpretation", Severity.INFO)
    assert "《青梧市统计调查员管理办法》" in f.message


def test_interpretation_of_another_policy_is_an_orphan_and_the_policy_still_blocks():
    other = INTERPRETATION.replace("青梧市统计调查员管理办法", "青梧市统计数据修订发布办法")
    report = check_batch({"办法.txt": POLICY, "解读.txt": other}, today=TODAY)
    assert pi(report) == {"办法.txt": [("missing-interpretation", Severity.BLOCK)],
                          "解读.txt": [("orphan-interpretation", Severity.INFO)]}


def test_seed_internal_plans_need_no_interpretation():
    # 三亚 实施方案 to 局机关各科室、局属事业单位; 上海 工作要点; 昌都 制度; 山东 实施方案 to 各处室、中心
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    for name in names:
        result = check_text((SEEDS / name).read_bytes(), checker="policy-interpretation", name=name,
                            today=dt.date(2024, 5, 10))
        assert result.findings == (), name


# -- matching an interpretation to its policy ---------------------------------------------------

@pytest.mark.parametrize("title", [
    "《青梧市统计调查员管理办法》政策解读",
    "关于《青梧市统计调查员管理办法》的解读",
    "一图读懂《青梧市统计调查员管理办法》",
    "《青梧市统计调查员管理办法》解读",
    "市统计局负责同志就《青梧市统计调查员管理办法》答记者问",
    "“青梧市统计调查员管理办法”政策解读",
    "〔青梧市统计调查员管理办法〕解读",
    "关于青梧市统计调查员管理办法的解读",
    "《统计调查员管理办法》政策解读",  # without the city's name
    "《青梧市统计调查员管理办法》十问十答",
    "视频解读｜《青梧市统计调查员管理办法》（文字稿）",
])
def test_title_variants_match(title):
    report = check_batch({"办法.txt": POLICY, "解读.txt": title + "\n\n　　问：为什么出台？\n　　答：规范调查员管理。\n"},
                         today=TODAY)
    assert pi(report) == {"办法.txt": [], "解读.txt": []}


def test_sidecar_interprets_names_the_policy_file():
    graphic = "图说：调查员上门，先看证件\n\n　　图一　调查员入户要出示调查员证。\n"
    report = check_batch({"规范性文件.txt": POLICY, "图说.txt": graphic}, today=TODAY,
                         metadata={"图说.txt": {"kind": "interpretation", "interprets": "规范性文件.txt"}})
    assert pi(report) == {"规范性文件.txt": [], "图说.txt": []}


def test_interpretation_found_by_doc_number_and_by_link():
    by_number = "图说新规\n\n　　本文解读青统规〔2024〕3号文件。\n"
    report = check_batch({"办法.txt": POLICY, "图说.txt": by_number}, today=TODAY,
                         metadata={"图说.txt": {"kind": "interpretation"}})
    assert pi(report) == {"办法.txt": [], "图说.txt": []}
    by_link = "图说新规\n\n　　原文链接：https://tjj.qingwu.gov.cn/zcwj/202405/t20240506_1.html\n"
    report = check_batch({"办法.txt": POLICY, "图说.txt": by_link}, today=TODAY,
                         metadata={"图说.txt": {"kind": "interpretation"},
                                   "办法.txt": {"url": "http://tjj.qingwu.gov.cn/zcwj/202405/t20240506_1.html"}})
    assert pi(report) == {"办法.txt": [], "图说.txt": []}


def test_second_policy_is_not_covered_by_the_first_ones_interpretation():
    second = POLICY.replace("统计调查员管理办法", "统计调查员劳务补助规定").replace("青统规〔2024〕3号", "青统规〔2024〕4号")
    report = check_batch({"办法.txt": POLICY, "规定.txt": second, "解读.txt": INTERPRETATION}, today=TODAY)
    assert pi(report) == {"办法.txt": [], "规定.txt": [("missing-interpretation", Severity.BLOCK)], "解读.txt": []}


def test_excerpt_interpretation_warns_and_a_real_one_does_not():
    report = check_batch({"办法.txt": POLICY, "解读.txt": EXCERPT}, today=TODAY)
    [f] = findings(report, "解读.txt")
    assert (f.rule, f.severity) == ("excerpt-interpretation", Severity.WARN)
    assert "%" in f.message
    assert pi(check_batch({"办法.txt": POLICY, "解读.txt": INTERPRETATION}, today=TODAY))["解读.txt"] == []


# -- what is not a policy (hard negatives) ---------------------------------------------------------

NOT_POLICIES = {
    "internal-plan": "岚州市统计局关于印发《岚州市统计局档案数字化工作实施方案》的通知\n岚统字〔2023〕5号\n\n"
                     "局机关各科室、各直属事业单位：\n　　现将《岚州市统计局档案数字化工作实施方案》印发给你们。\n",
    "internal-rule": "白榆县统计局关于印发《白榆县统计局机关考勤管理规定》的通知\n\n局机关各股室、县普查中心：\n"
                     "　　现将《白榆县统计局机关考勤管理规定》印发给你们，请遵照执行。\n",
    "work-points": "鹤汀县统计局关于印发2024年统计信息化建设工作要点的通知\n鹤统字〔2024〕6号\n\n局机关各股室：\n"
                   "　　现将工作要点印发给你们。\n",
    "notice-citing": "青梧市统计局关于开展2025年基本单位名录库信息核实工作的通知\n青统字〔2025〕37号\n\n"
                     "各区县统计局：\n　　根据《青梧市基本单位名录库管理办法》有关规定，现将有关事项通知如下。\n",
    "leading-group": "青梧市统计局关于成立第五次全国经济普查领导小组的通知\n青统字〔2023〕3号\n\n各区县统计局：\n"
                     "　　为做好普查工作，决定成立领导小组。\n",
    "bulletin": "白榆县2023年国民经济和社会发展统计公报\n白榆县统计局\n2024年3月15日\n\n　　全年全县地区生产总值312.6亿元。\n",
    "data-interpretation": "数据解读：2024年全县经济运行稳中有进\n\n　　县统计局有关负责同志对《鹤汀县2024年国民经济和社会"
                           "发展统计公报》进行了解读。\n",
    "news": "青梧市统计局召开统计执法工作会议\n\n　　5月8日，市统计局召开会议，学习《统计执法监督检查办法》。\n",
    "quiz": "保密知识问答\n\n　　问：什么是国家秘密？\n　　答：关系国家安全和利益的事项。\n",
    "press-data": "2024年一季度全市经济运行情况新闻发布会\n\n　　市统计局新闻发言人介绍一季度经济运行情况。\n",
}


@pytest.mark.parametrize("name", sorted(NOT_POLICIES))
def test_not_a_policy_and_not_an_interpretation(name):
    report = check_batch({f"{name}.txt": NOT_POLICIES[name]}, today=TODAY)
    assert pi(report) == {f"{name}.txt": []}


def test_a_forwarded_policy_only_says_who_interprets_it():
    # the interpretation is the duty of the organ that made the policy (谁起草、谁解读)
    text = ("青梧市统计局转发省统计局关于印发《澜江省统计调查项目管理办法》的通知\n青统字〔2024〕9号\n\n"
            "各区县统计局：\n　　现将省统计局文件转发给你们，请遵照执行。\n")
    report = check_batch({"forwarding.txt": text}, today=TODAY)
    assert pi(report) == {"forwarding.txt": [("repost", Severity.INFO)]}


def test_host_kind_overrides_the_text():
    # the publishing system knows better: a 规-numbered text it calls a notice is not blocked …
    report = check_batch({"办法.txt": POLICY}, today=TODAY, metadata={"办法.txt": {"kind": "notice"}})
    assert pi(report) == {"办法.txt": []}
    # … and a bare rule text it calls a policy is
    bare = "第一条　统计调查对象应当按时报送统计资料。\n第二条　本规定自2024年6月1日起施行。\n"
    report = check_batch({"规定.txt": bare}, today=TODAY,
                         metadata={"规定.txt": {"kind": "policy", "title": "青梧市统计资料报送规定"}})
    [f] = findings(report, "规定.txt")
    assert f.rule == "missing-interpretation" and "kind: policy" in f.message and f.location is None


def test_normative_category_field_makes_a_policy():
    page = ("标　　题：青梧市统计局关于进一步减轻企业统计报表负担的若干意见\n文件类别：规范性文件\n公开方式：主动公开\n\n"
            "各区县统计局：\n　　提出以下意见。\n")
    [f] = findings(check_batch({"意见.txt": page}, today=TODAY), "意见.txt")
    assert "文件类别栏标明“规范性文件”" in f.message


# -- rule set and CLI ----------------------------------------------------------------------------

def test_bad_pattern_in_the_rule_set_is_a_ruleset_error(tmp_path):
    rs = tmp_path / "site.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  policy-interpretation:\n"
                  "    params:\n      exempt_titles+: ['领导(小组']\n", encoding="utf-8")
    with pytest.raises(RulesetError, match="exempt_titles"):
        Engine(str(rs))


def test_negative_lag_is_rejected(tmp_path):
    rs = tmp_path / "site.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  policy-interpretation:\n"
                  "    params:\n      max_lag_workdays: -1\n", encoding="utf-8")
    with pytest.raises(RulesetError, match="max_lag_workdays"):
        Engine(str(rs))


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_cli_catalog_satisfies_the_policy(tmp_path, capsys, fmt):
    (tmp_path / "办法.txt").write_text(POLICY, encoding="utf-8")
    if fmt == "jsonl":
        catalog = tmp_path / "catalog.jsonl"
        catalog.write_text(json.dumps({"title": "《青梧市统计调查员管理办法》政策解读", "kind": "interpretation",
                                       "published": "2024-05-10", "url": "https://tjj.qingwu.gov.cn/zcjd/1.html"},
                                      ensure_ascii=False) + "\n", encoding="utf-8")
    else:
        catalog = tmp_path / "catalog.csv"
        catalog.write_text("标题,类型,发布日期,解读对象\n一图读懂调查员证,interpretation,2024-05-10,青统规〔2024〕3号\n",
                           encoding="utf-8")
    code = main(["check", str(tmp_path / "办法.txt"), "--today", "2024-05-10", "--format", "json",
                 "--catalog", str(catalog)])
    report = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [f for f in report["documents"][0]["findings"] if f["checker"] == "policy-interpretation"] == []
    code = main(["check", str(tmp_path / "办法.txt"), "--today", "2024-05-10", "--format", "json"])
    capsys.readouterr()
    assert code == 1


def test_notice_issuing_two_policies_and_amendments():
    two = POLICY.replace("《青梧市统计调查员管理办法》的通知", "《青梧市统计调查员管理办法》《青梧市统计调查员证管理规定》的通知", 1)
    report = check_batch({"办法.txt": two, "解读.txt": INTERPRETATION}, today=TODAY)
    assert pi(report) == {"办法.txt": [], "解读.txt": []}
    amendment = ("青梧市统计局关于修改《青梧市统计调查员管理办法》的决定\n青统规〔2024〕5号\n\n各区县统计局：\n"
                 "　　决定对《青梧市统计调查员管理办法》作如下修改。\n")
    [f] = findings(check_batch({"决定.txt": amendment}, today=TODAY), "决定.txt")
    assert f.rule == "missing-interpretation"
    report = check_batch({"决定.txt": amendment, "解读.txt": INTERPRETATION}, today=TODAY)
    assert pi(report) == {"决定.txt": [], "解读.txt": []}


def test_a_site_can_set_the_zero_day_lag_itself(tmp_path):
    rs = tmp_path / "site.yaml"
    rs.write_text("id: qingwu\nversion: '1'\nextends: national\ncheckers:\n  policy-interpretation:\n"
                  "    params:\n      max_lag_workdays: 0\n", encoding="utf-8")
    docs, catalog = _late_batch("2024-05-13")
    report = Engine(str(rs)).check(docs, today=dt.date(2024, 5, 13), catalog=catalog)
    assert pi(report) == {"解读.txt": [("late-interpretation", Severity.WARN)]}


# -- the name index finds every pair the matching rule accepts --------------------------------------

_names = st.text(alphabet="青梧市统计局调查员管理办法规定", min_size=2, max_size=18)
_numbers = st.builds(lambda org, y, n: f"{org}〔{y}〕{n}号", st.sampled_from(["青统规", "统规", "白统字", "本文解读青统规"]),
                     st.integers(2023, 2024), st.integers(1, 3))


@settings(max_examples=200, deadline=None)
@given(st.lists(_names, min_size=1, max_size=8), st.lists(_names, min_size=1, max_size=4), st.integers(0, 12),
       st.lists(_numbers, max_size=3), st.lists(_numbers, max_size=3))
def test_index_candidates_cover_the_matching_rule(indexed, probes, slack, numbers, probe_numbers):
    index = NameIndex(slack)
    for k, n in enumerate(indexed):
        index.add(k, [n], numbers[k:k + 1])
    found = index.candidates(probes, probe_numbers)
    for k, n in enumerate(indexed):
        if any(same_name(p, n, slack) for p in probes):
            assert k in found
        if any(same_number(p, x) for p in probe_numbers for x in numbers[k:k + 1]):
            assert k in found


# -- one rule, one module: the rules read one analysis per batch --------------------------------

def test_the_rules_share_one_analysis_per_batch_and_drop_it_with_the_batch(monkeypatch):
    import gc

    from gkrules.checkers.policy_interpretation import batch as batch_module

    calls = []
    real = batch_module._analyse

    def counting(documents, catalog, today, kit):
        calls.append(len(documents))
        return real(documents, catalog, today, kit)

    monkeypatch.setattr(batch_module, "_analyse", counting)
    engine = Engine("national", check_examples=False)
    for _ in range(2):
        report = check_batch({"policy.txt": POLICY, "reading.txt": INTERPRETATION, "excerpt.txt": EXCERPT},
                             today=TODAY, engine=engine)
        assert pi(report) == {"policy.txt": [], "reading.txt": [],
                              "excerpt.txt": [("excerpt-interpretation", Severity.WARN)]}
    assert calls == [3, 3]  # once per batch, not once per rule
    gc.collect()
    kit = next(a.instance.rules[0].kit for a in engine.checkers if a.spec.id == "policy-interpretation")
    assert len(kit._batches) == 0  # nothing of a checked batch is kept
