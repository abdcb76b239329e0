"""Yearbook tables printed with single spaces (pages converted to text): each data row is a
label — often Chinese then English — followed by a run of numbers separated by one space,
with empty cells collapsed, under a header spread over several lines (phrases on one line,
``(个) (人) (万元)`` on another, English lines between).

The columns cannot be told apart by position, so a row's numbers are taken left to right
(the first number is the first column's) and the header is rebuilt from the first header line
with two or more Chinese phrases and the first line of units. Spans point at the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import pairwise

from gkrules.model import Cell, Table
from gkrules.numbers import parse_number

_TOKEN = re.compile(r"\S+")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SYMBOLS = frozenset({"…", "……", "...", "—", "－", "-", "x", "X", "×", "*", "＊"})
_UNIT_TOKEN = re.compile(r"^[（(][^（）()]{1,8}[）)]$")
_STUB = re.compile(r"^(?:item|项目|指标|指标名称|类别|行业|地区|年份|市别|sector)$", re.IGNORECASE)
_SENTENCE = re.compile(r"[。；;，：]")
_CAPTION = re.compile(r"^\s*(?:表\s*\d|\d{1,2}\s*[-—－]\s*\d{1,3}\s)")
_TOTAL_EN = re.compile(r"(?i)\s*total\s*")
MIN_ROWS = 3
MAX_HEADER_LINES = 9


def _number_token(t: str) -> bool:
    return t in _SYMBOLS or (parse_number(t) is not None and not _CJK.search(t))


#: a line that may be a data row ends with two numbers (or symbols) one space apart, or holds
#: numbers only (the values of the label line above it)
_NUMBERS_ONLY = r"^[ \t]*[-+]?\d[\d,.]*(?:[ \t]+[-+]?\d[\d,.]*)+[ \t\r]*$"
_HINT = re.compile(r"[\d…—\-xX×*＊.] [-+…—xX×*＊]?[\d…—\-.]\S*\s*$|" + _NUMBERS_ONLY)
#: two numbers one space apart, or a line of numbers: without either, no single-space table
_QUICK = re.compile(r"\d [-+]?\d")
_QUICK_NUMBERS = re.compile(r"\n[ \t]*[-+]?\d[\d,.]*[ \t]+[-+]?\d")  # a literal start: fast to search for
_HINT_LINE = re.compile(r"[\d…—\-xX×*＊.] [-+…—xX×*＊]?[\d…—\-.][^\s]*[ \t\r]*$|" + _NUMBERS_ONLY, re.MULTILINE)


def tail_row(line: str) -> tuple[int, list[re.Match]] | None:
    """(end of the label, number tokens) of a data row: a label (or nothing) followed by two or
    more numbers separated by single spaces; None for other lines."""
    if _HINT.search(line) is None:
        return None
    tokens = list(_TOKEN.finditer(line))
    k = len(tokens)
    while k > 0 and _number_token(tokens[k - 1].group()):
        k -= 1
    numbers = tokens[k:]
    if len(numbers) < 2 or not any(m.group() not in _SYMBOLS for m in numbers):
        return None
    label = tokens[:k]
    # the numbers must be one run with single spaces (a two-space column layout is read elsewhere),
    # unless the line is numbers only: the values of the label on the line above
    if label and any(b.start() - a.end() > 1 for a, b in pairwise(numbers)):
        return None
    head = line[: label[-1].end()] if label else ""
    if label and (_SENTENCE.search(head) or (not _CJK.search(head) and not _TOTAL_EN.fullmatch(head))):
        return None
    return (label[-1].end() if label else 0), numbers


def _label_span(line: str, end: int) -> tuple[int, int]:
    """The Chinese part of a label (``旅游饭店   Tourist Hotels`` → 旅游饭店)."""
    tokens = [m for m in _TOKEN.finditer(line[:end])]
    if not tokens:
        return 0, 0
    last = None
    for m in tokens:
        if _CJK.search(m.group()) or m.group() in "#＃":
            last = m
        elif last is not None:
            break
    if last is None:  # an English label only (Total)
        return tokens[0].start(), tokens[-1].end()
    return tokens[0].start(), last.end()


def _phrases(line: str, width: int = 0) -> list[tuple[str, int, int]]:
    """Chinese phrases of a header line: a lone character joined to the next (``法 人企业``),
    a run of lone characters one word (``单 位 数``, ``#亏 损``)."""
    out: list[tuple[str, int, int]] = []
    pending: tuple[str, int, int] | None = None
    for m in _TOKEN.finditer(line):
        t = m.group()
        if not _CJK.search(t):
            if _UNIT_TOKEN.match(t) and out and pending is None:
                text, s, _ = out[-1]
                out[-1] = (text + t, s, m.end())
            continue
        lone = len(t.lstrip("#＃")) == 1
        if pending is not None and (t[0] in "#＃" or (len(pending[0]) > 1 and not lone)):
            out.append(pending)  # 单 位 数 | #亏 损, 类 别 | 资产合计: the run is a word of its own
            pending = None
        if pending is not None:
            t, start = pending[0] + t, pending[1]
            if lone:  # 单 位 数: the run of lone characters goes on
                pending = (t, start, m.end())
                continue
            pending = None
        else:
            start = m.start()
        if lone and not _UNIT_TOKEN.match(t):
            pending = (t, start, m.end())
            continue
        out.append((t, start, m.end()))
    if pending is not None:
        out.append(pending)
    if width and len(out) == 1 and len(out[0][0]) >= 4 and " " in line[out[0][1]:out[0][2]]:
        # 行 业 企 业 营 业 利 润: one run of lone characters over the whole header — words of
        # equal length, one a column (with or without the stub)
        text, a, _b = out[0]
        for k in (width + 1, width):
            if len(text) % k == 0 and len(text) // k >= 2:
                size = len(text) // k
                chars = [m for m in _TOKEN.finditer(line, a)][: len(text)]
                out = [(text[i:i + size], chars[i].start(), chars[i + size - 1].end()) for i in range(0, len(text), size)]
                break
    return [p for p in out if not _STUB.match(p[0])]


_UNIT_LINE = re.compile(r"^\s*(?:计量)?单位\s*[:：]")


def _stub(lines: list[tuple[int, int, str]]) -> Cell | None:
    """The stub-column header (项目, 项 目, Item) as a cell."""
    for s, _e, line in lines:
        squashed_at = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(line)]
        for k, (t, a, b) in enumerate(squashed_at):
            if _STUB.match(t):
                return Cell(t, s + a, s + b)
            if k + 1 < len(squashed_at) and _STUB.match(t + squashed_at[k + 1][0]):
                return Cell(t + squashed_at[k + 1][0], s + a, s + squashed_at[k + 1][2])
    return None


