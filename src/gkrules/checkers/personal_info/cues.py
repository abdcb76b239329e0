"""Cue words: the rule set's word lists, matched in small character windows.

Tokens and lemmas do not work on Chinese text (personal-info.md §8): a cue is a plain
substring, searched in a window of characters around a candidate, with no word boundaries.
All lists go into one Aho-Corasick automaton, each word carrying the kinds it belongs to; a
window's hits are reduced leftmost-longest, so 举报电话 (a hotline) hides 举报 and 办公电话
hides 电话.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import NamedTuple

import ahocorasick


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
        self._automaton = ahocorasick.Automaton()
        for w, kinds in kinds_of.items():
            self._automaton.add_word(w, (w, frozenset(kinds)))
        self._empty = not kinds_of
        if not self._empty:
            self._automaton.make_automaton()
        self.words = {k: tuple(v) for k, v in lists.items()}

    def hits(self, window: str, offset: int = 0) -> list[Cue]:
        """Leftmost-longest cue words of ``window``; offsets shifted by ``offset``."""
        if self._empty or not window:
            return []
        raw = [(end - len(w) + 1, end + 1, w, kinds) for end, (w, kinds) in self._automaton.iter(window)]
        if not raw:
            return []
        raw.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[Cue] = []
        last = -1
        for s, e, w, kinds in raw:
            if s >= last:
                out.append(Cue(s + offset, e + offset, w, kinds))
                last = e
        return out


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
