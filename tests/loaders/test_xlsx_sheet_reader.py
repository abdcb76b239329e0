"""The xlsx loader's own one-pass sheet reader (gkrules.loaders.xlsxsheet) gives the document
that openpyxl's read-only reader gave: same text, blocks, tables and metadata, over workbooks
written by openpyxl (every kind of value, number formats, merged ranges, hidden rows, columns
and sheets, gaps) and over sheet XML written by hand (rows and cells without references,
cells out of order, inline and formula strings, errors, booleans, ISO dates, empty values)."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from unittest import mock

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules.errors import InputError
from gkrules.loaders import xlsx
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.xlsxsheet import BookCells, read_sheet

#: the openpyxl side of the comparison warns (with the cell's value) about dates out of range
pytestmark = pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _load(data: bytes, own: bool, options: LoadOptions | None = None):
    """The Document (or the InputError's message) with the own reader or with openpyxl's."""
    options = options or LoadOptions()
    patch = mock.patch.object(xlsx.BookCells, "of", return_value=None) if not own else mock.patch.object(
        xlsx.BookCells, "of", wraps=BookCells.of)
    with patch as of:
        try:
            doc = xlsx.read_xlsx(data, "表.xlsx", options, None)
        except InputError as exc:
            return ("error", str(exc))
    assert of.called
    return doc


def assert_same_document(data: bytes, options: LoadOptions | None = None) -> None:
    own, theirs = _load(data, True, options), _load(data, False, options)
    if isinstance(theirs, tuple) or isinstance(own, tuple):
        assert own == theirs
        return
    assert own.text == theirs.text
    assert own.blocks == theirs.blocks
    assert own.tables == theirs.tables
    assert own.metadata == theirs.metadata
    assert own == theirs


# -- workbooks written by openpyxl ----------------------------------------------------------

_FORMATS = [None, "0.0%", "0%", "0.00", "#,##0", "yyyy-mm-dd", "yyyy年m月d日", "h:mm:ss", "[h]:mm", "@", "General"]
_VALUES = st.one_of(
    st.none(),
    st.sampled_from(["统计局", "乡镇12", " 前后空格 ", "多\n行", "制表\t符", "", "#N/A", "#DIV/0!", "=1+1", "注：资料来源",
                     "（单位：万元）", "12.5", "１２３", "TRUE"]),
    st.text(alphabet=st.sampled_from("统计局乡镇ab 1.%\n\t-"), max_size=6),
    st.integers(min_value=-10**12, max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e16, max_value=1e16),
    st.booleans(),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.times(),
)


@st.composite
def workbooks(draw) -> bytes:
    wb = openpyxl.Workbook()
    for n in range(draw(st.integers(1, 3))):
        ws = wb.active if n == 0 else wb.create_sheet()
        ws.title = draw(st.sampled_from(["数据", "Sheet 2", "表'三", "附表"])) + str(n)
        ws.sheet_state = draw(st.sampled_from(["visible", "visible", "hidden", "veryHidden"])) if n else "visible"
        rows, cols = draw(st.integers(0, 8)), draw(st.integers(1, 6))
        for r in range(1, rows + 1):
            if draw(st.integers(0, 5)) == 0:
                continue  # a missing row
            for c in range(1, cols + 1):
                value = draw(_VALUES)
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                fmt = draw(st.sampled_from(_FORMATS))
                if fmt:
                    cell.number_format = fmt
        if rows > 1 and cols > 1 and draw(st.booleans()):
            r1, c1 = draw(st.integers(1, rows - 1)), draw(st.integers(1, cols - 1))
            ws.merge_cells(start_row=r1, start_column=c1, end_row=draw(st.integers(r1, rows)),
                           end_column=draw(st.integers(c1 + 1, cols)))
        for r in draw(st.lists(st.integers(1, max(rows, 1)), max_size=2)):
            ws.row_dimensions[r].hidden = True
        for letter in draw(st.lists(st.sampled_from("ABCD"), max_size=2)):
            ws.column_dimensions[letter].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(workbooks())
def test_workbooks_written_by_openpyxl_read_the_same(data):
    assert_same_document(data)


# -- sheet XML written by hand --------------------------------------------------------------

def _base_workbook() -> bytes:
    """Shared strings and cell styles (a date, a percentage) for hand-written sheet XML."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "数据"
    other = wb.create_sheet("字符串")
    for i, text in enumerate(["地区", "企业数", "青梧镇", " 空格 ", "注：单位为个"], 1):
        other.cell(row=i, column=1, value=text)
    ws["A1"].number_format = "yyyy-mm-dd"
    ws["A1"].value = dt.date(2024, 1, 1)
    ws["A2"].number_format = "0.0%"
    ws["A2"].value = 0.5
    ws["A3"].number_format = "[h]:mm"
    ws["A3"].value = dt.timedelta(hours=30)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


BASE = _base_workbook()


def _with_sheet(sheet_data: str, tail: str = "") -> bytes:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{MAIN}">'
           f"<sheetData>{sheet_data}</sheetData>{tail}</worksheet>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(BASE)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = xml if info.filename == "xl/worksheets/sheet1.xml" else src.read(info.filename)
            dst.writestr(info.filename, body)
    return out.getvalue()


_CELL_BODIES = st.sampled_from([
    ('t="s"', "<v>{s}</v>"), ('t="str"', "<v>公式结果</v>"), ('t="inlineStr"', "<is><t>内联</t></is>"),
    ('t="inlineStr"', "<is><r><t>富</t></r><r><t>文本</t></r></is>"), ('t="inlineStr"', ""),
    ('t="b"', "<v>1</v>"), ('t="b"', "<v>0</v>"), ('t="e"', "<v>#REF!</v>"), ("", "<v>42</v>"),
    ("", "<v>3.25</v>"), ("", "<v>1E3</v>"), ("", "<v></v>"), ("", ""), ('t="d"', "<v>2024-05-06T07:08:09</v>"),
    ('s="1"', "<v>45000</v>"), ('s="2"', "<v>0.125</v>"), ('s="3"', "<v>1.25</v>"), ('s="1"', "<v>-5</v>"),
    ("", "<f>SUM(A1:A2)</f><v>7</v>"), ('t="n"', "<v>0</v>"),
])


@st.composite
def sheet_xml(draw) -> str:
    rows = []
    r = 0
    for _ in range(draw(st.integers(0, 6))):
        r += draw(st.integers(0, 2))  # 0: the same number again (a duplicate row)
        numbered = draw(st.integers(0, 3))
        attr = "" if numbered == 0 else f' r="{r}.0"' if numbered == 1 else f' r="{max(r, 1)}"'
        cells = []
        col = 0
        for _ in range(draw(st.integers(0, 5))):
            col += draw(st.integers(-1, 3))
            col = max(col, 1)
            kind, body = draw(_CELL_BODIES)
            ref = f' r="{chr(64 + min(col, 26))}{max(r, 1)}"' if draw(st.booleans()) else ""
            cells.append(f"<c{ref} {kind}>{body.format(s=draw(st.integers(0, 4)))}</c>")
        rows.append(f"<row{attr}>{''.join(cells)}</row>")
    return "".join(rows)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheet_xml(), st.sampled_from(["", '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>']))
