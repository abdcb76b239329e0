"""Keyword matching behind a small interface, so that a faster engine can be plugged in.

One pass over the text for a whole word list, overlapping matches reported, so that a longer
allow-listed term (商业秘密) can cancel a shorter hit (秘密) that it contains. No implicit word
boundaries: they are meaningless in Chinese.

The engine is ahocorasick-rs (Rust, code-point offsets, all matches of a text returned in one
call: four times pyahocorasick's speed on the word lists of the national rule set, see
docs/benchmarks.md "多模式匹配引擎"); where its wheel is missing, pyahocorasick (C) does the
same job. Both report hits ordered by end offset, the longer of two words ending at the same
place first, so the two give the same results in the same order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import ahocorasick
from attrs import frozen

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a platform without its wheel
    ahocorasick_rs = None  # type: ignore[assignment]  # pyahocorasick does the work


#: the longest text one ahocorasick-rs call gets: it builds a table of eight bytes per byte of
#: the text it is given (byte to character offsets), and for a text of many megabytes those
#: fresh pages made the time per MB grow with the size (on 16 MB a call took 2.4x the time per
#: MB of a 1 MB one; tests/test_linear_size.py)
WINDOW = 1 << 18


def overlapping_matches(automaton: Any, text: str, longest: int, window: int = WINDOW) -> list[tuple[int, int, int]]:
    """(word index, start, end) of every match of an ahocorasick-rs ``automaton``, overlapping,
    in its order (by end, the longer first). A text longer than ``window`` is scanned a window
    at a time; a window reaches ``longest - 1`` characters past its end and keeps the matches
    that start in it, and the whole is put back in order (nearly sorted already)."""
    find = automaton.find_matches_as_indexes
    if len(text) <= window:
        return find(text, overlapping=True)
    out: list[tuple[int, int, int]] = []
    reach = window + longest - 1
    for s in range(0, len(text), window):
        out.extend((i, a + s, b + s) for i, a, b in find(text[s:s + reach], overlapping=True) if a < window)
    out.sort(key=lambda m: (m[2], m[1]))
    return out


@frozen
class KeywordHit:
    start: int
    end: int
    word: str
    payload: Any


class KeywordMatcher(Protocol):
    def iter(self, text: str) -> Iterator[KeywordHit]: ...

    def __len__(self) -> int: ...


class AhoCorasickMatcher:
    """All (overlapping) occurrences of the words in a text, in order of their end offset."""

    def __init__(self, words: Mapping[str, Any] | Iterable[str]):
        self._automaton = ahocorasick.Automaton()
        items = words.items() if isinstance(words, Mapping) else ((w, w) for w in words)
        count = 0
        for word, payload in items:
            if word:
                self._automaton.add_word(word, (word, payload))
                count += 1
        self._count = count
        if count:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return self._count

    def iter(self, text: str) -> Iterator[KeywordHit]:
        if not self._count:
            return
        for end, (word, payload) in self._automaton.iter(text):
            yield KeywordHit(end - len(word) + 1, end + 1, word, payload)


class RustAhoCorasickMatcher:
    """``AhoCorasickMatcher`` on ahocorasick-rs: the matches of a text come back from Rust in
    one list (pyahocorasick hands them to Python one at a time)."""

    def __init__(self, words: Mapping[str, Any] | Iterable[str]):
        items = words.items() if isinstance(words, Mapping) else ((w, w) for w in words)
        table: dict[str, Any] = {}
        for word, payload in items:
            if word:
                table[word] = payload  # a repeated word keeps its last payload, as in pyahocorasick
        self._words = list(table)
        self._payloads = list(table.values())
        self._automaton = ahocorasick_rs.AhoCorasick(self._words) if self._words else None
        self._longest = max(map(len, self._words), default=0)

    def __len__(self) -> int:
        return len(self._words)

    def iter(self, text: str) -> Iterator[KeywordHit]:
        if self._automaton is None:
            return
        words, payloads = self._words, self._payloads
        for i, start, end in overlapping_matches(self._automaton, text, self._longest, WINDOW):
            yield KeywordHit(start, end, words[i], payloads[i])


def longest_non_overlapping(hits: Iterable[KeywordHit]) -> list[KeywordHit]:
    """Leftmost-longest selection, for display."""
    ordered = sorted(hits, key=lambda h: (h.start, -(h.end - h.start)))
    out: list[KeywordHit] = []
    last_end = -1
    for h in ordered:
        if h.start >= last_end:
            out.append(h)
            last_end = h.end
    return out


def make_matcher(words: Mapping[str, Any] | Iterable[str]) -> KeywordMatcher:
    if ahocorasick_rs is not None:
        return RustAhoCorasickMatcher(words)
    return AhoCorasickMatcher(words)
