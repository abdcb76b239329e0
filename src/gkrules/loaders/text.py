"""Plain-text documents (.txt): encoding detection, newline normalisation, text tables."""

from __future__ import annotations

import hashlib

from gkrules.errors import InputError
from gkrules.loaders.encoding import decode_text, normalise_newlines
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.texttables import find_tables
from gkrules.model import Block, Document, Metadata


def decode_document_text(data: bytes, options: LoadOptions) -> tuple[str, str]:
    text, encoding = decode_text(data)
    text = normalise_newlines(text)
    if len(text) > options.max_text_chars:
        raise InputError(f"文本过长（{len(text)} 个字符，上限 {options.max_text_chars}）")
    return text, encoding


def load_text(data: bytes, source: str, options: LoadOptions) -> Document:
    text, encoding = decode_document_text(data, options)
    tables = tuple(find_tables(text))
    blocks = tuple(Block("table", t.start, t.end) for t in tables)
    return Document(source=source, text=text, sha256=hashlib.sha256(data).hexdigest(), format="txt",
                    blocks=blocks, tables=tables, metadata=Metadata(encoding=encoding, format="txt"))
