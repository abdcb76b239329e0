"""The analyses several unit-identifiability rules read, each computed once per document,
whichever rule asks first: the tables read, what each table row publishes, the unit-level
contributions matched to table cells, the unit count of every row, the differencing audit of
all tables together, the units named in tables and the prose scan of the text outside tables.

``analyses(facts, ctx, kit)`` gives every rule of a document the same :class:`Analyses`
(kept with the document's facts through ``facts.shared``). One object rather than one
``facts.shared`` entry per analysis: eighteen rules ask for them on every document, and most
documents have no table.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from attrs import frozen

from gkrules.context import CheckContext
from gkrules.errors import InputError, UsageError
from gkrules.facts import DocumentFacts
from gkrules.gcpause import no_cycles
from gkrules.model import Document

from .audit import Outcome, System, audit
from .contributions import Contributions, coerce
from .kit import Kit
from .params import UnitIdentifiabilityParams
from .primary import CellVerdict, assess
from .prose import NameHits, ProseHit
from .relations import DocumentSystem, RelInfo, VarRef
from .table_names import TableNames, read_names
from .tables import Column, TableView, nearby_notes, norm


def contributions_given(ctx: CheckContext) -> bool:
    """The caller passed unit-level contributions (``extras["contributions"]``)."""
    return "contributions" in ctx.extras and ctx.extras["contributions"] is not None


def analyses(facts: DocumentFacts, ctx: CheckContext, kit: Kit) -> Analyses:
    """The analyses of this document (one object per document, made by the first rule that asks)."""
    key = _KEY if ctx.extras.get("contributions") is None else _KEY_GIVEN
    return facts.shared(key, lambda: _analysed(facts, ctx, kit))


def _analysed(facts: DocumentFacts, ctx: CheckContext, kit: Kit) -> Analyses:
    if not facts.document.tables:
        return Analyses(facts, ctx, kit)  # a few prose observations at most: no pause needed
    # the views, rows, cells and audit entries of every table: many acyclic objects, whose
    # full collections would grow with the document's size (gkrules.gcpause)
    with no_cycles():
        return Analyses(facts, ctx, kit)


_KEY, _KEY_GIVEN = "unit-identifiability/analyses", "unit-identifiability/analyses+contributions"


class Analyses:
    """What several rules read, computed together for the document by the first rule that asks.

    Eager rather than lazy: every analysis but the contributions is read by some rule of every
    document (the ones a parameter turns off are skipped), and eighteen rules ask on every
    document, most of which have no table — a lazy property per analysis cost more than the
    analyses of such a document."""

    __slots__ = ("audit", "contributions", "counts", "given", "prose", "table_names", "tables", "views")

    def __init__(self, facts: DocumentFacts, ctx: CheckContext, kit: Kit):
        p, doc = kit.p, facts.document
        self.given = contributions_given(ctx)
        # the guard words of the prose scan, whose organisation names also tell which tables
        # may name a unit (one scan of the text for both)
        words = kit.prose.guard_words(doc.text) if p.check_text or (doc.tables and not self.given) else []
        #: the tables read, in order — only those a rule can use (see :func:`_views`)
        self.views: tuple[TableView, ...] = _views(doc, self.given, kit, NameHits(words))
        #: every table read with the count and the figures of each row and its column groups
        self.tables: tuple[TableFacts, ...] = _tables(self.views) if p.check_tables else ()
        #: the verdicts of the primary rules on the contributions given, matched to the tables
        #: (bad contributions are the caller's input error)
        self.contributions: ContributionFacts | None = (
            _contributions(ctx.extras["contributions"], self.views, p) if self.given else None)
        #: {(table number, row): unit count}, from the tables, then from the contributions
        self.counts: dict[tuple[int, int], int] = _counts(self.tables, self.contributions)
        #: the audit of the suppression pattern of all tables together
        self.audit: AuditFacts | None = _audit(self.views, kit) if p.check_audit else None
        #: named rows and ranked names of every table read
        self.table_names: TableNames = read_names(doc, self.views, kit) if p.check_tables and self.views else _NO_NAMES
        #: what the prose scan observes in the text outside the tables
        self.prose: tuple[ProseHit, ...] = (
            tuple(kit.prose.check(doc.text, prose_spans(doc.text, [(t.start, t.end) for t in doc.tables]), words))
            if p.check_text else ())


_NO_NAMES = TableNames((), ())


def _counts(tables: Sequence[TableFacts], given: ContributionFacts | None) -> dict[tuple[int, int], int]:
    out: dict[tuple[int, int], int] = {}
    for t in tables:
        for r, row in enumerate(t.rows):
            if row.n is not None:
                out[(t.view.number, r)] = row.n
    for m in given.matched if given is not None else ():
        out.setdefault((m.view.number, m.r), m.verdict.count)
    return out


# -- what a table row publishes ------------------------------------------------------------


def row_count(v: TableView, r: int) -> tuple[int | None, Column | None]:
    """The unit count of row ``r`` and the count column it stands in (None, column) when the
    row has no whole count; (None, None) in a table without a count column."""
    counts = [c for c in v.count_columns if not c.subgroup]
    if not counts:
        return None, None
    main = counts[0]
    e = v.entry(r, main.index)
    if e.kind != "number" or e.raw is None or e.raw != int(e.raw):
        return None, main
    if e.raw == 0:
        # no legal unit but establishments (法人企业 0 | 产业活动单位 1): the next count tells
        for c in counts[1:]:
            o = v.entry(r, c.index)
            if o.kind == "number" and o.raw is not None and o.raw == int(o.raw) and o.raw > 0:
                return int(o.raw), c
    return int(e.raw), main


def figures(v: TableView, r: int) -> list[str]:
    """``header=cell`` of every figure (magnitude or rate) row ``r`` publishes."""
    out = []
    for col in v.figure_columns:
        e = v.entry(r, col.index)
        if e.kind == "number":
            out.append(f"{col.header.strip()}={e.cell.text}")
    return out


def small_count(n: int | None, p: UnitIdentifiabilityParams) -> bool:
    """1 <= n < min_units: a small cell's count (UI-01)."""
    return n is not None and 1 <= n < p.min_units


