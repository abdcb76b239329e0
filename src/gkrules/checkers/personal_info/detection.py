"""What a recognizer reports: a validated personal value in context, ready to be a Finding."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Protocol

from attrs import frozen

from gkrules.model import Severity


@frozen
class Detection:
    """``start``/``end`` are offsets of the folded view (the checker maps them back).

    ``key`` is the normalised value: only ever hashed into the fingerprint. ``masked`` is the
    value as evidence and redaction show it: the same length as the span, one character for
    one, so that a redacted copy keeps every offset and line. ``message`` must never hold
    the raw value, nor any part a mask hides.
    """

    rule: str
    start: int
    end: int
    key: str
    masked: str
    message: str
    severity: Severity | None = None
    suggestion: str | None = None
    #: which of two overlapping detections wins (higher first)
    priority: int = 0


class Recognizer(Protocol):
    """What the detection pass asks of a rule (``recognizer.PersonalRule`` is the one
    implementation; scenes and wrapped numbers are typed there)."""

    id: ClassVar[str]
    needs: ClassVar[tuple[str, ...] | None]
    numeric: ClassVar[bool]
    wrapped: ClassVar[str | None]
    after_scan: ClassVar[bool]

    def find(self, scene: Any) -> Iterable[Detection]: ...

    def find_wrapped(self, scene: Any, number: Any) -> Iterable[Detection]: ...

    def find_after(self, scene: Any, found: list[Detection]) -> Iterable[Detection]: ...
