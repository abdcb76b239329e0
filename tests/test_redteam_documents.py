"""Documents unlike the dev corpus that once broke metadata extraction or a checker.

Each test holds a realistic page or 公文 in a layout the corpus does not have (a joint
masthead, a metadata table without colons, a breadcrumb above the title, a date alone on a
line of the body…) and the result a careful reviewer expects.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest

from gkrules.catalog import entry_from_mapping
from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.model import Severity
from gkrules.testing import cached_engine, check_batch, check_text


def meta(text: str | bytes, name: str = "doc.txt"):
    engine: Engine = cached_engine()
    return engine.prepare(InputDocument(name, text)).metadata


def found(result, checker: str) -> list[tuple[str, Severity, int | None]]:
    return [(f.rule, f.severity, f.location.line if f.location else None)
            for f in result.findings if f.checker == checker]


TODAY = dt.date(2024, 6, 3)

# -- titles and mastheads -------------------------------------------------------------------

JOINT = """青梧市统计局
青梧市发展和改革委员会
文件

青统联〔2024〕2号

青梧市统计局　青梧市发展和改革委员会
关于加强统计数据共享应用的实施意见

各区县统计局、发展改革局，市直有关部门：
　　为推进统计数据共享，提出如下意见。

青梧市统计局　　　　　青梧市发展和改革委员会
2024年4月8日
（此件主动公开）
"""


def test_joint_masthead_on_three_lines():
    m = meta(JOINT)
    assert m.title == "青梧市统计局　青梧市发展和改革委员会关于加强统计数据共享应用的实施意见"
    assert (m.kind, m.doctype, m.doc_number) == ("policy", "实施意见", "青统联〔2024〕2号")
    assert m.formed == dt.date(2024, 4, 8)
    result = check_text(JOINT, checker="policy-interpretation", today=dt.date(2024, 4, 15))
    assert found(result, "policy-interpretation") == [("missing-interpretation", Severity.BLOCK, 7)]


def test_minutes_take_their_masthead_as_title():
    text = ("青梧市统计局局长办公会议纪要\n\n〔2024〕5期\n\n　　2024年5月9日，局长周宏伟主持召开局长办公会议，研究了以下事项。\n"
            "　　一、审议通过《青梧市统计局机关财务管理规定》。\n\n青梧市统计局办公室\n2024年5月10日\n")
    m = meta(text)
    assert (m.title, m.kind, m.doc_number, m.formed) == ("青梧市统计局局长办公会议纪要", "notice", None,
                                                         dt.date(2024, 5, 10))


@pytest.mark.parametrize("first_lines", [
    "首页 > 政务公开 > 通知公告\n",
    "当前位置：首页 > 政务公开\n",
    "内部文件　注意保存\n\n",  # two stamps on one line
    "岚州市统计局\n",  # the site's name above the title
])
def test_title_below_a_breadcrumb_stamp_or_site_name(first_lines):
    text = first_lines + "岚州市统计局关于报送统计资料的通知\n发布时间：2024-06-03\n\n各区县统计局：\n　　请按时报送。\n"
    assert meta(text).title == "岚州市统计局关于报送统计资料的通知"


def test_site_name_above_a_title_that_repeats_it():
    text = ("岚州市人民政府办公室\n岚州市人民政府办公室关于印发岚州市统计监督贯通协调工作办法的通知\n岚政办发〔2024〕12号\n\n"
            "各县（市、区）人民政府，市政府各部门：\n　　现印发给你们。\n\n岚州市人民政府办公室\n2024年5月8日\n")
    m = meta(text)
    assert m.title == "岚州市人民政府办公室关于印发岚州市统计监督贯通协调工作办法的通知"
    assert (m.kind, m.doctype) == ("policy", "办法")  # 印发X的通知 without 《》


@pytest.mark.parametrize("title", ["图解：鹤汀县统计调查项目管理办法", "专家解读：统计调查项目怎么管"])
def test_a_title_of_the_form_label_colon_text_is_no_oa_field(title):
    m = meta(title + "\n\n　　近日，县统计局印发了鹤统规〔2024〕1号文件，对统计调查项目管理作出规定。\n")
    assert m.title == title and m.kind == "interpretation"
    assert m.doc_number is None  # the number is cited in a sentence


# -- 发文字号 ----------------------------------------------------------------------------------


@pytest.mark.parametrize("line,number", [
    ("榆统呈〔2023〕7号　　　　　　签发人：周建明", "榆统呈〔2023〕7号"),
    ("标　　题：岚州市统计局行政处罚决定书（岚统罚决字〔2024〕第3号）", "岚统罚决字〔2024〕第3号"),
    ("行政处罚决定书文号：岚统罚决字〔2024〕第5号", "岚统罚决字〔2024〕第5号"),
    ("　　近日，市统计局印发《岚州市统计调查员管理办法》（岚统规〔2024〕2号）。", None),
    ("1\t关于统计执法检查的通知\t青统字〔2024〕3号\t主动公开\t2024-03-01", None),
])
def test_doc_number_on_its_own_line_not_in_prose_or_a_listing(line, number):
    assert meta("关于统计工作的几点说明\n\n" + line + "\n\n　　正文。\n").doc_number == number


# -- header fields ---------------------------------------------------------------------------

TABBED = """索引号\t11339900MB1740001X/2024-00041\t主题分类\t统计
发布机构\t青梧市统计局\t成文日期\t2024-05-08
标题\t青梧市统计局关于开展2024年统计开放日活动的通知
发文字号\t青统字〔2024〕36号\t发布日期\t2024-05-17
公开方式\t依申请公开\t有效性\t有效

