"""Primary (sensitivity) rules on unit-level contributions (unit-identifiability.md §2–3).

Pure functions over contributions, shared by the checker, the ``acro-compat`` tests and the
benchmark: one pass groups the contributions into cells keeping count, sum, the largest
values and the number of negatives; a second pass over the cells gives each cell's verdicts.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from .contributions import Contribution
from .params import UnitIdentifiabilityParams


@frozen
class CellStats:
    table: str
    row: str
    col: str
    count: int
    total: float
    top: tuple[float, ...]  # largest contributions, descending
    negatives: int = 0


@frozen
class CellVerdict:
    """Per-cell verdicts with the keys of the acro-compat profile (§3.1)."""

    table: str
    row: str
    col: str
    count: int
    sum: float
    threshold_fail: bool
    review_band: bool
    p_ratio_fail: bool
    nk_fail: bool
    zero_fail: bool
    dominance_review: bool
    negative: bool

    @property
    def dominance_fail(self) -> bool:
        return self.p_ratio_fail or self.nk_fail


def cell_stats(records: Iterable[Contribution], *, top_n: int = 2, use_groups: bool = True,
               absolute: bool = False) -> dict[tuple[str, str, str], CellStats]:
    """Group contributions into cells. A unit (or, with ``use_groups``, an enterprise group)
    that appears several times in one cell is one contributor with the sum of its values."""
    per_unit: dict[tuple[str, str, str, str], float] = {}
    negatives: dict[tuple[str, str, str], int] = {}
    for rec in records:
        who = rec.group if (use_groups and rec.group) else rec.unit
        key = (rec.table, rec.row, rec.col, who)
        v = rec.value
        if v < 0:
            cell = (rec.table, rec.row, rec.col)
            negatives[cell] = negatives.get(cell, 0) + 1
        if absolute:
            v = abs(v)
        per_unit[key] = per_unit.get(key, 0.0) + v
    acc: dict[tuple[str, str, str], list] = {}
    n = max(2, top_n)
    for (t, r, c, _), v in per_unit.items():
        cell = (t, r, c)
        a = acc.get(cell)
        if a is None:
            acc[cell] = [1, v, [v]]
            continue
        a[0] += 1
        a[1] += v
        top = a[2]
        if len(top) < n:
            top.append(v)
            top.sort(reverse=True)
        elif v > top[-1]:
            top[-1] = v
            top.sort(reverse=True)
    return {cell: CellStats(cell[0], cell[1], cell[2], a[0], a[1], tuple(a[2]), negatives.get(cell, 0))
            for cell, a in acc.items()}


def verdicts(stats: dict[tuple[str, str, str], CellStats], p: UnitIdentifiabilityParams,
             empty_cells: Iterable[tuple[str, str, str]] = ()) -> list[CellVerdict]:
    """The verdicts of every cell; ``empty_cells`` are categories with no contributor."""
    review_tables = set()
    if p.negative_policy == "review-table":
        review_tables = {s.table for s in stats.values() if s.negatives}
    out = []
    k = p.nk.k / 100 if p.nk else None
    ge = p.nk_operator == ">="
    pp = p.p_percent / 100
    for s in stats.values():
        negative = s.negatives > 0
        if p.negative_policy == "review-table" and s.table in review_tables:
            review, evaluate = negative, False
        elif p.negative_policy == "review-cell" and negative:
            review, evaluate = True, False
        else:
            review, evaluate = False, True
        p_fail = nk_fail = False
        if evaluate and s.count > 0:
            x1 = s.top[0]
            x2 = s.top[1] if len(s.top) > 1 else 0.0
            rest = s.total - (x1 + x2)
            if x1 > 0:
                p_fail = rest / x1 < pp
            elif x1 == 0 and p.all_zero_fails_p:
                p_fail = rest < pp
            if k is not None and s.total != 0:
                ratio = sum(s.top[: p.nk.n]) / s.total
                nk_fail = ratio >= k if ge else ratio > k
        out.append(CellVerdict(s.table, s.row, s.col, s.count, s.total,
                               threshold_fail=s.count < p.min_units,
                               review_band=p.min_units <= s.count < p.review_units,
                               p_ratio_fail=p_fail, nk_fail=nk_fail,
                               zero_fail=p.zeros_disclosive and s.count == 0,
                               dominance_review=review, negative=negative))
    for t, r, c in empty_cells:
        if (t, r, c) in stats:
            continue
        out.append(CellVerdict(t, r, c, 0, 0.0, threshold_fail=0 < p.min_units and p.zeros_disclosive,
                               review_band=False, p_ratio_fail=False, nk_fail=False,
                               zero_fail=p.zeros_disclosive, dominance_review=False, negative=False))
    return out


def assess(records: Iterable[Contribution], p: UnitIdentifiabilityParams,
           empty_cells: Iterable[tuple[str, str, str]] = ()) -> list[CellVerdict]:
    """Contributions in, per-cell verdicts out (the acro-compat and benchmark entry point)."""
    top_n = p.nk.n if p.nk else 2
    stats = cell_stats(records, top_n=top_n, use_groups=p.use_groups, absolute=p.negative_policy == "abs")
    return verdicts(stats, p, empty_cells)
