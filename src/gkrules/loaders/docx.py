"""Word documents (.docx): python-docx opens the package; the XML is walked directly, since
python-docx does not reach tracked changes, hidden text, text boxes, footnotes or comments.

``Document.text`` is, in this order:

1. the body in reading order: a paragraph is a line (``段落N``, counting every body
   paragraph as Word does), a table row is a line with cells separated by tabs (``表T第R行第C列``);
   a text box follows the paragraph that anchors it (``文本框K``). Text that a reader of the
   file does not see but that is still in it — a tracked deletion, text formatted hidden
   (w:vanish) — follows its paragraph or table on lines of its own, as blocks with
   ``hidden=True``, so every checker reads it and its findings say it is hidden. Tracked
   insertions stay in place (they are the current text) and are marked as blocks.
2. headers and footers (``页眉N``/``页脚N``), footnotes and endnotes (``脚注N``/``尾注N``);
3. comments (``批注N``), embedded objects with the text of embedded Word/Excel files, and
   the document properties that name people or units (``文档属性·作者``…), all hidden.

Paragraphs stay lines, so the GB/T 9704 head (份号, 密级, 紧急程度, 发文机关标志) is read as
it is from text; what follows the body cannot disturb the tail (成文日期 is the first date
line after the head).
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable, Iterator

from lxml import etree

from gkrules.errors import InputError
from gkrules.loaders.builder import TextBuilder, clean
from gkrules.loaders.graphics import write_graphics
from gkrules.loaders.ooxml import EmbeddedReader, app_properties, write_embedded, write_properties
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.safezip import Package, parse_xml
from gkrules.model import Cell, Document, Metadata, Notice, Table
from gkrules.numbers import parse_number

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"
OFFICE = "{urn:schemas-microsoft-com:office:office}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
#: what an altChunk (content Word imports when it opens the file) is, by its part's content type
_CHUNK_KINDS = {"text/html": ".htm", "application/xhtml+xml": ".xhtml", "text/plain": ".txt",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml": ".docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

#: document properties that may name a person or a unit, with the label reviewers see
CORE_PROPERTIES = (("author", "作者"), ("last_modified_by", "最后修改者"), ("title", "标题"), ("subject", "主题"),
                   ("keywords", "关键词"), ("comments", "备注"), ("category", "类别"))

_INLINE_CONTAINERS = {W + t for t in ("hyperlink", "smartTag", "fldSimple", "customXml", "bdo", "dir")}
_BLOCK_CONTAINERS = {W + "customXml", W + "ins", W + "del", W + "moveTo", W + "moveFrom"}


def _on(el: etree._Element) -> bool:
    """A w:onOff property: present without w:val, or with a true value."""
    return el.get(W + "val", "true").lower() not in ("0", "false", "off")


def _int(el: etree._Element | None, default: int = 1) -> int:
    if el is None:
        return default
    try:
        return max(1, min(64, int(el.get(W + "val", default))))
    except ValueError:
        return default


def _children(el: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Children with ``tag``, looking through content controls and custom XML wrappers
    (a table row or cell may sit inside a w:sdt)."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
            yield from _children(child, tag)


def _choice(alt: etree._Element) -> etree._Element | None:
    """The first branch of mc:AlternateContent (its Fallback repeats the same content)."""
    return alt.find(MC + "Choice")


def _textboxes(el: etree._Element) -> Iterator[etree._Element]:
    """w:txbxContent under ``el``, skipping mc:Fallback copies and nested text boxes."""
    stack = list(reversed(el))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag == MC + "Fallback":
            continue
        if tag == W + "txbxContent":
            yield node
            continue
        stack.extend(reversed(node))


class _Para:
    """What a paragraph holds: text pieces with their state ("" | ins | del | hidden), text
    boxes, embedded objects and the comments anchored in it."""

    __slots__ = ("comments", "objects", "pieces", "textboxes")

    def __init__(self) -> None:
        self.pieces: list[tuple[str, str]] = []
        self.textboxes: list[etree._Element] = []
        self.objects: list[str] = []
        self.comments: list[str] = []


def _inline(el: etree._Element, state: str, out: _Para) -> None:
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if tag == W + "r":
            _run(child, state, out)
        elif tag in (W + "ins", W + "moveTo"):
            _inline(child, state or "ins", out)
        elif tag in (W + "del", W + "moveFrom"):
            _inline(child, "del", out)
        elif tag in _INLINE_CONTAINERS:
            _inline(child, state, out)
        elif tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                _inline(content, state, out)
        elif tag == W + "commentRangeStart":
            out.comments.append(child.get(W + "id", ""))
        elif tag in (M + "oMath", M + "oMathPara"):
            text = "".join(t.text or "" for t in child.iter(M + "t"))
            if text:
                out.pieces.append((text, state))
        elif tag == MC + "AlternateContent":
            choice = _choice(child)
            if choice is not None:
                _inline(choice, state, out)


def _run(r: etree._Element, state: str, out: _Para) -> None:
    if state in ("", "ins"):
        rpr = r.find(W + "rPr")
        if rpr is not None:
            vanish = rpr.find(W + "vanish")
            if vanish is not None and _on(vanish):
                state = "hidden"
    pieces = out.pieces
    for c in r:
        tag = c.tag
        if tag == W + "t" or tag == W + "delText":
            if c.text:
                pieces.append((c.text, state))
        elif tag == W + "tab":
            pieces.append(("\t", state))
        elif tag in (W + "br", W + "cr"):
            pieces.append(("\n", state))
        elif tag == W + "noBreakHyphen":
            pieces.append(("-", state))
        elif tag in (W + "drawing", W + "pict", MC + "AlternateContent"):
            out.textboxes.extend(_textboxes(c))
        elif tag == W + "object":
            ole = c.find(".//" + OFFICE + "OLEObject")
            out.objects.append((ole.get("ProgID") if ole is not None else None) or "OLE 对象")
            out.textboxes.extend(_textboxes(c))
        elif tag == W + "commentReference":
            pass  # the comment itself is read from the comments part


class _Writer:
    def __init__(self, options: LoadOptions):
        self.b = TextBuilder(options.max_text_chars)
        self.paragraphs = 0
        self.table_count = 0
        self.textbox_count = 0
        self.objects: list[tuple[str, str]] = []  # (where, ProgID)
        self.comment_anchor: dict[str, str] = {}
        #: (content type, bytes) of the part an altChunk's r:id names in the part being read
        self.chunk_part: Callable[[str], tuple[str, bytes] | None] = lambda rid: None
        self.read_embedded: EmbeddedReader | None = None
        self.chunks = 0

    # -- block-level content -----------------------------------------------------------

    def blocks(self, container: etree._Element, kind: str, ref: str | None, hidden: bool = False) -> None:
        """Paragraphs and tables of a body, cell, text box, header, note or comment."""
        for child in container:
            tag = child.tag
            if tag == W + "p":
                if kind == "paragraph":
                    self.paragraphs += 1
                    self.paragraph(child, kind, f"段落{self.paragraphs}", hidden)
                else:
                    self.paragraph(child, kind, ref, hidden)
            elif tag == W + "tbl":
                self.table(child, hidden)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self.blocks(content, kind, ref, hidden)
            elif tag in _BLOCK_CONTAINERS:
                self.blocks(child, kind, ref, hidden)
            elif tag == MC + "AlternateContent":
                choice = _choice(child)
                if choice is not None:
                    self.blocks(choice, kind, ref, hidden)
            elif tag == W + "altChunk":
                self.alt_chunk(child.get(REL + "id", ""), kind, hidden)

    def alt_chunk(self, rid: str, kind: str, hidden: bool) -> None:
        """Content Word imports where the altChunk stands (HTML, text or a Word document that
        document generators put in whole): its text as paragraphs there, or, when it cannot be
        read, a notice that it was not checked (engine/unreadable-content)."""
        self.chunks += 1
        found = self.chunk_part(rid)
        content_type, blob = found if found is not None else ("", b"")
        suffix = ".docx" if blob.startswith(b"PK") else _CHUNK_KINDS.get(content_type.split(";")[0].strip().lower())
        text, why = "", ""
        if found is None:
            why = "找不到它指向的部件"
        elif suffix is None:
            why = f"格式 {content_type or '未知'} 无法读取"
        elif self.read_embedded is None:
            why = "嵌套过深"
        else:
            try:
                text = self.read_embedded(f"altchunk{self.chunks}{suffix}", blob)
            except InputError as exc:
                why = exc.message.rstrip("。")
        if why:
            at = self.b.length
            self.b.notices.append(Notice("unreadable-content", f"导入的内容块 {self.chunks}（altChunk）{why}，其中的内容"
                                         "无法检查：请人工审查或另存为普通的 Word 文档", at, at))
            return
        for line in text.split("\n"):
            if line.strip():
                if kind == "paragraph":
                    self.paragraphs += 1
                self.b.line(line, kind, ref=f"段落{self.paragraphs}（导入的内容块 {self.chunks}）"
                            if kind == "paragraph" else f"导入的内容块 {self.chunks}", hidden=hidden)

    def _split(self, para: _Para) -> tuple[str, list[tuple[int, int]], list[tuple[str, str]]]:
        """(visible text, inserted spans within it, hidden groups as (state, text))."""
        visible: list[str] = []
        pos = 0
        inserted: list[tuple[int, int]] = []
        groups: list[tuple[str, str]] = []
        last_hidden = ""
        for text, state in para.pieces:
            text = clean(text)
            if not text:
                continue
            if state in ("del", "hidden"):
                if last_hidden == state and groups:
                    groups[-1] = (state, groups[-1][1] + text)
                else:
                    groups.append((state, text))
                last_hidden = state
                continue
            last_hidden = ""
            if state == "ins":
                if inserted and inserted[-1][1] == pos:
                    inserted[-1] = (inserted[-1][0], pos + len(text))
                else:
                    inserted.append((pos, pos + len(text)))
            visible.append(text)
            pos += len(text)
        return "".join(visible), inserted, groups

    def paragraph(self, p: etree._Element, kind: str, ref: str | None, hidden: bool = False) -> None:
        para = _Para()
        _inline(p, "", para)
        text, inserted, groups = self._split(para)
        start, _end = self.b.line(text, kind, ref=ref, hidden=hidden)
        for s, e in inserted:
            self.b.block("insertion", start + s, start + e, ref=f"{ref}（修订插入）", hidden=hidden)
        self._hidden_lines(groups, ref)
        for cid in para.comments:
            self.comment_anchor.setdefault(cid, ref or "")
        for progid in para.objects:
            self.objects.append((ref or "", progid))
        for box in para.textboxes:
            self.textbox(box, hidden)

    def _hidden_lines(self, groups: list[tuple[str, str]], ref: str | None) -> None:
        for state, text in groups:
            if not text.strip():
                continue
            if state == "del":
                self.b.line(text, "deletion", ref=f"{ref}（修订删除）", hidden=True)
            else:
                self.b.line(text, "hidden-text", ref=f"{ref}（隐藏文字）", hidden=True)

    def textbox(self, box: etree._Element, hidden: bool) -> None:
        self.textbox_count += 1
        self.blocks(box, "textbox", f"文本框{self.textbox_count}", hidden)

    def _cell_content(self, tc: etree._Element, ref: str, pending: list, nested: list) -> str:
        texts = []
        for child in tc:
            tag = child.tag
            if tag == W + "p" or tag == W + "sdt" or tag in _BLOCK_CONTAINERS:
                paras = [child] if tag == W + "p" else list(child.iter(W + "p"))
                for p in paras:
                    para = _Para()
                    _inline(p, "", para)
                    text, _ins, groups = self._split(para)
                    if text.strip():
                        texts.append(text.strip())
                    pending.append((groups, ref, para))
            elif tag == W + "tbl":
                nested.append(child)
        return " ".join(t.replace("\n", " ") for t in texts)

    def table(self, tbl: etree._Element, hidden: bool = False) -> None:
        self.table_count += 1
        tref = f"表{self.table_count}"
        b = self.b
        start = b.length
        grid: list[tuple[Cell, ...]] = []
        carry: dict[int, Cell] = {}
        pending: list = []
        nested: list[etree._Element] = []
        header_rows = 0
        counting_header = True
        for ri, tr in enumerate(_children(tbl, W + "tr"), 1):
            trpr = tr.find(W + "trPr")
            is_header = trpr is not None and any(_on(h) for h in trpr.findall(W + "tblHeader"))
            row_start = b.length
            row = self._table_row(tr, f"{tref}第{ri}行", carry, pending, nested, hidden)
            b.write("\n")
            b.block("row", row_start, b.length - 1, ref=f"{tref}第{ri}行", hidden=hidden)
            if counting_header and is_header:
                header_rows += 1
            else:
                counting_header = False
            if any(c.text for c in row):
                grid.append(tuple(row))
        end = max(start, b.length - 1)
        if grid:
            if header_rows == 0 and len(grid) > 1 and not any(c.number is not None for c in grid[0]):
                header_rows = 1
            b.tables.append(Table(rows=tuple(grid), start=start, end=end, header_rows=min(header_rows, len(grid)),
                                  ref=tref, hidden=hidden))
        b.block("table", start, end, ref=tref, hidden=hidden)
        for groups, ref, para in pending:
            self._hidden_lines(groups, ref)
            for cid in para.comments:
                self.comment_anchor.setdefault(cid, ref)
            for progid in para.objects:
                self.objects.append((ref, progid))
            for box in para.textboxes:
                self.textbox(box, hidden)
        for inner in nested:
            self.table(inner, hidden)


    def _table_row(self, tr: etree._Element, rref: str, carry: dict[int, Cell], pending: list,
                   nested: list[etree._Element], hidden: bool) -> list[Cell]:
        """The cells of one row, written tab-separated; a cell spanning k grid columns fills k
        places, and a vertically merged cell repeats the one above (``carry``: by column)."""
        b = self.b
        row: list[Cell] = []
        col = 0
        first = True
        for tc in _children(tr, W + "tc"):
            tcpr = tc.find(W + "tcPr")
            span = _int(tcpr.find(W + "gridSpan") if tcpr is not None else None)
            vmerge = tcpr.find(W + "vMerge") if tcpr is not None else None
            if vmerge is not None and vmerge.get(W + "val", "continue") == "continue" and col in carry:
                cell = carry[col]
                row.extend([cell] * span)
                col += span
                continue
            cref = f"{rref}第{col + 1}列"
            value = self._cell_content(tc, cref, pending, nested)
            if not first:
                b.write("\t")
            first = False
            cs, ce = b.write(value)
            cell = Cell(text=value, start=cs, end=ce, number=parse_number(value), ref=cref, hidden=hidden)
            if ce > cs:
                b.block("cell", cs, ce, ref=cref, hidden=hidden)
            for k in range(span):
                if vmerge is not None:
                    carry[col + k] = cell
                else:
                    carry.pop(col + k, None)
            row.extend([cell] * span)
            col += span
        return row

def _related(part, reltype: str) -> list:
    rels = [r for r in part.rels.values() if not r.is_external and r.reltype == RT + reltype]
    return sorted((r.target_part for r in rels), key=lambda p: str(p.partname))


def _chunk_parts(part) -> Callable[[str], tuple[str, bytes] | None]:
    """The altChunk parts a part relates to, by relationship id: (content type, bytes)."""
    def find(rid: str) -> tuple[str, bytes] | None:
        rel = part.rels.get(rid)
        if rel is None or rel.is_external:
            return None
        target = rel.target_part
        return str(getattr(target, "content_type", "") or ""), bytes(target.blob)

    return find


def _element(part) -> etree._Element:
    element = getattr(part, "element", None)
    if element is not None:
        return element
    return parse_xml(part.blob, str(part.partname))


def _notes(w: _Writer, part, tag: str, kind: str, label: str) -> None:
    root = _element(part)
    n = 0
    for note in root.iter(W + tag):
        if note.get(W + "type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        n += 1
        w.blocks(note, kind, f"{label}{n}")


def _comments(w: _Writer, part) -> None:
    root = _element(part)
    for n, comment in enumerate(root.iter(W + "comment"), 1):
        anchor = w.comment_anchor.get(comment.get(W + "id", ""))
        ref = f"批注{n}" + (f"（{anchor}）" if anchor else "")
        w.blocks(comment, "comment", ref, hidden=True)


def _properties(w: _Writer, document, pkg: Package) -> None:
    try:
        cp = document.core_properties
        values = [(label, getattr(cp, attr, None)) for attr, label in CORE_PROPERTIES]
    except Exception:  # a broken docProps/core.xml: the content is still checked
        values = []
    write_properties(w.b, values + app_properties(pkg))


def open_word(data: bytes, options: LoadOptions):
    """(python-docx Document, checked Package) for the bytes; library errors become InputErrors."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    pkg = Package(data, options, "Word 文档")
    pkg.check_parts()
    try:
        return docx.Document(io.BytesIO(pkg.library_data())), pkg
    except PackageNotFoundError:
        raise InputError("文件已损坏：不是有效的 Word 文档（docx）") from None
    except (ValueError, KeyError):
        raise InputError("不是可读取的 Word 文档（docx）。如是启用宏的文档或模板，请另存为 .docx") from None
    except etree.XMLSyntaxError:
        raise InputError("文件已损坏：Word 文档的 XML 无效") from None
    except Exception as exc:  # python-docx raises AttributeError, TypeError… on malformed parts
        raise InputError(f"文件已损坏：Word 文档的结构无法读取（{type(exc).__name__}）") from None


