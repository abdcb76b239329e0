"""Per-document facts: what more than one reader needs from a document, computed at most once.

The engine makes one :class:`DocumentFacts` per document before metadata extraction and hands
the same object, read-only, to every checker (``ctx.facts``). Metadata extraction and the
checkers read the head, header fields, 附注 and signature dates from it instead of parsing the
text again; a checker package keeps an analysis its rules share (a scan of personal-data
candidates, the statistical tables) with :meth:`DocumentFacts.shared`.

There is no module-level cache anywhere: a fact lives exactly as long as its document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from gkrules.metadata import gbt9704
from gkrules.metadata.fields import header_fields
from gkrules.metadata.gbt9704 import Head, Span
from gkrules.model import Document, Metadata, Table

T = TypeVar("T")

#: the head zone metadata extraction reads (GB/T 9704: 份号, 密级, 紧急程度 within the first lines)
HEAD_LINES = 12


class DocumentFacts:
    """Facts about one document, each computed on first use and then kept with the document.

    ``with_document`` re-binds the facts to the same text with new metadata (the engine
    extracts metadata from the facts, then sets it on the document)."""

    __slots__ = ("_memo", "_shared", "document")

    def __init__(self, document: Document, _memo: dict[Any, Any] | None = None,
                 _shared: dict[str, Any] | None = None):
        self.document = document
        self._memo: dict[Any, Any] = {} if _memo is None else _memo
        #: analyses of checkers, by key (apart from _memo: one dict look-up on the hot path)
        self._shared: dict[str, Any] = {} if _shared is None else _shared

    def with_document(self, document: Document) -> DocumentFacts:
        if document.text is not self.document.text and document.text != self.document.text:
            return DocumentFacts(document)  # another text: nothing carries over
        return DocumentFacts(document, self._memo, self._shared)

    def _get(self, key: Any, compute: Callable[[], T]) -> T:
        memo = self._memo
        if key in memo:
            return memo[key]
        value = memo[key] = compute()
        return value

    # -- the document ------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def metadata(self) -> Metadata:
        return self.document.metadata

    @property
    def tables(self) -> tuple[Table, ...]:
        """The logical tables the loader and the table layer found (``gkrules.loaders``)."""
        return self.document.tables

    def line_of(self, offset: int) -> int:
        return self.document.line_of(offset)

    # -- GB/T 9704 elements and header fields ------------------------------------------------

    def head(self, max_lines: int = HEAD_LINES) -> Head:
        """The head zone (版头) read over its first ``max_lines`` non-empty lines."""
        return self._get(("head", max_lines), lambda: gbt9704.parse_head(self.text, max_lines))

    @property
    def header_fields(self) -> tuple[tuple[str, str, str, int, int], ...]:
        """(canonical name, label as printed, value, start, end) of every printed header field."""
        return self._get("header_fields", lambda: header_fields(self.text))

    @property
    def annotations(self) -> tuple[Span, ...]:
        """Every 附注 line (（此件主动公开）) of the text."""
        return self._get("annotations", lambda: gbt9704.annotations(self.text))

    @property
    def date_positions(self) -> tuple[int, ...]:
        """Where the lines that end in a date have that ending (gbt9704.date_positions): what
        the 成文日期 of the metadata and the signature-date lines are both read from."""
        return self._get("date_positions", lambda: gbt9704.date_positions(self.text))

    @property
    def date_lines(self) -> tuple[Span, ...]:
        """Every signature-date line (a date alone on its line, or after the signing organ)."""
        return self._get("date_lines", lambda: gbt9704.date_lines(self.text, self.date_positions))

    def release(self) -> None:
        """Drops every fact and analysis; the engine calls it once the document's checkers have
        run. A lazy analysis keeps the facts it reads from (disclosure-attribute's), a reference
        cycle through ``_shared``: without this the document and everything read from it (its
        tables, thousands of cells) outlived the check until the cyclic collector walked them
        during some later document — the largest part of the collector's time per check."""
        self._memo.clear()
        self._shared.clear()

    # -- analyses shared by the rules of one checker -----------------------------------------

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """An analysis that several rules of a checker read, computed once per document.

        ``key`` names it (prefix it with the checker id: ``"personal-info/candidates"``);
        ``compute`` must depend only on this document and the checker's compiled setup."""
        shared = self._shared
        try:
            return shared[key]
        except KeyError:
            value = shared[key] = compute()
            return value


__all__ = ["HEAD_LINES", "DocumentFacts"]
