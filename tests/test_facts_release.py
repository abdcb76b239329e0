"""A checked document is freed when its check is done, not by the cyclic collector later.

Disclosure-attribute's analysis keeps the facts it reads lazily, and the facts keep the
analysis: a reference cycle that held each document — its text, tables and thousands of cells
— until a collection during some later document walked and freed it (most of the collector's
time per check, and its longest pauses: the p99 of a 50 KB document). The engine now drops the
facts' analyses once the document's checkers have run (DocumentFacts.release). With the
collector paused, nothing of a checked document may remain, whatever the document holds."""

from __future__ import annotations

import datetime as dt
import gc
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules import Engine, InputDocument
from gkrules.facts import DocumentFacts
from gkrules.model import Cell, Document, Table

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is part of the repository, not of the package
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402

TODAY = dt.date(2025, 11, 20)
_POOL = [text for _name, text in generate(0.15, seed=7)]
_EXTRA = ["（此件主动公开）", "（此件不予公开）", "| 单位 | 人数 |\n| --- | --- |\n| 甲公司 | 2 |\n| 乙公司 | 3 |",
          "联系人：张三，电话：13800138000", ""]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine("national")


def _alive() -> int:
    kinds = (DocumentFacts, Document, Table, Cell)
    return sum(1 for o in gc.get_objects() if isinstance(o, kinds))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(range(len(_POOL))), min_size=1, max_size=3),
       st.lists(st.sampled_from(_EXTRA), max_size=3))
def test_nothing_of_a_checked_document_outlives_its_check(engine: Engine, picks: list[int], extra: list[str]) -> None:
    text = "\n\n".join([_POOL[i] for i in picks] + extra)
    was = gc.isenabled()
    gc.collect()
    gc.disable()  # only reference counting frees anything now
    try:
        before = _alive()
        report = engine.check([InputDocument("a.txt", text.encode("utf-8"))], today=TODAY)
        assert report.documents  # the document was read and checked
        del report
        assert _alive() == before
    finally:
        if was:
            gc.enable()


def test_a_host_calling_check_document_directly_leaves_nothing_behind(engine: Engine) -> None:
    """``check_document(doc, today)`` without facts makes them itself, and releases them."""
    text = "\n\n".join([*_POOL[:2], _EXTRA[0], _EXTRA[2]])
    doc = engine.prepare(InputDocument("a.txt", text.encode("utf-8")))
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        before = _alive()
        findings, errors = engine.check_document(doc, TODAY)
        assert not errors
        del findings, errors
        assert _alive() == before
    finally:
        if was:
            gc.enable()
