"""Short identifiers that look like many other codes (文号, model numbers, 批次): they count
only right after their own label (护照号码：E73920416). One fast search for the labels, then
the value pattern at each label; the gap between them may hold only separators and label
words (号码、编号), never letters, digits or the end of a sentence."""

from __future__ import annotations

import re
from collections.abc import Iterator

_GAP = re.compile(r"[^0-9A-Za-z。；;！？\n]*")


def labelled_values(scene, kind: str, value_rx, gap: int) -> Iterator[tuple[str, re.Match]]:
    """(label word, value match) for each label of ``kind`` followed by a value."""
    text = scene.text
    for _, end, word in scene.labels(kind):
        g = _GAP.match(text, end, end + gap + 1)
        pos = g.end()
        if pos - end > gap:
            continue
        m = value_rx.match(text, pos)
        if m is not None:
            yield word, m
