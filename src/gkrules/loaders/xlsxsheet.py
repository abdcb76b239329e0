"""One streaming pass over a worksheet's XML: its cell values and its layout.

openpyxl's read-only reader parses the sheet with defusedxml's pure-Python expat callbacks
and builds a dict and a cell object per cell: about half the time of loading a workbook
(5,000 rows × 10 columns: 0.41 of 0.75 s), and the loader then parsed the same XML a
second time with lxml for what read-only mode leaves out (merged ranges, hidden rows and
columns). Here lxml's ``iterparse`` (C, no DTD — ``Package.check_parts`` has refused any
part with one before this runs) reads both at once, and each cell's value is made exactly
as openpyxl's ``WorkSheetParser.parse_cell`` with ``data_only=True`` makes it, from the
workbook's shared strings, date styles and epoch that openpyxl has already read, and with
openpyxl's own conversion functions. ``tests/loaders/test_xlsx_sheet_reader.py`` holds the
rows equal to openpyxl's ``iter_rows`` over generated workbooks.

A workbook whose openpyxl lacks those attributes (a future release) is read by openpyxl's
own reader, as before (:func:`BookCells.of` returns None).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs
from lxml import etree

from gkrules.errors import InputError
from gkrules.loaders.safezip import has_dtd, hostile_xml

S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW, _COL, _MERGE = S + "row", S + "col", S + "mergeCell"
#: the printed page's header and footer texts of a sheet (odd, even and first pages)
_HEADER_FOOTER = {S + t: t for t in ("oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter")}
#: Excel's header and footer codes: sections (&L &C &R), fields (&P page, &D date …), fonts
#: (&"宋体,加粗"), sizes (&12), colours (&K00FF00); && is a literal ampersand
_SPACES = re.compile(r" {2,}")
_HF_CODE = re.compile(r'&(?:"[^"]*"|\d+|K[0-9A-Fa-f]{6}|K\d{2}[+-]\d{3}|[LCRPNDTFAZGBIUESXYH]|&)')
_VALUE, _INLINE = S + "v", S + "is"
_CELL_REF = re.compile(r"^\$?([A-Z]{1,3})\$?(\d{1,7})$").match
#: openpyxl splits a cell reference at its first digit
_SPLIT_COORDINATE = re.compile(r"([^0-9]*)(.*)", re.S).fullmatch


class SheetLayout:
    """Merged ranges, hidden rows and columns, and printed headers and footers of one sheet, from its XML."""

    def __init__(self) -> None:
        self.merged: list[tuple[int, int, int, int]] = []  # min_row, min_col, max_row, max_col
        self.hidden_rows: set[int] = set()
        self.hidden_cols: list[tuple[int, int]] = []
        #: (oddHeader …, text) of the printed page's headers and footers
        self.header_footer: list[tuple[str, str]] = []

    def col_hidden(self, col: int) -> tuple[int, int] | None:
        for lo, hi in self.hidden_cols:
            if lo <= col <= hi:
                return lo, hi
        return None


@attrs.frozen
class BookCells:
    """What a cell's value and number format depend on, read once per workbook by openpyxl."""

    shared_strings: Any
    date_styles: Any
    timedelta_styles: Any
    epoch: Any
    cell_styles: Any
    number_formats: Any

    @classmethod
    def of(cls, wb) -> BookCells | None:
        try:
            return cls(wb.shared_strings, wb._date_formats, wb._timedelta_formats, wb.epoch, wb._cell_styles,
                       wb._number_formats)
        except AttributeError:  # an openpyxl without these: its own reader is used
            return None

    def number_format(self, style_id: int) -> str:
        """``ReadOnlyCell.number_format`` of a cell with this style."""
        from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

        fmt_id = self.cell_styles[style_id].numFmtId
        if fmt_id < BUILTIN_FORMATS_MAX_SIZE:
            return BUILTIN_FORMATS.get(fmt_id, "General")
        return self.number_formats[fmt_id - BUILTIN_FORMATS_MAX_SIZE]


