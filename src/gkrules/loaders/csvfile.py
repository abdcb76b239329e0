"""CSV documents: encoding detection (GBK, UTF-8 with BOM), delimiter sniffing, one table.

``Document.text`` is the decoded file itself, so a CSV row is a line, and every cell keeps
its span in that text (the csv module gives no offsets, hence the small tokenizer).
"""

from __future__ import annotations

import csv
import hashlib
import re

from gkrules.loaders.options import LoadOptions
from gkrules.loaders.text import decode_document_text
from gkrules.model import Block, Cell, Document, Metadata, Table
from gkrules.numbers import parse_number

_NOTE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)")


def sniff_delimiter(text: str) -> str:
    sample = "\n".join(text.split("\n", 20)[:20])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",\t;|").delimiter
    except csv.Error:
        counts = {d: sample.count(d) for d in ",\t;|"}
        best = max(counts, key=counts.get)
        return best if counts[best] else ","


def _cell(text: str, start: int, end: int, value: str | None = None) -> Cell:
    raw = text[start:end] if value is None else value
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    cs = start + (lead if value is None else 0)
    ce = cs + len(stripped) if value is None else end
    return Cell(text=stripped, start=cs, end=ce, number=parse_number(stripped))


def tokenize(text: str, delimiter: str) -> list[list[Cell]]:
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i <= n:
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
    text, encoding = decode_document_text(data, options)
    delimiter = sniff_delimiter(text)
    rows = tokenize(text, delimiter)
    notes, caption, body = [], None, []
    for r in rows:
        filled = [c for c in r if c.text]
        if len(filled) == 1 and _NOTE.match(filled[0].text):
            notes.append(filled[0].text)
        elif len(filled) == 1 and not body and len(r) > 1:
            caption = filled[0].text
        else:
            body.append(tuple(r))
    tables: tuple[Table, ...] = ()
    blocks: tuple[Block, ...] = ()
    if body:
        t = Table(rows=tuple(body), start=body[0][0].start, end=body[-1][-1].end, header_rows=1,
                  caption=caption, notes=tuple(notes))
        tables = (t,)
        blocks = (Block("table", t.start, t.end),)
    meta = Metadata(encoding=encoding, format="csv", extra={"delimiter": delimiter})
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="csv",
                    blocks=blocks, tables=tables, metadata=meta)
