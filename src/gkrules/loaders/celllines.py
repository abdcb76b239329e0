"""Tables flattened to one cell a line, as pages converted to text print HTML tables: each cell
ends with `` |`` (an empty cell is a lone ``|``), a cell's text may run over several lines, and a
row may open with ``| ``. Rows are found from the period at which row labels recur; header
cells above the first row are mapped onto the columns when their number allows it (leaf
headers, with group headers spread over equal groups). Spans point at the text."""

from __future__ import annotations

import re
from bisect import bisect_right

from gkrules.model import Cell, Table
from gkrules.numbers import parse_number

_CELL = re.compile(r"^(?P<open>\|\s)?(?P<text>[^|]*?)\s*\|\s*$")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_YEAR = re.compile(r"^(?:19|20)\d{2}(?:年|[（(][^（）()]{1,4}[）)])?$")
_STUB = re.compile(r"^(?:项目|指标|类别|分类|分组|地区|年份|单位|登记类型|行业|item|year|unit)$", re.IGNORECASE)
_CAPTION = re.compile(r"^\s*(?:表\s*[0-9０-９]|\d{1,2}\s*[-—－]\s*\d{1,3})")
_SYMBOLS = frozenset({"…", "……", "...", "—", "－", "-", "x", "X", "×", "*", "＊"})
MIN_CELLS = 8
MIN_ROWS = 2
MAX_WIDTH = 16


def _squash(t: str) -> str:
    return "".join(t.split())


def _kind(text: str) -> str:
    t = _squash(text)
    if not t:
        return "blank"
    if _YEAR.match(t):
        return "label"
    if t in _SYMBOLS or parse_number(t) is not None:
        return "number"
    return "label"


def _cell_line_starts(text: str) -> list[int]:
    """Starts of the lines that end with a bar and hold no other bar (``| 总 计 |`` holds the
    opening one): one look at each line that has a bar, not a scan of every line."""
    out = []
    find, rfind, count = text.find, text.rfind, text.count
    pos = find("|")
    while pos != -1:
        end = find("\n", pos)
        end = len(text) if end == -1 else end
        # pos is the line's first bar: the bars are counted first, which turns away the rows of
        # pipe tables (| a | b |) with one call
        bars = count("|", pos, end)
        if bars <= 2 and not text[rfind("|", pos, end) + 1:end].strip():  # the line ends with its bar
            start = rfind("\n", 0, pos) + 1
            if bars == 1 or text[start] == "|":
                out.append(start)
        pos = find("|", end)
    return out


def _runs(text: str, lines: list[tuple[int, int, str]]):
    """Runs of cell lines: (first line, last line, cells); a cell is (text, start, end, opens)."""
    n = len(lines)
    hits = _cell_line_starts(text)
    if len(hits) < MIN_CELLS:
        return
    starts = [s for s, _e, _l in lines]
    candidates = [bisect_right(starts, h) - 1 for h in hits]
    pos = 0
    i = 0
    while pos < len(candidates):
        i = max(i, candidates[pos])
        pos += 1
        if i >= n or not _CELL.match(lines[i][2]):
            continue
        cells = []
        first = j = i
        pending_start = None
        while j < n:
            s, _e, line = lines[j]
            m = _CELL.match(line)
            if m is None:
                if not line.strip() or len(line) > 60 or (pending_start is not None and j - pending_start > 3):
                    break
                if pending_start is None:
                    pending_start = j
                j += 1
                continue
            # a cell whose text ran over several lines starts on the first of them
            parts = [x[2].strip() for x in lines[pending_start:j]] if pending_start is not None else []
            start = lines[pending_start][0] if pending_start is not None else s + m.start("text")
            value = " ".join([*parts, m.group("text")]).strip()
            cells.append((value, start, max(start, s + m.end("text")), m.group("open") is not None))
            pending_start = None
            j += 1
        if len(cells) >= MIN_CELLS:
            yield first, j - 1, cells
        i = max(j, i + 1)
        while pos < len(candidates) and candidates[pos] < i:
            pos += 1


