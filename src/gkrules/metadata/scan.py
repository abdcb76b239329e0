"""Finding the few lines a line-anchored pattern can match, with ``str.find``.

A ``^…$`` pattern compiled with ``re.M`` is attempted at every position of a text; for
patterns that need a literal (日, 此件, 印发, a colon…) it is much cheaper to find the lines
holding that literal and ``match`` the pattern on each of them. ``pattern.match(text, ls, le)``
on a whole line behaves exactly like the multi-line search on that line: ``^`` matches at a
line start and ``$`` at ``endpos``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator


def _line_at(text: str, pos: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, pos) + 1
    le = text.find("\n", pos)
    return ls, (len(text) if le == -1 else le)


def lines_at(text: str, positions: Iterable[int], after: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines holding ``positions`` (ascending), each line once, keeping only
    lines that start at or after ``after`` — the lines a ``^``-anchored ``search(text, after)``
    can match (``^`` does not match inside the line that holds ``after``)."""
    line_end = -1
    for pos in positions:
        if pos < line_end:
            continue
        ls, line_end = _line_at(text, pos)
        if ls >= after:
            yield ls, line_end


def lines_with(text: str, needles: tuple[str, ...], after: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) of the lines that contain any of ``needles``, in order, each once, starting
    at or after ``after``."""
    if len(needles) == 1:  # the common case, without the bookkeeping
        needle = needles[0]
        pos = text.find(needle, after)
        while pos != -1:
            ls, le = _line_at(text, pos)
            if ls >= after:
                yield ls, le
            pos = text.find(needle, le)
        return
    nxt = {nd: text.find(nd, after) for nd in needles}
    while True:
        live = [p for p in nxt.values() if p != -1]
        if not live:
            return
        ls, le = _line_at(text, min(live))
        if ls >= after:
            yield ls, le
        for nd, p in nxt.items():
            if p != -1 and p < le:
                nxt[nd] = text.find(nd, le)
