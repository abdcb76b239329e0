"""lanjiang-data-status on realistic 澜江省 documents: positives and hard negatives.

The fixtures ``gkrules_check`` and ``gkrules_engine`` come from gkrules' own pytest plugin."""

from __future__ import annotations

import pytest

from gkrules.model import Severity

CHECKER = "lanjiang-data-status"

QUARTERLY_DRAFT = """澜江省统计局
关于2025年前三季度全省经济运行情况的新闻稿（送审稿）

　　前三季度，全省地区生产总值（初步数）4128.6亿元，同比增长5.1%。分产业看，第一产业增加值412.3亿元，增长3.6%；
第二产业增加值1650.2亿元，增长5.8%；第三产业增加值2066.1亿元，增长4.9%。
　　全省规模以上工业增加值同比增长6.2%。

| 指标 | 2025年前三季度（快报数） | 增长（%） |
| --- | --- | --- |
| 社会消费品零售总额（亿元） | 1532.4 | 4.7 |
| 固定资产投资（亿元） | — | 3.1 |

注：表中2025年数据为快报数，2024年为最终核实数。
"""

PLAN_WITH_ESTIMATE = """澜江省统计局2025年工作总结

　　一、主要指标完成情况
　　全年粮食总产量预计数为312.4万吨，比上年增长1.2%。以上数据未经审定，仅供会议讨论。
"""

OFFICIAL_GDP_RELEASE = """2025年前三季度全省地区生产总值

　　根据地区生产总值统一核算结果，初步核算，前三季度全省地区生产总值4128.6亿元，按不变价格计算，同比增长5.1%。
　　附注：本公报中地区生产总值为初步核算数，将根据最终核实结果进行修订，修订情况将按规定予以说明。
"""

STATISTICS_RULES = """澜江省统计数据发布管理办法

　　第八条　统计数据分为初步数、快报数和最终核实数。快报数是指在统计调查结束前，根据部分资料推算的数据。
　　第十二条　未经审定的统计数据不得对外公布。任何单位和个人不得在数据定案前对外提供快报数。
　　第十三条　各地统计机构应当按照规定将“快报数”及时更正为定案数。
"""

NOTICE_ABOUT_REPORTING = """澜江省统计局关于做好2025年统计快报工作的通知

各市（州）统计局：
　　为做好2025年统计快报数据报送工作，现将有关事项通知如下。国庆假期全省重点景区预计数万人次入园，
请各地在节后首个工作日报送旅游快报数据。初步数据显示，前两日客流同比增长一成。
"""


def _findings(gkrules_check, text, ruleset="lanjiang"):
    return gkrules_check(text, checker=CHECKER, ruleset=ruleset).findings


def test_qualifier_table_header_and_note_are_flagged(gkrules_check):
    found = _findings(gkrules_check, QUARTERLY_DRAFT)
    assert [f.location.line for f in found] == [4, 8, 13]
    assert all(f.severity is Severity.WARN and f.rule == "unfinalised-figures" for f in found)
    assert "初步数" in found[0].message and "第二十八条" in found[0].basis
    assert "快报数" in found[1].message


def test_subject_of_a_figure_and_status_statement_are_flagged(gkrules_check):
    found = _findings(gkrules_check, PLAN_WITH_ESTIMATE)
    assert len(found) == 1 and found[0].location.line == 4
    assert "预计数" in found[0].message and "未经审定" in found[0].message


@pytest.mark.parametrize("text", [OFFICIAL_GDP_RELEASE, STATISTICS_RULES, NOTICE_ABOUT_REPORTING],
                         ids=["初步核算", "规章条文与名词解释", "通知中的叙述"])
def test_hard_negatives(gkrules_check, text):
    assert _findings(gkrules_check, text) == ()


def test_status_column_of_a_table_is_flagged(gkrules_check):
    doc = ("2025年前三季度全省主要经济指标\n\n| 指标 | 数值 | 数据状态 |\n| --- | --- | --- |\n"
           "| 地区生产总值（亿元） | 4128.6 | 初步数 |\n| 粮食总产量（万吨） | 312.4 | 定案数 |\n")
    found = _findings(gkrules_check, doc)
    assert [f.location.line for f in found] == [5]


def test_quoted_term_is_a_mention(gkrules_check):
    assert _findings(gkrules_check, "　　请将报表中的“快报数”改为定案数后再报送。\n") == ()


def test_off_in_the_national_rule_set(gkrules_check, gkrules_engine):
    """enabled_by_default=False: installed but silent until a rule set turns it on."""
    assert _findings(gkrules_check, QUARTERLY_DRAFT, ruleset="national") == ()
    assert CHECKER not in {a.spec.id for a in gkrules_engine("national").checkers}
    assert CHECKER in {a.spec.id for a in gkrules_engine("lanjiang").checkers}


def test_a_custom_rule_set_can_turn_it_on(tmp_path):
    from gkrules.engine import Engine
    from gkrules.testing import check_text

    rs = tmp_path / "ruleset.yaml"
    rs.write_text("id: qingwu\nversion: '1'\nextends: national\n"
                  "checkers:\n  lanjiang-data-status:\n    enabled: true\n", encoding="utf-8")
    found = check_text(QUARTERLY_DRAFT, checker=CHECKER, engine=Engine(str(rs))).findings
    assert len(found) == 3


def test_note_line_is_flagged(gkrules_check):
    found = gkrules_check("注：表中2025年数据为快报数。\n", checker="lanjiang-data-status",
                          ruleset="lanjiang").findings
    assert [f.rule for f in found] == ["unfinalised-figures"]


def test_official_gdp_release_passes(gkrules_check):
    text = "　　初步核算，前三季度全省地区生产总值4128.6亿元，同比增长5.1%。\n"
    assert gkrules_check(text, checker="lanjiang-data-status", ruleset="lanjiang").findings == ()
