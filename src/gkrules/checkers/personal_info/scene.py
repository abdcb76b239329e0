"""One document as the recognizers see it: the folded text, windows around a value, the cue
words in them, the column header of a table cell, and facts about the whole document
(a published penalty decision, an appointment notice that publishes birth dates by rule).

Windows never cross a line: a label on the line above belongs to another value.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Collection
from typing import Any, TypeVar

from gkrules.model import Document

from .cues import Cue
from .kit import MASK_TRIGGERS, NUMERIC_RUN, RUN_LOOKBACK, Kit
from .textview import TextView

T = TypeVar("T")

_NEWLINE = re.compile("\n")
_SHORT_LINE = 1024
_PENALTY = re.compile(r"行政处罚|处罚决定|处罚信息|处罚结果|处罚案件")
#: a title of a document that is not itself a penalty decision though it names one: a reply
#: to a disclosure request, an interpretation, or a rule about penalties (…公示办法, 裁量基准)
_NOT_PENALTY = re.compile(r"答复|告知书|解读|问答|办法|规定|细则|基准|制度|指南|规则|规范|工作方案|实施方案")
#: a quoted title (《行政处罚信息公示办法》) names another document
_QUOTED = re.compile(r"《[^《》\n]{0,80}》")
#: characters a web address is written with (RFC 3986), read back from a number
_URL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'*+,;=%")
_URL_REACH = 300


class Scene:
    def __init__(self, doc: Document, today: dt.date, kit: Kit):
        self.doc = doc
        self.view = TextView(doc.text, fold=False)
        self.text = self.view.text
        self.today = today
        self.kit = kit
        self._cells: tuple[list[int], list[tuple[int, int, str, tuple[str, ...], tuple[int, int]]]] | None = None
        self._runs: list[tuple[int, int]] | None = None
        self._near_cues: dict[int, list[Cue]] = {}
        self._span_cues: dict[tuple[int, int], list[Cue]] = {}
        self._newlines: list[int] | None = None
        self._labels: dict[str, list[tuple[int, int, str]]] = {}  # filled by _scan_labels below
        self._penalty: bool | None = None
        self._shared: dict[str, Any] = {}
        self._appointment: bool | None = None
        self._scan_labels()
        if "fold" in self._labels:  # full-width digits or zero-width characters: fold, scan again
            self.view = TextView(doc.text, fold=True)
            self.text = self.view.text
            self._scan_labels()

    # -- the two scans of the whole text -----------------------------------------------------

    def runs(self) -> list[tuple[int, int]]:
        """Spans of digits with separators (``NUMERIC_RUN``), where numbers can be."""
        if self._runs is None:
            self._runs = [m.span() for m in NUMERIC_RUN.finditer(self.text)]
        return self._runs

    def finditer(self, rx, min_len: int = 0, first: str | None = None):
        """Matches of a number pattern in and around the numeric runs: a match may start up to
        ``RUN_LOOKBACK`` characters before a run (``(0931)``, ``+86``); one character after it
        stays visible to look-aheads. Patterns keep their own boundaries and never match
        the empty string (the search goes on from a match's end). Runs shorter than
        ``min_len`` or not starting with one of ``first`` are skipped without a search."""
        text, n = self.text, len(self.text)
        runs = self.runs()
        if min_len or first is not None:
            runs = [(s, e) for s, e in runs if e - s >= min_len and (first is None or text[s] in first)]
        last = 0
        search = rx.search  # a search per match: cheaper than a finditer object per run
        for s, e in runs:
            end = min(n, e + 1)
            m = search(text, max(last, s - RUN_LOOKBACK), end)
            while m is not None:
                last = m.end()
                yield m
                m = search(text, last, end)

    def _scan_labels(self) -> None:
        labels: dict[str, list[tuple[int, int, str]]] = {}
        self._labels = labels
        kinds_of, scan = self.kit.label_kinds, self.kit.label_scan
        if self.kit.label_chars_only:
            self._find_label_chars()
            return
        for found in scan(self.text) if scan is not None else ():
            for k in kinds_of[found[2]]:
                labels.setdefault(k, []).append(found)

    def _find_label_chars(self) -> None:
        """The label scan of a kit whose labels are single characters (every rule that reads
        label words switched off: only the fold and mask triggers are left): a ``str`` search
        for each character, half the time of the automaton over the whole text; the rare
        characters that occur are then listed as the scan lists them (every occurrence, in
        text order)."""
        text, labels = self.text, self._labels
        for c, kinds in self.kit.label_kinds.items():
            i = text.find(c)
            while i != -1:
                for k in kinds:
                    labels.setdefault(k, []).append((i, i + 1, c))
                i = text.find(c, i + 1)
        for found in labels.values():
            found.sort()

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """An analysis several rules read inside the detection pass (the card numbers that
        bank-card and org-bank-account judge), computed once per document. (The scene is itself
        part of the pass's result, which the document's facts keep: a plain dict here saves
        ``facts.shared``'s cost on every document.)"""
        shared = self._shared
        if key in shared:  # (not try/except: the first look-up of every document would raise)
            return shared[key]
        value = shared[key] = compute()
        return value

    def has_mask_chars(self) -> bool:
        """Whether ``*``, ``＊`` or ``×`` occurs in the text (from the label scan when the kit
        lets it look for them)."""
        if self.kit.mask_in_scan:
            return "mask" in self._labels
        text = self.text
        return any(c in text for c in MASK_TRIGGERS)

    def label_kinds(self):
        """The kinds of label word that occur, as a set view (``isdisjoint(kinds)``: none of
        ``kinds`` occurs)."""
        return self._labels.keys()

    def labels(self, kind: str) -> list[tuple[int, int, str]]:
        """(start, end, word) of every label word of ``kind`` (one of ``LABEL_KINDS``),
        found by the label scans when the scene was made."""
        return self._labels.get(kind, [])

    # -- offsets and lines -----------------------------------------------------------------

    def doc_span(self, start: int, end: int) -> tuple[int, int]:
        return self.view.span(start, end)

    def raw(self, start: int, end: int) -> str:
        """The document's own characters for a view span (for masks: one for one)."""
        s, e = self.view.span(start, end)
        return self.doc.text[s:e]

    def _newline_index(self) -> list[int]:
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        return self._newlines

    def line_start(self, pos: int) -> int:
        # a short look first; an index for very long lines (a table exported as one line),
        # so that no look-up walks a whole long line again
        lo = pos - _SHORT_LINE
        i = self.text.rfind("\n", max(0, lo), pos)
        if i != -1 or lo <= 0:
            return i + 1
        nl = self._newline_index()
        k = bisect.bisect_left(nl, pos)
        return nl[k - 1] + 1 if k else 0

    def line_end(self, pos: int) -> int:
        i = self.text.find("\n", pos, pos + _SHORT_LINE)
        if i != -1:
            return i
        if pos + _SHORT_LINE >= len(self.text):
            return len(self.text)
        nl = self._newline_index()
        k = bisect.bisect_left(nl, pos)
        return nl[k] if k < len(nl) else len(self.text)

    def before(self, pos: int, n: int) -> tuple[str, int]:
        """(window, its start): up to ``n`` characters before ``pos`` on the same line."""
        lo = max(0, pos - n)
        s = self.text.rfind("\n", lo, pos) + 1 or lo
        return self.text[s:pos], s

    def after(self, end: int, n: int) -> str:
        e = self.text.find("\n", end, end + n)
        return self.text[end:e if e != -1 else end + n]

    def in_url(self, pos: int) -> bool:
        """Whether ``pos`` lies inside a web address (``…/t20251120_13912345678.html``): digits
        there are page and file numbers, not anyone's phone."""
        text = self.text
        i, lo = pos, max(0, pos - _URL_REACH)
        while i > lo and text[i - 1] in _URL_CHARS:
            i -= 1
        token = text[i:pos]
        return "://" in token or token.lower().startswith("www.")

    # -- cue words ---------------------------------------------------------------------------

    def _near(self, pos: int) -> list[Cue]:
        """Cue words of the widest window any rule looks at around ``pos`` (same line),
        computed once per position."""
        cues = self._near_cues.get(pos)
        if cues is None:
            text = self.text
            lo = max(0, pos - self.kit.reach_back)
            s = text.rfind("\n", lo, pos) + 1 or lo
            e = text.find("\n", pos, pos + self.kit.reach_ahead)
            cues = self._near_cues[pos] = self.kit.book.hits(
                text[s:e if e != -1 else pos + self.kit.reach_ahead], s)
        return cues

    def hits(self, start: int, end: int) -> list[Cue]:
        """``kit.book.hits(text[start:end], start)``, once per span: the lines of a form-like
        block are looked at again for every value in it. (Callers only read the list.)"""
        key = (start, end)
        cues = self._span_cues.get(key)
        if cues is None:
            cues = self._span_cues[key] = self.kit.book.hits(self.text[start:end], start)
        return cues

    def cues_before(self, pos: int, n: int) -> list[Cue]:
        """Cue words that end at or before ``pos`` and start no more than ``n`` characters
        before it, on the same line."""
        if n > self.kit.reach_back:
            window, s = self.before(pos, n)
            return self.kit.book.hits(window, s)
        lo = pos - n
        return [c for c in self._near(pos) if c.end <= pos and c.start >= lo]

    def nearest_before(self, pos: int, n: int, kinds: Collection[str]) -> Cue | None:
        """The closest cue before ``pos`` (within ``n`` characters, same line) that has one of
        ``kinds``; of two cues ending at the same place the longer wins."""
        for cue in reversed(self.cues_before(pos, n)):
            if not cue.kinds.isdisjoint(kinds):
                return cue
        return None

    def cues_after(self, end: int, n: int) -> list[Cue]:
        return self.kit.book.hits(self.after(end, n), end)

    def mentions(self, kind: str) -> bool:
        """Whether a label word of ``kind`` occurs anywhere in the text."""
        return bool(self.labels(kind))

    # -- tables ------------------------------------------------------------------------------

    def cell_index(self) -> tuple[list[int], list[tuple[int, int, str, tuple[str, ...], tuple[int, int]]]]:
        """(cell starts, cells): each cell as (start, end, its header, all headers of its
        table, (table, column))."""
        if self._cells is None:
            cells: list[tuple[int, int, str, tuple[str, ...], tuple[int, int]]] = []
            for t, table in enumerate(self.doc.tables):
                headers = []
                for j in range(max((len(r) for r in table.rows), default=0)):
                    headers.append(" ".join(r[j].text.strip() for r in table.header if j < len(r)))
                for row in table.body:
                    for j, cell in enumerate(row):
                        if j < len(headers):
                            cells.append((cell.start, cell.end, headers[j], tuple(headers), (t, j)))
            cells.sort()
            self._cells = ([c[0] for c in cells], cells)
        return self._cells

    def _cell_at(self, pos: int) -> tuple[int, int, str, tuple[str, ...], tuple[int, int]] | None:
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

    def column(self, pos: int) -> tuple[int, int] | None:
        """(table, column) of the table cell holding ``pos``, if any."""
        cell = self._cell_at(pos)
        return cell[4] if cell else None

    def header_cues(self, pos: int) -> list[Cue]:
        h = self.header(pos)
        return self.kit.header_cues(h) if h else []

    def row_header_kinds(self, pos: int) -> set[str]:
        """The cue kinds of all column headers of the table holding ``pos``."""
        return {k for h in self.row_headers(pos) for c in self.kit.header_cues(h) for k in c.kinds}

    # -- the whole document ------------------------------------------------------------------

    # (plain attributes filled on first use: functools.cached_property takes a lock on
    # every first access, a measurable cost at one scene per document)
    @property
    def is_penalty(self) -> bool:
        """A published penalty decision or penalty publicity (浙江办法第七条: hide natural
        persons' contacts). A reply letter, an interpretation or a rule that only names
        penalties (quoted titles left out) is not one."""
        if self._penalty is None:
            meta = self.doc.metadata
            if meta.kind == "penalty" and meta.sources.get("kind") in ("sidecar", "host"):
                self._penalty = True  # declared by whoever publishes it (a title-derived kind
                # calls 印发《行政处罚信息公示办法》的通知 a penalty: judged below instead)
            else:
                nl = self.text.find("\n", 0, 200)
                title = meta.title or self.text[:nl if nl != -1 else 200]
                head = _QUOTED.sub("", title + "\n" + self.text[:300])
                self._penalty = _NOT_PENALTY.search(_QUOTED.sub("", title)) is None \
                    and _PENALTY.search(head) is not None
        return self._penalty

    @property
    def is_appointment(self) -> bool:
        """An appointment or recruitment notice, which publishes 出生年月 by rule."""
        if self._appointment is None:
            head = (self.doc.metadata.title or "") + "\n" + self.text[:300]
            self._appointment = any(w in head for w in self.kit.params.cues.appointment)
        return self._appointment
