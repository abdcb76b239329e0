"""Table understanding (unit-identifiability.md §5): what each column and row of a published
table is, which entries are suppressed, and the units and decimals of every number.

A :class:`TableView` is built once per table and holds only facts read from the table:
header roles (unit count, magnitude, rate, text), row kinds (total, 其中/# part, body),
hierarchy depth (indentation, industry codes), the legend of its symbols, and every entry
as an exact integer scaled by 10^decimals.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import partial
from itertools import chain, pairwise
from operator import attrgetter
from typing import Protocol

from attrs import frozen

from gkrules.memo import BoundedMemo
from gkrules.model import Cell, Document, Table
from gkrules.numbers import normalise_number_text, parse_number

from .layout import logical
from .legend import Legend, parse_legend
from .params import UnitIdentifiabilityParams

_UNIT = re.compile(r"[（(]\s*(?P<u>[^（）()]{1,8}?)\s*[）)]\s*$")
_TABLE_UNIT = re.compile(r"(?:计量)?单位\s*[:：]\s*(?P<u>[^\s|（(]{1,16})")
_ANY_UNIT = re.compile(r"[（(]\s*(?P<u>亿元|万元|千元|元|万吨|吨|万人|人|千瓦时|万千瓦时|亿千瓦时|个|家|户|%|％)\s*[）)]")
_CODE = re.compile(r"^(?P<code>[A-T](?:\d{2,4})?|\d{2,4})(?![年月日号季])(?=[\s　]|[\u4e00-\u9fa5])")
_SUBITEM = re.compile(r"^[\s　]*(?:[#＃]|其中[:：]?|在总计中|内[:：])")
_LABEL_STRIP = re.compile(r"^[\s　#＃]*(?:其中[:：]?)?[\s　]*")
_DECIMALS = re.compile(r"\.(\d+)")
_SEQ_HEADER = re.compile(r"^(?:序号|编号|排名|名次|行次|代码)$")
_BLANK_CELL = re.compile(r"\x00\s*(?=\x00|\Z)")
_TRAILING_UNIT = re.compile(r"(?:亿元|万元|元|万吨|吨|万人|人|家|个|户|[*＊①②③])$")
_NOTE = re.compile(r"^[（(]?(?:注|说明|备注|附注)")
#: 全市合计, 全县总计, 本区合计: an area's total row
_AREA_TOTAL = re.compile(r"^(?:全|本)[国省市州县区镇乡旗盟](?:合计|总计)$")
_TEXT, _START, _END = attrgetter("text"), attrgetter("start"), attrgetter("end")


def _spaced(word: str) -> str:
    """A pattern for ``word`` in a text that may have white space between its characters
    (``"".join(text.split())`` contains ``word``)."""
    return r"\s*".join(re.escape(c) for c in word)
COUNT_UNITS = ("个", "家", "户")


def norm(text: str) -> str:
    """A label for comparison: NFKC, no white space, no 其中/# markers, no unit."""
    t = unicodedata.normalize("NFKC", text)
    t = _LABEL_STRIP.sub("", t)
    t = _UNIT.sub("", t)
    return "".join(t.split())


@frozen
class Entry:
    """One body entry: ``value`` is the number × 10^scale (an int), None if not a number."""

    cell: Cell
    kind: str  # number | suppressed | blank | text
    value: int | None = None
    decimals: int = 0
    raw: float | None = None


@frozen
class Column:
    index: int
    header: str
    role: str  # label | count | magnitude | rate | text | seq
    unit: str | None = None
    signed: bool = False
    is_total: bool = False
    subgroup: bool = False
    #: the colspan headers above this column's own header (multi-level headers)
    parent: str = ""


@frozen
class Row:
    index: int  # index into Table.rows
    label: str
    key: str  # normalised label
    kind: str  # total | subitem | body
    depth: int = 1
    label_cell: Cell | None = None