def _header(text: str, lines: list[tuple[int, int, str]], width: int) -> tuple[list[Cell], str | None]:
    phrases: list[tuple[str, int, int]] = []
    units: list[str] = []
    caption = None
    single: tuple[str, int, int] | None = None  # a lone phrase waiting for its unit line
    for s, _e, line in lines:
        if caption is None and not phrases and _CAPTION.match(line):
            caption = line.strip()
            continue
        if _UNIT_LINE.match(line):  # 单位:个 says what every column without a unit counts
            caption = f"{caption or ''} {line.strip()}".strip()
            continue
        tokens = line.split()
        if single is not None and len(tokens) == 1 and _UNIT_TOKEN.match(tokens[0]):
            # 企业数 / (个) on lines of their own: the first column's header
            phrases = [(single[0] + tokens[0], single[1], single[2])]
            single = None
            continue
        single = None
        if not units and tokens and sum(1 for t in tokens if _UNIT_TOKEN.match(t)) * 2 >= len(tokens) >= 2:
            units = [t for t in tokens if _UNIT_TOKEN.match(t)]
            continue
        if len(phrases) < 2:
            found = _phrases(line, width)
            if len(found) >= 2:
                phrases += [(p, s + a, s + b) for p, a, b in found]
            elif len(found) == 1 and not phrases:
                single = (found[0][0], s + found[0][1], s + found[0][2])
    cells = []
    for j in range(width):
        if j < len(phrases):
            p, a, b = phrases[j]
            unit = units[j] if j < len(units) and not re.search(r"[（(][^（）()]*[）)]$", p) else ""
            cells.append(Cell(p + unit, a, b))
        else:
            pos = lines[-1][1] if lines else 0
            cells.append(Cell("", pos, pos))
    return cells, caption


