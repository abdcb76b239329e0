"""The additive relations of a document's tables, written out explicitly (§8.5).

Candidates come from structure (a total row over its breakdown, a parent row over its
indented or coded children, a 合计 column over its sibling columns); a candidate is used
only if the table's own fully published rows or columns satisfy it (within rounding), so a
breakdown that is not exhaustive or a column that is not additive never becomes an equality.
其中/# rows are never addends: they only give part <= total. Entries with the same row label
and column header in two tables of the same period are one variable (cross-table identities).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import define, field, frozen

from .audit import INF, Relation, System
from .tables import Column, TableView, norm

_PERIOD = re.compile(r"\d{4}年|\d{1,2}\s*[—\-－~至]\s*\d{1,2}月|\d{1,2}月|[一二三四]季度|上半年|下半年|前三季度|全年")
ADDITIVE = ("count", "magnitude")
#: a candidate relation of one table: (parent cell, part cells, its description)
_Candidate = tuple[tuple[int, int], list[tuple[int, int]], str]


@frozen
class VarRef:
    view: TableView
    r: int  # row position in view.rows / view.entries
    c: int  # column index


@frozen
class RelInfo:
    """Why a relation holds, for the reviewer: its description and the tables it spans."""

    text: str
    tables: tuple[int, ...]
    cross: bool = False


@define
class DocumentSystem:
    """Unknowns (suppressed entries) of all tables of one document and their relations."""

    scale: int = 0
    refs: list[VarRef] = field(factory=list)
    index: dict[tuple[int, int, int], int] = field(factory=dict)
    lower: list[float] = field(factory=list)
    upper: list[float] = field(factory=list)
    relations: list[Relation] = field(factory=list)
    info: list[RelInfo] = field(factory=list)
    tolerance: int = 0

    def system(self) -> System:
        return System(tuple(self.lower), tuple(self.upper), tuple(self.relations), self.tolerance)


class RelationBuilder:
    def __init__(self, min_units: int, tolerance_units: float):
        self.min_units = min_units
        self.tolerance_units = tolerance_units

    def _factor(self, view: TableView, scale: int) -> int:
        return 10 ** (scale - view.scale)

    def _half_unit(self, view: TableView, r: int, c: int, scale: int) -> float:
        e = view.entry(r, c)
        return self.tolerance_units * 10 ** (scale - e.decimals) if e.kind == "number" else 0

    def build(self, views: Sequence[TableView]) -> DocumentSystem:
        ds = DocumentSystem(scale=max((v.scale for v in views), default=0))
        for v in views:
            self._table(ds, v)
        self._cross(ds, views)
        return ds

    # -- variables -----------------------------------------------------------------------

    def _var(self, ds: DocumentSystem, view: TableView, r: int, c: int) -> int:
        key = (view.number, r, c)
        if key in ds.index:
            return ds.index[key]
        col = view.columns[c]
        lo: float = -INF if col.signed else 0
        hi: float = INF
        if col.role == "count":
            lo = 0
            if view.legend.small_count_below:
                lo, hi = 1, (view.legend.small_count_below - 1) * 10 ** ds.scale
                lo *= 10 ** ds.scale
        ds.index[key] = len(ds.refs)
        ds.refs.append(VarRef(view, r, c))
        ds.lower.append(lo)
        ds.upper.append(hi)
        return ds.index[key]

    def _term(self, ds: DocumentSystem, view: TableView, r: int, c: int, coeff: int,
              terms: list[tuple[int, int]]) -> int:
        """Add entry (r, c) with ``coeff`` to ``terms`` if unknown; return its known part."""
        e = view.entry(r, c)
        if e.kind == "suppressed":
            terms.append((self._var(ds, view, r, c), coeff))
            return 0
        if e.kind == "number" and e.value is not None:
            return coeff * e.value * self._factor(view, ds.scale)
        if e.kind == "blank":
            return 0  # a blank in an additive relation is zero or nothing
        raise _NotNumeric

    # -- one table -----------------------------------------------------------------------

    def _groups(self, view: TableView) -> list[tuple[int, list[int]]]:
        """(parent row, child rows) candidates from totals and depth."""
        rows = view.rows
        totals = [i for i, r in enumerate(rows) if r.kind == "total"]
        groups: list[tuple[int, list[int]]] = []
        if len(totals) == 1:
            kids = [i for i, r in enumerate(rows) if r.kind == "body" and r.depth == 1]
            if len(kids) >= 2:
                groups.append((totals[0], kids))
        for i, r in enumerate(rows):
            if r.kind != "body":
                continue
            kids = []
            for j in range(i + 1, len(rows)):
                rj = rows[j]
                if rj.kind == "subitem":
                    continue
                if rj.kind == "total" or rj.depth <= r.depth:
                    break
                if rj.depth == r.depth + 1:
                    kids.append(j)
            if len(kids) >= 2:
                groups.append((i, kids))
        return groups

    def _check(self, view: TableView, parent: tuple[int, int], parts: list[tuple[int, int]]) -> int | None:
        """Residual of a fully published relation in table units, or None if not checkable."""
        cells = [parent, *parts]
        es = [view.entry(r, c) for r, c in cells]
        if any(e.kind == "suppressed" for e in es) or any(e.kind == "text" for e in es):
            return None
        if es[0].kind != "number":
            return None
        total = es[0].value or 0
        s = sum(e.value or 0 for e in es[1:] if e.kind == "number")
        return abs(total - s)

    def _limit(self, view: TableView, cells: list[tuple[int, int]]) -> float:
        return sum(self._half_unit(view, r, c, view.scale) for r, c in cells)

    def _table(self, ds: DocumentSystem, view: TableView) -> None:
        """The relations of one table: parent rows over their children in each additive column,
        合计 columns over their parts in each row, then 其中 rows as bounds. The largest
        residual of a verified relation is the rounding slack of every relation of the table."""
        cols = [c for c in view.columns if c.role in ADDITIVE]
        by_rows, residuals = self._row_sums(view, cols)
        by_cols, col_residuals = self._column_sums(view, cols)
        tol = max((*residuals, *col_residuals), default=0) * self._factor(view, ds.scale)
        ds.tolerance = max(ds.tolerance, tol)
        for (pr, pc), parts, text in (*by_rows, *by_cols):
            self._add(ds, view, (pr, pc), parts, text, tol)
        self._subitems(ds, view, cols)

    def _row_sums(self, view: TableView, cols: list[Column]) -> tuple[list[_Candidate], list[int]]:
        """Column-wise: parent row = sum of child rows, in each additive column, for the groups
        the table's fully published entries verify (within rounding); and their residuals."""
        groups = self._groups(view)
        bad_cols: set[tuple[int, int]] = set()
        verified: dict[int, bool] = {}
        residuals: list[int] = []
        for g, (p, kids) in enumerate(groups):
            ok_any = False
            for col in cols:
                res = self._check(view, (p, col.index), [(k, col.index) for k in kids])
                if res is None:
                    continue
                if res <= self._limit(view, [(p, col.index), *((k, col.index) for k in kids)]):
                    ok_any = True
                    residuals.append(res)
                else:
                    bad_cols.add((g, col.index))
            verified[g] = ok_any
        # a group no column can check (every column has a hidden entry) is trusted when it
        # contradicts nothing and the table shows itself additive elsewhere, or is a 合计 row
        table_additive = any(verified.values())
        for g, (p, _kids) in enumerate(groups):
            if not verified[g] and not any(b[0] == g for b in bad_cols):
                verified[g] = table_additive or view.rows[p].kind == "total"
        bad_by_col = {c for _, c in bad_cols}
        relations: list[_Candidate] = []
        for g, (p, kids) in enumerate(groups):
            if not verified[g]:
                continue
            for col in cols:
                if col.index in bad_by_col:
                    continue
                relations.append(((p, col.index), [(k, col.index) for k in kids],
                                  f"{view.name()}第“{view.rows[p].label.strip()}”行 = 下属各行之和（{_short(col.header)}列）"))
        return relations, residuals

    def _column_sums(self, view: TableView, cols: list[Column]) -> tuple[list[_Candidate], list[int]]:
        """Row-wise: a 合计 column = sum of its sibling columns of the same kind and unit, when
        every fully published row verifies it; and its residuals."""
        relations: list[_Candidate] = []
        residuals: list[int] = []
        for tcol in (c for c in cols if c.is_total):
            seen_parts: set[tuple[int, ...]] = set()
            for parts in self._total_parts(tcol, cols):
                sig = tuple(c.index for c in parts)
                if len(parts) < 2 or sig in seen_parts:
                    continue
                seen_parts.add(sig)
                ok, bad, found = False, False, []
                for r in range(len(view.rows)):
                    res = self._check(view, (r, tcol.index), [(r, c.index) for c in parts])
                    if res is None:
                        continue
                    if res <= self._limit(view, [(r, tcol.index), *((r, c.index) for c in parts)]):
                        ok = True
                        found.append(res)
                    else:
                        bad = True
                if ok and not bad:
                    residuals.extend(found)
                    for r in range(len(view.rows)):
                        relations.append(((r, tcol.index), [(r, c.index) for c in parts],
                                          f"{view.name()}第“{view.rows[r].label.strip()}”行：{_short(tcol.header)} = 各分列之和"))
                    break
        return relations, residuals

    @staticmethod
    def _total_parts(tcol: Column, cols: list[Column]) -> list[list[Column]]:
        """The candidate part columns of a 合计 column, in order of preference."""
        # a 合计 column without its own unit adds up the columns of one unit: try each
        units = [tcol.unit] if tcol.unit else list(dict.fromkeys(c.unit for c in cols if not c.is_total))
        # under a multi-level header the parts share the 合计 column's parent header
        # (营业收入 over 合计 | 大型 | 中型); a 合计 beside a 其中 group has none of its own
        candidates: list[list[Column]] = []
        for unit in units:
            same = [c for c in cols if not c.is_total and c.role == tcol.role and c.unit == unit]
            candidates += [[c for c in same if c.parent == tcol.parent], same]
        return candidates

    def _add(self, ds: DocumentSystem, view: TableView, parent: tuple[int, int], parts: list[tuple[int, int]],
             text: str, tol: float) -> None:
        """sum(parts) - parent = 0 as a relation of its hidden entries (if any)."""
        cells = [parent, *parts]
        if not any(view.entry(r, c).kind == "suppressed" for r, c in cells):
            return
        terms: list[tuple[int, int]] = []
        try:
            known = self._term(ds, view, parent[0], parent[1], -1, terms)
            for r, c in parts:
                known += self._term(ds, view, r, c, 1, terms)
        except _NotNumeric:
            return
        if terms:
            # sum(parts) - parent = 0  ->  sum(unknown terms) = -known
            ds.relations.append(Relation(tuple(terms), -known - tol, -known + tol, text))
            ds.info.append(RelInfo(text, (view.number,)))

    def _subitems(self, ds: DocumentSystem, view: TableView, cols: list[Column]) -> None:
        """其中/# rows: 0 <= part <= parent (never an equality)."""
        parent = None
        for i, r in enumerate(view.rows):
            if r.kind != "subitem":
                parent = i
                continue
            if parent is None:
                continue
            for col in cols:
                if col.signed:
                    continue
                e = view.entry(i, col.index)
                if e.kind != "suppressed":
                    continue
                terms: list[tuple[int, int]] = []
                try:
                    known = self._term(ds, view, i, col.index, 1, terms)
                    known += self._term(ds, view, parent, col.index, -1, terms)
                except _NotNumeric:
                    continue
                ds.relations.append(Relation(tuple(terms), -INF, -known, "", equality=False))
                ds.info.append(RelInfo(f"{view.name()}“{r.label.strip()}”是“{view.rows[parent].label.strip()}”的一部分", (view.number,)))

    # -- across tables -------------------------------------------------------------------

    def _cross(self, ds: DocumentSystem, views: Sequence[TableView]) -> None:
        """Same row label, same column header, same period: one quantity."""
        seen: dict[tuple, tuple[TableView, int, int]] = {}
        for v in views:
            period = tuple(sorted(set(_PERIOD.findall(v.caption))))
            for r, row in enumerate(v.rows):
                for col in v.columns:
                    if col.role not in ADDITIVE:
                        continue
                    e = v.entry(r, col.index)
                    if e.kind not in ("number", "suppressed"):
                        continue
                    key = (period, row.key, norm(col.header), col.unit)
                    if not row.key or not key[2]:
                        continue
                    if key not in seen:
                        seen[key] = (v, r, col.index)
                        continue
                    w, wr, wc = seen[key]
                    if w.number == v.number:
                        continue
                    if e.kind != "suppressed" and w.entry(wr, wc).kind != "suppressed":
                        continue
                    terms: list[tuple[int, int]] = []
                    known = self._term(ds, v, r, col.index, 1, terms) + self._term(ds, w, wr, wc, -1, terms)
                    text = (f"{w.name()}与{v.name()}的“{row.label.strip()}/{_short(col.header)}”是同一数据")
                    ds.relations.append(Relation(tuple(terms), -known, -known, text))
                    ds.info.append(RelInfo(text, (w.number, v.number), cross=True))


class _NotNumeric(Exception):
    pass


def _short(header: str) -> str:
    return header.strip()[:20] or "该"
