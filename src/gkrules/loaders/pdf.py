"""PDF documents (pdfminer.six): text per page in reading order, page numbers in locations.

pdfminer's layout analysis gives text lines with their boxes; lines that share a baseline
band (a table row, ``00012      机  密`` in a 1999-style head) are joined with tabs, and rows
go top to bottom — so a table keeps its rows and a GB/T 9704 head keeps its lines. Each page
is a block (``page``, ``第N页``); tables are found in the page text as in plain text.

What cannot be checked is said, not skipped: a page with no text layer (a scan, text
converted to outlines) or with glyphs that map to no Unicode gets a ``Notice`` that the
engine reports as ``engine/unreadable-content`` (block by default). An encrypted PDF that
needs a password is an InputError. Annotations (comments) and the author in the document
information follow the pages as hidden blocks, as for Word.

Stream decoding is bounded (``pdfguard``): a PDF bomb stops with an error, not an OOM.
"""

from __future__ import annotations

import hashlib
import io
import logging
import re

import attrs

from gkrules.errors import InputError
from gkrules.loaders import pdfguard
from gkrules.loaders.builder import TextBuilder
from gkrules.loaders.ooxml import write_properties
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.texttables import find_tables
from gkrules.model import Document, Metadata, Notice

# pdfminer logs every oddity of a file as a warning; the report says what matters
logging.getLogger("pdfminer").setLevel(logging.ERROR)

_CID = re.compile(r"\(cid:\d+\)")
_INFO_FIELDS = (("Author", "作者"), ("Title", "标题"), ("Subject", "主题"), ("Keywords", "关键词"))
#: a page is "mostly image" when images cover this share of it and it has fewer visible characters
_IMAGE_SHARE = 0.5
_FEW_CHARS = 40
_CURVES_AS_TEXT = 200


class _PageStats:
    __slots__ = ("chars", "cids", "curves", "image_area", "images")

    def __init__(self) -> None:
        self.chars = 0
        self.cids = 0
        self.images = 0
        self.image_area = 0.0
        self.curves = 0


def _collect(item, lines: list, stats: _PageStats) -> None:
    from pdfminer.layout import LTCurve, LTImage, LTTextLine

    if isinstance(item, LTTextLine):
        text = item.get_text().replace("\n", " ").strip()
        if text:
            lines.append((item.x0, item.y0, item.x1, item.y1, text))
        return
    if isinstance(item, LTImage):
        stats.images += 1
        stats.image_area += max(0.0, item.width) * max(0.0, item.height)
        return
    if isinstance(item, LTCurve):
        stats.curves += 1
        return
    try:
        children = list(item)
    except TypeError:
        return
    for child in children:
        _collect(child, lines, stats)


def _rows(lines: list) -> list[str]:
    """Text lines grouped into rows by vertical overlap, top to bottom, cells joined by tabs."""
    lines = sorted(lines, key=lambda ln: (-(ln[1] + ln[3]) / 2, ln[0]))
    rows: list[list] = []
    for ln in lines:
        _x0, y0, _x1, y1, _text = ln
        height = max(y1 - y0, 0.1)
        placed = False
        if rows:
            row = rows[-1]
            ry0, ry1 = min(r[1] for r in row), max(r[3] for r in row)
            overlap = min(y1, ry1) - max(y0, ry0)
            if overlap >= 0.5 * min(height, max(ry1 - ry0, 0.1)):
                row.append(ln)
                placed = True
        if not placed:
            rows.append([ln])
    return ["\t".join(t for *_box, t in sorted(row, key=lambda r: r[0])) for row in rows]


def _decode(value) -> str | None:
    from pdfminer.pdftypes import resolve1
    from pdfminer.utils import decode_text

    value = resolve1(value)
    if isinstance(value, bytes):
        return decode_text(value)
    if isinstance(value, str):
        return value
    return None


def _annotations(page) -> list[str]:
    from pdfminer.pdftypes import resolve1

    out: list[str] = []
    annots = resolve1(page.annots) if page.annots else None
    if not isinstance(annots, list):
        return out
    for a in annots[:1000]:
        a = resolve1(a)
        if not isinstance(a, dict):
            continue
        subtype = getattr(resolve1(a.get("Subtype")), "name", "")
        if subtype in ("Link", "Widget", "Popup"):
            continue
        text = _decode(a.get("Contents"))
        if text and text.strip():
            out.append(text.strip())
    return out


def _open(data: bytes):
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError

    try:
        return PDFDocument(PDFParser(io.BytesIO(data)))
    except PDFPasswordIncorrect:
        raise InputError("PDF 设有打开密码（已加密），无法读取其内容：请提供未加密的版本后再检查") from None
    except PDFEncryptionError:
        raise InputError("PDF 已加密，且加密方式无法处理：请提供未加密的版本后再检查") from None
    except PDFSyntaxError:
        raise InputError("文件已损坏：不是有效的 PDF") from None


def load_pdf(data: bytes, source: str, options: LoadOptions) -> Document:
    pdfguard.install()
    with pdfguard.limits(options.max_member_bytes, options.max_unpacked_bytes) as budget:
        try:
            doc = _extract(data, source, options, budget)
        except InputError:
            raise
        except Exception as exc:  # pdfminer raises ValueError, KeyError, struct.error… on broken files
            if budget.exceeded is not None:
                raise budget.exceeded from None
            # the exception's text may quote the file (its Info dictionary): only the class
            raise InputError(f"文件已损坏：PDF 无法解析（{type(exc).__name__}）") from None
        if budget.exceeded is not None:  # swallowed inside pdfminer: still refused
            raise budget.exceeded
    return doc


