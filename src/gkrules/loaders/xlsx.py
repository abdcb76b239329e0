"""Excel workbooks (.xlsx): every sheet, hidden ones included, as tables.

openpyxl reads cell values in read-only mode (streaming, cached formula results). What
read-only mode does not give — merged ranges, hidden rows and columns, cell comments — comes
from one streaming pass over each sheet's XML (lxml ``iterparse``, no entities).

``Document.text`` per sheet (sheets apart by a blank line): one line per row with cells
separated by tabs (empty cells keep their place, so columns line up), then the sheet's
comments. The sheet's name is not a line of its own — it would end a GB/T 9704 head that
starts in cell A1 — but every cell reference carries it. Tables are split at empty rows; a merged range gives every cell it covers the
same ``Cell`` (so a merged header spans its columns); numbers are parsed. Every non-empty
cell is a block with its reference (``Sheet1!C7``), so findings say where they are; cells
of hidden or very hidden sheets, hidden rows and hidden columns are blocks with
``hidden=True``, and runs of hidden rows or columns are blocks of their own
(``hidden-rows`` ``Sheet1!5:9``, ``hidden-columns`` ``Sheet1!C:D``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial

from gkrules.errors import InputError
from gkrules.gcpause import no_cycles
from gkrules.loaders.builder import TextBuilder, clean, column_letter
from gkrules.loaders.graphics import write_graphics
from gkrules.loaders.ooxml import EmbeddedReader, app_properties, write_embedded, write_properties
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.safezip import Package
from gkrules.loaders.xlsxsheet import BookCells, SheetLayout, read_layout, read_sheet, too_many_cells
from gkrules.model import Block, Cell, Document, Metadata, Notice, Table
from gkrules.numbers import parse_number

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_PLAIN_SHEET_NAME = re.compile(r"^[\w\u4e00-\u9fff]+$")
_NOTE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)")
CORE_PROPERTIES = (("creator", "作者"), ("lastModifiedBy", "最后修改者"), ("title", "标题"), ("subject", "主题"),
                   ("keywords", "关键词"), ("description", "备注"), ("category", "类别"))
_STATE_KIND = {"hidden": "hidden-sheet", "veryHidden": "very-hidden-sheet"}
#: a string value that render() would return unchanged: no control, CR/LF/VT/FF or tab, no
#: surrounding white space (the common cell; anything else goes through render)
_PLAIN_TEXT = re.compile(r"[^\x00-\x20\x7f\s\ufffe\uffff](?:[^\x00-\x1f\x7f\ufffe\uffff]*[^\x00-\x20\x7f\s\ufffe\uffff])?").fullmatch


def sheet_ref(title: str) -> str:
    """A sheet name as Excel writes it in a reference (quoted when it needs to be)."""
    return title if _PLAIN_SHEET_NAME.match(title) else "'" + title.replace("'", "''") + "'"


def render(value: object, number_format: str | None = None) -> str:
    """A cell value as text: integers without ``.0``, dates as ISO dates, percentages as shown."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            decimals = len(number_format.split(".")[1].split("%")[0]) if "." in number_format else 0
            return f"{value * 100:.{min(decimals, 10)}f}%"
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                return ""
            if value.is_integer() and abs(value) < 1e15:
                return str(int(value))
            return format(value, ".15g")
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    return clean(str(value)).replace("\n", " ").replace("\t", " ").strip()


def _comments(pkg: Package, sheet_path: str) -> list[tuple[str, str]]:
    """(cell ref, text) of the legacy comments (notes) attached to a sheet."""
    rels_path = posixpath.join(posixpath.dirname(sheet_path), "_rels", posixpath.basename(sheet_path) + ".rels")
    rels = pkg.xml(rels_path)
    if rels is None:
        return []
    out = []
    for rel in rels.iter(PR + "Relationship"):
        if not rel.get("Type", "").endswith("/comments") or rel.get("TargetMode") == "External":
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(sheet_path), rel.get("Target", "")))
        root = pkg.xml(target.lstrip("/"))
        if root is None:
            continue
        for comment in root.iter(S + "comment"):
            text = "".join(t.text or "" for t in comment.iter(S + "t"))
            out.append((comment.get("ref", ""), clean(text).replace("\n", " ").strip()))
    return out