def _cast_number(value: str) -> int | float:
    # openpyxl's own rule (worksheet._reader._cast_number)
    if "." in value or "E" in value or "e" in value:
        return float(value)
    return int(value)


def _row_number(text: str) -> int:
    # as openpyxl's parse_row: "3.0" is row 3, "3.5" is an error
    try:
        return int(text)
    except ValueError:
        val = float(text)
        if val.is_integer():
            return int(val)
        raise ValueError("not a valid row number") from None


class _CellReader:
    """``WorkSheetParser.parse_cell`` (data_only=True) on lxml elements: (column, value, number
    format of a number)."""

    def __init__(self, book: BookCells):
        from openpyxl.cell.text import Text
        from openpyxl.utils.cell import column_index_from_string
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self.book = book
        self.text_of: Callable[[Any], Any] = lambda el: Text.from_tree(el).content  # type: ignore[union-attr]
        self.column_of_letters = column_index_from_string
        self.from_excel = from_excel
        self.from_iso = from_ISO8601
        self.col_counter = 0
        self.columns: dict[str, int] = {}  # column letters -> number, per sheet
        self.formats: dict[int, str] = {}  # style id -> number format

    def cell(self, el) -> tuple[int, Any, str | None]:
        data_type = el.get("t", "n")
        coordinate = el.get("r")
        style_id = el.get("s", 0)
        if style_id:
            style_id = int(style_id)
        value = None
        if data_type != "inlineStr":
            for child in el:  # findtext(v): the first v child's text, "" as None
                if child.tag == _VALUE:
                    value = child.text or None
                    break
        if coordinate:
            self.col_counter = self._column(coordinate)
        else:
            self.col_counter += 1
        if value is not None:
            value = self._convert(data_type, value, style_id)
        elif data_type == "inlineStr":
            child = el.find(_INLINE)
            if child is not None:
                value = self.text_of(child)
        # the loader reads the number format of numbers only (render's percentages)
        return self.col_counter, value, self._format(style_id) if isinstance(value, int | float) else None

    def _column(self, coordinate: str) -> int:
        """openpyxl's coordinate_to_tuple, column only: letters before the first digit, the
        rest an integer (ValueError otherwise, as there)."""
        letters, rest = _SPLIT_COORDINATE(coordinate).groups()  # type: ignore[union-attr]  # always matches
        int(rest)
        column = self.columns.get(letters)
        if column is None:
            column = self.columns[letters] = self.column_of_letters(letters)
        return column

    def _format(self, style_id: int) -> str:
        fmt = self.formats.get(style_id)
        if fmt is None:
            fmt = self.formats[style_id] = self.book.number_format(style_id)
        return fmt

    def _convert(self, data_type: str, value: str, style_id: int) -> Any:
        if data_type == "n":
            number = _cast_number(value)
            if style_id in self.book.date_styles:
                try:
                    return self.from_excel(number, self.book.epoch, timedelta=style_id in self.book.timedelta_styles)
                except (OverflowError, ValueError):  # openpyxl: an error cell (without its warning)
                    return "#VALUE!"
            return number
        if data_type == "s":
            return self.book.shared_strings[int(value)]
        if data_type == "b":
            return bool(int(value))
        if data_type == "d":
            return self.from_iso(value)
        return value


def header_footer_text(code: str) -> str:
    """What a header or footer prints, its codes removed (sections apart by a space)."""
    parts = _HF_CODE.sub(lambda m: "&" if m.group() == "&&" else " " if m.group() in ("&L", "&C", "&R") else "", code)
    return _SPACES.sub(" ", parts).strip(" ")


def _layout_start(el, layout: SheetLayout) -> None:
    hidden = el.get("hidden") in ("1", "true")
    if el.tag == _ROW and hidden:
        try:
            layout.hidden_rows.add(int(el.get("r", "0")))
        except ValueError:
            pass
    elif el.tag == _COL and hidden:
        try:
            layout.hidden_cols.append((int(el.get("min", "0")), int(el.get("max", "0"))))
        except ValueError:
            pass
    elif el.tag == _MERGE:
        rng = cell_range(el.get("ref", ""))
        if rng is not None:
            layout.merged.append(rng)


