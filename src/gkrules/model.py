"""Core objects: what a loader produces, what a checker reports, what a run returns.

All classes are small frozen attrs classes. Serialisation lives at the edges
(``gkrules.serialize``); nothing here knows about JSON.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import heapq
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import field, frozen


class Severity(str, enum.Enum):
    """How strongly a finding stops publication."""

    BLOCK = "block"
    WARN = "warn"
    INFO = "info"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    def at_least(self, other: Severity) -> bool:
        return self.rank >= other.rank

    @property
    def label(self) -> str:
        """The Chinese word reviewers see."""
        return _SEVERITY_LABEL[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARN: 2, Severity.BLOCK: 3}
_SEVERITY_LABEL = {Severity.BLOCK: "阻断", Severity.WARN: "警告", Severity.INFO: "提示"}


@frozen
class Location:
    """Where a finding is.

    ``start``/``end`` are code-point offsets into ``Document.text``; lines and columns are
    1-based and derived from them. ``page``, ``ref`` (e.g. ``Sheet1!C7`` or ``段落12``) and
    ``hidden`` say where that is in the original file, for formats that have such places.
    """

    start: int | None = None
    end: int | None = None
    line: int | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    page: int | None = None
    ref: str | None = None
    hidden: bool = False


@frozen(init=False)
class Block:
    """A structural piece of the document text: title, header field, paragraph, table, note…"""

    kind: str
    start: int
    end: int
    ref: str | None = None
    page: int | None = None
    hidden: bool = False

    def __init__(self, kind: str, start: int, end: int, ref: str | None = None, page: int | None = None,
                 hidden: bool = False) -> None:
        # loaders make one per line and per spreadsheet cell: filled as Cell's are (below)
        _set_kind(self, kind)
        _set_b_start(self, start)
        _set_b_end(self, end)
        _set_b_ref(self, ref)
        _set_page(self, page)
        _set_b_hidden(self, hidden)


_set_kind, _set_b_start, _set_b_end, _set_b_ref, _set_page, _set_b_hidden = (
    Block.__dict__[a.name].__set__ for a in attrs.fields(Block))


@frozen
class Notice:
    """A condition a loader found that no checker can see in the text — a scanned page with no
    text layer, glyphs without Unicode — which the engine reports as a finding of its own
    rule ``engine/<rule>`` (severity and switch from the rule set's ``engine.rules``).

    ``start``/``end`` are offsets in ``Document.text`` (where the page would be); ``page`` and
    ``ref`` say where it is in the file even when the place holds no text at all."""

    rule: str
    message: str
    start: int | None = None
    end: int | None = None
    page: int | None = None
    ref: str | None = None


@frozen(init=False)
class Cell:
    """One table cell: its text, where that text is in ``Document.text``, and its number."""

    text: str
    start: int
    end: int
    number: float | None = None
    ref: str | None = None
    hidden: bool = False

    def __init__(self, text: str, start: int, end: int, number: float | None = None,
                 ref: str | None = None, hidden: bool = False) -> None:
        # a document with tables makes thousands of cells: the slots are filled through their
        # descriptors, not attrs' frozen __init__ (a bound object.__setattr__ looked up per
        # instance); the same fields, defaults, equality, hash and repr (tests/test_cell_init.py)
        _set_text(self, text)
        _set_start(self, start)
        _set_end(self, end)
        _set_number(self, number)
        _set_ref(self, ref)
        _set_hidden(self, hidden)


# the slot descriptors of the class attrs built (frozen: assignment through them bypasses the
# class's __setattr__, which raises)
_set_text, _set_start, _set_end, _set_number, _set_ref, _set_hidden = (
    Cell.__dict__[a.name].__set__ for a in attrs.fields(Cell))


@frozen
class Table:
    """Rows of cells. ``header_rows`` leading rows are headers; ``notes`` are the 注/说明
    lines printed with the table (they define symbols such as …)."""

    rows: tuple[tuple[Cell, ...], ...]
    start: int
    end: int
    header_rows: int = 1
    caption: str | None = None
    notes: tuple[str, ...] = ()
    ref: str | None = None
    page: int | None = None
    hidden: bool = False

    @property
    def header(self) -> tuple[tuple[Cell, ...], ...]:
        return self.rows[: self.header_rows]

    @property
    def body(self) -> tuple[tuple[Cell, ...], ...]:
        return self.rows[self.header_rows:]


@frozen
class Metadata:
    """What the document says about itself (design §8), plus where each value came from.

    Dates are parsed; the raw text of every header field stays in ``fields`` so that a
    checker can report an unparseable date. ``spans`` maps an element name (``title``,
    ``formed``, ``disclosure``, ``secrecy``…) to its (start, end) in ``Document.text``;
    ``sources`` maps it to ``header`` | ``gbt9704`` | ``sidecar`` | ``host`` | ``title``.
    """

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    index_no: str | None = None
    formed: dt.date | None = None
    published: dt.date | None = None
    changed: dt.date | None = None
    disclosure: str | None = None
    kind: str | None = None
    doctype: str | None = None
    interprets: str | None = None
    addressee: str | None = None
    copy_to: str | None = None
    printed_by: str | None = None
    fenhao: str | None = None
    secrecy: str | None = None
    urgency: str | None = None
    annotations: tuple[str, ...] = ()
    topic: str | None = None
    validity: str | None = None
    encoding: str | None = None
    format: str | None = None
    #: repost (of another organ's document) | internal (the bureau's own work rule) | None, read
    #: from the content (gkrules.metadata.role), with the reasons in Chinese
    role: str | None = None
    role_reasons: tuple[str, ...] = ()
    #: what was done to the text before the checkers read it, in Chinese (繁体转简体, 乱码修复)
    normalised: tuple[str, ...] = ()
    fields: Mapping[str, str] = field(factory=dict)
    spans: Mapping[str, tuple[int, int]] = field(factory=dict)
    sources: Mapping[str, str] = field(factory=dict)
    extra: Mapping[str, Any] = field(factory=dict)


#: line/column look-ups answered by counting before the line index is built
_COUNTED_LOOKUPS = 8


def _line_starts(text: str) -> tuple[int, ...]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


@frozen
class Document:
    """A loaded document. ``text`` is what every offset refers to.

    ``source_lines`` maps text offsets to lines of the original file where the two differ
    (HTML): a sorted tuple of (text offset, source line).
    """

    source: str
    text: str
    sha256: str
    format: str
    blocks: tuple[Block, ...] = ()
    tables: tuple[Table, ...] = ()
    metadata: Metadata = field(factory=Metadata)
    source_lines: tuple[tuple[int, int], ...] = ()
    #: conditions the loader found that make part of the file uncheckable (see Notice)
    notices: tuple[Notice, ...] = ()
    #: for a document whose text was converted to simplified script (gkrules.script.ScriptMap):
    #: the original text and the offset map that findings are located back with
    script: Any = field(default=None, repr=False, eq=False)
    #: line start offsets, computed on first use (a loader's Document is rebuilt with its
    #: metadata before anything asks for a line)
    _starts: tuple[int, ...] | None = field(init=False, default=None, repr=False, eq=False)
    _places: tuple[tuple[int, ...], tuple[int, ...]] | None = field(init=False, default=None, repr=False,
                                                                    eq=False)
    _asked: int = field(init=False, default=0, repr=False, eq=False)

    def _line_starts(self) -> tuple[int, ...]:
        starts = self._starts
        if starts is None:
            starts = _line_starts(self.text)
            object.__setattr__(self, "_starts", starts)
        return starts

    @property
    def line_count(self) -> int:
        return len(self._line_starts())

    def line_of(self, offset: int) -> int:
        """1-based line of a code-point offset."""
        return bisect.bisect_right(self._line_starts(), offset)

    def line_col(self, offset: int) -> tuple[int, int]:
        starts = self._starts
        if starts is None:
            # the first few look-ups count newlines in C (a document with a finding or two
            # never pays for the whole index); from the ninth on, the index answers
            asked = self._asked + 1
            object.__setattr__(self, "_asked", asked)
            if asked <= _COUNTED_LOOKUPS and offset >= 0:
                text = self.text
                return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)
            starts = self._line_starts()
        line = bisect.bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) of a 1-based line, without its newline."""
        starts = self._line_starts()
        start = starts[line - 1]
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return start, end

    def line_text(self, line: int) -> str:
        s, e = self.line_span(line)
        return self.text[s:e]

    def location(self, start: int, end: int) -> Location:
        """A Location for text[start:end], with place details from the enclosing block."""
        line, col = self.line_col(start)
        # the end column points at the last character, as editors and SARIF expect
        last = max(start, end - 1)
        if self.text.find("\n", start, last) == -1:  # a span within one line: no second look-up
            end_line, end_col = line, col + (last - start)
        else:
            end_line, end_col = self.line_col(last)
        page = ref = None
        hidden = False
        block = self.block_at(start)
        if block is not None:
            page, ref, hidden = block.page, block.ref, block.hidden
        return Location(start=start, end=end, line=line, column=col, end_line=end_line,
                        end_column=end_col + 1 if end > start else end_col, page=page, ref=ref,
                        hidden=hidden)

    def block_at(self, offset: int) -> Block | None:
        """The innermost block holding ``offset`` that carries a place (page/ref/hidden).

        Innermost is the shortest; of equally short ones, the later in ``blocks``. A docx or
        xlsx has a block per paragraph or cell (tens of thousands), so the answer comes from an
        index of elementary segments built on first use: O(log n) per finding.
        """
        if self._places is None:
            object.__setattr__(self, "_places", _place_index(self.blocks))
        starts, owners = self._places  # type: ignore[misc]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0 or owners[i] < 0:
            return None
        return self.blocks[owners[i]]


def _place_index(blocks: tuple[Block, ...]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Elementary segments between block boundaries, each with the index of its innermost
    placed block (-1: none). A sweep with a heap keyed by (length, -index)."""
    placed = [(b.start, b.end, i) for i, b in enumerate(blocks)
              if b.end > b.start and (b.page is not None or b.ref or b.hidden)]
    if not placed:
        return (), ()
    bounds = sorted({p for s, e, _ in placed for p in (s, e)})
    by_start = sorted(placed)
    heap: list[tuple[int, int, int]] = []  # (length, -index, end)
    starts: list[int] = []
    owners: list[int] = []
    j = 0
    for pos in bounds:
        while j < len(by_start) and by_start[j][0] <= pos:
            s, e, i = by_start[j]
            heapq.heappush(heap, (e - s, -i, e))
            j += 1
        while heap and heap[0][2] <= pos:
            heapq.heappop(heap)
        owner = -heap[0][1] if heap else -1
        if owners and owners[-1] == owner:
            continue
        starts.append(pos)
        owners.append(owner)
    return tuple(starts), tuple(owners)


@frozen
class Finding:
    """One reason why (part of) a document must not, or should not, go out as it is."""

    checker: str
    rule: str
    severity: Severity
    message: str
    location: Location | None = None
    evidence: str | None = None
    basis: str | None = None
    suggestion: str | None = None
    fingerprint: str = ""
    tags: tuple[str, ...] = ()

    def with_severity(self, severity: Severity) -> Finding:
        return attrs.evolve(self, severity=severity)


@frozen
class Suppression:
    """Why a finding does not count: ``kind`` is allowlist | inline | baseline."""

    kind: str
    justification: str
    source: str | None = None


@frozen
class SuppressedFinding:
    finding: Finding
    suppression: Suppression


@frozen
class DocumentError:
    """Something that kept a document from being checked completely."""

    code: str
    message: str
    checker: str | None = None


@frozen
class CatalogEntry:
    """A document already published, as the host's catalogue describes it."""

    title: str | None = None
    doc_number: str | None = None
    kind: str | None = None
    formed: dt.date | None = None
    published: dt.date | None = None
    url: str | None = None
    interprets: str | None = None
    disclosure: str | None = None
    deadline_workdays: int | None = None


@frozen
class DocumentResult:
    source: str
    sha256: str | None = None
    metadata: Metadata | None = None
    findings: tuple[Finding, ...] = ()
    errors: tuple[DocumentError, ...] = ()
    suppressed: tuple[SuppressedFinding, ...] = ()


@frozen
class RuleInfo:
    """One rule of a checker: its id (unique within the checker), what it detects, its
    default severity and the legal or normative basis that findings cite."""

    id: str
    title: str
    severity: Severity
    basis: str
    tags: tuple[str, ...] = ()
    description: str = ""
    help_uri: str | None = None
    #: the module that declares the rule, its messages and its logic (``gkrules.rule.Rule``)
    source: str | None = None
    #: the checker parameters that hold the rule's word lists
    words: tuple[str, ...] = ()
    #: why the rule set has no failing or no passing example for it, if it has none
    examples_note: str = ""
    #: test files that test the rule by its id (paths relative to the project root)
    tests: tuple[str, ...] = ()


@frozen
class PluginInfo:
    name: str
    version: str | None = None


@frozen
class RulesetInfo:
    id: str
    version: str
    digest: str


@frozen
class Summary:
    block: int = 0
    warn: int = 0
    info: int = 0
    suppressed: int = 0


@frozen
class Report:
    """The result of one call: one release batch."""

    tool_version: str
    ruleset: RulesetInfo
    complete: bool
    summary: Summary
    documents: tuple[DocumentResult, ...]
    plugins: tuple[PluginInfo, ...] = ()
    today: dt.date | None = None
    tool_name: str = "gkrules"

    def findings(self, min_severity: Severity = Severity.INFO):
        for d in self.documents:
            for f in d.findings:
                if f.severity.at_least(min_severity):
                    yield d, f

    def worst(self) -> Severity | None:
        worst = None
        for d in self.documents:
            for f in d.findings:
                if worst is None or f.severity.rank > worst.rank:
                    worst = f.severity
        return worst
