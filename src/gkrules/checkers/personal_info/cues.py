"""Cue words: the rule set's word lists, matched in small character windows.

Tokens and lemmas do not work on Chinese text (personal-info.md §8): a cue is a plain
substring, searched in a window of characters around a candidate, with no word boundaries.
All lists go into one pattern, each word carrying the kinds it belongs to; a window's hits
are leftmost-longest, so 举报电话 (a hotline) hides 举报 and 办公电话 hides 电话.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import NamedTuple

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a platform without its wheel (gkrules.matching)
    ahocorasick_rs = None  # type: ignore[assignment]  # the trie pattern does the work

from gkrules.matching import WINDOW

_new_tuple = tuple.__new__


class Cue(NamedTuple):
    start: int
    end: int
    word: str
    kinds: frozenset[str]


class CueBook:
    def __init__(self, lists: Mapping[str, Iterable[str]]):
        kinds_of: dict[str, set[str]] = {}
        for kind, words in lists.items():
            for w in words:
                w = w.strip()
                if w:
                    kinds_of.setdefault(w, set()).add(kind)
        self._kinds = {w: frozenset(k) for w, k in kinds_of.items()}
        # a trie-shaped pattern finds leftmost-longest, non-overlapping words in one C-level
        # pass; ``match`` uses it, and ``hits`` where ahocorasick-rs is missing
        self._rx = alternation(self._kinds)
        self.words = {k: tuple(v) for k, v in lists.items()}
        # ahocorasick-rs (a DFA, leftmost-longest: the same hits) scans a window of about 70
        # characters in half the time the trie pattern takes: ``re`` tries a match at every
        # character against 380 words' first characters (docs/benchmarks.md, issue 19)
        ws = sorted(self._kinds)
        self._ac = None if ahocorasick_rs is None or not ws else ahocorasick_rs.AhoCorasick(
            ws, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest, implementation=ahocorasick_rs.Implementation.DFA)
        #: (word, kinds) by the automaton's word index
        self._cue_of = [(w, self._kinds[w]) for w in ws]

    def match(self, text: str, pos: int):
        """The cue word starting exactly at ``pos``, or None."""
        return self._rx.match(text, pos) if self._rx is not None else None

    def hits(self, window: str, offset: int = 0) -> list[Cue]:
        """Leftmost-longest cue words of ``window``; offsets shifted by ``offset``."""
        if self._rx is None or not window:
            return []
        if self._ac is not None and len(window) <= CHUNK:
            cue_of = self._cue_of
            return [_new_tuple(Cue, (s + offset, e + offset, *cue_of[i]))
                    for i, s, e in self._ac.find_matches_as_indexes(window)]
        kinds = self._kinds
        # tuple.__new__ directly: a NamedTuple's own __new__ is a Python function (same object)
        return [_new_tuple(Cue, (m.start() + offset, m.end() + offset, w, kinds[w]))
                for m in self._rx.finditer(window) for w in (m.group(),)]


def _trie(words: Iterable[str]) -> str:
    root: dict = {}
    for w in words:
        node = root
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(c) + build(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:  # a word ends here, a longer one may go on: prefer the longer
            return ("(?:" + body + ")?") if len(alts) == 1 else body + "?"
        return body

    return build(root)


def alternation(words: Iterable[str]) -> re.Pattern[str] | None:
    """A ``re`` pattern matching any of ``words``, longest first, built as a trie: one scan
    over a whole text finds every label. (Measured on Chinese text: a trie is faster than a
    flat alternation of the same words, and both beat Aho-Corasick from Python and the
    ``regex`` module for this; see docs/benchmarks.md.)"""
    ws = {w for w in words if w}
    if not ws:
        return None
    return re.compile(_trie(ws))


#: (start, end, word) of each word found, in text order
WordScan = Callable[[str], list[tuple[int, int, str]]]


CHUNK = WINDOW  # the longest text one ahocorasick-rs call gets (gkrules.matching.WINDOW)


def leftmost_longest(words: Iterable[str], chunk: int = CHUNK) -> WordScan | None:
    """A scan for ``words`` over a whole text with what :func:`alternation` finds: at the
    leftmost place a word starts, the longest word there, then on after it.

    ahocorasick-rs (a DFA) where it is installed: the trie pattern tests every character of the
    text against its first characters and tries a match at each of the ten thousand places per
    MB that start a word's first character (现、家、地…), more instructions than the DFA's one
    pass; the DFA also shares the text's UTF-8 form, which Python keeps with the string, with the
    other ahocorasick-rs scans of the same text. The trie pattern where it is not. A text longer
    than ``chunk`` is scanned in windows of ``chunk`` characters (plus a word's length), each
    starting where the scan of the one before would go on: the same words."""
    ws = sorted({w for w in words if w})
    if not ws:
        return None
    if ahocorasick_rs is None:  # pragma: no cover - a platform without its wheel
        rx = alternation(ws)
        assert rx is not None
        return lambda text: [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]
    automaton = ahocorasick_rs.AhoCorasick(ws, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest,
                                           implementation=ahocorasick_rs.Implementation.DFA)
    reach = chunk + max(map(len, ws)) - 1

    def scan(text: str) -> list[tuple[int, int, str]]:
        if len(text) <= chunk:
            return [(s, e, ws[i]) for i, s, e in automaton.find_matches_as_indexes(text)]
        out: list[tuple[int, int, str]] = []
        pos = 0
        while pos < len(text):
            # a word that starts before pos + chunk lies inside the window whole; the scan
            # goes on from the end of the last one kept, or from pos + chunk
            after = pos + chunk
            for i, s, e in automaton.find_matches_as_indexes(text[pos:pos + reach]):
                if s >= chunk:
                    break
                out.append((pos + s, pos + e, ws[i]))
                after = max(after, pos + e)
            pos = after
        return out
    return scan