def cell_range(ref: str) -> tuple[int, int, int, int] | None:
    """(min row, min col, max row, max col) of ``A1:C3`` (or of one cell), None if malformed."""
    parts = ref.upper().split(":")
    if len(parts) == 1:
        parts = parts * 2
    a, b = (_CELL_REF(p) for p in parts[:2])
    if not a or not b:
        return None
    return int(a.group(2)), column_number(a.group(1)), int(b.group(2)), column_number(b.group(1))


def column_number(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def _events(xml: bytes):
    return etree.iterparse(io.BytesIO(xml), events=("start", "end"), tag=(_ROW, _COL, _MERGE, *_HEADER_FOOTER),
                           resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                           remove_comments=True, remove_pis=True)


def _release(el) -> None:
    el.clear()
    parent = el.getparent()
    while parent is not None and el.getprevious() is not None:
        del parent[0]


def read_layout(xml: bytes, what: str) -> SheetLayout:
    """The layout alone (the workbook's cells read by openpyxl)."""
    layout = SheetLayout()
    for _row in _scan(xml, what, layout, None):
        pass
    return layout


def read_sheet(xml: bytes, what: str, book: BookCells, max_cells: int) -> tuple[SheetLayout, list[tuple]]:
    """(layout, rows): the rows as openpyxl's read-only ``iter_rows(min_row=1, min_col=1)``
    gives them after ``reset_dimensions()`` — a missing row is ``()``, a row is as wide as
    its last cell's column — each cell as (value, number format of a number). Over ``max_cells`` cells (the
    sum of those widths, as the loader counts them) is an InputError, raised while reading."""
    layout = SheetLayout()
    rows: list[tuple] = []
    counter, cells = 1, 0
    for idx, parsed in _scan(xml, what, layout, _CellReader(book)):
        for _ in range(counter, idx):  # some rows are missing
            counter += 1
            rows.append(())
        if counter <= idx:
            counter += 1
            row = _padded(parsed)
            cells += len(row)
            if cells > max_cells:
                raise too_many_cells(max_cells)
            rows.append(row)
    return layout, rows


def too_many_cells(max_cells: int) -> InputError:
    return InputError(f"工作簿的单元格超过 {max_cells} 个的上限，疑似异常构造的文件（上限可在规则集 engine 部分调整）")


def _padded(parsed: list[tuple[int, Any, str | None]]) -> tuple:
    # openpyxl's _get_row: as wide as the last cell's column, cells placed by column
    if not parsed:
        return ()
    width = parsed[-1][0]
    if width <= 0:
        return ()
    row: list[tuple[Any, str | None]] = [(None, None)] * width
    for column, value, fmt in parsed:
        if 1 <= column <= width:
            row[column - 1] = (value, fmt)
    return tuple(row)


def _scan(xml: bytes, what: str, layout: SheetLayout,
          reader: _CellReader | None) -> Iterator[tuple[int, list[tuple[int, Any, str | None]]]]:
    """(row number, cells) per row element, the layout filled in along the way."""
    if has_dtd(xml):
        raise hostile_xml(what)
    row_counter = 0
    try:
        for event, el in _events(xml):
            if event == "start":
                _layout_start(el, layout)
            elif el.tag in _HEADER_FOOTER:
                if text := header_footer_text(el.text or ""):
                    layout.header_footer.append((_HEADER_FOOTER[el.tag], text))
            elif el.tag == _ROW:
                if reader is not None:
                    r = el.get("r")
                    row_counter = _row_number(r) if r is not None else row_counter + 1
                    reader.col_counter = 0
                    yield row_counter, [reader.cell(c) for c in el]
                _release(el)
    except etree.XMLSyntaxError:
        raise InputError(f"文件已损坏：{what} 不是有效的 XML") from None


__all__ = ["BookCells", "SheetLayout", "cell_range", "column_number", "header_footer_text", "read_layout",
           "read_sheet", "too_many_cells"]