def _period(kinds: list[str]) -> tuple[int, int] | None:
    """(width, offset of the first row) at which labels recur, numbers between them."""
    best = None
    for w in range(2, MAX_WIDTH + 1):
        for off in range(min(len(kinds), 80)):
            if kinds[off] != "label":
                continue
            rows = good = 0
            k = off
            while k + w <= len(kinds):
                row = kinds[k:k + w]
                if row[0] == "label" and all(x != "label" for x in row[1:]):
                    good += 1
                elif any(x != "blank" for x in row):
                    break
                rows += 1
                k += w
            if good >= MIN_ROWS and (best is None or good * w > best[2]):
                best = (w, off, good * w)
            if good >= MIN_ROWS:
                break  # the first offset that starts the rows
    return (best[0], best[1]) if best else None


def _is_stub(text: str) -> bool:
    """年 份 Year, 项目: the stub-column header, English words aside."""
    return bool(_STUB.match("".join(_CJK.findall(text)) or _squash(text)))


def _header(cells, width: int, pos: int) -> list[tuple[Cell, ...]]:
    """Header rows from the cells above the first data row."""
    texts = [c for c in cells if _CJK.search(c[0]) and not _CAPTION.match(c[0]) and not _is_stub(c[0])]
    stub = next((c for c in cells if _is_stub(c[0])), None)
    stub_cell = Cell("".join(_CJK.findall(stub[0])), stub[1], stub[2]) if stub else Cell("", pos, pos)
    leaves_n = width - 1

    def cell(c):
        return Cell(_squash(c[0]), c[1], c[2])

    if len(texts) >= leaves_n:
        leaves, parents = texts[len(texts) - leaves_n:], texts[: len(texts) - leaves_n]
        if parents and leaves_n % len(parents) == 0:
            k = leaves_n // len(parents)
            top = (stub_cell, *(cell(parents[j // k]) for j in range(leaves_n)))
            return [top, (Cell("", pos, pos), *(cell(c) for c in leaves))]
        return [(stub_cell, *(cell(c) for c in leaves))]
    return [(stub_cell, *(cell(c) for c in texts), *(Cell("", pos, pos) for _ in range(leaves_n - len(texts))))]


def find_cell_line_tables(text: str, lines: list[tuple[int, int, str]],
                          unread: list | None = None) -> list[tuple[int, int, Table]]:
    """(first line, last line, table) of every one-cell-a-line table; runs of cells that read as
    no table go to ``unread``."""
    out = []
    for first, last, run in _runs(text, lines):
        out.extend(_tables(first, last, run, unread))
    return out


def _tables(first: int, last: int, run, unread: list | None) -> list[tuple[int, int, Table]]:
    """The tables of one run of cells: a header row inside the run starts the next table. Cells
    left over with numbers among them go to ``unread`` as (start, end)."""
    out = []
    cells = run
    while len(cells) >= MIN_CELLS:
        kinds = [_kind(c[0]) for c in cells]
        found = _period(kinds)
        if found is None:
            if unread is not None and kinds.count("number") >= 6:
                unread.append((cells[0][1], cells[-1][2]))
            break
        width, off = found
        # trailing columns that are blank in every row are the row end, not data
        rows = []
        k = off
        while k + width <= len(cells):
            chunk = cells[k:k + width]
            ks = kinds[k:k + width]
            if ks[0] == "label" and all(x != "label" for x in ks[1:]):
                rows.append(chunk)
            elif any(x != "blank" for x in ks):
                break
            k += width
        while width > 2 and all(not _squash(r[-1][0]) for r in rows):
            rows = [r[:-1] for r in rows]
            width -= 1
        header = _header(cells[:off], width, cells[off][1])
        grid = [*header]
        for r in rows:
            grid.append(tuple(Cell(t, s, e, parse_number(_squash(t)) if j else None) for j, (t, s, e, _o) in enumerate(r)))
        start = cells[0][1]
        end = rows[-1][-1][2] if rows else cells[-1][2]
        caption = next((c[0] for c in cells[:off] if _CAPTION.match(c[0])), None)
        out.append((first, last, Table(rows=tuple(grid), start=start, end=end, header_rows=len(header),
                                       caption=caption)))
        cells = cells[k:]
    return out
