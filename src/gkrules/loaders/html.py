"""Government portal pages (.html): main text, header fields, data tables.

lxml parses the page (it also gives source lines, kept as the document's source map).
Scripts, styles, forms and navigation are dropped; block elements become lines; a data table
(one without nested tables) becomes a Table whose cells keep their spans in ``Document.text``,
with ``colspan``/``rowspan`` expanded so that columns line up. ``<meta>`` fields that portal
CMSes emit (ArticleTitle, PubDate, ContentSource…) become header fields.
"""

from __future__ import annotations

import hashlib
import re

import attrs
import lxml.etree
import lxml.html

from gkrules.errors import InputError
from gkrules.loaders.encoding import decode_text, looks_binary
from gkrules.loaders.mojibake import repair_text
from gkrules.loaders.options import LoadOptions
from gkrules.model import Block, Cell, Document, Metadata, Table
from gkrules.numbers import parse_number

_DROP_TAGS = {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
              "nav", "footer", "aside", "form", "select", "button", "input", "textarea", "head", "map"}
# a class/id token from this set marks navigation wherever it appears ...
_BOILERPLATE_TOKENS = {"nav", "navbar", "navigation", "menu", "breadcrumb", "crumb", "crumbs", "sidebar", "share",
                       "toolbar", "copyright", "topbar", "search", "login", "skip", "qrcode", "ewm"}
# ... these only as the whole value: "article-header" holds the title, "header" is the site's
_BOILERPLATE_WHOLE = {"header", "footer", "foot", "bottom", "top", "head", "site-header", "site-footer"}
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
               "dl", "dt", "dd", "blockquote", "pre", "center", "table", "tr", "caption", "address", "figure",
               "figcaption", "hr", "body", "tbody", "thead", "tfoot"}
_META_FIELDS = {
    "articletitle": "标题", "title": None, "pubdate": "发布日期", "firstpublishedtime": "发布日期",
    "contentsource": "发布机构", "source": "发布机构", "author": None, "keywords": None,
    "description": None,
}
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_WS = re.compile(r"[ \t\n\r\f\v]+")


def _decode_html(data: bytes) -> tuple[str, str]:
    m = _CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = m.group(1).decode("ascii", "ignore").lower()
        if declared in ("gb2312", "gbk", "gb18030"):
            declared = "gb18030"  # GB2312 pages routinely contain GBK characters
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data)


def _is_boilerplate(el: lxml.html.HtmlElement) -> bool:
    for attr in ("class", "id", "role"):
        value = (el.get(attr) or "").strip().lower()
        if value:
            if value in _BOILERPLATE_WHOLE:
                return True
            if any(token in _BOILERPLATE_TOKENS for token in re.split(r"[\s_\-]+", value)):
                return True
    return el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", "").lower()