各区县统计局：
　　定于9月20日开展统计开放日活动。
"""


def test_metadata_table_copied_as_tab_separated_cells():
    m = meta(TABBED)
    assert m.title == "青梧市统计局关于开展2024年统计开放日活动的通知"
    assert (m.doc_number, m.formed, m.published, m.disclosure) == (
        "青统字〔2024〕36号", dt.date(2024, 5, 8), dt.date(2024, 5, 17), "依申请公开")
    result = check_text(TABBED, checker="disclosure-attribute", today=TODAY)
    assert found(result, "disclosure-attribute") == [("on-request", Severity.WARN, 5)]


def test_header_rows_of_data_tables_are_no_fields():
    m = meta("名称\t单位\t数量\n工业增加值\t亿元\t12.5\n")
    assert m.title is None and "名称" not in m.fields


LISTING = """<html><head><meta charset="utf-8"><title>政府信息公开目录</title></head><body>
<h2>政府信息公开目录</h2>
<table>
<tr><th>序号</th><th>标题</th><th>发文字号</th><th>公开方式</th><th>发布日期</th></tr>
<tr><td>1</td><td>关于统计执法检查的通知</td><td>青统字〔2024〕3号</td><td>主动公开</td><td>2024-03-01</td></tr>
<tr><td>2</td><td>关于机关财务审计的报告</td><td>青统报〔2024〕2号</td><td>不予公开</td><td>2024-03-05</td></tr>
</table></body></html>"""


def test_listing_table_speaks_of_its_rows_not_of_the_page():
    result = check_text(LISTING.encode(), checker="disclosure-attribute", name="list.html", today=TODAY)
    assert found(result, "disclosure-attribute") == []
    assert result.metadata.doc_number is None


@pytest.mark.parametrize("page", [
    # <th>label</th><td>value</td> without colons
    "<table><tr><th>信息名称</th><td>白榆县统计局关于网络安全检查情况的通报</td></tr><tr><th>文号</th><td>白统字〔2024〕8号</td></tr>"
    "<tr><th>生成日期</th><td>2024-04-26</td></tr><tr><th>公开属性</th><td>不予公开</td></tr></table>",
    # a definition list
    "<dl><dt>信息名称</dt><dd>白榆县统计局关于网络安全检查情况的通报</dd><dt>文号</dt><dd>白统字〔2024〕8号</dd>"
    "<dt>生成日期</dt><dd>2024-04-26</dd><dt>公开属性</dt><dd>不予公开</dd></dl>",
])
def test_portal_metadata_without_colons(page):
    html = f'<html><head><meta charset="utf-8"></head><body>{page}<p>局机关各股室：</p><p>现通报如下。</p></body></html>'
    result = check_text(html.encode(), name="page.html", today=TODAY)
    m = result.metadata
    assert (m.title, m.doc_number, m.formed) == ("白榆县统计局关于网络安全检查情况的通报", "白统字〔2024〕8号",
                                                 dt.date(2024, 4, 26))
    assert found(result, "disclosure-attribute") == [("withheld", Severity.BLOCK, 4)]


def test_word_metadata_table_without_colons():
    docx = pytest.importorskip("docx")
    d = docx.Document()
    rows = [["标题", "青梧市统计局关于网络安全检查情况的通报"], ["发文字号", "青统字〔2024〕22号"],
            ["成文日期", "2024-05-20"], ["公开属性", "不予公开"]]
    table = d.add_table(rows=4, cols=2)
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            table.cell(i, j).text = v
    d.add_paragraph("　　现将网络安全检查情况通报如下。")
    buf = io.BytesIO()
    d.save(buf)
    result = check_text(buf.getvalue(), name="稿.docx", today=TODAY)
    assert (result.metadata.title, result.metadata.formed) == ("青梧市统计局关于网络安全检查情况的通报", dt.date(2024, 5, 20))
    assert ("withheld", Severity.BLOCK, 4) in found(result, "disclosure-attribute")


# -- 成文日期 --------------------------------------------------------------------------------


@pytest.mark.parametrize("body", [
    "　　报到时间：\n　　2024年6月12日\n　　培训地点：市统计局三楼会议室\n",
    "一、活动日期\n2024年9月20日\n二、活动地点\n市统计局\n",
])
def test_a_date_alone_on_a_line_of_the_body_is_no_signature(body):
    text = (f"青梧市统计局关于举办统计业务培训班的通知\n\n青统字〔2024〕44号\n\n各区县统计局：\n　　安排如下。\n{body}\n"
            "青梧市统计局\n2024年5月31日\n（此件主动公开）\n")
    assert meta(text).formed == dt.date(2024, 5, 31)
    assert found(check_text(text, checker="release-deadline", today=TODAY), "release-deadline") == []


# -- 公开属性 ----------------------------------------------------------------------------------

NOTICE = """青梧市统计局关于调整统计调查员的通知

