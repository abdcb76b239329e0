"""disclosure-attribute: the 公开属性 of each document about to be published."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.model import Severity
from gkrules.testing import check_text

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"
TODAY = dt.date(2024, 11, 20)

NOTICE = """\
青梧市统计局关于2023年度统计系统网络安全检查发现问题的通报
青统字〔2024〕4号

各区县统计局：
　　请各区县统计局认真整改，并于3月15日前将整改情况报市统计局。

青梧市统计局
2024年2月1日
{annotation}
"""


def da(text, metadata=None, name="doc.txt"):
    result = check_text(text, checker="disclosure-attribute", today=TODAY, metadata=metadata, name=name)
    return [(f.rule, f.severity, f.location.line if f.location else None) for f in result.findings]


def one(text, metadata=None):
    result = check_text(text, checker="disclosure-attribute", today=TODAY, metadata=metadata)
    [f] = result.findings
    return f


@pytest.mark.parametrize("annotation", ["（此件不予公开）", "（此件不公开）", "(此件不予公开)"])
def test_annotation_withheld_blocks_on_its_line(annotation):
    assert da(NOTICE.format(annotation=annotation)) == [("withheld", Severity.BLOCK, 9)]


def test_header_field_withheld_blocks_on_its_line():
    page = ("索 引 号：11339921MB14065280/2023-00044\n发布机构：白榆县统计局\n公开属性：不予公开\n成文日期：2023-07-19\n"
            "标　　题：白榆县统计局关于印发《白榆县统计局机关考勤管理规定》的通知\n")
    f = one(page)
    assert (f.rule, f.severity, f.location.line) == ("withheld", Severity.BLOCK, 3)
    assert "不得公开发布" in f.message and f.evidence == "不予公开"


def test_sidecar_withheld_is_document_level():
    text = "青梧市统计局档案库房安全检查记录\n\n　　检查结果：温湿度符合要求。\n"
    f = one(text, metadata={"disclosure": "不予公开"})
    assert (f.rule, f.severity, f.location) == ("withheld", Severity.BLOCK, None)
    assert "元数据文件" not in f.message and "发布系统" in f.message  # host metadata in the API


def test_withheld_normative_document_cites_37():
    page = "标　　题：青梧市统计局关于印发《青梧市统计调查员管理办法》的通知\n发文字号：青统规〔2024〕3号\n公开属性：不予公开\n"
    f = one(page)
    assert (f.rule, f.severity, f.location.line) == ("normative-withheld", Severity.BLOCK, 3)
    assert "国办发〔2018〕37号" in f.basis and "行政规范性文件" in f.message


@pytest.mark.parametrize("text,line", [
    ("标　　题：鹤汀县统计局关于统计执法用车更新情况的说明\n发文机关：鹤汀县统计局\n成文日期：2024-05-20\n公开方式：依申请公开\n", 4),
    ("索 引 号：11341200MB0927713P/2022-00131\n发布机构：岚州市统计局\n公开形式：依申请公开\n", 3),
    (NOTICE.format(annotation="（此件依申请公开）"), 9),
])
def test_on_request_warns_on_its_line(text, line):
    assert da(text) == [("on-request", Severity.WARN, line)]


def test_sidecar_on_request_is_document_level_warn():
    assert da("区县,检查企业数（家）\n全市,86\n", metadata={"disclosure": "依申请公开"}, name="表.csv") == [
        ("on-request", Severity.WARN, None)]


def test_public_variants_are_clean():
    for text in (NOTICE.format(annotation="（此件主动公开）"), NOTICE.format(annotation="（此件公开发布）"),
                 "【索引号】11341223MB1583246F/2023-00112\n【公开方式】主动公开\n【成文日期】2023-10-23\n",
                 "索 引 号：11339901MB17403698/2023-00058\n公开属性：主动公开\n"):
        assert da(text) == [], text
    assert da(NOTICE.format(annotation=""), metadata={"disclosure": "主动公开"}) == []


def test_annotation_and_field_disagreeing_warns():
    page = "标　　题：青梧市统计局关于开展统计开放日活动的通知\n发文字号：青统字〔2024〕8号\n公开方式：主动公开\n\n" \
           "青梧市统计局\n2024年5月6日\n（此件依申请公开）\n"
    found = da(page)
    assert ("on-request", Severity.WARN, 7) in found and ("conflict", Severity.WARN, 7) in found
    assert len(found) == 2


def test_sidecar_disagreeing_with_the_text_warns_and_the_stricter_one_counts():
    found = da(NOTICE.format(annotation="（此件不予公开）"), metadata={"disclosure": "主动公开"})
    assert sorted(found) == [("conflict", Severity.WARN, 9), ("withheld", Severity.BLOCK, 9)]


def test_missing_on_a_document_is_a_warning_and_on_a_page_a_hint():
    f = one(NOTICE.format(annotation=""))
    assert (f.rule, f.severity, f.location) == ("missing", Severity.WARN, None)
    assert "青统字〔2024〕4号" in f.message
    letter = "白榆县统计局\n白统函〔2023〕3号\n\n白榆县统计局关于商请协调住户调查点办公场所的函\n\n石牛乡人民政府：\n　　请协调。\n"
    assert da(letter) == [("missing", Severity.WARN, None)]
    page = "索 引 号：11339901MB17403698/2023-00058\n发布机构：栖凤区统计局\n标　　题：上半年经济运行情况分析\n\n　　上半年增长5.9%。\n"
    assert da(page) == [("missing-page", Severity.INFO, None)]


def test_news_and_tables_without_attribute_are_left_alone():
    assert da("青梧市统计局召开统计执法工作会议\n\n　　5月8日，市统计局召开会议。\n") == []
    assert da("月份,件数\n1—3月,1\n", name="表.csv") == []


def test_unknown_value_is_a_hint():
    assert da("索 引 号：11339901MB17403698/2023-00058\n发布机构：栖凤区统计局\n公开方式：部分公开\n") == [
        ("unknown-value", Severity.INFO, 3)]


def test_portal_table_cells_carry_the_attribute():
    html = ("<html><body><table><tr><td>索引号：</td><td>113/2024-1</td><td>公开方式：</td><td>依申请公开</td></tr>"
            "</table><p>关于统计执法用车更新情况的说明</p></body></html>").encode()
    result = check_text(html, checker="disclosure-attribute", name="page.html", today=TODAY)
    assert [(f.rule, f.evidence) for f in result.findings] == [("on-request", "依申请公开")]


# -- hard negatives ------------------------------------------------------------------------------

HARD_NEGATIVES = {
    "guide": "青梧市统计局政府信息公开指南\n\n　　二、依申请公开\n　　（一）受理机构：青梧市统计局办公室。\n"
             "　　（三）不予公开的范围：依法确定为国家秘密的政府信息，不予公开。\n",
    "csv": "月份,收到依申请公开申请（件）,予以公开（件）,不予公开（件）\n1—3月,1,1,0\n4—6月,2,1,1\n",
    "title-topic": "【索引号】11341223MB1583246F/2023-00112\n【公开方式】主动公开\n【标题】桐溪县统计局关于2023年第三季度"
                   "政府信息依申请公开办理情况的通报\n\n局机关各股室：\n　　共收到申请2件，不予公开0件。\n",
    "prose": "　　第六条 政务信息以公开为原则，不公开为例外。\n　　第九条 下列政务信息不予公开：\n（一）个人隐私；\n",
    "later-listing": "标　　题：青梧市统计局主动公开目录\n公开方式：主动公开\n" + "\n" * 30 + "事项：统计执法检查记录\n公开方式：依申请公开\n",
}


@pytest.mark.parametrize("name", sorted(HARD_NEGATIVES))
def test_mentions_are_not_attributes(name):
    found = da(HARD_NEGATIVES[name], name=f"{name}.csv" if name == "csv" else "doc.txt")
    assert [x for x in found if x[1] != Severity.INFO] == []


def test_seeds_get_no_block_or_warn():
    for path in sorted(SEEDS.glob("*.txt")):
        found = da(path.read_bytes(), name=path.name)
        assert [x for x in found if x[1] != Severity.INFO] == [], path.name


def test_attribute_wordings_under_the_signature():
    body = "青梧市统计局关于开展统计开放日活动的通知\n青统字〔2024〕8号\n\n各区县统计局：\n" + "　　活动安排如下。\n" * 25
    for tail in ("（此文件依申请公开）", "（本件依申请公开）", "（公开方式：依申请公开）", "公开方式：依申请公开"):
        found = da(body + "\n青梧市统计局\n2024年5月6日\n" + tail + "\n")
        assert found == [("on-request", Severity.WARN, 33)], tail


def test_house_rules_without_addressee_need_no_interpretation_but_keep_their_attribute_rules():
    from gkrules.testing import check_batch

    report = check_batch({"考勤.txt": "白榆县统计局机关考勤管理规定\n\n第一条　为加强机关干部职工考勤管理，制定本规定。\n"})
    assert [f for f in report.documents[0].findings if f.checker == "policy-interpretation"] == []


def test_enforcement_decisions_are_not_official_documents_for_the_missing_rule():
    decision = ("青梧市统计局\n行政处罚决定书\n青统罚决字〔2023〕第15号\n\n当事人：青梧市某某有限公司\n"
                "　　经查，当事人提供不真实统计资料。\n\n青梧市统计局\n2023年9月4日\n")
    assert da(decision) == [("missing-page", Severity.INFO, None)]


def test_site_can_soften_the_missing_rules(tmp_path):
    from gkrules import Engine, InputDocument

    rs = tmp_path / "site.yaml"
    rs.write_text("id: qingwu\nversion: '1'\nextends: national\ncheckers:\n  disclosure-attribute:\n    rules:\n"
                  "      missing: {severity: info}\n      missing-page: {enabled: false}\n", encoding="utf-8")
    engine = Engine(str(rs))
    page = "索 引 号：11339901MB17403698/2023-00058\n发布机构：栖凤区统计局\n标　　题：上半年经济运行情况分析\n"
    report = engine.check([InputDocument("a.txt", NOTICE.format(annotation="")), InputDocument("b.txt", page)],
                          today=TODAY)
    got = [[(f.rule, f.severity) for f in d.findings if f.checker == "disclosure-attribute"] for d in report.documents]
    assert got == [[("missing", Severity.INFO)], []]


def test_real_pages_without_attribute():
    got = {p.name[:3]: da(p.read_bytes(), name=p.name) for p in sorted(SEEDS.glob("*.txt"))}
    assert got == {"000": [], "001": [], "002": [("missing-page", Severity.INFO, None)], "003": [], "004": []}


_FORWARD = ("{county}统计局关于转发《{city}统计调查员管理办法》的通知\n各乡镇人民政府：\n"
            "　　现将{city}统计局《{city}统计调查员管理办法》转发给你们，请认真贯彻执行。\n\n{county}统计局\n2024年5月27日\n")


@settings(max_examples=25, deadline=None)
@given(county=st.sampled_from(["白榆县", "鹤汀县", "桐溪县", "栖凤区", "松岚区"]),
       city=st.sampled_from(["青梧市", "湖南省", "三亚市", "昌都市"]),
       annotation=st.sampled_from(["", "（此件主动公开）", "（此件依申请公开）"]))
def test_a_forwarded_document_without_attribute_is_a_repost_hint_not_missing(county, city, annotation):
    got = da(_FORWARD.format(county=county, city=city) + annotation + "\n")
    if not annotation:
        assert got == [("repost", Severity.INFO, None)]
    else:  # the forwarding organ stated an attribute of its own: judged as any other statement
        assert ("repost", Severity.INFO, None) not in got and ("missing", Severity.WARN, None) not in got