class _SheetWriter:
    def __init__(self, b: TextBuilder, title: str, state: str, layout: SheetLayout):
        self.b = b
        self.title = title
        self.sref = sheet_ref(title)
        self.sheet_hidden = state in _STATE_KIND
        self.layout = layout
        self.current: list[tuple[int, int, tuple[Cell, ...]]] = []  # (row start, row end, cells)
        self.hidden_run: tuple[int, int, int, int] | None = None  # first row, last row, start, end
        self.cols_reported: set[tuple[int, int]] = set()
        self.covered: dict[tuple[int, int], tuple[int, int]] = {}
        self.covered_width: dict[int, int] = {}  # row -> last column a merged range covers
        self.origins: dict[tuple[int, int], Cell | None] = {}
        self.columns: dict[int, tuple[str, tuple[int, int] | None]] = {}
        for r1, c1, r2, c2 in layout.merged:
            if (r2 - r1 + 1) * (c2 - c1 + 1) > 100_000:
                continue  # a giant merged range (a whole-sheet format): ignored, memory stays bounded
            self.origins[(r1, c1)] = None
            for r in range(r1, r2 + 1):
                self.covered_width[r] = max(self.covered_width.get(r, 0), c2)
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        self.covered[(r, c)] = (r1, c1)

    def _column(self, c: int) -> tuple[str, tuple[int, int] | None]:
        """(letters, hidden range) of a column, worked out once per sheet."""
        known = self.columns.get(c)
        if known is None:
            known = self.columns[c] = (column_letter(c), self.layout.col_hidden(c))
        return known

    def row(self, r: int, values: Sequence[tuple[object, str | None]]) -> None:
        last = len(values)
        while last and (values[last - 1][0] is None or values[last - 1][0] == ""):
            last -= 1
        width = max(last, min(self.covered_width.get(r, 0), last + 64)) if last else 0
        if width == 0:
            self._end_table()
            self._end_hidden_run()
            return
        b = self.b
        row_start = b.length
        pieces, cells = self._cells(r, values, width, row_start)
        b.write("".join(pieces))  # one write per row: the offsets were counted from row_start
        row_end = b.length
        b.write("\n")
        if r in self.layout.hidden_rows and not self.sheet_hidden:
            if self.hidden_run is not None and self.hidden_run[1] == r - 1:
                first, _last, s, _e = self.hidden_run
                self.hidden_run = (first, r, s, row_end)
            else:
                self._end_hidden_run()
                self.hidden_run = (r, r, row_start, row_end)
        else:
            self._end_hidden_run()
        self.current.append((row_start, row_end, tuple(cells)))

    def _cells(self, r: int, values: Sequence[tuple[object, str | None]], width: int,
               pos: int) -> tuple[list[str], list[Cell]]:
        """(text pieces, cells) of row ``r``, its text starting at offset ``pos``; the cells'
        blocks (and a hidden column's block, on its first non-empty cell) are recorded."""
        row_hidden = self.sheet_hidden or r in self.layout.hidden_rows
        pieces: list[str] = []
        cells: list[Cell] = []
        merged = bool(self.covered) or bool(self.origins)
        sref, blocks, n_values = self.sref, self.b.blocks, len(values)
        for c in range(1, width + 1):
            if c > 1:
                pieces.append("\t")
                pos += 1
            if merged:
                origin = self.covered.get((r, c))
                if origin is not None and self.origins.get(origin) is not None:
                    cells.append(self.origins[origin])  # type: ignore[arg-type]
                    continue
            value, fmt = values[c - 1] if c <= n_values else (None, None)
            text = value if type(value) is str and _PLAIN_TEXT(value) else render(value, fmt)
            letters, cols = self._column(c)
            ref = f"{sref}!{letters}{r}"
            hidden = row_hidden or cols is not None
            start = pos
            if text:
                pieces.append(text)
                pos += len(text)
            number = float(value) if isinstance(value, int | float) and not isinstance(value, bool) \
                and text and "%" not in text else parse_number(text)
            cell = Cell(text=text, start=start, end=pos, number=number, ref=ref, hidden=hidden)
            if pos > start:
                if cols is not None and cols not in self.cols_reported:
                    self.cols_reported.add(cols)
                    blocks.append(Block("hidden-columns", start, pos, ref=f"{sref}!{column_letter(cols[0])}:"
                                                                         f"{column_letter(cols[1])}", hidden=True))
                # after: the cell's ref wins the tie
                blocks.append(Block("cell", start, pos, ref=ref, page=None, hidden=hidden))
            if merged and (r, c) in self.origins:
                self.origins[(r, c)] = cell
            cells.append(cell)
        return pieces, cells

    def _end_hidden_run(self) -> None:
        if self.hidden_run is not None:
            first, last, s, e = self.hidden_run
            self.b.block("hidden-rows", s, e, ref=f"{self.sref}!{first}:{last}", hidden=True)
            self.hidden_run = None

    def _end_table(self) -> None:
        if self.current:
            self.b.tables.append(_table(self.current, self.sref, self.sheet_hidden))
        self.current = []

    def finish(self) -> None:
        self._end_table()
        self._end_hidden_run()


