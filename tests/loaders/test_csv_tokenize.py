"""The CSV tokenizer's line fast path gives what the character-by-character tokenizer gave."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.loaders.csvfile import tokenize
from gkrules.model import Cell
from gkrules.numbers import parse_number


def _cell(text: str, start: int, end: int, value: str | None = None) -> Cell:
    raw = text[start:end] if value is None else value
    lead = len(raw) - len(raw.lstrip())
    stripped = raw.strip()
    cs = start + (lead if value is None else 0)
    ce = cs + len(stripped) if value is None else end
    return Cell(text=stripped, start=cs, end=ce, number=parse_number(stripped))


def reference(text: str, delimiter: str) -> list[list[Cell]]:
    """The tokenizer before the fast path (every field scanned a character at a time)."""
    rows: list[list[Cell]] = []
    row: list[Cell] = []
    i, n = 0, len(text)
    while i <= n:
        if i < n and text[i] == '"':
            j = i + 1
            parts = []
            while True:
                q = text.find('"', j)
                if q == -1:
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
            row.append(_cell(text, i + 1, end_content, "".join(parts)))
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


_PIECES = st.sampled_from([",", "\t", ";", "|", "\n", "\r\n", '"', '""', " ", "\u3000", "12", "3.5", "青梧", "-",
                           "1,234", "x"])
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=40).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT, st.sampled_from([",", "\t", ";", "|"]))
def test_tokenize_gives_what_the_character_tokenizer_gave(text, delimiter):
    assert tokenize(text, delimiter) == reference(text, delimiter)
