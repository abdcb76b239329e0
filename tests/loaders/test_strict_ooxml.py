"""Strict Open XML documents (Word and Excel's "Strict Open XML" save format) are read as the
same document in the Transitional format. Before, a Strict workbook read as empty (no sheet
at all, exit 0: an ID number in it went out) and a Strict Word document was refused with a
misleading message."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from loader_makers import hidden_docx, hidden_xlsx, planted_docx, planted_xlsx
from test_xlsx_sheet_reader import workbooks

from gkrules import Engine, InputDocument
from gkrules.loaders.strictxml import is_strict, transitional

T, S = "http://schemas.openxmlformats.org/", "http://purl.oclc.org/ooxml/"
#: Transitional -> Strict (ECMA-376 Part 1), written here independently of gkrules' table
TO_STRICT = (
    (T + "officeDocument/2006/relationships/extended-properties", S + "officeDocument/relationships/extendedProperties"),
    (T + "officeDocument/2006/relationships/custom-properties", S + "officeDocument/relationships/customProperties"),
    (T + "officeDocument/2006/relationships", S + "officeDocument/relationships"),
    (T + "officeDocument/2006/extended-properties", S + "officeDocument/extendedProperties"),
    (T + "officeDocument/2006/custom-properties", S + "officeDocument/customProperties"),
    (T + "officeDocument/2006/docPropsVTypes", S + "officeDocument/docPropsVTypes"),
    (T + "officeDocument/2006/math", S + "officeDocument/math"),
    (T + "drawingml/2006/", S + "drawingml/"),
    (T + "spreadsheetml/2006/main", S + "spreadsheetml/main"),
    (T + "wordprocessingml/2006/main", S + "wordprocessingml/main"),
)


def strict(package: bytes) -> bytes:
    """The package as Office saves it in Strict Open XML."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                for a, b in TO_STRICT:
                    data = data.replace(a.encode(), b.encode())
                if info.filename == "xl/workbook.xml":
                    data = data.replace(b"<workbook ", b'<workbook conformance="strict" ', 1)
            dst.writestr(info, data)
    return out.getvalue()


def _prepared(name: str, data: bytes):
    return Engine("national", check_examples=False).prepare(InputDocument(name, data))


def _same(name: str, data: bytes) -> None:
    as_transitional, as_strict = _prepared(name, data), _prepared(name, strict(data))
    assert as_strict.text == as_transitional.text
    assert as_strict.blocks == as_transitional.blocks
    assert as_strict.tables == as_transitional.tables
    assert as_strict.metadata == as_transitional.metadata
    assert as_strict.notices == as_transitional.notices


@pytest.mark.parametrize("name,make", [("a.docx", planted_docx), ("b.docx", hidden_docx),
                                       ("a.xlsx", planted_xlsx), ("b.xlsx", hidden_xlsx)])
def test_a_strict_document_reads_as_its_transitional_twin(name, make):
    data = make()
    assert strict(data) != data  # the twin really is Strict
    _same(name, data)


@settings(max_examples=40, deadline=None)
@given(workbooks())
def test_strict_workbooks_read_as_their_transitional_twins(data):
    _same("表.xlsx", data)


def test_an_id_number_in_a_strict_workbook_is_found():
    report = Engine("national", check_examples=False).check(
        [InputDocument("名单.xlsx", strict(planted_xlsx()))], today=dt.date(2025, 11, 20))
    doc = report.documents[0]
    assert report.complete and not doc.errors
    assert any(f.rule == "id-card" for f in doc.findings)


@given(st.sampled_from(["utf-8", "utf-16-le", "utf-16-be"]),
       st.sampled_from(["spreadsheetml/main", "wordprocessingml/main", "officeDocument/relationships",
                        "drawingml/main", "officeDocument/relationships/extendedProperties"]))
def test_strict_uris_are_mapped_in_every_encoding_a_part_may_have(encoding, suffix):
    xml = f'<x xmlns="{S}{suffix}"><y/></x>'.encode(encoding)
    assert is_strict(xml)
    mapped = transitional(xml).decode(encoding)
    assert "purl.oclc.org" not in mapped and mapped.startswith(f'<x xmlns="{T}')
    assert not is_strict(transitional(xml))
    assert transitional(b'<x xmlns="' + (T + "spreadsheetml/2006/main").encode() + b'"/>') == \
        b'<x xmlns="' + (T + "spreadsheetml/2006/main").encode() + b'"/>'


def _with_member(package: bytes, name: str, data: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        dst.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize("part", ["xl/worksheets/sheet9.xml", "xl/macrosheets/sheet1.xml"])
def test_a_sheet_part_the_workbook_reader_did_not_give_is_reported_unread(part):
    base = planted_xlsx()
    with zipfile.ZipFile(io.BytesIO(base)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml")
    report = Engine("national", check_examples=False).check(
        [InputDocument("表.xlsx", _with_member(base, part, sheet))], today=dt.date(2025, 11, 20))
    doc = report.documents[0]
    unread = [f for f in doc.findings if f.rule == "unreadable-content"]
    assert len(unread) == 1 and "1 个工作表部件未能读取" in unread[0].message
    assert unread[0].severity.value == "block"
    plain = Engine("national", check_examples=False).check([InputDocument("表.xlsx", base)], today=dt.date(2025, 11, 20))
    assert not [f for f in plain.documents[0].findings if f.rule == "unreadable-content"]
