"""hidden-content: tracked changes, comments, hidden text, hidden sheets/rows/columns, embedded
objects and author names are reported, and hidden text reaches the other checkers."""

from __future__ import annotations

import datetime as dt
from functools import cache

import docx
import pytest
from loader_makers import ID, add_xml_paragraph, hidden_docx, hidden_xlsx, pdf_pages, run, save_docx

from gkrules.checkers.hidden_content.rules.author_property import mask_name
from gkrules.loaders import LoaderRegistry
from gkrules.plugins import PluginManager
from gkrules.testing import check_text

TODAY = dt.date(2024, 5, 20)


@cache
def docx_result():
    return check_text(hidden_docx(), name="notice.docx", today=TODAY)


@cache
def xlsx_result():
    return check_text(hidden_xlsx(), name="table.xlsx", today=TODAY)


def _by_rule(result, rule):
    return [f for f in result.findings if f.checker == "hidden-content" and f.rule == rule]


def test_tracked_deletion_holding_an_id_number_is_reported_without_repeating_it():
    r = docx_result()
    assert r.errors == ()
    (f,) = _by_rule(r, "tracked-deletion")
    assert f.location.ref == "段落2（修订删除）"
    assert f.location.hidden is True
    assert ID not in f.message and ID not in (f.evidence or "")
    assert "仍保存在文件中" in f.message


def test_deleted_text_reaches_the_other_checkers_as_hidden_text():
    doc = LoaderRegistry(PluginManager().loaders()).load_bytes("notice.docx", hidden_docx())
    start = doc.text.find(ID)
    assert start > 0
    loc = doc.location(start, start + len(ID))
    assert (loc.ref, loc.hidden) == ("段落2（修订删除）", True)
    # the visible paragraph reads as the reader sees it, not glued to the deleted words
    assert "经核查，有关企业已整改。" in doc.text.splitlines()


def test_hidden_text_comment_insertion_and_embedded_object_are_reported():
    r = docx_result()
    (hidden,) = _by_rule(r, "hidden-text")
    assert (hidden.location.ref, hidden.location.hidden) == ("段落3（隐藏文字）", True)
    (comment,) = _by_rule(r, "comment")
    assert comment.location.ref == "批注1（段落4）"
    assert "此段请再核实" not in comment.message
    (ins,) = _by_rule(r, "tracked-insertion")
    assert ins.location.ref == "段落2（修订插入）" and ins.location.hidden is False
    (emb,) = _by_rule(r, "embedded-object")
    assert "Microsoft_Excel_Worksheet1.xlsx" in emb.location.ref


def test_author_name_masked_and_generic_or_unit_names_not_reported():
    r = docx_result()
    (author,) = _by_rule(r, "author-property")
    assert author.evidence == "王**"
    assert "王小明" not in author.message
    assert author.location.ref == "文档属性·作者" and author.location.hidden
    # last_modified_by is "Administrator": a software default, not a person
    assert all("最后修改者" not in f.message for f in _by_rule(r, "author-property"))
    x = xlsx_result()
    (xa,) = _by_rule(x, "author-property")
    assert xa.evidence == "张*"  # creator 张三; lastModifiedBy is a unit (青梧市统计局): not reported


def test_hidden_sheet_with_unit_level_rows_and_very_hidden_sheet():
    x = xlsx_result()
    sheets = _by_rule(x, "hidden-sheet")
    assert {f.location.ref for f in sheets} == {"明细!A1", "底稿!A1"}
    detail = next(f for f in sheets if "明细" in f.message)
    assert "9 个非空单元格" in detail.message and detail.location.hidden
    very = next(f for f in sheets if "底稿" in f.message)
    assert "深度隐藏" in very.message


def test_hidden_rows_and_columns_reported_with_excel_references():
    x = xlsx_result()
    refs = sorted(f.location.ref for f in _by_rule(x, "hidden-rows-columns"))
    # the hidden column C is reported at its first non-empty cell; row 4 spans A4:C4
    assert refs == ["汇总!A4", "汇总!C1"]
    messages = " ".join(f.message for f in _by_rule(x, "hidden-rows-columns"))
    assert "汇总!4:4" in messages and "汇总!C:C" in messages


def test_unit_level_rows_of_a_hidden_sheet_are_tables_marked_hidden():
    doc = LoaderRegistry(PluginManager().loaders()).load_bytes("t.xlsx", hidden_xlsx())
    detail = next(t for t in doc.tables if t.ref == "明细")
    assert detail.hidden is True
    assert [c.text for c in detail.rows[1]] == ["青梧市某某化工有限公司", "C镇", "60"]
    assert all(c.hidden for row in detail.rows for c in row)
    start = doc.text.find("青梧市某某纺织厂")
    assert doc.location(start, start + 3).hidden is True


def test_pdf_annotation_and_author_reported():
    r = check_text(pdf_pages([["青梧市统计局"]], author="张三", comment="请核对第3行数据"), name="a.pdf", today=TODAY)
    (comment,) = _by_rule(r, "comment")
    assert comment.location.page == 1 and comment.location.hidden
    (author,) = _by_rule(r, "author-property")
    assert author.evidence == "张*"


def test_clean_document_has_no_hidden_content_findings():
    d = docx.Document()
    d.core_properties.author = "python-docx"
    add_xml_paragraph(d, run("关于开展统计执法检查的通知"))
    d.add_paragraph("请各单位按时报送。")
    r = check_text(save_docx(d), name="clean.docx", today=TODAY)
    assert [f for f in r.findings if f.checker == "hidden-content"] == []


def test_plain_text_that_mentions_properties_is_not_hidden_content():
    r = check_text("文档属性·作者：张三\n修订删除的文字\n", name="a.txt", checker="hidden-content", today=TODAY)
    assert r.findings == ()


@pytest.mark.parametrize(("name", "masked"), [("张三", "张*"), ("欧阳明月", "欧***"), ("John", "J***"), ("王", "王*")])
def test_mask_name(name, masked):
    assert mask_name(name) == masked