@frozen
class TableView:
    number: int  # 1-based position of the table in the document
    table: Table
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    entries: tuple[tuple[Entry, ...], ...]  # [row position][column index]
    legend: Legend
    scale: int  # entries are value * 10^scale
    label_col: int
    caption: str
    context: str  # caption, headers and notes, for context words
    #: rows that count the units of each column (long format: 企业单位数 | 个 | 2)
    count_rows: tuple[int, ...] = ()

    def entry(self, r: int, c: int) -> Entry:
        return self.entries[r][c]

    @property
    def count_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role == "count"]

    @property
    def figure_columns(self) -> list[Column]:
        return [c for c in self.columns if c.role in ("magnitude", "rate")]

    def name(self) -> str:
        return f"表{self.number}" + (f"（{self.caption[:30]}）" if self.caption else "")


def _decimals(text: str) -> int:
    # ASCII without white space is already in normal form (the common cell: 12.3)
    m = _DECIMALS.search(text if text.isascii() and _NO_SPACE.fullmatch(text) else normalise_number_text(text))
    return len(m.group(1)) if m else 0


_NO_SPACE = re.compile(r"\S*")


class NameSearch(Protocol):
    """Whether an organisation name word lies inside text[pos:endpos] (a pattern's ``search``,
    or ``prose.NameHits``)."""

    def search(self, text: str, pos: int, endpos: int, /) -> object: ...


#: the texts of a table's header rows (what the header memo is keyed on)
HeaderTexts = tuple[tuple[str, ...], ...]


def _header_texts(table: Table) -> HeaderTexts:
    return tuple(tuple(c.text for c in row) for row in table.header)


def _header_parts(header: HeaderTexts, col: int) -> list[str]:
    """The header texts over a column, top to bottom (a colspan parent once)."""
    parts: list[str] = []
    for row in header:
        if col < len(row) and row[col] and row[col] not in parts:
            parts.append(row[col])
    return parts


def _header_text(table: Table, col: int) -> str:
    return "".join(_header_parts(_header_texts(table), col))


def _indent(doc: Document, cell: Cell) -> int:
    """Leading white space the loader stripped from a label cell (full-width counts 2)."""
    i = cell.start
    width = 0
    text = doc.text
    while i > 0 and text[i - 1] in " \u3000\t":
        width += 2 if text[i - 1] == "\u3000" else (4 if text[i - 1] == "\t" else 1)
        i -= 1
    # the spaces right after a delimiter are indentation only inside a cell, not around it
    before = text[i - 1] if i > 0 else "\n"
    if before in "|｜":
        width = max(0, width - 1)
    return width + (len(cell.text) - len(cell.text.lstrip(" \u3000")))


