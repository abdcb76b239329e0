"""CSV documents: encoding detection (GBK, UTF-8 with BOM), delimiter sniffing, one table.

``Document.text`` is the decoded file itself, so a CSV row is a line, and every cell keeps
its span in that text (the csv module gives no offsets, hence the small tokenizer).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter

from gkrules.gcpause import no_cycles
from gkrules.loaders.builder import column_letter
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.text import decode_document_text
from gkrules.model import Block, Cell, Document, Metadata, Table
from gkrules.numbers import parse_number

_NOTE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)")


#: delimiters tried, in order of preference when they fit equally well
DELIMITERS = (",", "\t", ";", "|")


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first rows into the most consistent number (≥ 2) of
    fields, quotes respected. A title row or a note row (one field) does not disturb it, and
    commas inside quoted fields or inside Chinese text in a tab-separated file do not win."""
    sample = "\n".join(text.split("\n", 60)[:60])
    best, best_score = ",", 0.0
    for d in DELIMITERS:
        if d not in sample:
            continue
        rows = tokenize(sample, d)
        counts = Counter(len(r) for r in rows if len(r) >= 2)
        if not counts:
            continue
        width, freq = counts.most_common(1)[0]
        # consistency first (share of rows with the usual width), then more columns
        score = freq / len(rows) + min(width, 50) / 1000
        if score > best_score + 1e-9:
            best, best_score = d, score
    return best


def _cell(text: str, start: int, end: int, value: str | None = None) -> Cell:
    raw = text[start:end] if value is None else value
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    cs = start + (lead if value is None else 0)
    ce = cs + len(stripped) if value is None else end
    return Cell(text=stripped, start=cs, end=ce, number=parse_number(stripped))


def _plain_row(text: str, start: int, line: str, delimiter: str) -> list[Cell]:
    """The cells of a line without quotes: what the tokenizer gives, by str.split."""
    row = []
    pos = start
    for raw in line.split(delimiter):
        stripped = raw.strip()
        cs = pos + len(raw) - len(raw.lstrip()) if stripped != raw else pos
        row.append(Cell(text=stripped, start=cs, end=cs + len(stripped), number=parse_number(stripped)))
        pos += len(raw) + 1
    return row


def tokenize(text: str, delimiter: str) -> list[list[Cell]]:
    """Rows of cells with their spans in ``text``, the quotes of RFC 4180 understood (a
    quoted field may hold delimiters, doubled quotes and newlines)."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    find = text.find
    while i <= n:
        if not row:
            # a line without quotes splits as it is (the common row: no character loop)
            e = find("\n", i)
            e = n if e == -1 else e
            line = text[i:e]
            if '"' not in line:
                cells = _plain_row(text, i, line, delimiter)
                if any(c.text for c in cells):
                    rows.append(cells)
                if e >= n:
                    break
                i = e + 1
                continue
        if i < n and text[i] == '"':
            j = i + 1
            parts = []
            while True:
                q = text.find('"', j)
                if q == -1:  # unterminated quote: the rest of the file is the field
                    parts.append(text[j:])
                    end_content, j = n, n
                    break
                if q + 1 < n and text[q + 1] == '"':
                    parts.append(text[j:q + 1])
                    j = q + 2
                    continue
                parts.append(text[j:q])
                end_content, j = q, q + 1
                break
            value = "".join(parts)
            row.append(_cell(text, i + 1, end_content, value))
            # skip anything up to the next delimiter or newline
            while j < n and text[j] not in (delimiter, "\n"):
                j += 1
        else:
            j = i
            while j < n and text[j] != delimiter and text[j] != "\n":
                j += 1
            row.append(_cell(text, i, j))
        if j < n and text[j] == delimiter:
            i = j + 1
            continue
        if any(c.text for c in row):
            rows.append(row)
        row = []
        if j >= n:
            break
        i = j + 1
    return rows


def load_csv(data: bytes, source: str, options: LoadOptions) -> Document:
    with no_cycles():  # a cell and a block per value: many acyclic objects (gkrules.gcpause)
        return _load_csv(data, source, options)


def _load_csv(data: bytes, source: str, options: LoadOptions) -> Document:
    text, encoding = decode_document_text(data, options)
    delimiter = sniff_delimiter(text)
    rows = tokenize(text, delimiter)
    notes: list[str] = []
    caption: str | None = None
    body: list = []
    # lines of one value before the first row of several are a title or preamble, not data
    # (unless every row has one value: a one-column list)
    wide = any(sum(1 for c in r if c.text) >= 2 for r in rows)
    for r in rows:
        filled = [c for c in r if c.text]
        if len(filled) == 1 and _NOTE.match(filled[0].text):
            notes.append(filled[0].text)
        elif len(filled) == 1 and not body and wide:
            caption = filled[0].text
        else:
            body.append(tuple(r))
    tables: tuple[Table, ...] = ()
    blocks: list[Block] = []
    if body:
        t = Table(rows=tuple(body), start=body[0][0].start, end=body[-1][-1].end, header_rows=1,
                  caption=caption, notes=tuple(notes))
        tables = (t,)
        blocks.append(Block("table", t.start, t.end))
    blocks.extend(_cell_blocks(text, rows))
    meta = Metadata(encoding=encoding, format="csv", extra={"delimiter": delimiter})
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="csv",
                    blocks=tuple(blocks), tables=tables, metadata=meta)


def _cell_blocks(text: str, rows: list[list[Cell]]) -> list[Block]:
    """A block per non-empty cell with its spreadsheet reference (``C7``: column C of the 7th
    line of the file), as a reviewer finds it when opening the file in Excel or WPS."""
    out = []
    line, pos = 1, 0
    letters = [column_letter(c) for c in range(1, max(map(len, rows), default=0) + 1)]
    for row in rows:
        if not row:
            continue
        line += text.count("\n", pos, row[0].start)
        pos = row[0].start
        for letter, cell in zip(letters, row, strict=False):  # letters: as many as the widest row
            if cell.end > cell.start:
                out.append(Block("cell", cell.start, cell.end, ref=f"{letter}{line}"))
    return out
