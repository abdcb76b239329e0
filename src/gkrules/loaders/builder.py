"""Building ``Document.text`` line by line while recording blocks, tables and notices.

The docx, xlsx and pdf loaders share it: each appends lines (a paragraph, a table row, a PDF
text line) and says what the line is and where it sits in the file (``ref``, ``page``,
``hidden``); the builder keeps the offsets right.
"""

from __future__ import annotations

import re

from gkrules.errors import InputError
from gkrules.model import Block, Notice, Table

# C0 controls other than tab and newline, DEL, and the Unicode noncharacters U+FFFE/FFFF
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")


def clean(text: str) -> str:
    """Text as a line of the document: controls dropped, CR/VT/FF as newlines."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0b", "\n").replace("\x0c", "\n")
    return _CONTROL.sub("", text)


def column_letter(n: int) -> str:
    """Spreadsheet column name of a 1-based column number (1 → A, 27 → AA)."""
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


class TextBuilder:
    def __init__(self, max_chars: int):
        self.parts: list[str] = []
        self.length = 0
        self.max_chars = max_chars
        self.blocks: list[Block] = []
        self.tables: list[Table] = []
        self.notices: list[Notice] = []
        self._tail = ""  # the last two characters written


    def write(self, s: str) -> tuple[int, int]:
        """Append raw text (already clean); return its span."""
        start = self.length
        if s:
            self.parts.append(s)
            self.length += len(s)
            self._tail = (self._tail + s)[-2:]
            if self.length > self.max_chars:
                raise InputError(f"提取出的文字过长（超过 {self.max_chars} 个字符的上限）")
        return start, self.length

    def line(self, text: str, kind: str | None = None, *, ref: str | None = None, page: int | None = None,
             hidden: bool = False) -> tuple[int, int]:
        """Append one line (its own newline added); with ``kind``, record it as a block."""
        start, end = self.write(clean(text))
        self.write("\n")
        if kind is not None:
            self.blocks.append(Block(kind, start, end, ref=ref, page=page, hidden=hidden))
        return start, end

    def block(self, kind: str, start: int, end: int, *, ref: str | None = None, page: int | None = None,
              hidden: bool = False) -> None:
        self.blocks.append(Block(kind, start, end, ref=ref, page=page, hidden=hidden))

    def blank(self) -> None:
        """An empty line, unless the text already ends with one (sections stay apart)."""
        if self.length and self._tail != "\n\n" and self._tail != "\n" * self.length:
            self.write("\n")

    def text(self) -> str:
        """The text; the final newline is dropped (no span reaches past it)."""
        s = "".join(self.parts)
        return s[:-1] if s.endswith("\n") else s


__all__ = ["TextBuilder", "clean", "column_letter"]