def _single(cells: tuple[Cell, ...]) -> str | None:
    """The text of a row that holds one value (a title row, a note row), else None."""
    filled = {id(c): c.text for c in cells if c.text}
    return next(iter(filled.values())) if len(filled) == 1 else None


def _table(rows: list[tuple[int, int, tuple[Cell, ...]]], sref: str, hidden: bool) -> Table:
    """A table from consecutive rows: a leading title row is its caption, trailing 注/说明 rows
    its notes, leading rows without numbers (at most 3, merged headers included) its header."""
    body = list(rows)
    caption = None
    notes: list[str] = []
    if len(body) > 2 and (t := _single(body[0][2])) is not None and not _NOTE.match(t):
        caption = t
        body.pop(0)
    while len(body) > 1 and (t := _single(body[-1][2])) is not None and _NOTE.match(t):
        notes.insert(0, t)
        body.pop()
    header_rows = 0
    for _s, _e, cells in body[:3]:
        if len(body) - header_rows <= 1 or any(c.number is not None for c in cells if c.text):
            break
        header_rows += 1
    return Table(rows=tuple(cells for _s, _e, cells in body), start=body[0][0], end=body[-1][1],
                 header_rows=header_rows, caption=caption, notes=tuple(notes), ref=sref, hidden=hidden)


def open_workbook(data: bytes, options: LoadOptions):
    """(openpyxl read-only Workbook, checked Package); library errors become InputErrors."""
    import openpyxl

    pkg = Package(data, options, "Excel 工作簿")
    pkg.check_parts()
    try:
        return openpyxl.load_workbook(io.BytesIO(pkg.library_data()), read_only=True, data_only=True,
                                      keep_links=False), pkg
    except InputError:
        raise
    except Exception as exc:  # openpyxl raises KeyError, ValueError, TypeError… for broken parts
        raise InputError(f"不是可读取的 Excel 工作簿（xlsx，{type(exc).__name__}）") from None


def read_xlsx(data: bytes, source: str, options: LoadOptions, read_embedded: EmbeddedReader | None) -> Document:
    """The Document of a .xlsx; embedded files are read with ``read_embedded`` (None: listed
    only). ``gkrules.loaders.office.load_xlsx`` gives it the reader of Word and Excel files."""
    wb, pkg = open_workbook(data, options)
    b = TextBuilder(options.max_text_chars)
    states: dict[str, str] = {}
    read_paths: set[str] = set()
    try:
        book = BookCells.of(wb)
        for ws in wb.worksheets:
            path = (getattr(ws, "_worksheet_path", "") or "").lstrip("/")
            read_paths.add(path)
            state = ws.sheet_state or "visible"
            states[ws.title] = state
            comments = _comments(pkg, path) if path else []
            with no_cycles():  # a cell object and a block per cell, none in a cycle (gkrules.gcpause)
                _sheet(b, ws.title, state, comments, partial(_rows, ws, path, pkg, book, options.max_cells))
        values = _core_properties(wb)
    finally:
        wb.close()
    write_graphics(b, pkg)
    b.blank()
    write_embedded(b, pkg, [], read_embedded)
    write_properties(b, values + app_properties(pkg))
    _unread_sheets(b, pkg, read_paths)
    text = b.text()
    meta = Metadata(format="xlsx", extra={"sheets": states})
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="xlsx",
                    blocks=tuple(b.blocks), tables=tuple(b.tables), metadata=meta, notices=tuple(b.notices))