@frozen
class RowFacts:
    #: the row's unit count, and the count column it was read from
    n: int | None
    main: Column | None
    #: ``header=cell`` of the figures the row publishes
    figures: tuple[str, ...]


@frozen
class ColumnGroup:
    """Count columns with the figure columns they count for (one group: the whole table)."""

    counts: tuple[Column, ...]
    figures: tuple[Column, ...]
    name: str


@frozen
class TableFacts:
    view: TableView
    rows: tuple[RowFacts, ...]
    groups: tuple[ColumnGroup, ...]


def column_groups(v: TableView) -> tuple[ColumnGroup, ...]:
    """A count column in each of several header groups (县 | 县以下: 法人单位 网点 人员), or one
    count group whose columns pair with figure columns of the same name (单位个数: 国有 集体 |
    从业人员: 国有 集体). One group (the whole table) otherwise."""
    counts = [c for c in v.count_columns if not c.subgroup]
    figs = v.figure_columns
    parents = list(dict.fromkeys(c.parent for c in counts))
    if len(parents) >= 2 and all(parents):
        return tuple(ColumnGroup(tuple(c for c in counts if c.parent == g), tuple(f for f in figs if f.parent == g), g)
                     for g in parents)
    if len(counts) >= 2 and len(parents) == 1 and parents[0]:
        def child(c: Column) -> str:
            return norm(c.header[len(c.parent):] if c.header.startswith(c.parent) else c.header)
        paired = tuple(ColumnGroup((c,), tuple(f for f in figs if f.parent != c.parent and child(f) == child(c)), child(c))
                       for c in counts)
        if sum(1 for g in paired if g.figures) >= 2:
            return paired
    return (ColumnGroup(tuple(counts), tuple(figs), ""),)


# -- the tables read -----------------------------------------------------------------------


def _views(doc: Document, given: bool, kit: Kit, names: NameHits) -> tuple[TableView, ...]:
    """Most statistical tables give nothing: no unit counts, names or suppressions
    (TableReader.profile). Without a possible suppression the audit finds nothing, and a table
    without counts or names matters only as the figures a small count in another table joins
    to (UI-01): when no small count needs them, the other tables are not read."""
    p = kit.p
    tables = doc.tables
    if not tables:
        return ()
    chosen: Sequence[int] = range(len(tables))
    if not given:
        profiles = [kit.reader.profile(doc, t, p.legend_window_lines, names) for t in tables]
        if not any(s for _, s in profiles):
            chosen = [i for i, (a, _) in enumerate(profiles) if a]
    read = _read(doc, chosen, kit)
    if len(chosen) < len(tables) and any(_joins(v, p) for v in read):
        read = _read(doc, range(len(tables)), kit)
    return tuple(read)


