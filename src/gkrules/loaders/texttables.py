"""Tables in plain text: pipe tables (``| a | b |``), tab-separated rows, and columns aligned
with runs of spaces or ideographic spaces, as text extracted from bureau pages prints them.

Every cell keeps its span in the text, so findings point at the cell.
"""

from __future__ import annotations

import re

from gkrules.gcpause import no_cycles
from gkrules.loaders.celllines import find_cell_line_tables
from gkrules.loaders.tailtables import find_tail_tables
from gkrules.model import Cell, Table
from gkrules.numbers import parse_number
from gkrules.textlines import split_lines

_PROSE = re.compile(r"[。；，！？]")
_SEPARATOR_ROW = re.compile(r"^[\s|:：\-—=+]*$")
_ALIGNED_SPLIT = re.compile(r"(?: {2,}|\u3000+|\t+)")
_TABS = re.compile(r"\t+")
_BAR = re.compile(r"[|｜]")
_ENUMERATED = re.compile(r"^\s*(?:\d+|[（(]\d+[）)])\s*[.．、]?")
_NOTE_LINE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)\s*[0-9０-９一二三四五六七八九十]*\s*[：:，,）)]")


def _cell(text: str, s: int, e: int) -> Cell:
    raw = text[s:e]
    left = raw.lstrip()
    cs = s + len(raw) - len(left)
    value = left.rstrip()
    return Cell(text=value, start=cs, end=cs + len(value), number=parse_number(value))


def _pipe_cells(text: str, s: int, e: int) -> list[Cell]:
    """Cells between bars, plus the text before the first / after the last bar when not blank."""
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
            cells.append(Cell(value, cs, cs + len(value), parse_number(value)))
        pos += len(part) + 1  # the bar
    return cells


def _split_cells(text: str, s: int, e: int, pattern: re.Pattern) -> list[Cell]:
    line = text[s:e]
    body_start = len(line) - len(line.lstrip(" \u3000\t"))
    cells = []
    pos = body_start
    for m in pattern.finditer(line, body_start):
        if m.start() > pos:
            cells.append(_cell(text, s + pos, s + m.start()))
        pos = m.end()
    if pos < len(line.rstrip()):
        cells.append(_cell(text, s + pos, s + len(line.rstrip())))
    return cells


def _is_pipe_row(line: str) -> bool:
    if "|" not in line and "｜" not in line:  # the common case, decided without stripping
        return False
    st = line.strip()
    if len(st) <= 1:
        return False
    if st[0] in "|｜":  # most rows: decided without counting the bars
        return True
    # a row without outer bars (a | b | c) needs two bars and no sentence punctuation
    return line.count("|") + line.count("｜") >= 2 and (st[-1] in "|｜" or not _PROSE.search(st))


def _header_rows(rows: list[list[Cell]]) -> int:
    if len(rows) < 2:
        return 0
    first = rows[0]
    numbers = sum(1 for c in first if c.number is not None)
    return 1 if numbers == 0 or (numbers < len(first) / 2 and any(c.number is None for c in first[1:])) else 0


def _make_table(rows: list[list[Cell]], lines: list[tuple[int, int, str]], first: int, last: int) -> Table:
    caption = None
    for back in range(first - 1, max(-1, first - 3), -1):
        _s, _e, line = lines[back]
        st = line.strip()
        if st:
            if len(st) <= 60 and not _is_pipe_row(line) and "\t" not in st:
                caption = st
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


def find_tables(text: str, unread: list | None = None) -> list[Table]:
    """All tables in a plain text, in order; ``unread`` receives the (start, end) of runs of
    one-cell lines with numbers that read as no table (reported as not understood)."""
    with no_cycles():  # cells, rows and lines: many acyclic objects (gkrules.gcpause)
        return _find_tables(text, unread)


def _find_tables(text: str, unread: list | None) -> list[Table]:
    lines = split_lines(text)
    tables: list[Table] = []
    # single-space yearbook tables first: their header lines would read as a two-space table
    tails: dict[int, tuple[int, list[Table]]] = {}
    for h, last, t in find_tail_tables(text, lines):
        tails[h] = (last, [t])
    # tables flattened to one cell a line (cell |), possibly several in one run of lines
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
        s, e, line = lines[i]
        if ("|" in line or "｜" in line) and _is_pipe_row(line):
            j = i
            rows: list[list[Cell]] = []
            while j < n and j not in tails and _is_pipe_row(lines[j][2]):
                ls, le, l2 = lines[j]
                if not _SEPARATOR_ROW.match(l2):
                    cells = _pipe_cells(text, ls, le)
                    if cells:
                        rows.append(cells)
                j += 1
            if len(rows) >= 2:
                tables.append(_make_table(rows, lines, i, j - 1))
            i = j
            continue
        # the same test as _ALIGNED_SPLIT.search(line.strip()), with substring checks (a line
        # without tabs, double spaces or ideographic spaces needs no stripping)
        if ("\t" in line or "  " in line or "\u3000" in line) and (
                "\t" in (st := line.strip()) or "  " in st or "\u3000" in st):
            pattern = _TABS if "\t" in st else _ALIGNED_SPLIT
            first = _split_cells(text, s, e, pattern)
            if len(first) >= 2:
                j = i + 1
                rows = [first]
                while j < n and j not in tails:
                    ls, le, l2 = lines[j]
                    if not l2.strip():
                        break
                    cells = _split_cells(text, ls, le, pattern)
                    if len(cells) < 2 or abs(len(cells) - len(first)) > 1:
                        break
                    rows.append(cells)
                    j += 1
                min_rows = 2 if pattern.pattern == r"\t+" else 3
                if len(rows) >= min_rows and max(len(r) for r in rows) >= (2 if min_rows == 2 else 3):
                    tables.append(_make_table(rows, lines, i, j - 1))
                    i = j
                    continue
        i += 1
    return tables
