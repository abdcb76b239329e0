"""Time and memory linear in document size (issue 19, "linear everywhere"; docs/benchmarks.md
「文件大小」 and docs/architecture.md 「资源上限与每字节内存」).

No absolute times: the same kind of content at 1 and 16 MB through ``Engine.check`` in this
process, CPU time of this process, the fastest of a few runs, and the ratio of time per MB.
A quadratic step gives 16× at 16 MB, an n·log n one about 1.4×; the bound is 1.3×.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is part of the repository, not of the package
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_size import TODAY, check_seconds, engine, memory_per_byte  # noqa: E402
from benchmarks.shapes import SHAPES, make  # noqa: E402

#: time per MB at 16 MB over time per MB at 1 MB (the issue's bound)
BOUND = 1.3
#: peak memory allocated while checking, per input byte, that docs/architecture.md states
MEMORY_BOUND = {"prose": 6, "tables": 25, "giant": 50}
#: the share of a default time limit (wall-clock) that a stage may take in CPU time on 40 MB:
#: room for a machine that other work slows down (10 s of CPU measured for the slowest)
SHARE = 0.75


@pytest.fixture(scope="module")
def eng():
    return engine()


def _per_mb(eng, data: bytes) -> float:
    seconds, report = check_seconds(eng, data)
    assert not report.documents[0].errors, report.documents[0].errors
    return seconds / (len(data) / 1e6)


def test_the_shapes_are_the_same_content_at_every_size():
    for shape in SHAPES:
        small, large = make(shape, 100_000), make(shape, 400_000)
        assert large.startswith(small[: len(small) // 2])
        assert 100_000 <= len(small.encode()) < 110_000


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_time_per_mb_at_16_mb_is_within_1_3_of_1_mb(eng, shape):
    small, large = make(shape, 1_000_000).encode(), make(shape, 16_000_000).encode()
    _per_mb(eng, small)  # warm
    # the best of up to four rounds, each timing 1 MB (fastest of two) right next to 16 MB: this
    # VM's speed drifts by a fifth over minutes, and timing all small runs before all large
    # ones turned a drift into a ratio (1.33 once in CI; 1.10-1.15 at rest); a quadratic stays
    # 16x in every round
    ratios = []
    for _ in range(4):
        per_small = min(_per_mb(eng, small) for _ in range(2))
        ratios.append(_per_mb(eng, large) / per_small)
        if min(ratios) <= BOUND:
            break
    assert min(ratios) <= BOUND, (shape, ratios)


@pytest.mark.slow
def test_a_40_mb_document_with_thousands_of_tables_is_checked_well_within_the_time_limits(eng):
    """The loader and every checker on a 40 MB document with about 70,000 tables take at most
    three quarters of their default time limits in CPU time, and the whole document is checked.

    CPU time, not Engine.check under the default limits: those limits are wall-clock, and on
    a 2-core machine shared with other work a checker that needs 10 s of CPU can take 30 s."""
    import attrs

    from gkrules.context import CheckContext
    from gkrules.engine import DEFAULT_TIMEOUT
    from gkrules.loaders import LoadOptions
    from gkrules.metadata import extract

    data = make("tables", 40_000_000).encode()
    assert data.count("单位数（个）".encode()) > 4000
    spent: dict[str, float] = {}
    started = time.process_time()
    doc = eng.loaders.load_bytes("大.txt", data)
    assert time.process_time() - started <= SHARE * LoadOptions().timeout_seconds
    assert len(doc.tables) > 60_000
    doc = attrs.evolve(doc, metadata=extract(doc))
    small = 0
    for active in eng.checkers:
        if active.spec.scope != "document" or active.instance is None:
            continue
        ctx = CheckContext(doc, TODAY, active.setup, active.rules)
        started = time.process_time()
        small += sum(1 for f in active.instance.check(ctx) if f.rule == "small-cell")
        spent[active.spec.id] = time.process_time() - started
    assert small > 1000
    assert max(spent.values()) <= SHARE * DEFAULT_TIMEOUT, spent


@pytest.mark.slow
@pytest.mark.parametrize("shape", SHAPES)
def test_memory_per_input_byte_holds_the_documented_bound(shape):
    assert memory_per_byte(make(shape, 1_000_000).encode()) <= MEMORY_BOUND[shape]
