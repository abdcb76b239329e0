"""The exact differencing audit (unit-identifiability.md §8).

Unknowns are suppressed entries; every published number is an exact integer after scaling
by 10^decimals, so the arithmetic here is exact: Python ints for bounds, ``Fraction`` for
elimination. A relation says ``lo <= sum(c * x) <= hi``; an additive identity of a table is
a relation with ``lo == hi`` (or a band as wide as the table's rounding), a 其中/# row is
``x_part - x_total <= 0``.

Three steps, each sound:

1. exact recovery by equalities — exact rational elimination (RREF) over the unknowns: x_s
   is determined iff its pivot row has no other unknown; for a plain two-dimensional table
   the bridge test gives the same answer in O(cells) (:func:`bridges_2d`);
2. bound propagation with the unknowns' bounds (non-negative magnitudes, counts >= 1),
   which also catches "the remainder is 0" and "15 = 10 + 3 + x + x with x >= 1";
3. classification: exact (interval no wider than the rounding), narrow, protected.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import cast

from attrs import field, frozen

INF = float("inf")


@frozen
class Relation:
    """``lo <= sum(c * x_v for v, c in terms) <= hi``; ``equality`` marks an identity of the
    table (used by elimination, with value (lo + hi) / 2)."""

    terms: tuple[tuple[int, int], ...]
    lo: float
    hi: float
    label: str = ""
    equality: bool = True


@frozen
class System:
    """Unknowns with their bounds, and the relations between them."""

    lower: tuple[float, ...]
    upper: tuple[float, ...]
    relations: tuple[Relation, ...]
    #: an interval at most this wide counts as exact (rounding of the published numbers)
    tolerance: float = 0

    @property
    def size(self) -> int:
        return len(self.lower)


@frozen
class Outcome:
    """What an attacker learns about one unknown."""

    var: int
    status: str  # exact | narrow | protected
    lo: float
    hi: float
    value: Fraction | None = None
    relations: tuple[int, ...] = field(factory=tuple)
    by_bounds: bool = False


# -- exact elimination ---------------------------------------------------------------------


def determined_by_elimination(system: System) -> dict[int, tuple[Fraction, frozenset[int]]]:
    """Unknowns fixed by the equalities alone: {var: (value, relation indices used)}.

    Sparse Gauss-Jordan elimination over ``Fraction``; every row remembers which relations
    were combined into it, which is the proof shown to the reviewer.
    """
    rows: list[tuple[dict[int, Fraction], Fraction, frozenset[int]]] = []
    for i, r in enumerate(system.relations):
        if not r.equality or r.lo in (-INF, INF) or r.hi in (-INF, INF):
            continue
        coeffs = {v: Fraction(c) for v, c in r.terms if c}
        if coeffs:
            rows.append((coeffs, Fraction(r.lo + r.hi) / 2 if r.lo != r.hi else Fraction(r.lo), frozenset((i,))))
    pivots: dict[int, int] = {}  # var -> row index
    reduced: list[tuple[dict[int, Fraction], Fraction, frozenset[int]]] = []
    for coeffs, rhs, used in rows:
        coeffs = dict(coeffs)
        # reduce by existing pivots
        for v in [v for v in coeffs if v in pivots]:
            if v not in coeffs:
                continue
            pc, prhs, pused = reduced[pivots[v]]
            f = coeffs[v]
            _subtract(coeffs, pc, f)
            rhs -= f * prhs
            used = used | pused
        if not coeffs:
            continue  # dependent (or inconsistent within rounding): no new information
        pv = min(coeffs)
        f = coeffs[pv]
        coeffs = {w: c / f for w, c in coeffs.items()}
        rhs /= f
        # eliminate pv from the earlier rows (Gauss-Jordan keeps the system reduced)
        for k, (oc, orhs, oused) in enumerate(reduced):
            g = oc.get(pv)
            if not g:
                continue
            nc = dict(oc)
            _subtract(nc, coeffs, g)
            reduced[k] = (nc, orhs - g * rhs, oused | used)
        pivots[pv] = len(reduced)
        reduced.append((coeffs, rhs, used))
    out: dict[int, tuple[Fraction, frozenset[int]]] = {}
    for v, k in pivots.items():
        coeffs, rhs, used = reduced[k]
        if len(coeffs) == 1:
            out[v] = (rhs, used)
    return out


def _subtract(row: dict[int, Fraction], other: dict[int, Fraction], f: Fraction) -> None:
    """row -= f * other, dropping coefficients that become zero (rows stay sparse)."""
    for w, c in other.items():
        val = row.get(w, 0) - f * c
        if val:
            row[w] = val
        else:
            row.pop(w, None)


# -- the bridge test for two-dimensional tables with margins -------------------------------


def bridges_2d(edges: Sequence[tuple[int, int]], n_rows: int, n_cols: int) -> set[int]:
    """Indices of the edges that are bridges of the bipartite graph rows × columns.

    ``edges[k] = (row node, column node)`` for suppressed entry k, margins included as an
    extra row node and column node. An entry is uniquely determined by the table's
    equalities iff its edge lies on no cycle (§8.3). Iterative Tarjan, O(nodes + edges).
    """
    n = n_rows + n_cols
    adj: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for k, (r, c) in enumerate(edges):
        a, b = r, n_rows + c
        adj[a].append((b, k))
        adj[b].append((a, k))
    disc = [-1] * n
    low = [0] * n
    out: set[int] = set()
    t = 0
    for root in range(n):
        if disc[root] != -1 or not adj[root]:
            continue
        disc[root] = low[root] = t
        t += 1
        stack = [(root, -1, iter(adj[root]))]
        while stack:
            node, via, it = stack[-1]
            advanced = False
            for nxt, k in it:
                if k == via:
                    continue
                if disc[nxt] == -1:
                    disc[nxt] = low[nxt] = t
                    t += 1
                    stack.append((nxt, k, iter(adj[nxt])))
                    advanced = True
                    break
                low[node] = min(low[node], disc[nxt])
            if advanced:
                continue
            stack.pop()
            if stack:
                parent = stack[-1][0]
                low[parent] = min(low[parent], low[node])
                if low[node] > disc[parent]:
                    out.add(via)
    return out


# -- bound propagation ---------------------------------------------------------------------


def propagate(system: System, rounds: int = 50) -> tuple[list[float], list[float], list[set[int]]]:
    """Tighten every unknown's interval through every relation until nothing changes.

    For ``lo <= sum(c x) <= hi`` each term ``c x_v`` lies in
    ``[lo - max(rest), hi - min(rest)]``. Sound; can be looser than LP in rare cases.
    Returns (lower, upper, relations that tightened each unknown).
    """
    lower = list(system.lower)
    upper = list(system.upper)
    why: list[set[int]] = [set() for _ in lower]
    rels = system.relations
    by_var: list[list[int]] = [[] for _ in lower]
    for i, r in enumerate(rels):
        for v, _ in r.terms:
            by_var[v].append(i)
    queue = deque(range(len(rels)))
    queued = [True] * len(rels)
    budget = rounds * max(1, len(rels))
    while queue and budget > 0:
        budget -= 1
        i = queue.popleft()
        queued[i] = False
        for v, new_lo, new_hi in _implied(rels[i], lower, upper):
            changed = False
            if new_lo > lower[v]:
                lower[v] = new_lo
                changed = True
            if new_hi < upper[v]:
                upper[v] = new_hi
                changed = True
            if changed:
                why[v].add(i)
                for j in by_var[v]:
                    if j != i and not queued[j]:
                        queued[j] = True
                        queue.append(j)
    return lower, upper, why


def _implied(r: Relation, lower: list[float], upper: list[float]) -> list[tuple[int, float, float]]:
    """(unknown, lower, upper) that relation ``r`` implies for each of its terms, given the
    current bounds: each term ``c x_v`` lies in ``[lo - max(rest), hi - min(rest)]``."""
    # min and max of each term c*x
    mins, maxs = [], []
    for v, c in r.terms:
        a, b = (c * lower[v], c * upper[v]) if c > 0 else (c * upper[v], c * lower[v])
        mins.append(a)
        maxs.append(b)
    inf_min = sum(1 for a in mins if a == -INF)
    inf_max = sum(1 for b in maxs if b == INF)
    fin_min = sum(a for a in mins if a != -INF)
    fin_max = sum(b for b in maxs if b != INF)
    out = []
    for idx, (v, c) in enumerate(r.terms):
        # max and min of the rest of the terms
        if maxs[idx] == INF:
            rest_max = INF if inf_max > 1 else fin_max
        else:
            rest_max = INF if inf_max else fin_max - maxs[idx]
        if mins[idx] == -INF:
            rest_min = -INF if inf_min > 1 else fin_min
        else:
            rest_min = -INF if inf_min else fin_min - mins[idx]
        t_lo = r.lo - rest_max if rest_max != INF and r.lo != -INF else -INF
        t_hi = r.hi - rest_min if rest_min != -INF and r.hi != INF else INF
        # coefficients are +1 or -1, so dividing is multiplying and ints stay ints
        if c > 0:
            out.append((v, t_lo, t_hi))
        else:
            out.append((v, -t_hi if t_hi != INF else -INF, -t_lo if t_lo != -INF else INF))
    return out


# -- the whole audit -----------------------------------------------------------------------


def audit(system: System, *, rounds: int = 50, narrow_percent: float | None = None,
          determined: dict[int, tuple[Fraction, frozenset[int]]] | None = None) -> list[Outcome]:
    """Classify every unknown: exact (block), narrow (review) or protected.

    ``determined`` may be given by a faster equivalent of elimination (the bridge test).
    """
    if determined is None:
        determined = determined_by_elimination(system)
    lower, upper, why = propagate(system, rounds)
    out = []
    tol = system.tolerance
    for v in range(system.size):
        lo, hi = lower[v], upper[v]
        if v in determined:
            value, used = determined[v]
            out.append(Outcome(v, "exact", float(value) - tol, float(value) + tol, value, tuple(sorted(used))))
            continue
        rels = tuple(sorted(_closure(v, why)))
        if lo != -INF and hi != INF and hi - lo <= 2 * tol:
            out.append(Outcome(v, "exact", lo, hi, Fraction(lo + hi) / 2 if tol else Fraction(lo), rels, True))
        elif (narrow_percent is not None and lo != -INF and hi != INF and hi > 0
              and hi - lo < narrow_percent / 100 * hi):
            out.append(Outcome(v, "narrow", lo, hi, None, rels, True))
        else:
            out.append(Outcome(v, "protected", lo, hi, None, ()))
    return out


def _closure(v: int, why: list[set[int]]) -> set[int]:
    # the relations that tightened v directly are the proof's last step; that is enough
    # for a reviewer to follow (the full chain is in evidence of the other unknowns)
    return set(why[v])


def relations_2d(grid: Sequence[Sequence[int | None]]) -> tuple[list[tuple[int, int]], list[Relation]]:
    """A (m+1) x (n+1) grid whose last row and column are the margins (None = suppressed):
    the unknowns (positions) and one equality per row and column."""
    m, n = len(grid) - 1, len(grid[0]) - 1
    pos: dict[tuple[int, int], int] = {}
    for i, row in enumerate(grid):
        for j, v in enumerate(row):
            if v is None:
                pos[(i, j)] = len(pos)
    rels: list[Relation] = []

    def line(cells: Iterable[tuple[int, int]], total: tuple[int, int], label: str) -> None:
        terms, rhs = [], 0
        for cell in cells:
            if cell in pos:
                terms.append((pos[cell], 1))
            else:
                rhs -= cast(int, grid[cell[0]][cell[1]])  # not in pos: a published value
        if total in pos:
            terms.append((pos[total], -1))
        else:
            rhs += cast(int, grid[total[0]][total[1]])
        if terms:
            rels.append(Relation(tuple(terms), rhs, rhs, label))

    for i in range(m + 1):
        line(((i, j) for j in range(n)), (i, n), f"row {i}")
    for j in range(n + 1):
        line(((i, j) for i in range(m)), (m, j), f"col {j}")
    return list(pos), rels


def audit_2d(grid: Sequence[Sequence[int | None]], lower: float = 0, upper: float = INF, *,
             rounds: int = 50) -> dict[tuple[int, int], Outcome]:
    """The audit of one two-dimensional table with margins (integers; None = suppressed):
    the bridge test decides exactness, single-unknown peeling and cut sums give values,
    bound propagation adds what non-negativity reveals."""
    positions, rels = relations_2d(grid)
    if not positions:
        return {}
    m, n = len(grid) - 1, len(grid[0]) - 1
    edges = [(i, j) for i, j in positions]  # row node i (m = margin), column node j (n = margin)
    bridge = bridges_2d(edges, m + 1, n + 1)
    system = System(tuple([lower] * len(positions)), tuple([upper] * len(positions)), tuple(rels))
    determined = _values_for(system, bridge) if bridge else {}
    outcomes = audit(system, rounds=rounds, determined=determined)
    return {positions[o.var]: o for o in outcomes}


def _values_for(system: System, targets: set[int]) -> dict[int, tuple[Fraction, frozenset[int]]]:
    """Values of unknowns known to be determined: peel relations with one unknown left;
    whatever peeling cannot reach (a bridge between two cycles) falls back to elimination."""
    known: dict[int, tuple[Fraction, frozenset[int]]] = {}
    rels = system.relations
    progress = True
    while progress:
        progress = False
        for i, r in enumerate(rels):
            left = [(v, c) for v, c in r.terms if v not in known]
            if len(left) != 1:
                continue
            v, c = left[0]
            rhs = Fraction(r.lo)
            used = {i}
            for w, cw in r.terms:
                if w != v:
                    rhs -= cw * known[w][0]
                    used |= known[w][1]
            known[v] = (rhs / c, frozenset(used))
            progress = True
    if any(t not in known for t in targets):
        known.update({v: x for v, x in determined_by_elimination(system).items() if v not in known})
    return {v: known[v] for v in targets if v in known}