def _read(doc: Document, chosen: Iterable[int], kit: Kit) -> list[TableView]:
    with no_cycles():  # entries and rows of every table: many acyclic objects (gkrules.gcpause)
        return _read_views(doc, chosen, kit)


def _read_views(doc: Document, chosen: Iterable[int], kit: Kit) -> list[TableView]:
    out = []
    for i in chosen:
        t = doc.tables[i]
        v = kit.reader.read(doc, t, i + 1, nearby_notes(doc, t, kit.p.legend_window_lines))
        if v is not None:
            out.append(v)
    return out


def _joins(v: TableView, p: UnitIdentifiabilityParams) -> bool:
    """A row with a small count and no figures of its own: the small-cell rule looks for its
    figures in the other tables."""
    return any(small_count(row_count(v, r)[0], p) and not figures(v, r) for r in range(len(v.rows)))


def _tables(read: Sequence[TableView]) -> tuple[TableFacts, ...]:
    out = []
    for v in read:
        rows = tuple(RowFacts(*row_count(v, r), tuple(figures(v, r))) for r in range(len(v.rows)))
        out.append(TableFacts(v, rows, column_groups(v)))
    return tuple(out)


# -- side input: unit-level contributions --------------------------------------------------


@frozen
class MatchedVerdict:
    """A contributions cell matched to a table cell by table, row and column label."""

    view: TableView
    r: int
    col: Column
    verdict: CellVerdict


@frozen
class ContributionFacts:
    contributions: Contributions
    verdicts: tuple[CellVerdict, ...]
    matched: tuple[MatchedVerdict, ...]


def _contributions(given: object, read: Sequence[TableView], p: UnitIdentifiabilityParams) -> ContributionFacts:
    try:
        data = coerce(given)
    except UsageError as exc:
        raise InputError(exc.message) from None
    verdicts = assess(data, p)
    by_label: dict[tuple[str, str], list[CellVerdict]] = {}
    for vd in verdicts:
        by_label.setdefault((norm(vd.row), norm(vd.col)), []).append(vd)
    matched = []
    for v in read:
        for r, row in enumerate(v.rows):
            for col in v.columns:
                if col.role not in ("magnitude", "count", "rate"):
                    continue
                for vd in by_label.get((row.key, norm(col.header)), ()):
                    if _table_matches(vd.table, v):
                        matched.append(MatchedVerdict(v, r, col, vd))
    return ContributionFacts(data, tuple(verdicts), tuple(matched))


def _table_matches(spec: str, v: TableView) -> bool:
    s = spec.strip()
    if not s or s == "*":
        return True
    digits = s.removeprefix("表").strip()
    if digits.isdigit():
        return int(digits) == v.number
    return bool(v.caption) and (norm(s) == norm(v.caption) or norm(s) in norm(v.caption))


# -- the differencing audit ----------------------------------------------------------------


@frozen
class Decided:
    """A hidden entry the audit recovers exactly or to a narrow interval."""

    outcome: Outcome
    ref: VarRef
    #: the relations that recover it
    used: tuple[RelInfo, ...]


@frozen
class AuditFacts:
    ds: DocumentSystem
    system: System
    #: exact and narrow outcomes, in order, up to max_findings_per_table per table
    decided: tuple[Decided, ...]
    #: the unknowns of ``decided``
    flagged: frozenset[int]


def _audit(read: Sequence[TableView], kit: Kit) -> AuditFacts | None:
    if not read:
        return None
    p = kit.p
    ds = kit.builder.build(read)
    if not ds.refs:
        return None
    system = ds.system()
    outcomes = audit(system, rounds=p.max_propagation_rounds,
                     narrow_percent=p.p_percent if p.approx_width_review else None)
    flagged: set[int] = set()
    decided = []
    cap = p.max_findings_per_table * max(1, len(read))
    for o in outcomes:
        if o.status not in ("exact", "narrow") or len(flagged) >= cap:
            continue
        flagged.add(o.var)
        used = tuple(ds.info[i] for i in o.relations if i < len(ds.info))
        decided.append(Decided(o, ds.refs[o.var], used))
    return AuditFacts(ds, system, tuple(decided), frozenset(flagged))


# -- the text outside tables ---------------------------------------------------------------


def prose_spans(text: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans of ``text`` outside the tables."""
    spans, pos = [], 0
    for s, e in sorted(tables):
        if s > pos:
            spans.append((pos, s))
        pos = max(pos, e)
    if pos < len(text):
        spans.append((pos, len(text)))
    return spans
