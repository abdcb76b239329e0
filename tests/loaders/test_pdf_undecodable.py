"""Unreadable means unchecked: a PDF page whose content stream cannot be decoded in full
(corrupt bytes, truncated, an unsupported filter) gets ``engine/unreadable-content``; it is
never taken for a blank page."""

from __future__ import annotations

import re
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_makers import minimal_pdf, pdf_pages

from gkrules.errors import InputError
from gkrules.loaders import LoaderRegistry
from gkrules.plugins import PluginManager

MARK = "机密★10年"
CONTENT = b"BT /F1 12 Tf 72 700 Td (SECRET 10 years) Tj ET\n" * 3


@pytest.fixture(scope="module")
def registry():
    return LoaderRegistry(PluginManager().loaders())


@pytest.fixture(scope="module")
def marked_pdf():
    return pdf_pages([[MARK, "关于印发办法的通知", "各单位：现将办法印发给你们。"]])


def _corrupt_16(good: bytes) -> bytes:
    bad = bytearray(good)
    bad[10:26] = b"\x00" * 16
    return bytes(bad)


@pytest.mark.parametrize("stream, filters", [
    (_corrupt_16(zlib.compress(CONTENT)), "/FlateDecode"),
    (zlib.compress(CONTENT)[:-10], "/FlateDecode"),
    (CONTENT, "/NoSuchFilter"),
    (b"zz~~~", "/ASCII85Decode"),
], ids=["corrupt", "truncated", "unsupported-filter", "bad-ascii85"])
def test_an_undecodable_content_stream_is_unreadable_content(registry, stream, filters):
    doc = registry.load_bytes("a.pdf", minimal_pdf(stream, filters=filters))
    assert [(n.rule, n.page) for n in doc.notices] == [("unreadable-content", 1)]
    assert "无法完整解码" in doc.notices[0].message


def test_a_good_stream_has_no_notice(registry):
    doc = registry.load_bytes("a.pdf", minimal_pdf(zlib.compress(CONTENT)))
    assert doc.notices == () and "SECRET" in doc.text.replace("\t", "")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(min_value=0, max_value=400), junk=st.binary(min_size=16, max_size=16))
def test_sixteen_corrupt_bytes_never_give_a_clean_page_without_the_mark(registry, marked_pdf, offset, junk):
    """Whatever 16 bytes of the page's content stream are overwritten with: the marking is
    read, or the page is reported unreadable, or the file is refused — never a silent pass."""
    start = re.search(rb"stream\r?\n", marked_pdf).end()
    end = marked_pdf.index(b"endstream", start)
    at = start + offset % max(1, end - start - 16)
    data = marked_pdf[:at] + junk + marked_pdf[at + 16:]
    try:
        doc = registry.load_bytes("b.pdf", data)
    except InputError:
        return
    assert MARK in doc.text.replace("\t", "") or any(n.rule == "unreadable-content" for n in doc.notices)
