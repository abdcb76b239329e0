"""Plain-text documents (.txt): encoding detection, newline normalisation, text tables."""

from __future__ import annotations

import hashlib

from gkrules.errors import InputError
from gkrules.loaders.encoding import decode_text, normalise_newlines
from gkrules.loaders.mojibake import repair_text
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.texttables import find_tables
from gkrules.model import Block, Document, Metadata


def decode_document_text(data: bytes, options: LoadOptions) -> tuple[str, str]:
    text, encoding = decode_text(data)
    text = normalise_newlines(text)
    if len(text) > options.max_text_chars:
        raise InputError(f"文本过长（{len(text)} 个字符，上限 {options.max_text_chars}）")
    if len(text) > options.max_line_chars:
        longest = _longest_line(text)
        if longest > options.max_line_chars:
            raise InputError(f"文件中有一行长达 {longest} 个字符（上限 {options.max_line_chars}），不像正常的文档文本，"
                             "可能是损坏或格式错误的文件（上限可在规则集 engine 部分调整）")
    return text, encoding


def _longest_line(text: str) -> int:
    longest, start, find = 0, 0, text.find
    while True:
        end = find("\n", start)
        if end == -1:
            return max(longest, len(text) - start)
        longest = max(longest, end - start)
        start = end + 1


def load_text(data: bytes, source: str, options: LoadOptions) -> Document:
    text, encoding = decode_document_text(data, options)
    text, repaired = repair_text(text)
    unread: list[tuple[int, int]] = []
    tables = tuple(find_tables(text, unread))
    blocks = (*(Block("table", t.start, t.end) for t in tables), *(Block("unread-table", s, e) for s, e in unread))
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="txt",
                    blocks=blocks, tables=tables, metadata=Metadata(encoding=encoding, format="txt",
                                                      normalised=(repaired,) if repaired else ()))
