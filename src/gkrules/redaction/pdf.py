"""Redacting PDF: the text is removed from the page content, not covered by a box.

Uses pikepdf (MPL-2.0, on qpdf), which parses and rewrites content streams; PyMuPDF would do
this in one call but is AGPL, which an MIT project cannot ship. pypdf (BSD) parses content
streams too but writes them back less faithfully; pikepdf keeps every other object as it is.

For each page (and each form XObject it draws), the text-showing operators (``Tj``, ``TJ``,
``'``, ``"``) are decoded with their font (2-byte CID fonts through their ``ToUnicode`` map or a
UCS-2/UTF-16 CMap, simple fonts through ``ToUnicode`` or as Latin-1), the values are found in
the page's text in drawing order, and their glyph codes are deleted; a ``TJ`` adjustment as
wide as the deleted glyphs keeps the rest of the line where it was, so a blank is left where
the value was. Also removed: comment annotations (``Text``, ``FreeText``, ``Popup`` and other
markup), the XMP metadata stream and the people named in the document information
(``Author``…); bookmark titles are rewritten.

What stays impossible, reported instead: text that is an image (scans: the check is already
incomplete for them, so no copy is written), text drawn as vector outlines, fonts without a
usable Unicode map (no copy), and putting a replacement text (``〔身份证号〕``, a masked number)
where the value was: the embedded font subset usually has no glyph for it, so a PDF copy
leaves a blank whatever the operator. After writing, the copy is read back with pdfminer and
every stream is searched: any value left means no copy.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

from attrs import define

from gkrules.errors import GkrulesError

_MARKUP = {"/Text", "/FreeText", "/Popup", "/Highlight", "/Underline", "/Squiggly", "/StrikeOut", "/Caret",
           "/Ink", "/FileAttachment", "/Sound", "/Stamp", "/Square", "/Circle", "/Line", "/Polygon", "/PolyLine"}
_PEOPLE = ("/Author", "/Creator", "/Producer", "/Subject", "/Keywords", "/Title")
_SHOW = {"Tj", "TJ", "'", '"'}


@define
class _Font:
    two_byte: bool
    to_unicode: dict[int, str]
    ucs2: bool
    widths: dict[int, float]
    default_width: float

    def glyphs(self, data: bytes) -> list[tuple[bytes, str]]:
        step = 2 if self.two_byte else 1
        out = []
        for i in range(0, len(data) - step + 1, step):
            code = data[i:i + step]
            n = int.from_bytes(code, "big")
            if n in self.to_unicode:
                ch = self.to_unicode[n]
            elif self.ucs2:
                ch = code.decode("utf-16-be", errors="replace")
            elif not self.two_byte:
                ch = code.decode("latin-1")
            else:
                ch = "\ufffd"
            out.append((code, ch))
        return out

    def width(self, code: bytes) -> float:
        return self.widths.get(int.from_bytes(code, "big"), self.default_width)


def _to_unicode(font) -> dict[int, str]:
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    from pdfminer.cmapdb import CMapParser, FileUnicodeMap

    cmap = FileUnicodeMap()
    CMapParser(cmap, io.BytesIO(stream.read_bytes())).run()
    return dict(cmap.cid2unichr)


def _font(font) -> _Font:
    subtype = str(font.get("/Subtype", ""))
    if subtype == "/Type0":
        encoding = str(font.get("/Encoding", ""))
        ucs2 = bool(re.search(r"UCS2|UTF16", encoding))
        desc = font["/DescendantFonts"][0]
        widths: dict[int, float] = {}
        w = desc.get("/W")
        if w is not None:
            items, i = list(w), 0
            while i < len(items):
                first = int(items[i])
                if i + 1 < len(items) and hasattr(items[i + 1], "__iter__") and not isinstance(items[i + 1], int):
                    for k, val in enumerate(items[i + 1]):
                        widths[first + k] = float(val)
                    i += 2
                else:
                    last, val = int(items[i + 1]), float(items[i + 2])
                    for c in range(first, last + 1):
                        widths[c] = val
                    i += 3
        return _Font(True, _to_unicode(font), ucs2, widths, float(desc.get("/DW", 1000)))
    first = int(font.get("/FirstChar", 0))
    widths = {first + k: float(v) for k, v in enumerate(font.get("/Widths", []))}
    return _Font(False, _to_unicode(font), False, widths, 0.0)


@define
class _Show:
    """One string operand of a text-showing instruction, decoded."""

    instr: int
    item: int | None  # index in a TJ array, None for Tj/'/"
    font: _Font
    glyphs: list[tuple[bytes, str]]
    keep: list[bool]


def _fonts(resources) -> dict[str, _Font]:
    out = {}
    fonts = resources.get("/Font") if resources is not None else None
    if fonts is not None:
        for name, font in fonts.items():
            try:
                out[str(name)] = _font(font)
            except (KeyError, IndexError, TypeError, ValueError):
                continue  # unknown font: its text is not decoded; the final check catches leaks
    return out


def _process(pdf, holder, resources, pairs: Sequence[tuple[str, str]], found: set[str]) -> None:
    """Remove the values from one content stream (a page or a form XObject), recursively."""
    import pikepdf

    fonts = _fonts(resources)
    instructions = list(pikepdf.parse_content_stream(holder))
    shows: list[_Show] = []
    font: _Font | None = None
    for i, (operands, op) in enumerate(instructions):  # type: ignore[misc]  # pikepdf's stubs lack __iter__
        name = str(op)
        if name == "Tf" and operands:
            font = fonts.get(str(operands[0]))
        elif name in _SHOW and font is not None:
            if name == "TJ":
                for k, el in enumerate(operands[0]):
                    if isinstance(el, pikepdf.String):
                        g = font.glyphs(bytes(el))
                        shows.append(_Show(i, k, font, g, [True] * len(g)))
            else:
                g = font.glyphs(bytes(operands[-1]))
                shows.append(_Show(i, None, font, g, [True] * len(g)))
    chars = [(s, k) for s in shows for k in range(len(s.glyphs))]
    text = "".join(s.glyphs[k][1] for s, k in chars)
    hit = False
    for value, _ in pairs:
        compact = value.replace(" ", "")
        for m in re.finditer(re.escape(compact), text):
            found.add(value)
            hit = True
            for s, k in chars[m.start():m.end()]:
                s.keep[k] = False
    if hit:
        _rewrite(pdf, holder, instructions, shows)
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is not None:
        for _, xo in xobjects.items():
            if str(xo.get("/Subtype", "")) == "/Form":
                _process(pdf, xo, xo.get("/Resources", resources), pairs, found)


def _rewrite(pdf, holder, instructions, shows: list[_Show]) -> None:
    import pikepdf

    by_instr: dict[int, list[_Show]] = {}
    for s in shows:
        by_instr.setdefault(s.instr, []).append(s)
    out = []
    for i, (operands, op) in enumerate(instructions):
        parts = by_instr.get(i)
        if not parts or all(all(s.keep) for s in parts):
            out.append(pikepdf.ContentStreamInstruction(operands, op))
            continue
        name = str(op)
        if name == "TJ":
            items = list(operands[0])
            array: list = []
            for k, el in enumerate(items):
                piece = next((p for p in parts if p.item == k), None)
                array.extend(_pieces(piece) if piece is not None else [el])
        else:
            array = _pieces(parts[0])
            if name == "'":
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
            elif name == '"':
                out.append(pikepdf.ContentStreamInstruction([operands[0]], pikepdf.Operator("Tw")))
                out.append(pikepdf.ContentStreamInstruction([operands[1]], pikepdf.Operator("Tc")))
                out.append(pikepdf.ContentStreamInstruction([], pikepdf.Operator("T*")))
        out.append(pikepdf.ContentStreamInstruction([pikepdf.Array(array)], pikepdf.Operator("TJ")))
    data = pikepdf.unparse_content_stream(out)
    if isinstance(holder, pikepdf.Page):
        holder.obj.Contents = pdf.make_stream(data)
    else:
        holder.write(data)


def _pieces(s: _Show) -> list:
    """The kept glyphs as strings, each run of deleted glyphs as a TJ gap of their width."""
    import pikepdf

    pieces: list = []
    run, gap = b"", 0.0
    for (code, _), keep in zip(s.glyphs, s.keep, strict=True):
        if keep:
            if gap:
                pieces.append(-gap)
                gap = 0.0
            run += code
        else:
            if run:
                pieces.append(pikepdf.String(run))
                run = b""
            gap += s.font.width(code)
    if run:
        pieces.append(pikepdf.String(run))
    if gap:
        pieces.append(-gap)
    return pieces


def _strip(pdf, pairs, notes: list[str]) -> None:
    import pikepdf

    removed = 0
    for page in pdf.pages:
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        keep = [a for a in annots if str(a.get("/Subtype", "")) not in _MARKUP]
        removed += len(annots) - len(keep)
        page.obj.Annots = pikepdf.Array(keep)
    if removed:
        notes.append(f"已删除批注等注释 {removed} 个")
    cleared = [k for k in _PEOPLE if k in pdf.docinfo]
    for k in cleared:
        del pdf.docinfo[k]
    if "/Metadata" in pdf.Root:
        del pdf.Root["/Metadata"]
        cleared.append("XMP")
    if cleared:
        notes.append("已清除文档属性（作者、标题、XMP 元数据等）")
    _outlines(pdf, pairs)


def _outlines(pdf, pairs) -> None:
    import pikepdf

    def walk(item, depth=0):
        while item is not None and depth < 64:
            title = item.get("/Title")
            if title is not None:
                text = str(title)
                for value, repl in pairs:
                    text = text.replace(value, repl)
                if text != str(title):
                    item.Title = pikepdf.String(text)
            walk(item.get("/First"), depth + 1)
            item = item.get("/Next")

    outlines = pdf.Root.get("/Outlines")
    if outlines is not None:
        walk(outlines.get("/First"))


def redact_pdf(data: bytes, pairs: Sequence[tuple[str, str]]) -> tuple[bytes, list[str]]:
    try:
        import pikepdf
    except ImportError:
        raise GkrulesError("PDF 脱敏需要 pikepdf：pip install pikepdf") from None
    pairs = sorted(dict(pairs).items(), key=lambda p: -len(p[0]))
    notes: list[str] = []
    found: set[str] = set()
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                _process(pdf, page, page.obj.get("/Resources"), pairs, found)
            _strip(pdf, pairs, notes)
            buf = io.BytesIO()
            pdf.save(buf, compress_streams=True, linearize=False)
    except pikepdf.PdfError:
        raise GkrulesError("PDF 文件结构无法改写，未生成脱敏副本") from None
    missing = [v for v, _ in pairs if v not in found]
    if missing:
        raise GkrulesError(f"有 {len(missing)} 处个人信息无法在 PDF 的文字中定位（字体没有可用的字符映射，或文字跨越绘制指令），"
                           "未生成脱敏副本；请在源文件中修改后重新导出 PDF")
    out = buf.getvalue()
    verify_pdf(out, [v for v, _ in pairs])
    if pairs:
        notes.append("PDF 中的个人信息已从页面内容中删除，原位置留空白（替换文字无法排入文件内嵌的字体子集）")
    return out, notes


def pdf_strings(data: bytes) -> tuple[str, list[bytes]]:
    """The copy's text as pdfminer reads it, and every stream's decoded bytes."""
    import pikepdf
    from pdfminer.high_level import extract_text

    text = extract_text(io.BytesIO(data))
    streams = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    streams.append(obj.read_bytes())
                except pikepdf.PdfError:
                    streams.append(obj.read_raw_bytes())
    return text, streams


def verify_pdf(data: bytes, values: Sequence[str]) -> None:
    text, streams = pdf_strings(data)
    flat = re.sub(r"\s+", "", text)
    for v in values:
        compact = re.sub(r"\s+", "", v)
        if compact in flat:
            raise GkrulesError("脱敏后的 PDF 中仍能读出个人信息原文，未生成脱敏副本")
        forms = {v.encode("utf-8"), v.encode("utf-16-be")}
        if any(f in s for s in streams for f in forms):
            raise GkrulesError("脱敏后的 PDF 数据流中仍有个人信息原文，未生成脱敏副本")