def _candidate_rows(text: str, lines: list[tuple[int, int, str]]) -> list | None:
    """Per line, its parsed tail row (None: not one); None when no line can be one. Candidate
    lines come from one search over the text (most lines of most documents are prose)."""
    if _QUICK.search(text) is None and _QUICK_NUMBERS.search(text) is None:
        return None
    parsed_rows: list = [None] * len(lines)
    starts = None
    for m in _HINT_LINE.finditer(text):
        if starts is None:
            starts = [s for s, _e, _l in lines]
        k = bisect_right(starts, m.start()) - 1
        if parsed_rows[k] is None:
            parsed_rows[k] = tail_row(lines[k][2])
    return parsed_rows if starts is not None else None


def find_tail_tables(text: str, lines: list[tuple[int, int, str]]) -> list[tuple[int, int, Table]]:
    """(first line, last line, table) of every single-space table in the text."""
    out: list[tuple[int, int, Table]] = []
    parsed_rows = _candidate_rows(text, lines)
    if parsed_rows is None:
        return []
    i, n = 0, len(lines)
    while i < n:
        first = parsed_rows[i]
        if first is None:
            i += 1
            continue
        rows: list[int] = []
        j = i
        while j < n:
            line = lines[j][2]
            if parsed_rows[j] is not None:
                rows.append(j)
            elif not line.strip() and line:
                pass  # a line of spaces inside the table
            elif not line.strip() or len(line.strip()) > 120 or _SENTENCE.search(line) or "|" in line:
                break
            j += 1
        data = [r for r in rows]
        if len(data) < MIN_ROWS:
            i = max(j, i + 1)
            continue
        last = data[-1]
        # header lines: non-empty lines right above the first data row
        h = i
        while h > 0 and i - h < MAX_HEADER_LINES and lines[h - 1][2] and "|" not in lines[h - 1][2] \
                and not _SENTENCE.search(lines[h - 1][2]) and parsed_rows[h - 1] is None:
            h -= 1
        while h < i and not lines[h][2].strip():
            h += 1
        width = 1 + max(len(parsed_rows[r][1]) for r in data)
        header, caption = _header(text, lines[h:i], width - 1)
        stub = _stub(lines[h:i]) or Cell("", lines[h][0], lines[h][0])
        grid: list[tuple[Cell, ...]] = [(stub, *header)]
        for r in range(i, last + 1):
            s, _e, line = lines[r]
            parsed = parsed_rows[r]
            if parsed is None:
                if line.strip():
                    a, b = _label_span(line, len(line.rstrip()))
                    grid.append((Cell(line[a:b], s + a, s + b),))
                continue
            end, numbers = parsed
            a, b = _label_span(line, end)
            label = Cell(line[a:b], s + a, s + b)
            if a == b and len(grid) > 1 and len(grid[-1]) == 1 and grid[-1][0].text:
                label = grid.pop()[0]  # the row's numbers wrapped onto the next line
            grid.append((label, *(Cell(m.group(), s + m.start(), s + m.end(), parse_number(m.group())) for m in numbers)))
        out.append((h, last, Table(rows=tuple(grid), start=lines[h][0], end=lines[last][1], header_rows=1,
                                   caption=caption)))
        i = last + 1
    return out
