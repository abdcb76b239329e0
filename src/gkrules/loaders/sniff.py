"""What a file really is, from its bytes: the extension may lie, the content cannot.

``content_kind`` looks at magic numbers (PDF, ZIP, OLE2, RTF, images), at the member names
of a zip package (Word, Excel, PowerPoint, OFD, OpenDocument) and at the start of text
(HTML). It reads at most the head and, for a zip, its central directory, whose size
``member_names`` bounds before the zipfile module parses it.
"""

from __future__ import annotations

import io
import zipfile

from gkrules.loaders.encoding import looks_binary
from gkrules.loaders.safezip import entry_count

PDF, DOCX, XLSX, PPTX, OFD, ODF, ZIP = "pdf", "docx", "xlsx", "pptx", "ofd", "odf", "zip"
OLE2, OLE2_ENCRYPTED, RTF, HTML, IMAGE, TEXT, BINARY = "ole2", "ole2-encrypted", "rtf", "html", "image", "text", "binary"

#: how a reviewer calls each kind
LABELS = {
    PDF: "PDF 文件", DOCX: "Word 文档（docx）", XLSX: "Excel 工作簿（xlsx）", PPTX: "PowerPoint 演示文稿（pptx）",
    OFD: "OFD 版式文件", ODF: "OpenDocument 文档（odt/ods）", ZIP: "ZIP 压缩包",
    OLE2: "旧版 Office/WPS 文件（doc/xls/wps/et）", OLE2_ENCRYPTED: "设有打开密码（已加密）的 Office 文件",
    RTF: "RTF 文档", HTML: "HTML 网页", IMAGE: "图片", TEXT: "纯文本", BINARY: "无法识别的二进制数据",
}

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"II*\x00", b"MM\x00*")
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_BOOK_STREAMS = ("Workbook".encode("utf-16-le"), "Book\x00".encode("utf-16-le"))


def is_html(head: bytes) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<html" in h[:256]


def _zip_kind_from_names(names: list[str]) -> str:
    lowered = [n.lower() for n in names]
    if any(n.startswith("word/") for n in lowered):
        return DOCX
    if any(n.startswith("xl/") for n in lowered):
        return XLSX
    if any(n.startswith("ppt/") for n in lowered):
        return PPTX
    if "ofd.xml" in lowered:
        return OFD
    if "mimetype" in lowered and "content.xml" in lowered:
        return ODF
    return ZIP


def _zip_kind_from_head(head: bytes) -> str:
    """Best guess from the local file headers in the first bytes (no central directory)."""
    for marker, kind in ((b"word/", DOCX), (b"xl/", XLSX), (b"ppt/", PPTX), (b"OFD.xml", OFD)):
        if marker in head:
            return kind
    return ZIP


def member_names(data: bytes, max_members: int) -> list[str] | None:
    """Names in a zip's central directory, or None if it cannot be read or is too large."""
    count = entry_count(data)
    if count is None or count > max_members:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.namelist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError):
        return None


def ole2_kind(data: bytes) -> str:
    """``docx`` / ``xlsx`` for what an OLE2 file holds (Word/WPS text or Excel/ET sheets), else ''."""
    if _WORD_STREAM in data:
        return DOCX
    if any(s in data for s in _BOOK_STREAMS):
        return XLSX
    return ""


def content_kind(data: bytes, *, max_members: int = 10_000) -> str:
    """The kind of content in ``data`` (the whole file, or only its head)."""
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return PDF
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        names = member_names(data, max_members)  # None for a bare head or a broken archive
        return _zip_kind_from_names(names) if names is not None else _zip_kind_from_head(head)
    if head.startswith(_OLE2_MAGIC):
        return OLE2_ENCRYPTED if _ENCRYPTED_PACKAGE in data else OLE2
    if head.lstrip()[:5] == b"{\\rtf":
        return RTF
    if head.startswith(_IMAGE_MAGIC):
        return IMAGE
    if is_html(head):
        return HTML
    if looks_binary(data) and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return BINARY
    return TEXT


__all__ = ["LABELS", "content_kind", "is_html", "member_names", "ole2_kind"]
