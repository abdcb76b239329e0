"""Finding the few lines a line-anchored pattern can match, with ``str.find``.

A ``^…$`` pattern compiled with ``re.M`` is attempted at every position of a text; for
patterns that need a literal (日, 此件, 印发, a colon…) it is much cheaper to find the lines
holding that literal and ``match`` the pattern on each of them. ``pattern.match(text, ls, le)``
on a whole line behaves exactly like the multi-line search on that line: ``^`` matches at a
line start and ``$`` at ``endpos``.
"""

from __future__ import annotations

import re
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


def starts_of(text: str, char: str, tail: re.Pattern, after: int = 0) -> list[int]:
    """Positions at or after ``after`` of ``char`` (one character) that ``tail`` matches right
    after: the starts of the matches of ``char`` + ``tail`` when ``tail`` cannot hold ``char``
    (so no match starts inside another). ``str.find`` of one character is many times cheaper
    than a regex scan, which tries every position."""
    out = []
    find, match = text.find, tail.match
    pos = find(char, after)
    while pos != -1:
        if match(text, pos + 1):
            out.append(pos)
        pos = find(char, pos + 1)
    return out


def ends_before(text: str, closers: str, ends: frozenset[str]) -> list[int]:
    """Ascending positions of the characters of ``ends`` that stand before one of ``closers``
    with only white space other than a line break between: the match starts of
    ``[ends][^\\S\\n]*[closers]`` (white space and ``closers`` not in ``ends``), found from
    the closers (a colon, 】), which are few, instead of trying every position."""
    out = []
    for closer in closers:
        pos = text.find(closer)
        while pos != -1:
            at = pos - 1
            if at >= 0 and text[at] in ends:  # the common case: right before the closer
                out.append(at)
            else:
                while at >= 0 and text[at] != "\n" and text[at].isspace():
                    at -= 1
                if at >= 0 and text[at] in ends:
                    out.append(at)
            pos = text.find(closer, pos + 1)
    out.sort()
    return out


#: needles by their last character, with the characters that can stand before it (None: any)
NeedleGroups = dict[str, tuple[tuple[str, ...], frozenset[str] | None]]


def by_last_char(needles: Iterable[str]) -> NeedleGroups:
    """Needles grouped by their last character, for :func:`needle_starts`."""
    grouped: dict[str, tuple[str, ...]] = {}
    for needle in needles:
        grouped[needle[-1]] = (*grouped.get(needle[-1], ()), needle)
    return {last: (group, None if any(len(n) < 2 for n in group) else frozenset(n[-2] for n in group))
            for last, group in grouped.items()}


def needle_starts(text: str, groups: NeedleGroups) -> list[int]:
    """Ascending start positions of the needles (grouped by :func:`by_last_char`) in the text:
    one ``str.find`` loop per last character instead of a scan per needle."""
    out = []
    for last, (needles, before) in groups.items():
        pos = text.find(last)
        while pos != -1:
            # the character before rules most hits out (文件 is no 此件, 方式 no 公开方式)
            if before is None or (pos and text[pos - 1] in before):
                for needle in needles:
                    start = pos + 1 - len(needle)
                    if start >= 0 and text.startswith(needle, start):
                        out.append(start)
            pos = text.find(last, pos + 1)
    out.sort()
    return out
