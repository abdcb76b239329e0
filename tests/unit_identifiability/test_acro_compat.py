"""The acro-compat rule set gives ACRO 1.0.2's per-cell verdicts (run in tox env ``compat``).

ACRO is never a gkrules dependency: this module is skipped unless ``acro`` is importable.
Random microdata tables (with empty cells, all-zero cells, dominated cells, single units
and, in some tables, negative values) are tabulated by ``acro.crosstab(..., aggfunc="sum")``
and by gkrules' primary rules with the acro-compat parameters; the cells that fail the
threshold, p-ratio and NK checks must be the same, cell by cell.
"""

from __future__ import annotations

import logging
import os

import pytest

if os.environ.get("GKRULES_REQUIRE_ACRO"):  # the compat env must never skip silently
    import acro
else:
    acro = pytest.importorskip("acro")
np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

from gkrules.checkers.unit_identifiability.contributions import Contribution  # noqa: E402
from gkrules.checkers.unit_identifiability.primary import assess  # noqa: E402
from gkrules.testing import cached_engine  # noqa: E402


@pytest.fixture(scope="module")
def compat_params():
    engine = cached_engine("acro-compat")
    active = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    return active.config.params


@pytest.fixture(scope="module")
def session():
    logging.getLogger("acro").setLevel(logging.ERROR)
    return acro.ACRO(suppress=False, suppress_output=True) if _accepts_quiet() else acro.ACRO(suppress=False)


def _accepts_quiet() -> bool:
    import inspect
    return "suppress_output" in inspect.signature(acro.ACRO).parameters


def random_microdata(seed: int, n_rows: int, n_cols: int, negatives: bool) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    size = int(rng.integers(50, 600))
    r = rng.integers(0, n_rows, size)
    c = rng.integers(0, n_cols, size)
    # a mix of value shapes: heavy tails (dominance), integers (exact ties), zeros
    kind = seed % 3
    if kind == 0:
        v = rng.pareto(1.2, size) * 100
    elif kind == 1:
        v = rng.integers(0, 50, size).astype(float)
    else:
        v = np.where(rng.random(size) < 0.3, 0.0, rng.exponential(20, size))
    # a few single-unit giants
    giants = rng.integers(0, size, max(1, size // 60))
    v[giants] = v[giants] * 200 + 1000
    if negatives:
        v[rng.integers(0, size)] = -abs(v[0]) - 1
    df = pd.DataFrame({"r": [f"R{x}" for x in r], "c": [f"C{x}" for x in c], "v": v})
    # an all-zero cell with enough units, and a guaranteed empty cell
    zero = pd.DataFrame({"r": ["RZ"] * 12, "c": ["C0"] * 12, "v": [0.0] * 12})
    lone = pd.DataFrame({"r": ["RZ"], "c": ["C1"], "v": [5.0]})
    return pd.concat([df, zero, lone], ignore_index=True)


def acro_cells(session, df) -> tuple[dict[str, set], list, list]:
    table = session.crosstab(df.r, df.c, values=df.v, aggfunc="sum")
    rec = list(session.results.results.values())[-1]
    cells = {name: {(table.index[i], table.columns[j]) for i, j in pos} for name, pos in rec.sdc["cells"].items()}
    return cells, list(table.index), list(table.columns)


@pytest.mark.parametrize("seed", range(24))
def test_same_verdicts_as_acro(seed, session, compat_params):
    negatives = seed % 8 == 7
    df = random_microdata(seed, 3 + seed % 5, 2 + seed % 4, negatives)
    cells, rows, cols = acro_cells(session, df)
    records = [Contribution("", str(r), str(c), str(i), float(v)) for i, (r, c, v) in enumerate(df.itertuples(index=False))]
    everything = [("", r, c) for r in rows for c in cols]
    ours = assess(records, compat_params, empty_cells=everything)
    ours_by = {(v.row, v.col): v for v in ours}
    assert set(ours_by) == {(r, c) for r in rows for c in cols}
    mine = {
        "MinimumThresholdCheck": {k for k, v in ours_by.items() if v.threshold_fail},
        "PPercentCheck": {k for k, v in ours_by.items() if v.p_ratio_fail or (v.dominance_review and v.negative)},
        "NKCheck": {k for k, v in ours_by.items() if v.nk_fail or (v.dominance_review and v.negative)},
    }
    disagreements = {name: mine[name] ^ cells.get(name, set()) for name in mine}
    assert all(not d for d in disagreements.values()), disagreements
