"""Limits and switches that loaders honour."""

from __future__ import annotations

from attrs import frozen


@frozen
class LoadOptions:
    #: larger files are refused before they are read into memory
    max_bytes: int = 64 * 1024 * 1024
    #: longest text a loader may produce (code points), after extraction
    max_text_chars: int = 32 * 1024 * 1024
