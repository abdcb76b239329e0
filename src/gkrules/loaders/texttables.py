"""Tables in plain text: pipe tables (``| a | b |``), tab-separated rows, and columns aligned
with runs of spaces or ideographic spaces, as text extracted from bureau pages prints them.

Every cell keeps its span in the text, so findings point at the cell.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from functools import partial

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


def _pipe_cells(line: str, s: int) -> list[Cell]:
    """Cells between bars of the line that starts at ``s``, plus the text before the first /
    after the last bar when not blank."""
    # str.split on one character, not a regex call, for the rows without full-width bars
    parts = line.split("|") if "｜" not in line else _BAR.split(line)
    last = len(parts) - 1
    if last == 0:
        return []
    cells = []
    pos = s
    for i, part in enumerate(parts):
        value = part.strip()
        if value:  # its first non-blank character is the first of value: find gives the offset
            cs = pos + part.find(value)
            cells.append(Cell(value, cs, cs + len(value), parse_number(value)))
        elif 0 < i < last:  # an empty cell, at the bar that closes it
            cs = pos + len(part)
            cells.append(Cell("", cs, cs))
        pos += len(part) + 1  # the bar
    return cells


def _split_spans(line: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    """(start, end) in the line of its parts between matches of ``pattern`` (a part may be
    blank, a cell is its stripped text)."""
    body_start = len(line) - len(line.lstrip(" \u3000\t"))
    spans = []
    pos = body_start
    for m in pattern.finditer(line, body_start):
        if m.start() > pos:
            spans.append((pos, m.start()))
        pos = m.end()
    if pos < len(line.rstrip()):
        spans.append((pos, len(line.rstrip())))
    return spans


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
    return Table(rows=tuple(map(tuple, rows)), start=lines[first][0], end=lines[last][1],
                 header_rows=_header_rows(rows), caption=caption, notes=tuple(notes))


def find_tables(text: str, unread: list | None = None) -> list[Table]:
    """All tables in a plain text, in order; ``unread`` receives the (start, end) of runs of
    one-cell lines with numbers that read as no table (reported as not understood)."""
    with no_cycles():  # cells, rows and lines: many acyclic objects (gkrules.gcpause)
        return _find_tables(text, unread)


def _find_tables(text: str, unread: list | None) -> list[Table]:
    lines = split_lines(text)
    tails = _tail_tables(text, lines, unread)
    tables: list[Table] = []
    # only the lines that can start a table are visited: the others would each be a step
    # that does nothing (most lines of most documents are prose)
    candidates = _Candidates(text, lines, tails)
    i, n = candidates.next_line(0), len(lines)
    while i < n:
        if i in tails:
            last, found = tails[i]
            tables.extend(found)
            i = last + 1
        elif ("|" in (line := lines[i][2]) or "｜" in line) and _is_pipe_row(line):
            i = _pipe_table(lines, i, tails, tables)
        else:
            i = _aligned_table(text, lines, i, tails, tables)
        if i < n:
            i = candidates.next_line(i)
    return tables


def _tail_tables(text: str, lines: list[tuple[int, int, str]],
                 unread: list | None) -> dict[int, tuple[int, list[Table]]]:
    """First line → (last line, tables) of the tables read before the line loop."""
    # single-space yearbook tables first: their header lines would read as a two-space table
    tails: dict[int, tuple[int, list[Table]]] = {}
    for h, last, t in find_tail_tables(text, lines):
        tails[h] = (last, [t])
    # tables flattened to one cell a line (cell |), possibly several in one run of lines
    if "|" in text:
        for h, last, t in find_cell_line_tables(text, lines, unread):
            tails.setdefault(h, (last, []))[1].append(t)
    return tails


#: where a run of a column separator starts after another character than itself or a line end:
#: every line whose stripped text holds the separator has one (its run has a character other
#: than white space before it on the line), and the line indentation (　　 at the start of
#: each paragraph) has none. A literal first: the regex engine skips to it at C speed.
_SEPARATOR_RUNS = (("\u3000", re.compile(r"\u3000(?<![\n\u3000]\u3000)")),
                   ("\t", re.compile(r"\t(?<![\n\t]\t)")),
                   ("  ", re.compile(r"  (?<![\n ]  )")))


def _search_start(pattern: re.Pattern, text: str) -> Callable[[int], int]:
    """Where ``pattern`` first matches the text from ``pos`` on (-1: nowhere), as ``str.find``."""
    def find(pos: int) -> int:
        m = pattern.search(text, pos)
        return -1 if m is None else m.start()
    return find


class _Candidates:
    """The next line, from a given line on, that may start a table (a superset: the exact tests
    run on these lines): a line with a bar, a line where a separator run starts, the first line
    of a table read before the line loop. Each kind is searched for from where the loop has got
    to and its next hit kept, so the text is scanned once, in C."""

    def __init__(self, text: str, lines: list[tuple[int, int, str]], tails: dict) -> None:
        self.text, self.lines, self.tails = text, lines, sorted(tails)
        # whole-text literal tests first: a kind absent from the text is never searched for
        self.finders: list[Callable[[int], int]] = [partial(text.find, bar) for bar in ("|", "｜") if bar in text]
        self.finders += [_search_start(pattern, text) for sep, pattern in _SEPARATOR_RUNS if sep in text]
        self.hits = [-2] * len(self.finders)  # the next hit of each kind (-1: none left)

    def next_line(self, i: int) -> int:
        """The first candidate line from line ``i`` on (the line count when there is none)."""
        text, pos = self.text, self.lines[i][0]
        best = -1
        for k, find in enumerate(self.finders):
            hit = self.hits[k]
            if -1 < hit < pos or hit == -2:
                hit = self.hits[k] = find(pos)
            if hit != -1 and (best == -1 or hit < best):
                best = hit
        line = len(self.lines) if best == -1 else i + text.count("\n", pos, best)
        t = bisect_left(self.tails, i)
        return min(line, self.tails[t]) if t < len(self.tails) else line


def _pipe_table(lines: list[tuple[int, int, str]], i: int, tails: dict, tables: list[Table]) -> int:
    """Reads the pipe rows from line ``i`` (a pipe row) on; the index of the line after them."""
    j, n = i, len(lines)
    rows: list[list[Cell]] = []
    while j < n and j not in tails:
        ls, _le, line = lines[j]
        if not _is_pipe_row(line):
            break
        # a row with a character that is neither white space nor | : ： - — = + is data (the
        # usual row, told from its first such character without the regex call)
        rest = line.lstrip(" |:：-—=+")
        if (rest and not rest[0].isspace()) or not _SEPARATOR_ROW.match(line):
            cells = _pipe_cells(line, ls)
            if cells:
                rows.append(cells)
        j += 1
    if len(rows) >= 2:
        tables.append(_make_table(rows, lines, i, j - 1))
    return j


def _aligned_table(text: str, lines: list[tuple[int, int, str]], i: int, tails: dict, tables: list[Table]) -> int:
    """Reads a table of columns aligned with tabs or runs of spaces from line ``i`` on; the index
    of the line after it (``i + 1`` when there is none)."""
    s, _e, line = lines[i]
    # the same test as _ALIGNED_SPLIT.search(line.strip()), with substring checks (a line
    # without tabs, double spaces or ideographic spaces needs no stripping)
    if not (("\t" in line or "  " in line or "\u3000" in line) and (
            "\t" in (st := line.strip()) or "  " in st or "\u3000" in st)):
        return i + 1
    pattern = _TABS if "\t" in st else _ALIGNED_SPLIT
    # spans first, cells only for a table: most lines tried (a signature with an ideographic
    # space) turn out to be none, and a cell costs more than its span
    first = _split_spans(line, pattern)
    if len(first) < 2:
        return i + 1
    j, n = i + 1, len(lines)
    rows = [(s, first)]
    while j < n and j not in tails:
        ls, _le, l2 = lines[j]
        if not l2.strip():
            break
        # a line without the separator's characters is one part (the line after a signature)
        if "\t" not in l2 and (pattern is _TABS or ("  " not in l2 and "\u3000" not in l2)):
            break
        spans = _split_spans(l2, pattern)
        if len(spans) < 2 or abs(len(spans) - len(first)) > 1:
            break
        rows.append((ls, spans))
        j += 1
    min_rows = 2 if pattern is _TABS else 3
    if len(rows) >= min_rows and max(len(r) for _s, r in rows) >= (2 if min_rows == 2 else 3):
        cells = [[_cell(text, ls + a, ls + b) for a, b in spans] for ls, spans in rows]
        tables.append(_make_table(cells, lines, i, j - 1))
        return j
    return i + 1
