"""What a loader's grid means as a table (unit-identifiability.md §5.1): every loader gives
rows of cells; this decides which leading rows are the caption, which are the header, and
re-aligns header rows whose first cell a flattened row span dropped.

Bureau tables put the title and ``(2002年) 单位:万元`` in rows of one cell above the header,
spread the header over two to four rows (``企 业`` / ``单 位 数`` / ``(个)``), and pages
converted to text lose the empty cells that a ``rowspan`` over the stub column left, so the
second and third header rows start one column too far left.
"""

from __future__ import annotations

import re

import attrs

from gkrules.model import Cell, Table

#: stub-column headers (the column of row labels)
_STUB = re.compile(r"^(?:类别|项目|指标|指标名称|行业|行业名称|地区|地区名称|分组|分类|市别|县别|县市区|名称|"
                   r"年份|年度|登记类型|组别|item|sector|region|year)$", re.IGNORECASE)
_MAX_HEADER = 5
#: a caption line split into cells (表1　…, 12-11 …)
_CAPTION = re.compile(r"^\s*(?:表\s*[0-9０-９一二三四五六七八九十]|\d{1,2}\s*[-—－]\s*\d{1,3}(?!\d))")


def _squash(text: str) -> str:
    return "".join(text.split())


def _filled(row: tuple[Cell, ...]) -> list[Cell]:
    """The distinct non-empty cells of a row (a colspan repeats one Cell)."""
    seen: list[Cell] = []
    ids: set[int] = set()
    for c in row:
        if c.text.strip() and id(c) not in ids:
            ids.add(id(c))
            seen.append(c)
    return seen


_SYMBOL = re.compile(r"^[.…\-—－*＊×xX/／]+$")
_TOTAL = re.compile(r"^(?:合计|总计|小计|全[国省市州盟区县旗镇乡])")


def _numeric(row: tuple[Cell, ...]) -> bool:
    return any(c.number is not None for c in row)


def _header_like(row: tuple[Cell, ...]) -> bool:
    """No number, no suppression symbol, no total label: a row that can only be a header."""
    return not _numeric(row) and not (row and _TOTAL.match(_squash(row[0].text))) and not any(
        _SYMBOL.match(_squash(c.text)) for c in row if c.text.strip())


def logical(table: Table) -> Table:
    """The table with its caption rows taken out of the header and its header rows counted
    and aligned; a table whose rows need no change comes back as it is."""
    given = table.rows
    if (table.header_rows == 1 and len(given) > 2 and _numeric(given[1]) and not _numeric(given[0])
            and not _CAPTION.match(given[0][0].text) and len(_filled(given[0])) >= 2):
        return table  # the common table: one header row, numbers right below it
    rows = list(given)
    caption_rows: list[str] = []
    # leading rows of one cell (title, 单位:万元, a colspan title row) before any header row
    while len(rows) > 2 and not _numeric(rows[0]) and (
            (len(_filled(rows[0])) == 1 and (len(rows[0]) == 1 or rows[0][0].text.strip()
                                             or len({id(c) for c in rows[0]}) == 1))
            or _CAPTION.match(rows[0][0].text)):
        if _STUB.match(_squash(rows[0][0].text)):
            break
        caption_rows.append(" ".join(c.text.strip() for c in _filled(rows[0])))
        rows.pop(0)
    # rows above the one that starts with the stub header (项目, 类别) are the caption
    for k in range(1, min(_MAX_HEADER, len(rows) - 1)):
        if not _header_like(rows[k - 1]) or (rows[k - 1] and _STUB.match(_squash(rows[k - 1][0].text))):
            break  # the rows start with the header already
        if rows[k] and _STUB.match(_squash(rows[k][0].text)) and _header_like(rows[k]):
            caption_rows += [" ".join(c.text.strip() for c in _filled(r)) for r in rows[:k]]
            del rows[:k]
            break
    header = 0
    while header < min(_MAX_HEADER, len(rows) - 1) and _header_like(rows[header]) and (
            header == 0 or len(_filled(rows[header])) >= 2 or not rows[header][0].text.strip()):
        header += 1
    if header >= len(rows) or not _numeric(rows[header]):
        # no numeric row right below: the loader's reading stands (a list of names, a text table)
        if not caption_rows:
            return table
        header = min(table.header_rows, max(0, len(rows) - 1))
    header = max(header, min(table.header_rows, 1)) if rows else 0
    if header > 1 and rows[0] and _STUB.match(_squash(rows[0][0].text)):
        for r in range(1, header):
            row = rows[r]
            first = row[0] if row else None
            if first is None or first is rows[0][0] or not first.text.strip() or _STUB.match(_squash(first.text)):
                continue
            # a rowspan over the stub column was dropped: the row starts one column left
            rows[r] = (Cell("", first.start, first.start), *row)
    if header >= 2:
        _spread_groups(rows, header)
    if not caption_rows and header == table.header_rows and all(a is b for a, b in zip(rows, table.rows, strict=False)):
        return table
    caption = table.caption or (" ".join(caption_rows) if caption_rows else None)
    return attrs.evolve(table, rows=tuple(tuple(r) for r in rows), header_rows=header, caption=caption)


def _spread_groups(rows: list, header: int) -> None:
    """县 | 县以下 over 法人单位 网点 人员 法人单位 网点 人员: a row of group names whose colspan the
    text lost sits above a row whose headers repeat; each name goes over its period."""
    low = rows[header - 1]
    texts = [_squash(c.text) for c in low[1:]]
    while texts and not texts[-1]:
        texts.pop()
    for k in range(2, len(texts) // 2 + 1):
        if len(texts) % k or any(texts[i] != texts[i % k] for i in range(len(texts))) or not all(texts[:k]):
            continue
        groups = len(texts) // k
        upper = rows[header - 2]
        names = [c for c in upper[1:] if c.text.strip()]
        if len(names) != groups:
            return
        spread = [upper[0]] + [names[j // k] for j in range(groups * k)]
        rows[header - 2] = tuple(spread + list(upper[1 + groups * k:]))
        return