青统字〔2024〕48号

各区县统计局：
　　现予调整。

青梧市统计局
2024年5月29日
{annotation}
"""


@pytest.mark.parametrize("annotation,expected", [
    ("（此件公开）", []),
    ("（此件主动向社会公开）", []),
    ("（此件不宜公开）", [("withheld", Severity.BLOCK, 10)]),
    ("（此件不在网上公开）", [("withheld", Severity.BLOCK, 10)]),
    ("（此件删减后公开）", [("unknown-value", Severity.INFO, 10)]),
    ("（此件发至区县统计局）", [("missing", Severity.WARN, None)]),
])
def test_annotation_wordings(annotation, expected):
    result = check_text(NOTICE.format(annotation=annotation), checker="disclosure-attribute", today=TODAY)
    assert found(result, "disclosure-attribute") == expected


def test_disclosure_of_annotation_wordings_in_metadata():
    assert meta(NOTICE.format(annotation="（此件公开）")).disclosure == "主动公开"
    assert meta(NOTICE.format(annotation="（此件不宜公开）")).disclosure == "不予公开"


def test_oa_disclosure_option_field():
    text = "标　　题：关于机关财务审计情况的报告\n发文字号：青统报〔2024〕2号\n公开选项：不予公开\n成文日期：2024年5月20日\n"
    result = check_text(text, checker="disclosure-attribute", today=TODAY)
    assert found(result, "disclosure-attribute") == [("withheld", Severity.BLOCK, 3)]


# -- 密级 --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text,line", [
    ("标题\t关于调整统计调查样本的请示\n密级\t机密\n紧急程度\t特急\n成文日期\t2024-05-20\n\n　　拟调整样本单位32家。\n", 2),
    ("标　　题：关于调整统计调查样本的请示\n紧急程度：特急　　密级：机密★1年\n成文日期：2024年5月20日\n\n　　拟调整。\n", 2),
])
def test_secrecy_field_in_a_table_row_or_beside_another_field(text, line):
    result = check_text(text, checker="confidential-marker", today=TODAY)
    assert found(result, "confidential-marker") == [("secrecy-mark", Severity.BLOCK, line)]


def test_secrecy_field_value_that_is_no_level():
    text = "标　　题：关于调整统计调查样本的请示\n紧急程度：特急　　密级：非密\n成文日期：2024年5月20日\n"
    assert found(check_text(text, checker="confidential-marker", today=TODAY), "confidential-marker") == []


# -- policy and interpretation ----------------------------------------------------------------

POLICY = """鹤汀县统计局关于印发《鹤汀县统计调查项目管理办法》的通知
鹤统规〔2024〕1号

各乡镇人民政府，县直有关部门：
　　现将《鹤汀县统计调查项目管理办法》印发给你们，请认真贯彻执行。