class _Emitter:
    """Builds Document.text from the tree, remembering cell spans and source lines."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.at_line_start = True
        self.pending_space = False
        self.tables: list[Table] = []
        self.blocks: list[Block] = []
        self.source_lines: list[tuple[int, int]] = []

    def newline(self) -> None:
        if not self.at_line_start:
            self._raw("\n")
            self.at_line_start = True
        self.pending_space = False

    def _raw(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)

    def text(self, s: str | None) -> None:
        if not s:
            return
        s = _WS.sub(" ", s)
        if s.startswith(" "):
            self.pending_space = True
            s = s.lstrip(" ")
        if not s:
            return
        if self.pending_space and not self.at_line_start:
            self._raw(" ")
        trailing = s.endswith(" ")
        s = s.rstrip(" ")
        self._raw(s)
        self.at_line_start = False
        self.pending_space = trailing

    def cell_break(self) -> None:
        """A tab between two cells of one line."""
        self._raw("\t")
        self.at_line_start = False
        self.pending_space = False

    def mark_source(self, el) -> None:
        line = getattr(el, "sourceline", None)
        if line:
            if not self.source_lines or self.source_lines[-1][1] != line:
                self.source_lines.append((self.length, line))

    def result(self) -> str:
        return "".join(self.parts)


def _has_nested_table(table) -> bool:
    return any(True for _ in table.iterdescendants("table"))


def _walk(el, out: _Emitter) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if not tag:  # comments, processing instructions
        out.text(el.tail)
        return
    tag = tag.lower()
    if tag in _DROP_TAGS or _is_boilerplate(el):
        out.text(el.tail)
        return
    if tag == "table" and not _has_nested_table(el):
        _table(el, out)
        out.text(el.tail)
        return
    block = tag in _BLOCK_TAGS or tag in ("td", "th")
    # a definition list used as a metadata block (<dt>发文字号</dt><dd>…</dd>): label and value
    # on one line, separated by a tab like table cells, so header fields read them
    if tag == "dd" and _tag_of(el.getprevious()) == "dt":
        out.cell_break()
        block = False
    end_line = block and not (tag == "dt" and _tag_of(el.getnext()) == "dd")
    if tag == "br":
        out.newline()
        out.text(el.tail)
        return
    if block:
        out.newline()
        out.mark_source(el)
    out.text(el.text)
    for child in el:
        _walk(child, out)
    if end_line or tag == "dd":
        out.newline()
    out.text(el.tail)


def _tag_of(el) -> str:
    return el.tag.lower() if el is not None and isinstance(el.tag, str) else ""


def _cell_text(cell) -> str:
    pieces = []
    for t in cell.itertext():
        pieces.append(t)
    return _WS.sub(" ", " ".join(pieces)).strip()


def _take_carried(carry: dict[int, tuple[Cell, int]], row: list[Cell], col: int) -> int:
    """Append the cells that rowspans from rows above carry into ``col`` onwards."""
    while col in carry:
        cell, left = carry[col]
        row.append(cell)
        if left <= 1:
            del carry[col]
        else:
            carry[col] = (cell, left - 1)
        col += 1
    return col


def _table(table, out: _Emitter) -> None:
    out.newline()
    out.mark_source(table)
    start = out.length
    caption = None
    cap = table.find(".//caption")
    if cap is not None:
        caption = _cell_text(cap)
        if caption:
            out.text(caption)
            out.newline()
    grid: list[list[Cell]] = []
    carry: dict[int, tuple[Cell, int]] = {}  # column -> (cell, rows left) for rowspan
    for tr in table.iter("tr"):
        out.newline()
        out.mark_source(tr)
        row: list[Cell] = []
        col = 0
        first = True
        cells = [c for c in tr if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        for td in cells:
            col = _take_carried(carry, row, col)
            if not first:
                out._raw("\t")
            first = False
            value = _cell_text(td)
            cs = out.length
            if value:
                out._raw(value)
                out.at_line_start = False
            cell = Cell(text=value, start=cs, end=out.length, number=parse_number(value))
            span = _int_attr(td, "colspan")
            rspan = _int_attr(td, "rowspan")
            for k in range(span):
                row.append(cell)
                if rspan > 1:
                    carry[col + k] = (cell, rspan - 1)
            col += span
        col = _take_carried(carry, row, col)
        if any(c.text for c in row):
            grid.append(row)
    out.newline()
    if grid:
        header_rows = 0
        for tr in table.iter("tr"):
            if any(isinstance(c.tag, str) and c.tag.lower() == "th" for c in tr):
                header_rows += 1
            else:
                break
        if header_rows == 0 and len(grid) > 1 and not any(c.number is not None for c in grid[0]):
            header_rows = 1
        out.tables.append(Table(rows=tuple(tuple(r) for r in grid), start=start, end=out.length,
                                header_rows=header_rows, caption=caption))
        out.blocks.append(Block("table", start, out.length))


def _int_attr(el, name: str) -> int:
    try:
        return max(1, min(50, int(el.get(name, "1"))))
    except ValueError:
        return 1


def _meta_fields(root) -> dict[str, str]:
    fields: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = (meta.get("name") or meta.get("property") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        label = _META_FIELDS.get(name)
        if label and content and label not in fields:
            fields[label] = content
    title = root.find(".//title")
    if title is not None and title.text and title.text.strip():
        fields.setdefault("页面标题", _WS.sub(" ", title.text).strip())
    return fields


# "标题_站点名", "标题 - 站点名", "标题｜站点名": a CMS's <title>
_TITLE_SPLIT = re.compile(r"\s*[_｜|]\s*|\s+[-—–]\s+|-(?=[^-]*$)")
# what a document title ends with or holds (通知, 办法, 解读…, 关于, 《》)
_TITLE_LIKE = re.compile(r"(?:通知|办法|规定|细则|意见|方案|要点|公报|报告|决定|通报|公告|通告|解读|函|批复|制度|规则|计划|"
                         r"规划|总结|纪要|措施|条例|基准|清单|指南|问答|公示)(?:[（(][^）)]*[）)])?$|关于|[《〈]")
_CJK4 = re.compile(r"[\u4e00-\u9fff]{4}")


def _title_like(value: str) -> bool:
    return len(value) >= 6 and _CJK4.search(value) is not None and _TITLE_LIKE.search(value) is not None


def _page_title(root, body_text: str) -> str | None:
    """The document's title where a CMS puts it when no ArticleTitle <meta> names it: the page's
    <h1> (when <title> repeats it or there is no <title>), else the part of <title> before the
    site's name. Only a title-like value the body also prints or that the <h1> holds counts, so a
    site name (<title>青梧市统计局</title>) never becomes the title."""
    title_el = root.find(".//title")
    page = _WS.sub(" ", title_el.text).strip() if title_el is not None and title_el.text else ""
    for h1 in root.iter("h1"):
        if _is_boilerplate(h1) or (h1.getparent() is not None and _is_boilerplate(h1.getparent())):
            continue
        text = _WS.sub(" ", " ".join(h1.itertext())).strip()
        if _title_like(text) and (not page or text in page):
            return text
    for part in _TITLE_SPLIT.split(page) if page else ():
        part = part.strip()
        if _title_like(part) and part in body_text:
            return part
    for part in _TITLE_SPLIT.split(page)[:1] if page else ():
        part = part.strip()
        if _title_like(part) and _TITLE_LIKE.search(part) and not part.endswith(("局", "政府", "网", "网站")):
            return part
    return None


def load_html(data: bytes, source: str, options: LoadOptions) -> Document:
    if looks_binary(data) and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("文件含有二进制内容，不是 HTML 页面（请确认文件格式与扩展名一致）")
    markup, encoding = _decode_html(data)
    markup, repaired = repair_text(markup)  # tags are ASCII: only the garbled text changes
    markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup)
    if not markup.strip():
        raise InputError("HTML 文件为空")
    try:
        parser = lxml.html.HTMLParser(remove_comments=True, no_network=True, huge_tree=False)
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"无法解析 HTML（{type(exc).__name__}）") from None
    fields = _meta_fields(root)
    body = root.find("body")
    out = _Emitter()
    _walk(body if body is not None else root, out)
    # the emitter never starts with a newline; drop the trailing ones and keep spans inside
    text = out.result().rstrip("\n")
    if "标题" not in fields:
        found = _page_title(root, text)
        if found:
            fields["标题"] = found
    n = len(text)
    out.tables = [attrs.evolve(t, end=min(t.end, n)) for t in out.tables]
    out.blocks = [attrs.evolve(b, end=min(b.end, n)) for b in out.blocks]
    if len(text) > options.max_text_chars:
        raise InputError(f"页面正文过长（{len(text)} 个字符，上限 {options.max_text_chars}）")
    meta = Metadata(encoding=encoding, format="html", fields=fields,
                    normalised=(repaired,) if repaired else ())
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="html",
                    blocks=tuple(out.blocks), tables=tuple(out.tables), metadata=meta,
                    source_lines=tuple(out.source_lines))
