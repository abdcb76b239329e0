"""Document role from content: reposts and internal work rules get `info` (who must act),
裁量基准 need an interpretation, a periodic report is recognised when its body names it."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.metadata.role import INTERNAL, REPOST, document_role

TODAY = dt.date(2024, 6, 3)

PROVINCIAL = """索引号：4303000006/2024-00012
发布机构：湘潭县统计局
来源：湖南省统计局
关于印发《湖南省统计行政处罚裁量基准》的通知
各市州统计局、调查队：
为推进统计执法规范化，湖南省统计局制定了《湖南省统计行政处罚裁量基准》，现印发给你们，请贯彻执行。
湖南省统计局
2024年5月27日
湖南省统计行政处罚裁量基准
第一条 为规范统计行政处罚行为，制定本基准。
"""

FORWARDED = """白榆县统计局关于转发《青梧市统计调查员管理办法》的通知
各乡镇人民政府：
现将青梧市统计局《青梧市统计调查员管理办法》转发给你们，请认真贯彻执行。
白榆县统计局
2024年5月27日
"""

NATIONAL_NUMBER = """国家统计局关于印发《统计行政处罚信息公示办法》的通知
国统字〔2023〕49号
各省、自治区、直辖市统计局：
现将《统计行政处罚信息公示办法》印发给你们，请遵照执行。
国家统计局
2023年7月3日
"""

INTERNAL_RULE = """白榆县统计局政府信息公开工作实施细则
第一条 为规范本局政府信息公开工作，明确各科室职责，制定本细则。
第二条 本细则适用于本局各科室、直属单位的政府信息公开工作。
第三条 局办公室负责政府信息公开的日常工作，各业务科室按分工提供拟公开信息。
"""

OWN_DISCRETION = """白榆县统计局关于印发《白榆县统计行政处罚裁量基准》的通知
白统规〔2024〕1号
各乡镇人民政府，各统计调查对象：
现将《白榆县统计行政处罚裁量基准》印发给你们，请遵照执行。
白榆县统计局
2024年5月27日
（此件主动公开）
"""

PUBLIC_MEASURES = """白榆县统计局关于印发《白榆县统计调查员管理办法》的通知
各乡镇人民政府，各统计调查对象：
现将《白榆县统计调查员管理办法》印发给你们，请遵照执行。
第二条 本办法适用于本县行政区域内的统计调查员。本办法由县统计局负责解释。
白榆县统计局
2024年5月27日
（此件主动公开）
"""

ANNUAL_IN_BODY = """本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2023年，县统计局不断完善政府信息公开工作机制。
"""


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


def _findings(engine, *docs, today=TODAY, metadata=None):
    items = [InputDocument(f"{i}.txt", t.encode(), metadata) for i, t in enumerate(docs)]
    return [(f.checker, f.rule, f.severity.value) for _, f in engine.check(items, today=today).findings()]


@pytest.mark.parametrize("text", [PROVINCIAL, FORWARDED])
def test_a_repost_owes_neither_interpretation_nor_attribute(engine, text):
    found = _findings(engine, text)
    assert ("policy-interpretation", "repost", "info") in found
    assert not [f for f in found if f[0] in ("policy-interpretation", "disclosure-attribute") and f[2] != "info"]


def test_a_national_number_on_a_county_site_is_a_repost(engine):
    found = _findings(engine, NATIONAL_NUMBER, metadata={"publisher": "白榆县统计局"})
    roles = document_role(NATIONAL_NUMBER, "国家统计局关于印发《统计行政处罚信息公示办法》的通知", "国统字〔2023〕49号",
                          "白榆县统计局", {})
    assert roles.role == REPOST
    assert ("policy-interpretation", "repost", "info") in found
    assert ("policy-interpretation", "missing-interpretation", "block") not in found


@pytest.mark.parametrize("publisher, role", [("白榆县统计局", REPOST), ("青梧市统计局", None), ("青梧市人民政府", None)])
def test_a_title_naming_another_organ_than_the_publisher(publisher, role):
    title = "青梧市统计局关于印发《青梧市统计调查员管理办法》的通知"
    assert document_role(title + "\n各区县统计局：\n", title, None, publisher, {}).role == role


def test_the_national_bureau_publishing_its_own_policy_is_no_repost():
    role = document_role(NATIONAL_NUMBER, "国家统计局关于印发《统计行政处罚信息公示办法》的通知", "国统字〔2023〕49号",
                         "国家统计局", {})
    assert role.role is None


def test_an_internal_work_rule_is_not_blocked_for_its_title(engine):
    found = _findings(engine, INTERNAL_RULE)
    assert ("policy-interpretation", "internal-rule", "info") in found
    assert ("policy-interpretation", "missing-interpretation", "block") not in found


def test_own_discretion_benchmark_needs_an_interpretation(engine):
    assert ("policy-interpretation", "missing-interpretation", "block") in _findings(engine, OWN_DISCRETION)


def test_a_public_measure_that_the_bureau_interprets_is_still_a_policy(engine):
    found = _findings(engine, PUBLIC_MEASURES)
    assert ("policy-interpretation", "missing-interpretation", "block") in found
    assert document_role(PUBLIC_MEASURES, None, None, None, {}).role is None


@given(st.sampled_from(["本局", "局机关"]), st.sampled_from(["细则", "办法", "规定", "制度"]))
@settings(max_examples=20, deadline=None)
def test_applicability_to_the_bureau_alone_is_internal(who, kind):
    text = f"第一条 为规范工作，制定本{kind}。\n第二条 本{kind}适用于{who}各科室的工作。\n"
    assert document_role(text, None, None, None, {}).role == INTERNAL


@given(st.sampled_from(["企业", "统计调查对象", "公民、法人和其他组织"]))
@settings(max_examples=10, deadline=None)
def test_applicability_reaching_outside_is_not_internal(who):
    text = f"第二条 本办法适用于本局对{who}的统计执法检查。\n"
    assert document_role(text, None, None, None, {}).role is None


def test_a_portal_naming_its_own_government_as_source_is_no_repost():
    fields = {"信息来源": "常山县政府", "发布单位": "常山县统计局"}
    assert document_role("衢州市常山县统计局行政处罚裁量基准清单\n", "衢州市常山县统计局行政处罚裁量基准清单", None, None,
                         fields).role is None


def test_annual_report_named_in_its_body(engine):
    found = _findings(engine, ANNUAL_IN_BODY, today=dt.date(2024, 3, 1))
    assert ("release-deadline", "periodic-late", "warn") in found
    assert ("release-deadline", "periodic-late", "warn") not in _findings(engine, ANNUAL_IN_BODY,
                                                                          today=dt.date(2024, 1, 20))
