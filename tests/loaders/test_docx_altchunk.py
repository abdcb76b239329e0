"""Content a Word document imports (``w:altChunk``: HTML, text or a whole Word document that
document generators and OA systems put in a .docx) is read where it stands. Before, it was
skipped: a document whose imported HTML held an ID number and a mobile number was "complete,
no finding" — published. What cannot be read (RTF, a missing part) is reported as unread."""

from __future__ import annotations

import datetime as dt

import docx
import pytest
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from loader_makers import id_number, save_docx
from lxml import etree

from gkrules import Engine, InputDocument

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
AFCHUNK = R + "/aFChunk"
TODAY = dt.date(2025, 11, 20)
PERSON = f"联系人：张三，身份证号码 {id_number()}"


def _with_chunk(content_type: str, blob: bytes, *, where: str = "body", rid: str | None = None) -> bytes:
    d = docx.Document()
    d.add_paragraph("关于报送统计资料的通知")
    d.add_paragraph("各乡镇统计站：")
    part = Part(PackURI("/word/afchunk1.bin"), content_type, blob, d.part.package)
    host = d.part if where == "body" else d.sections[0].header.part
    related = host.relate_to(part, AFCHUNK)
    container = d.element.body if where == "body" else d.sections[0].header._element
    chunk = etree.SubElement(container, f"{{{W}}}altChunk")
    chunk.set(f"{{{R}}}id", rid or related)
    if where == "body":  # before the section properties, as Word writes it
        container.remove(chunk)
        container.insert(2, chunk)
    return save_docx(d)


def _check(data: bytes):
    report = Engine("national", check_examples=False).check([InputDocument("通知.docx", data)], today=TODAY)
    return report.documents[0]


def _inner_docx() -> bytes:
    d = docx.Document()
    d.add_paragraph(PERSON)
    return save_docx(d)


@pytest.mark.parametrize("content_type,blob", [
    ("text/html", f"<html><body><p>{PERSON}</p></body></html>".encode()),
    ("text/html", f"<html><head><meta charset=gbk></head><body><p>{PERSON}</p></body></html>".encode("gbk")),
    ("application/xhtml+xml", f'<html xmlns="http://www.w3.org/1999/xhtml"><body><p>{PERSON}</p></body></html>'.encode()),
    ("text/plain", PERSON.encode()),
    ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _inner_docx()),
])
def test_imported_content_is_checked_where_it_stands(content_type, blob):
    doc = _check(_with_chunk(content_type, blob))
    found = [f for f in doc.findings if f.rule == "id-card"]
    assert len(found) == 1
    assert "导入的内容块 1" in (found[0].location.ref or "")
    assert not [f for f in doc.findings if f.rule == "unreadable-content"]


def test_imported_content_in_a_header_is_checked():
    doc = _check(_with_chunk("text/html", f"<p>{PERSON}</p>".encode(), where="header"))
    assert [f.rule for f in doc.findings if f.rule == "id-card"] == ["id-card"]


@pytest.mark.parametrize("content_type,blob,rid", [
    ("application/rtf", b"{\\rtf1\\ansi " + PERSON.encode("gbk") + b"}", None),  # no RTF reader in-process
    ("text/html", b"<p>x</p>", "rId999"),  # the r:id names no part
])
def test_imported_content_that_cannot_be_read_is_reported_unread(content_type, blob, rid):
    doc = _check(_with_chunk(content_type, blob, rid=rid))
    unread = [f for f in doc.findings if f.rule == "unreadable-content"]
    assert len(unread) == 1 and "altChunk" in unread[0].message
    assert unread[0].severity.value == "block"


def test_a_whole_word_document_typed_as_a_main_part_fails_closed():
    # the content type the Open XML SDK gives a Word altChunk: python-docx parses such a part
    # as XML and cannot open the file; the document is reported unchecked, never clean
    doc = _check(_with_chunk("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                             _inner_docx()))
    assert doc.errors and not [f for f in doc.findings if f.rule == "id-card"]


def test_a_document_without_imported_content_is_unchanged():
    d = docx.Document()
    d.add_paragraph(PERSON)
    doc = _check(save_docx(d))
    assert [f.rule for f in doc.findings if f.rule in ("id-card", "unreadable-content")] == ["id-card"]
