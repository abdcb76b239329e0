"""The text that recognizers match on, and the way back to document offsets.

Full-width letters, digits and the few symbols that identifiers use (＠＋－．＿＊) are folded
to ASCII one for one (NFKC would also fold the full-width punctuation of every Chinese
sentence, which costs time and changes nothing for us). Zero-width characters and soft
hyphens, which copy-paste and PDF extraction leave inside numbers, are removed; only then do
offsets change, and ``to_doc`` maps them back. Both steps are skipped, at the cost of one
fast search, when a text has nothing to fold.
"""

from __future__ import annotations

import bisect
import re
from array import array

_FOLD = re.compile("[\uff0a\uff0b\uff0d\uff0e\uff10-\uff19\uff20-\uff3a\uff3f\uff41-\uff5a\u00d7]")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# what makes folding worth it: full-width letters, digits or ＠, a × mask, a zero-width
# character (full-width punctuation alone, as in every ``1．`` list item, changes nothing)
# (the checker looks only for full-width digits, ＠ and zero-width characters: identifiers
# written in full-width letters alone do not occur, and the label scan slows with each
# character added)
FOLD_TRIGGERS = "".join(chr(c) for c in range(0xFF10, 0xFF1A)) + "\uff20\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ANY = re.compile("[\uff10-\uff19\uff20-\uff3a\uff41-\uff5a\u00d7\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _fold(m: re.Match[str]) -> str:
    c = m.group()
    return "*" if c == "\u00d7" else chr(ord(c) - 0xFEE0)


class TextView:
    """``text``: what to match on; ``to_doc(i)``: the document offset of view offset ``i``."""

    __slots__ = ("_map", "original", "text")

    def __init__(self, original: str, *, fold: bool | None = None):
        """``fold``: whether the text needs folding, if the caller already knows (None:
        search for a trigger)."""
        self.original = original
        self._map: array | None = None
        if fold is False or (fold is None and _ANY.search(original) is None):
            self.text = original
            return
        text = _FOLD.sub(_fold, original)
        if _ZERO_WIDTH.search(text) is not None:
            kept = array("l")
            out = []
            for i, c in enumerate(text):
                if _ZERO_WIDTH.match(c) is None:
                    kept.append(i)
                    out.append(c)
            kept.append(len(text))
            self._map = kept
            text = "".join(out)
        self.text = text

    @property
    def identity(self) -> bool:
        """View offsets are document offsets (no zero-width characters were removed)."""
        return self._map is None

    def to_doc(self, i: int) -> int:
        return i if self._map is None else self._map[i]

    def to_view(self, d: int) -> int:
        """The view offset of document offset ``d`` (a removed character maps to the next
        kept one)."""
        return d if self._map is None else bisect.bisect_left(self._map, d)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Document span of view span [start, end)."""
        if self._map is None:
            return start, end
        return self._map[start], self._map[end - 1] + 1 if end > start else self._map[start]
