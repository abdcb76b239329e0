"""Short identifiers that look like many other codes (文号, model numbers, 批次): they count
only right after their own label (护照号码：E73920416) or in a column headed by it. One fast
search for the labels, then the value pattern at each label; the gap between them may hold
only separators and label words (号码、编号), never letters, digits or the end of a sentence.
In a table, a cell counts when the whole cell is one value."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

from .masking import mask_value
from .params import MaskSpec

_GAP = re.compile(r"[^0-9A-Za-z。；;！？\n]*")


def labelled_values(scene, kind: str, value_rx, gap: int) -> Iterator[tuple[str, re.Match]]:
    """(label word, value match) for each label of ``kind`` followed by a value."""
    text = scene.text
    for _, end, word in scene.labels(kind):
        g = _GAP.match(text, end, end + gap + 1)
        assert g is not None  # _GAP matches the empty string too
        pos = g.end()
        if pos - end > gap:
            continue
        m = value_rx.match(text, pos)
        if m is not None:
            yield word, m


def column_values(scene, kind: str, value_rx) -> Iterator[tuple[str, re.Match]]:
    """(header word, value match) for each table cell under a header with a label of ``kind``
    whose whole content is one value."""
    if not scene.doc.tables or not scene.view.identity:
        return  # cells are in document offsets; they equal view offsets only then
    text, kit = scene.text, scene.kit
    for table in scene.doc.tables:
        if not table.header:
            continue
        for j in range(max(len(r) for r in table.header)):
            header = " ".join(r[j].text.strip() for r in table.header if j < len(r))
            word = next((c.word for c in kit.header_cues(header) if kind in c.kinds), None)
            if word is None:
                continue
            for row in table.body:
                if j < len(row):
                    cell = row[j]
                    raw = text[cell.start:cell.end]
                    core = raw.strip()
                    if not core:
                        continue
                    s = cell.start + raw.index(core)
                    m = value_rx.match(text, s)
                    if m is not None and m.end() == s + len(core):
                        yield word, m


def labelled_detections(scene, kind: str, value_rx, mask: MaskSpec) -> Iterator[tuple[str, int, int, str, str]]:
    """(label word, start, end, key, masked value) of each value of ``kind``: after its label
    (``labelled_values``), then in a column headed by it (``column_values``)."""
    found = chain(labelled_values(scene, kind, value_rx, scene.kit.params.windows.label_gap),
                  column_values(scene, kind, value_rx))
    for label, m in found:
        s, e = m.span()
        yield label, s, e, m.group().upper(), mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail)