class TableReader:
    """Builds TableViews with the checker's parameters (compiled once per engine)."""

    def __init__(self, p: UnitIdentifiabilityParams):
        self.p = p
        self.total_labels = {norm(x) for x in p.total_labels}
        self.count_headers = tuple(p.count_headers)
        self.unit_nouns = tuple(sorted(p.unit_nouns, key=len, reverse=True))
        self.rate_markers = tuple(p.rate_markers)
        self.signed = tuple(p.signed_markers)
        self.subgroup_words = tuple(p.subgroup_count_words)
        # the same headers (营业收入（亿元）, 比上年增长（%）) come back in table after table
        self.is_count_header: BoundedMemo[str, bool] = BoundedMemo(self._is_count_header)
        # headers and row labels in NFKC (full-width brackets in 营业收入（亿元） make every one
        # take the slow path of the normaliser), again and again across tables
        self._nfkc: Callable[[str], str] = BoundedMemo(partial(unicodedata.normalize, "NFKC")).__call__
        # tables with the same header rows (营业收入（亿元）| 比上年增长（%）…) come back often, and
        # with the same caption in a series of releases; when the caption is new, the header
        # rows' columns are still looked up by those rows alone
        self._active_header: BoundedMemo[tuple[int, str, HeaderTexts], bool] = BoundedMemo(self._header_says_counts)
        self._count_header: BoundedMemo[tuple[int, HeaderTexts], bool] = BoundedMemo(self._header_has_count_column)
        # profile(): a cell (each text after a NUL) whose text without white space is a symbol,
        # contains a count word or ends with a unit noun
        symbols = [x for x in (*p.suppression_symbols, *p.legend_symbols) if x]
        if any("\x00" in x for x in symbols):
            self._symbol_cell: re.Pattern | None = re.compile("")  # cannot tell: any table may have one
        else:
            self._symbol_cell = re.compile(
                rf"\x00\s*(?:{'|'.join(_spaced(x) for x in symbols)})\s*(?=\x00|\Z)") if symbols else None
        counted = [*(_spaced(w) for w in self.count_headers if w),
                   *(_spaced(n) + r"\s*(?=\x00|\Z)" for n in self.unit_nouns if n)]
        self._count_cell = re.compile("|".join(counted)) if counted else None
        #: a count word or unit noun with the "/" that joins an outer and an inner row label
        self._slash_words = any("/" in w for w in (*self.count_headers, *self.unit_nouns))

    # -- columns -------------------------------------------------------------------------

    def _is_count_header(self, header: str) -> bool:
        h = unicodedata.normalize("NFKC", "".join(header.split()))
        m = _UNIT.search(h)
        if m and m.group("u") in COUNT_UNITS and _UNIT.sub("", h) in self.unit_nouns:
            return True  # 法人单位（个）, 产业活动（个）: the header is the unit itself
        if any(w in h for w in ("人数", "人次", "件数", "项目", "次数", "岗位", "工程", "栏目", "信息", "申请", "案件",
                                "网站", "活动", "会议", "文件", "课题", "设备", "车辆")):
            return False
        if any(w in h for w in self.count_headers):
            return True
        m = _UNIT.search(h)
        if m and m.group("u") in COUNT_UNITS:
            core = _UNIT.sub("", h)
            return any(core.endswith(n) or core == n for n in self.unit_nouns)
        return False

    def column_role(self, header: str, entries: Sequence[Entry]) -> str:
        h = self._nfkc(header)
        numeric = sum(1 for e in entries if e.kind in ("number", "suppressed"))
        texty = sum(1 for e in entries if e.kind == "text")
        if _SEQ_HEADER.match("".join(h.split())):
            return "seq"
        if numeric == 0 or texty > numeric:
            return "text"
        if self.is_count_header(h):
            return "count"
        if any(m in h for m in self.rate_markers):
            return "rate"
        return "magnitude"

    # -- a cheap look first ---------------------------------------------------------------

    def inert(self, doc: Document, table: Table, legend_window: int, name_guard: NameSearch | None) -> bool:
        """The table cannot give a finding, on its own or with the other tables (see
        :meth:`profile`)."""
        return self.profile(doc, table, legend_window, name_guard) == (False, False)

    def profile(self, doc: Document, table: Table, legend_window: int,
                name_guard: NameSearch | None) -> tuple[bool, bool]:
        """(active, suppressions) of a table, from a look at its cells without reading it.

        ``active``: a column header may read as a unit count, a row label may be a count row,
        or a cell may hold an organisation name (a ``name_guard`` hit) — what the table rules
        need. ``suppressions``: an entry may be a suppression (a symbol, or a blank the legend
        says is one) — what the differencing audit needs. (False, False): nothing any rule
        could report. Each test is what :meth:`read` and the rules need, or looser."""
        table = logical(table)
        width = max(len(r) for r in table.rows) if table.body else 0
        if width < 2:
            return False, False  # read() gives no view
        if self._slash_words:
            return True, True  # a word across the outer/inner label join: no shortcut
        active = self._active_header((width, table.caption or "", _header_texts(table)))
        # the body cells' texts, each after a NUL: each test is one regex search over them
        cells = list(chain.from_iterable(table.body))
        joined = "\x00" + "\x00".join(map(_TEXT, cells)) if cells else ""
        suppressions = self._symbol_cell is not None and self._symbol_cell.search(joined) is not None
        if not active and cells:
            if self._count_cell is not None and self._count_cell.search(joined):
                active = True  # a row label that may be a count row
            elif name_guard is not None and name_guard.search(doc.text, min(map(_START, cells)), max(map(_END, cells))):
                active = True  # a cell that may hold an organisation name
        blank = any(len(r) < width for r in table.body) or _BLANK_CELL.search(joined) is not None
        if blank and not suppressions:  # read() pads short rows with empty cells
            legend = parse_legend([*table.notes, *nearby_notes(doc, table, legend_window)])
            if ("空白" in legend.suppressed or "空格" in legend.suppressed) and "空白" in self.p.legend_symbols:
                suppressions = True
        return active, suppressions

    def _header_says_counts(self, key: tuple[int, str, HeaderTexts]) -> bool:
        """A column header may read as a unit count, or the caption and header speak of counts
        (a table that does without a readable count column is reported as not understood)."""
        width, caption, header = key
        return self._count_header((width, header)) or mentions_counts(caption + "".join(t for row in header for t in row))

    def _header_has_count_column(self, key: tuple[int, HeaderTexts]) -> bool:
        width, header = key
        return any(self.is_count_header(unicodedata.normalize("NFKC", "".join(_header_parts(header, j))))
                   for j in range(width))

    # -- the whole table -----------------------------------------------------------------

    def read(self, doc: Document, table: Table, number: int, extra_notes: Sequence[str] = ()) -> TableView | None:
        table = logical(table)
        if not table.body or max(len(r) for r in table.rows) < 2:
            return None
        notes = [*table.notes, *extra_notes]
        legend = parse_legend(notes)
        width = max(len(r) for r in table.rows)
        always = tuple(self.p.suppression_symbols)
        legend_only = tuple(self.p.legend_symbols)
        raw_entries: list[list[Entry]] = []
        for row in table.body:
            out = []
            for j in range(width):
                cell = row[j] if j < len(row) else Cell("", row[-1].end, row[-1].end)
                out.append(self._entry(cell, legend, always, legend_only))
            raw_entries.append(out)
        label_col = _label_column(raw_entries, width)
        inner = self._inner_label_col(table, raw_entries, label_col, width)
        header = _header_texts(table)
        headers = ["".join(_header_parts(header, j)) for j in range(width)]
        caption = table.caption or ""
        columns = self._columns(header, headers, caption, raw_entries, (label_col, inner))
        # one scale for the whole table: every number an exact integer
        scale = max((e.decimals for r in raw_entries for e in r if e.kind == "number"), default=0)
        entries = tuple(tuple(self._scaled(e, scale) for e in r) for r in raw_entries)
        rows = self._rows(doc, table, label_col, inner)
        context = " ".join([caption, *headers, *notes])
        # only tables without a count column can carry their counts in a row (long format)
        count_rows = () if any(c.role == "count" for c in columns) else tuple(
            i for i, row in enumerate(rows) if self._is_count_row(row, entries[i], columns))
        return TableView(number, table, tuple(columns), rows, entries, legend, scale, label_col, caption, context,
                         count_rows)

    def _columns(self, header: HeaderTexts, headers: list[str], caption: str, raw_entries: list[list[Entry]],
                 labels: tuple[int, int | None]) -> list[Column]:
        """What each column is: its role (the label columns ``labels`` are labels), unit,
        sign, whether it is a 合计 or a subgroup count, and its parent header."""
        caption_unit = _ANY_UNIT.search(caption)
        # 单位:个 over a table: every column without a unit of its own counts units
        stated = _TABLE_UNIT.search(caption)
        units = re.split(r"[、,，/]", stated.group("u")) if stated else []
        # 单位:个 — every column without a unit of its own counts units; 单位:个、人 — the columns
        # headed by a unit noun (法人单位, 网点) do
        counted = units[:1] in (["个"], ["家"], ["户"]) and len(units) == 1
        noun_counts = not counted and any(u in COUNT_UNITS for u in units)
        columns = []
        for j, head in enumerate(headers):
            col_entries = [raw_entries[i][j] for i in range(len(raw_entries))]
            role = "label" if j in labels else self.column_role(head, col_entries)
            parts = _header_parts(header, j)
            if role == "magnitude" and (counted or (noun_counts and parts and norm(parts[-1]) in self.unit_nouns)) \
                    and not any(_UNIT.search(self._nfkc(h)) for h in parts):
                role = "count"
            # 营业收入（亿元） over 合计 | 大型企业 | …: the unit may stand on a parent header
            um = next((m for m in (_UNIT.search(self._nfkc(h)) for h in reversed(parts)) if m), None)
            unit = um.group("u") if um else (caption_unit.group("u") if caption_unit and role == "magnitude" else None)
            hnorm = norm(head)
            is_total = hnorm in self.total_labels or (len(parts) > 1 and norm(parts[-1]) in self.total_labels)
            signed = any(w in head or w in caption for w in self.signed) or any(
                e.raw is not None and e.raw < 0 for e in col_entries)
            columns.append(Column(j, head, role, unit, signed, is_total,
                                  role == "count" and any(w in head for w in self.subgroup_words),
                                  "".join(parts[:-1])))
        return columns

    def _is_count_row(self, row: Row, entries: Sequence[Entry], columns: Sequence[Column]) -> bool:
        """A row of unit counts in a table whose rows are indicators (企业单位数 | 个 | 2 | 5…);
        subgroup counts (亏损企业数) and 其中 rows are not the column's population."""
        label = "".join(row.label.split())
        if row.kind == "subitem" or not label or any(w in label for w in self.subgroup_words):
            return False
        if not any(w in label for w in self.count_headers) and not label.endswith(self.unit_nouns):
            return False  # cheap guard: most rows are indicators or categories
        if self.is_count_header(label):
            return True
        units = {e.cell.text.strip() for e, c in zip(entries, columns, strict=False) if c.role == "text"}
        return any(self.is_count_header(f"{label}（{u}）") for u in units & set(COUNT_UNITS))

    def _entry(self, cell: Cell, legend: Legend, always: tuple[str, ...], legend_only: tuple[str, ...]) -> Entry:
        t = cell.text
        if cell.number is not None and not t.strip().endswith(("%", "％")):
            return Entry(cell, "number", None, _decimals(t), cell.number)
        if cell.number is not None:
            return Entry(cell, "number", None, _decimals(t), cell.number)
        if legend.is_suppression(t, always, legend_only):
            return Entry(cell, "suppressed")
        if not t.strip():
            return Entry(cell, "blank")
        # a number with a trailing unit or footnote mark (12.3亿元, 45*) is still that number
        v = parse_number(_TRAILING_UNIT.sub("", t.strip()))
        if v is not None and len(t.strip()) <= 16:
            return Entry(cell, "number", None, _decimals(t), v)
        return Entry(cell, "text")

    @staticmethod
    def _scaled(e: Entry, scale: int) -> Entry:
        if e.kind != "number" or e.raw is None:
            return e
        return Entry(e.cell, e.kind, round(e.raw * 10 ** scale), e.decimals, e.raw)

    @staticmethod
    def _inner_label_col(table: Table, entries: list[list[Entry]], label_col: int, width: int) -> int | None:
        """A second label column (门类 | 大类): the next column is text too, and the first one
        spans several rows (a rowspan, or blanks under a group label)."""
        j = label_col + 1
        if j >= width or len(table.body) < 3:
            return None
        kinds = [entries[i][j].kind for i in range(len(entries))]
        if kinds.count("text") * 2 < len(kinds):
            return None
        outer = [row[label_col] for row in table.body if label_col < len(row)]
        spans = any(a.start == b.start and a.text for a, b in pairwise(outer))
        blanks = sum(1 for c in outer[1:] if not c.text.strip())
        return j if spans or blanks * 2 >= len(outer) - 1 > 0 else None

    def _label(self, row: Sequence[Cell], label_col: int, inner: int | None,
               group: str) -> tuple[Cell | None, str, str, int | None]:
        """(label cell, display label, key, forced depth) of one body row."""
        cell = row[label_col] if label_col < len(row) else None
        if inner is None or inner >= len(row) or cell is None:
            return cell, cell.text if cell else "", norm(cell.text) if cell else "", None
        n = row[inner]
        outer = cell.text.strip() or group
        if n.start == cell.start or not n.text.strip() or norm(n.text) == norm(outer):
            return cell, cell.text, norm(cell.text), None  # one label over both columns
        if norm(n.text) in self.total_labels:
            return n, f"{outer}/{n.text.strip()}", norm(outer), 1  # the group's 小计
        return n, f"{outer}/{n.text.strip()}", norm(n.text), 2

    def _rows(self, doc: Document, table: Table, label_col: int, inner: int | None = None) -> tuple[Row, ...]:
        out = []
        indents = []
        codes = []
        forced: list[int | None] = []
        group = ""
        for i, row in enumerate(table.body):
            cell, label, key, depth = self._label(row, label_col, inner, group)
            if inner is not None and label_col < len(row) and row[label_col].text.strip():
                group = row[label_col].text.strip()
            forced.append(depth)
            if _SUBITEM.match(cell.text if cell else label):
                kind = "subitem"
            elif key in self.total_labels or (key.startswith("全") and len(key) <= 4 and key[-1:] in "国省市州县区镇乡旗盟") \
                    or _AREA_TOTAL.match(key):
                kind = "total"
            else:
                kind = "body"
            indents.append(_indent(doc, cell) if cell else 0)
            cm = _CODE.match(self._nfkc(label.strip()))
            codes.append(cm.group("code") if cm else None)
            out.append((i, label, key, kind, cell))
        # depth: totals 0; otherwise by industry code length, else by indentation rank
        levels = sorted({ind for ind, (_, _, _, kind, _) in zip(indents, out, strict=True) if kind == "body"})
        rows = []
        for (i, label, key, kind, cell), ind, code, fd in zip(out, indents, codes, forced, strict=True):
            if kind == "total":
                depth = 0
            elif inner is not None:
                depth = fd or 1
            elif code is not None and sum(1 for c in codes if c) >= 2:
                depth = 1 if code[0].isalpha() and len(code) == 1 else (len(code.lstrip("ABCDEFGHIJKLMNOPQRST")) or 1)
                depth = {1: 1, 2: 2, 3: 3, 4: 4}.get(depth, depth)
            else:
                depth = 1 + (levels.index(ind) if ind in levels else 0)
            rows.append(Row(table.header_rows + i, label, key, kind, depth, cell))
        return tuple(rows)