def _extract(data: bytes, source: str, options: LoadOptions, budget: pdfguard._Budget) -> Document:
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LAParams
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    document = _open(data)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAParams(all_texts=True))
    interpreter = PDFPageInterpreter(manager, device)
    b = TextBuilder(options.max_text_chars)
    pages: list[tuple[int, int, int]] = []
    comments: list[tuple[int, str]] = []
    n = 0
    for page in PDFPage.create_pages(document):
        n += 1
        if n > options.max_pages:
            raise InputError(f"PDF 超过 {options.max_pages} 页的上限（上限可在规则集 engine 部分调整）")
        broken = budget.undecodable
        interpreter.process_page(page)
        broken = budget.undecodable - broken
        if n > 1:
            b.write("\n")  # a blank line between pages: a table does not run on across pages
        pages.append(_write_page(b, n, device.get_result(), broken))
        comments.extend((n, c) for c in _annotations(page))
    if n == 0:
        raise InputError("PDF 中没有可读取的页面：文件可能已损坏或被截断")
    _write_tail(b, comments, document, budget)
    text = b.text()
    tables = []
    for t in find_tables(text):
        table_page = next((p for p, s, e in pages if s <= t.start <= e), None)
        tables.append(attrs.evolve(t, page=table_page, ref=f"第{table_page}页" if table_page else None))
    meta = Metadata(format="pdf", extra={"pages": n})
    # empty pages at the end leave only the page separators, which text() drops: no span may
    # reach past the text
    size = len(text)
    blocks = tuple(_within(x, size) for x in b.blocks)
    notices = tuple(_within(x, size) for x in b.notices)
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="pdf",
                    blocks=blocks, tables=tuple(tables), metadata=meta, notices=notices)


def _write_page(b: TextBuilder, n: int, layout, broken: int) -> tuple[int, int, int]:
    """Page ``n``'s lines, its block, and its notice if it cannot be read; (n, start, end)."""
    lines: list = []
    stats = _PageStats()
    _collect(layout, lines, stats)
    start = b.length
    for row in _rows(lines):
        cids = len(_CID.findall(row))
        if cids:
            stats.cids += cids
            row = _CID.sub("\ufffd", row)
        stats.chars += sum(1 for ch in row if not ch.isspace() and ch != "\ufffd")
        b.line(row)
    end = max(start, b.length - 1)
    b.block("page", start, end, page=n, ref=f"第{n}页")
    notice = _unreadable(n, stats, layout.width * layout.height)
    if broken:
        notice = (f"第{n}页有 {broken} 个内容流无法完整解码（数据损坏、被截断或使用了不支持的压缩方式），"
                  "该页内容未能全部读取、无法检查：请提供完好的文件，或人工审查该页")
    if notice is not None:
        b.notices.append(Notice("unreadable-content", notice, start, end, page=n, ref=f"第{n}页"))
    return n, start, end


def _write_tail(b: TextBuilder, comments: list[tuple[int, str]], document, budget: pdfguard._Budget) -> None:
    """After the pages: the annotations (hidden comments) and the Info fields that name people."""
    b.blank()
    for k, (page_no, text) in enumerate(comments, 1):
        b.line(text, "comment", ref=f"第{page_no}页批注{k}", page=page_no, hidden=True)
    before_info = budget.undecodable
    info = document.info[0] if document.info else {}
    write_properties(b, [(label, _decode(info.get(key))) for key, label in _INFO_FIELDS])
    if budget.undecodable > before_info:
        b.notices.append(Notice("unreadable-content", "PDF 的文档信息或批注中有数据流无法解码，这些内容无法检查：请人工审查"))


def _within(span, size: int):
    """A block or notice whose span ends inside a text of ``size`` characters."""
    if span.end is None or span.end <= size:
        return span
    return attrs.evolve(span, start=min(span.start, size), end=size)


def _unreadable(page: int, stats: _PageStats, area: float) -> str | None:
    """Why a page's content cannot be checked, or None."""
    if stats.cids and stats.cids > 0.2 * (stats.cids + stats.chars):
        return (f"第{page}页有 {stats.cids} 个字符无法解码为文字（字体缺少 Unicode 映射），"
                "这些内容无法检查：请提供可复制文字的版本，或人工审查该页")
    if stats.chars == 0 and stats.images:
        return f"第{page}页没有文字层（扫描图像），其内容无法检查：本工具不做文字识别，请人工审查该页或提供文字版"
    if stats.chars == 0 and stats.curves >= _CURVES_AS_TEXT:
        return f"第{page}页没有文字、只有大量矢量图形（文字可能已转为曲线），其内容无法检查：请人工审查该页"
    if stats.chars < _FEW_CHARS and area > 0 and stats.image_area >= _IMAGE_SHARE * area:
        return (f"第{page}页主要是图像（可能是扫描件），只有 {stats.chars} 个可读字符，图像中的内容无法检查："
                "请人工审查该页或提供文字版")
    return None


__all__ = ["load_pdf"]
