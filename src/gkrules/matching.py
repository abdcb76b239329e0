"""Keyword matching behind a small interface, so that a faster engine can be plugged in.

The default is pyahocorasick: one pass over the text for a whole word list, overlapping
matches reported, so that a longer allow-listed term (商业秘密) can cancel a shorter hit
(秘密) that it contains. No implicit word boundaries: they are meaningless in Chinese.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

import ahocorasick
from attrs import frozen


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
    return AhoCorasickMatcher(words)
