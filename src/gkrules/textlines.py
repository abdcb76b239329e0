"""Lines of a text with their offsets: what loaders, metadata and checkers all need."""

from __future__ import annotations

from collections.abc import Iterator


def iter_lines(text: str, limit: int | None = None) -> Iterator[tuple[int, int, str]]:
    """(start, end, line) of the first ``limit`` lines, lazily: the head is a few lines of a
    long text, and most readers stop early."""
    start = 0
    count = 0
    while limit is None or count < limit:
        end = text.find("\n", start)
        if end == -1:
            yield start, len(text), text[start:]
            return
        yield start, end, text[start:end]
        count += 1
        start = end + 1


def split_lines(text: str, limit: int | None = None) -> list[tuple[int, int, str]]:
    """(start, end, line) of the first ``limit`` lines (all lines when ``None``)."""
    if limit is not None:
        return list(iter_lines(text, limit))
    out = []
    start = 0
    for part in text.split("\n"):
        end = start + len(part)
        out.append((start, end, part))
        start = end + 1
    return out
