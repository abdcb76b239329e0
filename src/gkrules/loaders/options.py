"""Limits and switches that loaders honour.

The limits keep one hostile or broken file (a zip bomb, a PDF whose streams inflate to
gigabytes, a 60 MB line of text) from taking the time and memory of the whole batch: the
file gets an error entry, the rest is still checked. Every limit can be set in the rule
set's ``engine`` section (``apply_engine_section``).
"""

from __future__ import annotations

from typing import Any

import attrs
from attrs import frozen

MiB = 1024 * 1024


@frozen
class LoadOptions:
    #: larger files are refused before they are read into memory
    max_bytes: int = 64 * MiB
    #: longest text a loader may produce (code points), after extraction
    max_text_chars: int = 32 * 1024 * 1024
    #: longest line of a text or CSV file: real documents have no megabyte lines
    max_line_chars: int = 1024 * 1024
    #: members of a zip package (docx, xlsx)
    max_archive_members: int = 10_000
    #: uncompressed size of one zip member, and of one decoded PDF stream
    max_member_bytes: int = 128 * MiB
    #: uncompressed size of all members together, and of all decoded PDF streams
    max_unpacked_bytes: int = 384 * MiB
    #: uncompressed / compressed size of a zip member larger than 1 MiB (zip bombs reach 1000)
    max_compression_ratio: float = 250.0
    #: pages of a PDF
    max_pages: int = 3000
    #: cells of one worksheet (a row counts up to its last filled cell)
    max_cells: int = 2_000_000
    #: wall-clock seconds one file may take to load (None: no limit)
    timeout_seconds: float | None = 120.0
    #: convert .doc/.wps/.xls/.et/.rtf through LibreOffice when ``soffice`` is installed
    convert_legacy: bool = True
    convert_timeout_seconds: float = 120.0


_FROM_ENGINE = {
    "max_document_bytes": "max_bytes", "max_text_chars": "max_text_chars", "max_line_chars": "max_line_chars",
    "max_archive_members": "max_archive_members", "max_member_bytes": "max_member_bytes",
    "max_unpacked_bytes": "max_unpacked_bytes", "max_compression_ratio": "max_compression_ratio",
    "max_pages": "max_pages", "max_cells": "max_cells", "load_timeout_seconds": "timeout_seconds", "convert_legacy": "convert_legacy",
    "convert_timeout_seconds": "convert_timeout_seconds",
}


def apply_engine_section(options: LoadOptions, engine: Any) -> LoadOptions:
    """Options with the limits a rule set's ``engine`` section sets (unset keys keep theirs)."""
    changes = {}
    for key, name in _FROM_ENGINE.items():
        value = getattr(engine, key, None)
        if value is not None:
            changes[name] = value
    return attrs.evolve(options, **changes) if changes else options
