"""Primary (sensitivity) rules on unit-level contributions (unit-identifiability.md §2–3).

Pure functions over contributions, shared by the checker, the ``acro-compat`` tests and the
benchmark: one pass groups the contributions into cells keeping count, sum, the largest
values and the number of negatives; a second pass over the cells gives each cell's verdicts.
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Sequence
from itertools import repeat
from operator import add, mul
from typing import TypeVar

from attrs import frozen

from .contributions import Contribution, Contributions
from .params import UnitIdentifiabilityParams

H = TypeVar("H", str, int)


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


def _ids(xs: Sequence[H]) -> tuple[list[H], list[int]]:
    """Distinct values in order of appearance, and each element's position among them."""
    keys = list(dict.fromkeys(xs))
    index = dict(zip(keys, range(len(keys)), strict=True))
    return keys, list(map(index.__getitem__, xs))


def cell_stats(records: Contributions | Iterable[Contribution], *, top_n: int = 2, use_groups: bool = True,
               absolute: bool = False) -> dict[tuple[str, str, str], CellStats]:
    # the many small lists built here would make the cyclic GC rescan every record object
    # again and again; none of them can form a cycle
    enabled = gc.isenabled()
    gc.disable()
    try:
        data = records if isinstance(records, Contributions) else Contributions.from_records(records)
        return _cell_stats(data, top_n, use_groups, absolute)
    finally:
        if enabled:
            gc.enable()


def _cell_stats(data: Contributions, top_n: int, use_groups: bool,
                absolute: bool) -> dict[tuple[str, str, str], CellStats]:
    """Column-wise work through C-level dict and map calls; the only Python loop over the
    records appends each value to its cell's list."""
    values = data.values
    who: Sequence[str]
    if use_groups and any(data.groups):
        who = [g or u for g, u in zip(data.groups, data.units, strict=True)]
    else:
        who = data.units
    negative_any = bool(values) and min(values) < 0
    # integer cell ids through C-level dict and map calls (no per-record tuple): label ->
    # small int per dimension, then table*R*C + row*C + col
    tkeys, tids = _ids(data.tables)
    rkeys, rids = _ids(data.rows)
    ckeys, cids = _ids(data.cols)
    nr, nc = len(rkeys), len(ckeys)
    flat = list(map(add, map(mul, rids, repeat(nc)), cids))
    if len(tkeys) > 1:
        flat = list(map(add, map(mul, tids, repeat(nr * nc)), flat))
    fkeys, ids = _ids(flat)
    vbuckets: list[list[float]] = [[] for _ in fkeys]
    wbuckets: list[list[str]] = [[] for _ in fkeys]
    for i, v, w in zip(ids, values, who, strict=True):
        vbuckets[i].append(v)
        wbuckets[i].append(w)
    keys = [(tkeys[f // (nr * nc)], rkeys[(f // nc) % nr], ckeys[f % nc]) for f in fkeys]
    by_cell = dict(zip(keys, vbuckets, strict=True))
    units = dict(zip(keys, wbuckets, strict=True))
    n = max(2, top_n)
    out: dict[tuple[str, str, str], CellStats] = {}
    for cell, vals in by_cell.items():
        us = units[cell]
        negs = sum(1 for x in vals if x < 0) if negative_any else 0
        if len(set(us)) != len(us):  # a unit (or group) repeated in one cell: merge first
            merged: dict[str, float] = {}
            for w, v in zip(us, vals, strict=True):
                merged[w] = merged.get(w, 0.0) + v
            vals = list(merged.values())
        if absolute and negs:
            vals = [abs(x) for x in vals]
        top = tuple(sorted(vals, reverse=True)[:n])
        out[cell] = CellStats(cell[0], cell[1], cell[2], len(vals), sum(vals), top, negs)
    return out


def verdicts(stats: dict[tuple[str, str, str], CellStats], p: UnitIdentifiabilityParams,
             empty_cells: Iterable[tuple[str, str, str]] = ()) -> list[CellVerdict]:
    """The verdicts of every cell; ``empty_cells`` are categories with no contributor."""
    review_tables = set()
    if p.negative_policy == "review-table":
        review_tables = {s.table for s in stats.values() if s.negatives}
    out = []
    k = p.nk.k / 100 if p.nk else None
    top_n = p.nk.n if p.nk else 0
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
                ratio = sum(s.top[:top_n]) / s.total
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


def assess(records: Contributions | Iterable[Contribution], p: UnitIdentifiabilityParams,
           empty_cells: Iterable[tuple[str, str, str]] = ()) -> list[CellVerdict]:
    """Contributions in, per-cell verdicts out (the acro-compat and benchmark entry point)."""
    top_n = p.nk.n if p.nk else 2
    stats = cell_stats(records, top_n=top_n, use_groups=p.use_groups, absolute=p.negative_policy == "abs")
    return verdicts(stats, p, empty_cells)