def read_docx(data: bytes, source: str, options: LoadOptions, read_embedded: EmbeddedReader | None) -> Document:
    """The Document of a .docx; embedded files are read with ``read_embedded`` (None: listed
    only). ``gkrules.loaders.office.load_docx`` gives it the reader of Word and Excel files."""
    document, pkg = open_word(data, options)
    w = _Writer(options)
    w.read_embedded = read_embedded
    body = document.element.body
    main = document.part
    w.chunk_part = _chunk_parts(main)
    w.blocks(body, "paragraph", None)
    _pictures_without_text(w.b, body)
    sections = [(rt, kind, label) for rt, kind, label in
                (("header", "header", "页眉"), ("footer", "footer", "页脚"))]
    for reltype, kind, label in sections:
        for n, part in enumerate(_related(main, reltype), 1):
            w.b.blank()
            w.chunk_part = _chunk_parts(part)
            w.blocks(_element(part), kind, f"{label}{n}")
    for reltype, tag, kind, label in (("footnotes", "footnote", "footnote", "脚注"),
                                      ("endnotes", "endnote", "endnote", "尾注")):
        for part in _related(main, reltype):
            w.b.blank()
            _notes(w, part, tag, kind, label)
    for part in _related(main, "comments"):
        w.b.blank()
        _comments(w, part)
    write_graphics(w.b, pkg)
    w.b.blank()
    write_embedded(w.b, pkg, w.objects, read_embedded)
    _properties(w, document, pkg)
    text = w.b.text()
    meta = Metadata(format="docx", extra={"paragraphs": w.paragraphs, "tables": w.table_count})
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="docx",
                    blocks=tuple(w.b.blocks), tables=tuple(w.b.tables), metadata=meta,
                    notices=tuple(n for n in w.b.notices if n.end is None or n.end <= len(text)))


#: a body with pictures and fewer readable characters than this is taken for a scan
_FEW_CHARS = 40


def _pictures_without_text(b: TextBuilder, body) -> None:
    """A document whose body is pictures with (almost) no text — a scan pasted into Word —
    cannot be checked: say so (engine/unreadable-content), as for a scanned PDF page. A logo
    or an emblem beside real text is not such a case."""
    pictures = sum(1 for _ in body.iter(W + "drawing", W + "pict"))
    if not pictures:
        return
    text = b.text()
    chars = sum(1 for ch in text if not ch.isspace())
    if chars >= _FEW_CHARS:
        return
    b.notices.append(Notice(
        "unreadable-content", f"正文只有 {pictures} 幅图片、{chars} 个可读字符（可能是扫描件粘贴为图片），"
        "图片中的内容无法检查：本工具不做文字识别，请人工审查或提供文字版", 0, max(0, len(text) - 1)))


__all__ = ["CORE_PROPERTIES", "open_word", "read_docx"]
