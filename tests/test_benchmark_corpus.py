"""benchmarks/corpus.py: the generator other benchmarks build on (API stability, validity of
what it plants) and a smoke run of benchmarks/run.py (no timing is asserted)."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from gkrules.testing import check_text

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is part of the repository, not of the package
    sys.path.insert(0, str(ROOT))

from benchmarks import corpus, run  # noqa: E402


def _luhn_ok(number: str) -> bool:
    return corpus.luhn_digit(number[:-1]) == number[-1]


def test_deterministic_and_at_least_the_requested_size():
    a = corpus.generate(0.2, seed=3)
    assert a == corpus.generate(0.2, seed=3)
    assert a != corpus.generate(0.2, seed=4)
    assert sum(len(t.encode("utf-8")) for _, t in a) >= 200_000
    assert len({name for name, _ in a}) == len(a)
    assert all(isinstance(name, str) and name.endswith(".txt") and isinstance(text, str) for name, text in a)


def test_kinds_and_planted_items_are_where_they_say():
    docs = corpus.generate_documents(3.0, seed=0)
    assert {d.kind for d in docs} == {"notice", "release", "penalty", "plan"}
    kinds = {p.kind for d in docs for p in d.planted}
    assert kinds == {"secrecy-mark", "fenhao", "internal-label", "id-number", "mobile", "email", "bank-card",
                     "small-count-row"}
    for d in docs:
        for p in d.planted:
            assert d.text[p.start:p.end] == p.value
            if p.kind == "id-number":
                assert re.fullmatch(r"\d{17}[\dX]", p.value) and corpus.id_check_digit(p.value[:17]) == p.value[-1]
            elif p.kind == "bank-card":
                assert len(p.value) in (16, 19) and _luhn_ok(p.value)
            elif p.kind == "mobile":
                assert re.fullmatch(r"1[3-9]\d{9}", p.value)
            elif p.kind == "email":
                assert re.fullmatch(r"[a-z]+\d+@[a-z0-9.]+", p.value)


def test_known_check_digits():
    assert corpus.id_check_digit("11010519491231002") == "X"  # the GB 11643 example
    assert corpus.luhn_digit("7992739871") == "3"


def test_planted_markers_are_what_confidential_marker_finds():
    """The generated documents are labelled: the checker finds exactly the planted marks."""
    for d in corpus.generate_documents(0.3, seed=5):
        planted = {p.kind for p in d.planted}
        expected = set()
        if "secrecy-mark" in planted:
            expected.add("secrecy-mark")
        elif "fenhao" in planted:
            expected.add("fenhao-without-mark")
        if "internal-label" in planted:
            expected.add("internal-label")
        found = check_text(d.text, checker="confidential-marker", name=d.name).findings
        assert {f.rule for f in found} == expected, d.name


def test_write_corpus(tmp_path):
    paths = corpus.write_corpus(tmp_path / "out", 0.05, seed=1)
    assert paths and all(p.read_text(encoding="utf-8") == t for p, (_, t) in zip(paths, corpus.generate(0.05, 1),
                                                                                strict=True))


def test_runner_reports_every_stage():
    result = run.run(argparse.Namespace(mb=0.05, seed=0, folder=None, ruleset="national"))
    names = [s["stage"] for s in result["stages"]]
    assert names[:2] == ["load", "metadata"] and "checker:confidential-marker" in names
    assert run.FLOOR_STAGE in names and "ruleset:national (Engine.check)" in names
    assert names[-1].startswith("reference:") and result["reference_words"] > 20
    for s in result["stages"]:
        assert s["documents"] == result["corpus"]["documents"] and s["mb_per_s"] > 0 and s["p99_ms"] >= s["p50_ms"]
