"""The plain-text table finder's fast paths give exactly what the straightforward code gave.

``find_tables`` visits only the lines that can start a table, splits pipe rows with
``str.split``, tells separator rows from data rows before the regex call, keeps aligned rows as
spans until they make a table, and ``parse_number`` decides plain figures and Chinese labels
with one check. Each is held here against the code it replaced, kept below as the reference
(a line-by-line loop, a regex split per row, a regex call per number), over generated texts
built from the pieces that matter: bars (half- and full-width), separator rows, runs of spaces,
ideographic spaces and tabs, unusual white space, indentation, figures, labels, notes.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.loaders import celllines
from gkrules.loaders.celllines import find_cell_line_tables
from gkrules.loaders.tailtables import find_tail_tables
from gkrules.loaders.texttables import _header_rows, _is_pipe_row, _pipe_cells, find_tables
from gkrules.model import Cell, Table
from gkrules.numbers import parse_number
from gkrules.textlines import split_lines

# ---- the reference: the code before the fast paths ------------------------------------------

_MINUS = str.maketrans({"−": "-", "－": "-", "—": "-", "–": "-"})
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_SEPARATOR_ROW = re.compile(r"^[\s|:：\-—=+]*$")
_ALIGNED_SPLIT = re.compile(r"(?: {2,}|\u3000+|\t+)")
_TABS = re.compile(r"\t+")
_BAR = re.compile(r"[|｜]")
_ENUMERATED = re.compile(r"^\s*(?:\d+|[（(]\d+[）)])\s*[.．、]?")
_NOTE_LINE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)\s*[0-9０-９一二三四五六七八九十]*\s*[：:，,）)]")


def ref_parse_number(text: str) -> float | None:
    if text.isascii():
        t = "".join(text.split())
    elif _IDEOGRAPH.search(text):
        return None
    else:
        t = "".join(unicodedata.normalize("NFKC", text).translate(_MINUS).split()).replace("，", ",")
    if t.endswith("%"):
        t = t[:-1]
    if not t or not _NUMBER.fullmatch(t):
        return None
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None


def _ref_cell(text: str, s: int, e: int) -> Cell:
    raw = text[s:e]
    left = raw.lstrip()
    cs = s + len(raw) - len(left)
    value = left.rstrip()
    return Cell(text=value, start=cs, end=cs + len(value), number=ref_parse_number(value))


def ref_pipe_cells(text: str, s: int, e: int) -> list[Cell]:
    parts = _BAR.split(text[s:e])
    last = len(parts) - 1
    if last == 0:
        return []
    cells = []
    pos = s
    for i, part in enumerate(parts):
        if 0 < i < last or part.strip():
            left = part.lstrip()
            cs = pos + len(part) - len(left)
            value = left.rstrip()
            cells.append(Cell(value, cs, cs + len(value), ref_parse_number(value)))
        pos += len(part) + 1
    return cells


def _ref_split_cells(text: str, s: int, e: int, pattern: re.Pattern) -> list[Cell]:
    line = text[s:e]
    body_start = len(line) - len(line.lstrip(" \u3000\t"))
    cells = []
    pos = body_start
    for m in pattern.finditer(line, body_start):
        if m.start() > pos:
            cells.append(_ref_cell(text, s + pos, s + m.start()))
        pos = m.end()
    if pos < len(line.rstrip()):
        cells.append(_ref_cell(text, s + pos, s + len(line.rstrip())))
    return cells


def _ref_make_table(rows, lines, first: int, last: int) -> Table:
    caption = None
    for back in range(first - 1, max(-1, first - 3), -1):
        st_ = lines[back][2].strip()
        if st_:
            if len(st_) <= 60 and not _is_pipe_row(lines[back][2]) and "\t" not in st_:
                caption = st_
            break
    notes: list[str] = []
    for fwd in range(last + 1, min(len(lines), last + 8)):
        line = lines[fwd][2].strip()
        if not line:
            if notes:
                break
            continue
        if _NOTE_LINE.match(line) or (notes and _ENUMERATED.match(line)):
            notes.append(line)
        else:
            break
    return Table(rows=tuple(tuple(r) for r in rows), start=lines[first][0], end=lines[last][1],
                 header_rows=_header_rows(rows), caption=caption, notes=tuple(notes))


def _ref_aligned(text, lines, i, tails, tables) -> int:
    s, e, line = lines[i]
    pattern = _TABS if "\t" in line.strip() else _ALIGNED_SPLIT
    first = _ref_split_cells(text, s, e, pattern)
    if len(first) >= 2:
        j, rows = i + 1, [first]
        while j < len(lines) and j not in tails:
            ls, le, l2 = lines[j]
            if not l2.strip():
                break
            cells = _ref_split_cells(text, ls, le, pattern)
            if len(cells) < 2 or abs(len(cells) - len(first)) > 1:
                break
            rows.append(cells)
            j += 1
        min_rows = 2 if pattern.pattern == r"\t+" else 3
        if len(rows) >= min_rows and max(len(r) for r in rows) >= (2 if min_rows == 2 else 3):
            tables.append(_ref_make_table(rows, lines, i, j - 1))
            return j
    return i + 1


def ref_find_tables(text: str, unread: list | None = None) -> list[Table]:
    """The line loop as it was: every line tested in turn."""
    lines = split_lines(text)
    tables: list[Table] = []
    tails: dict[int, tuple[int, list[Table]]] = {}
    for h, last, t in find_tail_tables(text, lines):
        tails[h] = (last, [t])
    if "|" in text:
        for h, last, t in find_cell_line_tables(text, lines, unread):
            tails.setdefault(h, (last, []))[1].append(t)
    i, n = 0, len(lines)
    while i < n:
        if i in tails:
            last, found = tails[i]
            tables.extend(found)
            i = last + 1
            continue
        line = lines[i][2]
        if _is_pipe_row(line):
            j, rows = i, []
            while j < n and j not in tails and _is_pipe_row(lines[j][2]):
                ls, le, l2 = lines[j]
                if not _SEPARATOR_ROW.match(l2):
                    cells = ref_pipe_cells(text, ls, le)
                    if cells:
                        rows.append(cells)
                j += 1
            if len(rows) >= 2:
                tables.append(_ref_make_table(rows, lines, i, j - 1))
            i = j
            continue
        if _ALIGNED_SPLIT.search(line.strip()):
            i = _ref_aligned(text, lines, i, tails, tables)
            continue
        i += 1
    return tables


def ref_cell_line_starts(text: str) -> list[int]:
    out = []
    pos = text.find("|")
    while pos != -1:
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        last = text.rfind("|", pos, end)
        if not text[last + 1:end].strip():
            start = text.rfind("\n", 0, pos) + 1
            bars = text.count("|", start, end)
            if bars == 1 or (bars == 2 and text[start] == "|"):
                out.append(start)
        pos = text.find("|", end)
    return out


# ---- generated input ------------------------------------------------------------------------

#: white space the way str.strip and the regex \s see it, the unusual kinds included
_SPACE = st.sampled_from([" ", " ", "  ", "\u3000", "\t", "", "\xa0", "\x0b", "\u2028", "\x1c", "\r"])
_VALUE = st.sampled_from(["1,234.5", "-3.2%", "（注）", "７.4", "12", "0", "-0", "2,884,236", "12.3 %",
                          "…", "—", "x", "合计", "进出口总额", "亿元", "2024年", "1,23", ".5", "5.", "+7",
                          "－2.4", "１，２３４", "", "a b", "1e5", "nan", "٢٣", "²", "1_000", "12. 5"])
_BARS = st.sampled_from(["|", "|", "｜"])


@st.composite
def _pipe_row(draw) -> str:
    cells = draw(st.lists(st.tuples(_SPACE, _VALUE, _SPACE), min_size=1, max_size=5))
    bars = [draw(_BARS) for _ in range(len(cells) + 1)]
    body = "".join(bars[k] + a + v + b for k, (a, v, b) in enumerate(cells))
    lead = draw(st.sampled_from(["", "", " ", "\u3000"]))
    tail = draw(st.sampled_from([bars[-1], bars[-1], "", " " + bars[-1] + " ", "尾"]))
    return lead + (body if draw(st.booleans()) else body[1:]) + tail


_SEPARATOR = st.sampled_from(["  ", "\u3000", "\t", "   ", " \u3000", " \t", "\t ", "\u3000 ", "\t\t", "\r\t"])


@st.composite
def _aligned_rows(draw) -> str:
    """Rows of columns split by one separator (the lines of an aligned table, or nearly)."""
    sep = draw(_SEPARATOR)
    rows = draw(st.lists(st.lists(_VALUE, min_size=1, max_size=4), min_size=1, max_size=4))
    lead = draw(st.sampled_from(["", "", "\u3000\u3000", " ", "\t"]))
    return "\n".join(lead + sep.join(r) for r in rows)


#: separator rows (| --- |), with white space the fast test cannot decide on (\t, \u3000)
_SEPARATOR_ROWS = st.sampled_from(["| --- | ---: |", "|:---|:---:|", "｜—｜—｜", "| - | = |\t", "|\t---\t|",
                                   "| :---: |\u3000", "|-|-|", "| ---\u3000x |", "|  |"])

_LINE = st.one_of(
    _aligned_rows(),
    _SEPARATOR_ROWS,
    _pipe_row(),
    st.sampled_from(["|", " | ", "a | b",
                     "a | b | c", "一、说明 | 情况。", "项目 |", "| 总 计 |", "10 |", "12.5 |", "|"]),
    st.sampled_from(["　　一、总体要求。以习近平新时代中国特色社会主义思想为指导。", "白鹭市统计局　国家统计局白鹭调查队",
                     "2025年3月12日", "表1　2024年主要指标", "注：本表绝对数按现价计算。", "1. 数据为快报数",
                     "（2）含新区", "", "", "   ", "\u3000\u3000", "\t", "工业 12 34 56", "建筑业 1 2 3", "10 20 30",
                     "  a  b", "a  b  ", "\u3000a\u3000b", "a \u3000b", "\r", "单位：万元"]),
)


#: blocks that make the tables read before the line loop: one cell a line (cell |), and
#: single-space yearbook rows under a header
_BLOCK = st.one_of(
    _aligned_rows(),
    st.lists(st.sampled_from(["地区 |", "| 总 计 |", "12 |", "1,234 |", "|", "…… |", "栖凤区 |", "2024年 |", "3.5 |"]),
             min_size=8, max_size=20).map("\n".join),
    st.lists(st.sampled_from(["工业 12 34 56", "建筑业 1 2 3", "10 20 30", "批发业 7 — 9", "Total 1 2 3"]),
             min_size=3, max_size=6).map(lambda rows: "项 目 企业数 从业人员\n(个) (人)\n" + "\n".join(rows)),
    st.builds(lambda rows, sep: "表2 主要指标\n" + "\n".join([rows[0], sep, *rows[1:]]) + "\n\n注：本表为快报数。\n1. 含新区",
              st.lists(_pipe_row(), min_size=2, max_size=5), _SEPARATOR_ROWS),
)


@st.composite
def _text(draw) -> str:
    lines = draw(st.lists(_LINE | _BLOCK, min_size=1, max_size=14))
    return "\n".join(lines)


# ---- the properties ---------------------------------------------------------------------------

@settings(max_examples=400, deadline=None)
@given(_text())
def test_find_tables_is_the_line_by_line_reading(text):
    got_unread: list = []
    want_unread: list = []
    got = find_tables(text, got_unread)
    want = ref_find_tables(text, want_unread)
    assert repr(got) == repr(want)  # repr tells -0.0 from 0.0
    assert got_unread == want_unread


@settings(max_examples=400, deadline=None)
@given(st.lists(_pipe_row(), min_size=1, max_size=3), st.integers(0, 3))
def test_pipe_cells_are_the_regex_split(rows, offset):
    text = "x" * offset + "\n".join(rows)
    s = offset
    for row in rows:
        assert repr(_pipe_cells(row, s)) == repr(ref_pipe_cells(text, s, s + len(row)))
        s += len(row) + 1


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet="0123456789,.+-%  \t\u3000０１２－，．％年亿\u4dff\u4e00\u9fff\ua000x…٢²e_", max_size=12) | _VALUE)
def test_parse_number_fast_paths(text):
    assert repr(parse_number(text)) == repr(ref_parse_number(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["| a |", "a |", "| a | b |", "a | b", "|", " a | ", "| 总 计 |", "x", "",
                                 "a|b|", "|a", "a |  "]), max_size=10))
def test_cell_line_starts_count_the_bars_first(lines):
    text = "\n".join(lines)
    assert celllines._cell_line_starts(text) == ref_cell_line_starts(text)


def test_white_space_is_the_same_for_strip_and_regex():
    """The candidate search (regex \\s) and the cell splitting (str.strip) agree on white space."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        ch = chr(code)
        assert (space.match(ch) is not None) == ch.isspace() == (ch.strip() == "")