#: parts that hold cells: worksheets, and the macro and dialog sheets openpyxl does not read
_SHEET_PARTS = ("xl/worksheets/", "xl/macrosheets/", "xl/dialogsheets/")


def _unread_sheets(b: TextBuilder, pkg: Package, read_paths: set[str]) -> None:
    """Sheet parts the workbook reader did not give (an Excel 4.0 macro sheet, a dialog sheet,
    a sheet the workbook does not list, a workbook in a form it did not understand): their
    cells were not checked, and the report says so (engine/unreadable-content)."""
    unread = [name for name in pkg.names() if name.startswith(_SHEET_PARTS) and name.endswith(".xml")
              and "/_rels/" not in name and name not in read_paths]
    if unread:
        b.notices.append(Notice("unreadable-content", f"工作簿中有 {len(unread)} 个工作表部件未能读取（宏表、对话框表，"
                                "或工作簿目录中没有列出的工作表），其中的内容无法检查：请人工审查"))


def _core_properties(wb) -> list[tuple[str, object]]:
    try:
        props = wb.properties
        return [(label, getattr(props, attr, None)) for attr, label in CORE_PROPERTIES]
    except Exception:  # a broken docProps/core.xml: the content is still checked
        return []


def _rows(ws, path: str, pkg: Package, book: BookCells | None, max_cells: int) -> tuple[SheetLayout, Iterable]:
    """(layout, rows of (value, number format)) of a sheet: read in one lxml pass
    (gkrules.loaders.xlsxsheet), or by openpyxl where its workbook lacks what that pass needs."""
    if book is not None and path in pkg.infos:
        return read_sheet(pkg.read(path), path, book, max_cells)
    layout = read_layout(pkg.read(path), path) if path in pkg.infos else SheetLayout()
    return layout, _openpyxl_rows(ws, max_cells)


def _openpyxl_rows(ws, max_cells: int) -> Iterator[list[tuple[object, str | None]]]:
    # read-only sheets pad every row to the declared dimension: a 5 KB file with cells at A1
    # and XFD1048576 would be 17 billion cells. Without it, a row is as wide as its own last
    # cell, a missing row is empty, and a run of missing rows reads as one blank row.
    if hasattr(ws, "reset_dimensions"):
        ws.reset_dimensions()
    cells = 0
    for row in ws.iter_rows(min_row=1, min_col=1):
        cells += len(row)
        if cells > max_cells:
            raise too_many_cells(max_cells)
        # the number format matters only for numbers (render's percentages)
        yield [(v, getattr(c, "number_format", None) if isinstance(v, int | float) else None)
               for c in row for v in (getattr(c, "value", None),)]


def _sheet(b: TextBuilder, title: str, state: str, comments: list[tuple[str, str]],
           read: Callable[[], tuple[SheetLayout, Iterable]]) -> None:
    b.blank()
    start = b.length
    kind = _STATE_KIND.get(state, "sheet")
    hidden = state in _STATE_KIND
    try:
        layout, rows = read()
        w = _SheetWriter(b, title, state, layout)
        blank = False
        for r, row in enumerate(rows, 1):
            if not row:
                if blank:
                    continue
                blank = True
            else:
                blank = False
            w.row(r, row)
    except InputError:
        raise
    except Exception as exc:  # a broken sheet provokes whatever the parser or openpyxl raises
        raise InputError(f"文件已损坏：工作表的内容无法读取（{type(exc).__name__}）") from None
    w.finish()
    for ref, text in comments:
        if text:
            b.line(f"批注 {ref}：{text}", "comment", ref=f"{w.sref}!{ref}（批注）", hidden=True)
    for which, text in layout.header_footer:  # printed on every page of the sheet
        kind = "footer" if which.endswith("Footer") else "header"
        b.line(text, kind, ref=f"{w.sref}!{'页脚' if kind == 'footer' else '页眉'}", hidden=hidden)
    b.block(kind, start, max(start, b.length - 1), ref=w.sref, hidden=hidden)


__all__ = ["column_letter", "open_workbook", "read_xlsx", "render", "sheet_ref"]
