"""One document as the recognizers see it: the folded text, windows around a value, the cue
words in them, the column header of a table cell, and facts about the whole document
(a published penalty decision, an appointment notice that publishes birth dates by rule).

Windows never cross a line: a label on the line above belongs to another value.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Collection
from typing import TYPE_CHECKING

from gkrules.model import Document

from .cues import Cue
from .textview import TextView

if TYPE_CHECKING:
    from .kit import Kit

_PENALTY = re.compile(r"行政处罚|处罚决定|处罚信息|处罚结果|处罚案件")


class Scene:
    def __init__(self, doc: Document, today: dt.date, kit: Kit):
        self.doc = doc
        self.view = TextView(doc.text)
        self.text = self.view.text
        self.today = today
        self.kit = kit
        self._cells: tuple[list[int], list[tuple[int, int, str, tuple[str, ...]]]] | None = None
        self._facts: dict[str, bool] = {}

    # -- offsets and lines -----------------------------------------------------------------

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.view.span(start, end)

    def raw(self, start: int, end: int) -> str:
        """The document's own characters for a view span (for masks: one for one)."""
        s, e = self.view.span(start, end)
        return self.doc.text[s:e]

    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def line_end(self, pos: int) -> int:
        e = self.text.find("\n", pos)
        return len(self.text) if e == -1 else e

    def line(self, pos: int) -> tuple[int, int]:
        return self.line_start(pos), self.line_end(pos)

    def before(self, pos: int, n: int) -> tuple[str, int]:
        """(window, its start): up to ``n`` characters before ``pos`` on the same line."""
        s = max(self.line_start(pos), pos - n)
        return self.text[s:pos], s

    def after(self, end: int, n: int) -> str:
        return self.text[end:min(self.line_end(end), end + n)]

    # -- cue words ---------------------------------------------------------------------------

    def cues_before(self, pos: int, n: int) -> list[Cue]:
        window, s = self.before(pos, n)
        return self.kit.book.hits(window, s)

    def nearest_before(self, pos: int, n: int, kinds: Collection[str]) -> Cue | None:
        """The closest cue before ``pos`` (within ``n`` characters, same line) that has one of
        ``kinds``; of two cues ending at the same place the longer wins."""
        best = None
        for cue in self.cues_before(pos, n):
            if cue.kinds & set(kinds):
                best = cue
        return best

    def cues_after(self, end: int, n: int) -> list[Cue]:
        return self.kit.book.hits(self.after(end, n), end)

    def has_cue(self, start: int, end: int, kind: str) -> bool:
        return any(kind in c.kinds for c in self.kit.book.hits(self.text[start:end], start))

    def mentions(self, kind: str) -> bool:
        """Whether any cue word of ``kind`` occurs anywhere in the text (one fast search)."""
        if kind not in self._facts:
            rx = self.kit.presence.get(kind)
            self._facts[kind] = rx is not None and rx.search(self.text) is not None
        return self._facts[kind]

    # -- tables ------------------------------------------------------------------------------

    def cell_index(self) -> tuple[list[int], list[tuple[int, int, str, tuple[str, ...]]]]:
        if self._cells is None:
            cells: list[tuple[int, int, str, tuple[str, ...]]] = []
            for table in self.doc.tables:
                headers = []
                for j in range(max((len(r) for r in table.rows), default=0)):
                    headers.append(" ".join(r[j].text.strip() for r in table.header if j < len(r)))
                for row in table.body:
                    for j, cell in enumerate(row):
                        if j < len(headers):
                            cells.append((cell.start, cell.end, headers[j], tuple(headers)))
            cells.sort()
            self._cells = ([c[0] for c in cells], cells)
        return self._cells

    def _cell_at(self, pos: int) -> tuple[int, int, str, tuple[str, ...]] | None:
        if not self.doc.tables:
            return None
        starts, cells = self.cell_index()
        d = self.view.to_doc(pos)
        i = bisect.bisect_right(starts, d) - 1
        if i >= 0 and cells[i][0] <= d < max(cells[i][1], cells[i][0] + 1):
            return cells[i]
        return None

    def header(self, pos: int) -> str | None:
        """The column header of the table cell holding view offset ``pos``, if any."""
        cell = self._cell_at(pos)
        return cell[2] if cell else None

    def row_headers(self, pos: int) -> tuple[str, ...]:
        """All column headers of the table whose body holds ``pos`` (empty outside tables)."""
        cell = self._cell_at(pos)
        return cell[3] if cell else ()

    def header_cues(self, pos: int) -> list[Cue]:
        h = self.header(pos)
        return self.kit.book.hits(h) if h else []

    # -- the whole document ------------------------------------------------------------------

    @property
    def is_penalty(self) -> bool:
        """A published penalty decision (浙江办法第七条: hide natural persons' contacts)."""
        if "penalty" not in self._facts:
            meta = self.doc.metadata
            head = (meta.title or "") + "\n" + self.text[:300]
            self._facts["penalty"] = meta.kind == "penalty" or _PENALTY.search(head) is not None
        return self._facts["penalty"]

    @property
    def is_appointment(self) -> bool:
        """An appointment or recruitment notice, which publishes 出生年月 by rule."""
        if "appointment" not in self._facts:
            head = (self.doc.metadata.title or "") + "\n" + self.text[:300]
            self._facts["appointment"] = any(w in head for w in self.kit.params.cues.appointment)
        return self._facts["appointment"]
