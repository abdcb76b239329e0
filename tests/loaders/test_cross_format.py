"""The same planted content — a 密级 head, an ID number, a small-cell table — read from .txt,
.html, .docx, .pdf, .xlsx and .csv, each with the right place in its file.

The 密级 mark is asserted through the confidential-marker checker. The ID number and the
table cell are asserted at the loader level (their Location from ``Document.location``), and,
when the personal-info and unit-identifiability checkers are registered, through their
findings too (those tests are skipped, and say so, where the checkers are not installed).
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache

import pytest
from loader_makers import (
    ID,
    planted_csv,
    planted_docx,
    planted_html,
    planted_pdf,
    planted_text,
    planted_xlsx,
)

from gkrules.loaders import LoaderRegistry
from gkrules.plugins import PluginManager
from gkrules.testing import check_batch

TODAY = dt.date(2024, 5, 20)


@cache
def payload(fmt: str) -> bytes:
    return {
        "txt": lambda: planted_text().encode("utf-8"),
        "html": lambda: planted_html().encode("utf-8"),
        "csv": lambda: planted_csv().encode("gbk"),
        "docx": planted_docx,
        "pdf": planted_pdf,
        "xlsx": planted_xlsx,
    }[fmt]()


# where each planted item is: (line, page, ref); None = not asserted for that format
MARK = {"txt": (2, None, None), "html": (2, None, None), "csv": (1, None, "A1"), "docx": (2, None, "段落2"),
        "pdf": (2, 1, "第1页"), "xlsx": (2, None, "报告!A2")}
ID_AT = {"txt": (8, None, None), "html": (6, None, None), "csv": (2, None, "A2"), "docx": (8, None, "段落8"),
         "pdf": (6, 1, "第1页"), "xlsx": (3, None, "报告!A3")}
SMALL_CELL_AT = {"txt": (11, None, None), "html": (8, None, None), "csv": (4, None, "B4"),
                 "docx": (None, None, "表1第2行第2列"), "pdf": (9, 1, "第1页"), "xlsx": (5, None, "报告!B5")}
FORMATS = sorted(MARK)


@pytest.fixture(scope="module")
def registry() -> LoaderRegistry:
    return LoaderRegistry(PluginManager().loaders())


@lru_cache(maxsize=1)
def report():
    return check_batch({f"planted.{fmt}": payload(fmt) for fmt in FORMATS}, today=TODAY)


def result(fmt: str):
    return next(d for d in report().documents if d.source == f"planted.{fmt}")


def _place(loc) -> tuple:
    return loc.line, loc.page, loc.ref


def _expect(loc, expected: tuple) -> None:
    line, page, ref = expected
    got = _place(loc)
    assert (got[0] if line is not None else None, got[1], got[2]) == (line, page, ref)


@pytest.mark.parametrize("fmt", FORMATS)
def test_secrecy_mark_found_with_its_place(fmt):
    r = result(fmt)
    assert r.errors == ()
    marks = [f for f in r.findings if f.checker == "confidential-marker" and f.rule == "secrecy-mark"]
    assert len(marks) == 1, [(f.rule, f.location) for f in r.findings]
    _expect(marks[0].location, MARK[fmt])
    assert marks[0].location.hidden is False


@pytest.mark.parametrize("fmt", FORMATS)
def test_id_number_is_in_the_text_with_its_place(fmt, registry):
    doc = registry.load_bytes(f"planted.{fmt}", payload(fmt))
    start = doc.text.find(ID)
    assert start >= 0, doc.text
    _expect(doc.location(start, start + len(ID)), ID_AT[fmt])


@pytest.mark.parametrize("fmt", FORMATS)
def test_small_cell_table_is_a_table_with_numbers(fmt, registry):
    doc = registry.load_bytes(f"planted.{fmt}", payload(fmt))
    cells = [c for t in doc.tables for row in t.rows for c in row if c.text == "2"]
    assert cells, [[[c.text for c in r] for r in t.rows] for t in doc.tables]
    cell = cells[0]
    assert cell.number == 2.0
    assert doc.text[cell.start:cell.end] == "2"
    table = next(t for t in doc.tables if any(cell in row for row in t.rows))
    assert [c.text for c in table.rows[table.header_rows]][:2] == ["A镇", "2"]
    _expect(doc.location(cell.start, cell.end), SMALL_CELL_AT[fmt])


@pytest.mark.parametrize("fmt", ["docx", "xlsx", "pdf"])
def test_gbt9704_metadata_from_office_formats(fmt):
    meta = result(fmt).metadata
    assert meta.secrecy == "秘密★3年"
    assert meta.format == fmt
    if fmt != "xlsx":  # a workbook has no 发文字号/成文日期 lines in this fixture
        assert meta.doc_number == "青统字〔2024〕6号"
        assert meta.formed == dt.date(2024, 5, 6)


_REGISTERED = set(PluginManager().checkers())


@pytest.mark.skipif("personal-info" not in _REGISTERED, reason="personal-info 检查器未安装（由其他议题实现）")
@pytest.mark.parametrize("fmt", FORMATS)
def test_id_number_reported_by_personal_info(fmt, registry):
    doc = registry.load_bytes(f"planted.{fmt}", payload(fmt))
    start = doc.text.find(ID)
    found = [f for f in result(fmt).findings if f.checker == "personal-info" and f.location
             and f.location.start is not None and f.location.start <= start < f.location.end]
    assert found, [(f.checker, f.rule, f.location) for f in result(fmt).findings]
    _expect(found[0].location, ID_AT[fmt])
    assert ID not in (found[0].evidence or "") and ID not in found[0].message


@pytest.mark.skipif("unit-identifiability" not in _REGISTERED,
                    reason="unit-identifiability 检查器未安装（由其他议题实现）")
@pytest.mark.parametrize("fmt", FORMATS)
def test_small_cell_reported_by_unit_identifiability(fmt, registry):
    doc = registry.load_bytes(f"planted.{fmt}", payload(fmt))
    table = next(t for t in doc.tables if any(c.text == "2" for row in t.rows for c in row))
    found = [f for f in result(fmt).findings if f.checker == "unit-identifiability" and f.location
             and f.location.start is not None and table.start <= f.location.start <= table.end]
    assert found, [(f.checker, f.rule, f.location) for f in result(fmt).findings]
    page = SMALL_CELL_AT[fmt][1]
    assert all(f.location.page == page for f in found)