def _label_column(raw_entries: list[list[Entry]], width: int) -> int:
    """The label column: the first column that is mostly text."""
    for j in range(width):
        kinds = [raw_entries[i][j].kind for i in range(len(raw_entries))]
        # a group label column is mostly blank under its group names (采矿业 | 小计 …)
        grouped = kinds.count("text") >= 2 and kinds.count("text") + kinds.count("blank") == len(kinds)
        if kinds.count("text") * 2 >= len(kinds) or grouped:
            return j
    return 0


_COUNT_WORDS = re.compile(r"单位数|企业数|家数|户数|法人单位|法人企业|(?:企业|单位|机构|法人|网点)个数|单位[:：]个")


def mentions_counts(text: str) -> bool:
    """A caption or header that speaks of unit counts (the table should have a count column)."""
    return _COUNT_WORDS.search(unicodedata.normalize("NFKC", "".join(text.split()))) is not None


def nearby_notes(doc: Document, table: Table, window: int) -> list[str]:
    """注/说明 lines within ``window`` lines after the table (text loaders keep only the
    lines right below it) and the table's caption line."""
    last = doc.line_of(max(table.end - 1, table.start))
    out = []
    for ln in range(last + 1, min(doc.line_count, last + window) + 1):
        line = doc.line_text(ln).strip()
        if _NOTE.match(line):
            out.append(line)
    return out