def test_sheet_xml_written_by_hand_reads_the_same(sheet_data, tail):
    assert_same_document(_with_sheet(sheet_data, tail))


@pytest.mark.parametrize("sheet_data", [
    '<row r="1"><c r="1A"><v>1</v></c></row>',           # a reference that does not start with letters
    '<row r="1"><c r="A1B"><v>1</v></c></row>',          # letters after the digits
    '<row r="1.5"><c r="A1"><v>1</v></c></row>',         # a row number that is not whole
    '<row r="1"><c r="A1" t="s"><v>99</v></c></row>',   # a shared string that does not exist
    '<row r="1"><c r="A1" s="99"><v>1</v></c></row>',    # a style that does not exist
    '<row r="1"><c r="A1" t="b"><v>x</v></c></row>',     # a boolean that is not one
    '<row r="1"><c r="A1" s="1"><v>1e300</v></c></row>',  # a date out of range: #VALUE!
])
def test_broken_cells_give_the_same_result(sheet_data):
    assert_same_document(_with_sheet(sheet_data))


def test_the_cell_limit_counts_the_width_of_each_row():
    data = _with_sheet('<row r="1"><c r="A1"><v>1</v></c><c r="Z1"><v>2</v></c></row>'
                       '<row r="3"><c r="C3"><v>3</v></c></row>')
    import attrs

    for limit, ok in ((29, True), (28, False)):
        options = attrs.evolve(LoadOptions(), max_cells=limit)
        assert_same_document(data, options)
        result = _load(data, True, options)
        assert (not isinstance(result, tuple)) is ok
        if not ok:
            assert "单元格超过 28 个" in result[1]


def test_rows_are_as_openpyxl_gives_them():
    data = _with_sheet('<row r="2"><c r="B2"><v>5</v></c><c r="A2" t="inlineStr"><is><t>甲</t></is></c></row>'
                       '<row><c><v>1</v></c><c s="2"><v>0.5</v></c></row>')
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    book = BookCells.of(wb)
    assert book is not None
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        _layout, rows = read_sheet(z.read("xl/worksheets/sheet1.xml"), "sheet1", book, 1000)
    # the first row is missing; row 2 is as wide as its last cell (A2), so B2 is dropped
    assert rows == [(), (("甲", None),), ((1, "General"), (0.5, "0.0%"))]
    wb.close()
