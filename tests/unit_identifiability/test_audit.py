"""The exact differencing audit: the worked examples of unit-identifiability.md §8.4, and
property tests against an LP oracle (scipy/HiGHS, a test-only dependency)."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules.checkers.unit_identifiability.audit import (
    INF,
    Relation,
    System,
    audit,
    audit_2d,
    bridges_2d,
    determined_by_elimination,
    relations_2d,
)


def with_margins(interior: list[list[int]]) -> list[list[int]]:
    rows = [[*r, sum(r)] for r in interior]
    total = [sum(r[j] for r in rows) for j in range(len(rows[0]))]
    return [*rows, total]


def hide(grid: list[list[int]], cells) -> list[list[int | None]]:
    return [[None if (i, j) in cells else v for j, v in enumerate(row)] for i, row in enumerate(grid)]


# -- worked examples ---------------------------------------------------------------------


def test_rectangle_example_x11_between_3_and_6():
    # a 2 x 2 rectangle of suppressions; with non-negative values X11 is only known to lie in [3, 6]
    grid = with_margins([[4, 2, 8], [5, 1, 4], [3, 3, 3]])
    out = audit_2d(hide(grid, {(0, 0), (0, 1), (1, 0), (1, 1)}))
    x11 = out[(0, 0)]
    assert x11.status == "protected"
    assert (x11.lo, x11.hi) == (3, 6)
    assert all(o.status == "protected" for o in out.values())


def test_rectangle_protects_every_corner():
    grid = with_margins([[12, 7, 30], [9, 14, 21], [40, 11, 5]])
    out = audit_2d(hide(grid, {(1, 0), (1, 1), (2, 0), (2, 1)}))
    assert {o.status for o in out.values()} == {"protected"}
    for o in out.values():
        assert o.hi - o.lo >= 7  # each hidden value can move by at least the smallest corner


def test_l_shape_is_recovered_exactly():
    interior = [[12, 7, 30], [9, 14, 21], [40, 11, 5]]
    grid = with_margins(interior)
    out = audit_2d(hide(grid, {(0, 0), (0, 1), (1, 0)}))
    assert {k: (o.status, o.value) for k, o in out.items()} == {
        (0, 0): ("exact", 12), (0, 1): ("exact", 7), (1, 0): ("exact", 9)}
    # the proof names relations, not just a value
    assert all(o.relations for o in out.values())


def test_counts_at_least_one_force_x_equal_1():
    # 15 = 10 + 3 + x + x with counts >= 1: equalities alone leave x free, bounds fix it
    rel = Relation(((0, 1), (1, 1)), 15 - 10 - 3, 15 - 10 - 3)
    system = System((1, 1), (INF, INF), (rel,))
    assert determined_by_elimination(system) == {}
    out = audit(system)
    assert [(o.status, o.value, o.by_bounds) for o in out] == [("exact", 1, True), ("exact", 1, True)]


def test_remaining_total_zero_reveals_zeros():
    grid = with_margins([[0, 0, 8], [5, 1, 4]])
    out = audit_2d(hide(grid, {(0, 0), (0, 1), (1, 0), (1, 1)}))
    assert out[(0, 0)].status == out[(0, 1)].status == "exact"
    assert out[(0, 0)].value == 0


def test_elimination_through_a_hierarchy_and_a_second_table():
    # parent = a + b (table 1), b = c + d (table 2), c published in table 2, parent and a published
    # unknowns: b (0), d (1), b' = b in table 3 (2)
    rels = (
        Relation(((0, 1),), 100 - 60, 100 - 60, "parent"),         # b = 100 - 60
        Relation(((0, 1), (1, -1)), 15, 15, "b = c + d"),          # b - d = c = 15
        Relation(((0, 1), (2, -1)), 0, 0, "same cell"),            # b = b'
    )
    det = determined_by_elimination(System((0, 0, 0), (INF, INF, INF), rels))
    assert {v: value for v, (value, _) in det.items()} == {0: 40, 1: 25, 2: 40}
    assert det[1][1] == frozenset({0, 1})


# -- properties against an LP oracle -----------------------------------------------------


linprog = pytest.importorskip("scipy.optimize").linprog


def lp_interval(grid, positions, rels, k):
    import numpy as np

    n = len(positions)
    a_eq = np.zeros((len(rels), n))
    b_eq = np.zeros(len(rels))
    for i, r in enumerate(rels):
        for v, c in r.terms:
            a_eq[i, v] = c
        b_eq[i] = r.lo
    c = np.zeros(n)
    c[k] = 1
    lo = linprog(c, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * n, method="highs")
    hi = linprog(-c, A_eq=a_eq, b_eq=b_eq, bounds=[(0, None)] * n, method="highs")
    assert lo.status == 0 and hi.status in (0, 3)
    return lo.fun, (INF if hi.status == 3 else -hi.fun)


@st.composite
def suppressed_tables(draw):
    m = draw(st.integers(2, 5))
    n = draw(st.integers(2, 5))
    interior = [[draw(st.integers(0, 30)) for _ in range(n)] for _ in range(m)]
    grid = with_margins(interior)
    cells = [(i, j) for i in range(m + 1) for j in range(n + 1)]
    hidden = draw(st.sets(st.sampled_from(cells), min_size=1, max_size=min(9, len(cells))))
    return grid, hidden


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suppressed_tables())
def test_bridge_test_equals_exact_elimination(case):
    grid, hidden = case
    masked = hide(grid, hidden)
    positions, rels = relations_2d(masked)
    m, n = len(grid) - 1, len(grid[0]) - 1
    bridges = bridges_2d(positions, m + 1, n + 1)
    det = determined_by_elimination(System(tuple([0] * len(positions)), tuple([INF] * len(positions)), tuple(rels)))
    assert bridges == set(det)
    for v, (value, _) in det.items():
        i, j = positions[v]
        assert value == Fraction(grid[i][j])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(suppressed_tables())
def test_audit_is_sound_and_matches_lp_on_exact_cells(case):
    grid, hidden = case
    masked = hide(grid, hidden)
    positions, rels = relations_2d(masked)
    out = audit_2d(masked)
    for k, (i, j) in enumerate(positions):
        o = out[(i, j)]
        lp_lo, lp_hi = lp_interval(grid, positions, rels, k)
        true = grid[i][j]
        # sound: the true value and the whole LP interval lie inside ours
        assert o.lo <= true <= o.hi
        assert o.lo <= lp_lo + 1e-6 and o.hi >= lp_hi - 1e-6
        if o.status == "exact":
            assert o.value == true
            assert abs(lp_hi - lp_lo) < 1e-6  # never claims more than LP can prove
        if o.relations and o.status == "exact" and not o.by_bounds:
            assert abs(lp_lo - true) < 1e-6


# -- the checker on a published table finds exactly what the 2-D audit finds --------------


@st.composite
def published_tables(draw):
    m = draw(st.integers(2, 7))
    n = draw(st.integers(2, 5))
    interior = [[draw(st.integers(0, 900)) for _ in range(n)] for _ in range(m)]
    hidden = draw(st.sets(st.tuples(st.integers(0, m - 1), st.integers(0, n - 1)), min_size=1, max_size=m * n // 2 + 1))
    return interior, hidden


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(published_tables())
def test_checker_on_a_document_matches_the_2d_audit(case):
    from gkrules.testing import check_text

    interior, hidden = case
    n = len(interior[0])
    rows = [[*r, sum(r)] for r in interior]
    total = [sum(r[j] for r in rows) for j in range(n + 1)]
    lines = ["| 地区 | " + " | ".join(f"行业{j}（万元）" for j in range(n)) + " | 合计 |",
             "| 全市 | " + " | ".join(map(str, total)) + " |"]
    for i, r in enumerate(rows):
        lines.append(f"| 乡镇{i} | " + " | ".join("…" if (i, j) in hidden else str(v) for j, v in enumerate(r[:n]))
                     + f" | {r[n]} |")
    text = "\n".join(lines) + "\n注：“…”表示为保护调查对象信息未予公布的数据。\n"
    res = check_text(text, checker="unit-identifiability")
    got = sorted(f.location.line for f in res.findings if f.rule == "recoverable-suppression")
    grid = [[None if (i, j) in hidden else v for j, v in enumerate(r)] for i, r in enumerate(rows)] + [total]
    want = sorted(i + 3 for (i, j), o in audit_2d(grid).items() if o.status == "exact")
    assert got == want