鹤汀县统计局
2024年4月2日
（此件主动公开）
"""


@pytest.mark.parametrize("interpretation", [
    "图解：鹤汀县统计调查项目管理办法\n\n【图片】一图读懂项目审批流程\n",
    "【政策解读】鹤汀县统计调查项目管理办法\n\n　　一、背景。\n",
    "政策解读｜鹤汀县统计调查项目管理办法（文字版）\n\n　　一、背景。\n",
])
def test_interpretation_titles_with_a_form_prefix(interpretation):
    report = check_batch({"policy.txt": POLICY, "jd.txt": interpretation}, today=dt.date(2024, 4, 8))
    assert [f for d in report.documents for f in d.findings if f.checker == "policy-interpretation"] == []


def test_consultation_notice_is_no_policy():
    text = ("岚州市统计局关于公开征求《岚州市统计数据发布管理办法（征求意见稿）》意见的公告\n\n"
            "　　现将征求意见稿全文公布，征求社会各界意见。\n\n岚州市统计局\n2024年5月16日\n")
    result = check_text(text, checker="policy-interpretation", today=TODAY)
    assert found(result, "policy-interpretation") == []


def test_interpretation_citing_the_number_in_its_body_is_no_公文():
    jd = "图说新规丨统计调查员这样管\n\n　　近日，市统计局印发《岚州市统计调查员管理办法》（岚统规〔2024〕2号）。\n"
    result = check_text(jd, checker="disclosure-attribute", today=TODAY)
    assert result.metadata.doc_number is None
    assert found(result, "disclosure-attribute") == []


def test_catalogue_kinds_in_chinese():
    entry = entry_from_mapping({"标题": "一图读懂：项目审批这样办", "类型": "政策解读", "解读对象": "鹤统规〔2024〕1号"},
                               "catalog.csv 第 2 行")
    assert entry.kind == "interpretation"
    report = check_batch({"policy.txt": POLICY}, today=dt.date(2024, 4, 8), catalog=[entry])
    assert [f for f in report.documents[0].findings if f.checker == "policy-interpretation"] == []


def test_secrecy_period_in_chinese_numerals():
    text = "000035\n秘密★一年\n\n青梧市统计局文件\n青统字〔2024〕3号\n\n青梧市统计局关于样本轮换的报告\n\n青梧市统计局\n2024年5月8日\n"
    result = check_text(text, checker="confidential-marker", today=TODAY)
    assert "保密期限：1年（至 2025-05-08）" in result.findings[0].message


def test_label_words_as_headings_of_an_explainer():
    text = ("保密知识：国家秘密与工作秘密的区别\n\n国家秘密\n　　国家秘密是关系国家安全和利益的事项。\n工作秘密\n"
            "　　工作秘密是指机关、单位在公务活动和内部管理中产生的，泄露后会对工作造成不利影响的事项。\n内部资料\n"
            "　　内部资料是指仅在本系统内部使用的材料。\n")
    assert found(check_text(text, checker="confidential-marker", today=TODAY), "confidential-marker") == []
    # the same word as a stamp above a title still counts
    stamped = "工作秘密\n\n关于做好命题工作的通知\n　　各单位：请做好命题工作。\n"
    assert found(check_text(stamped, checker="confidential-marker", today=TODAY), "confidential-marker") == [
        ("internal-label", Severity.BLOCK, 1)]


@pytest.mark.parametrize("boxes,value,expected", [
    ("☑主动公开　□依申请公开　□不予公开", "主动公开", []),
    ("□主动公开　□依申请公开　■不予公开", "不予公开", [("withheld", Severity.BLOCK, 3)]),
    ("□主动公开　√依申请公开　□不予公开", "依申请公开", [("on-request", Severity.WARN, 3)]),
])
def test_tick_boxes_of_a_draft_form(boxes, value, expected):
    text = f"标　　题：青梧市统计局关于开展统计开放日活动的通知\n发文字号：青统字〔2024〕36号\n公开属性：{boxes}\n成文日期：2024年5月8日\n"
    result = check_text(text, checker="disclosure-attribute", today=TODAY)
    assert result.metadata.disclosure == value
    assert found(result, "disclosure-attribute") == expected


@pytest.mark.parametrize("signer", ["青梧市统计局（盖章）", "中共青梧市统计局党组", "青梧市统计局　　青梧市财政局"])
def test_signature_date_under_a_sealed_party_or_joint_signer(signer):
    text = (f"关于举办统计业务培训班的通知\n\n各区县统计局：\n　　报到时间：\n　　2024年6月12日\n\n{signer}\n2024年5月31日\n")
    assert meta(text).formed == dt.date(2024, 5, 31)
