"""Time budgets grow with the document: a checker's budget is the rule set's ``timeout_seconds``
plus ``timeout_seconds_per_million_chars`` per million characters of text, and a worker's
wall-clock limit grows with the most text the file can hold. Before, a 30 MB statistical table
(one table of 19.7 million characters, within every size limit) was cut off after 20 s in
unit-identifiability and reported "不得发布" although nothing was wrong with it."""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path

import pytest

from gkrules import Engine, InputDocument, PluginManager, hookimpl
from gkrules.errors import RulesetError
from gkrules.model import Document, DocumentResult, Severity
from gkrules.ruleset.compile import DEFAULT_SECONDS_PER_MILLION_CHARS
from gkrules.specs import CheckerSpec, RuleInfo
from gkrules.supervisor import Limits, Supervisor, text_bound

TODAY = dt.date(2025, 11, 20)


class _Loops:
    def check(self, ctx):
        while True:  # interrupted by its budget, however long the document
            time.sleep(0.001)


def _engine(tmp_path: Path, per_million: float | str, timeout: float = 0.1) -> Engine:
    (tmp_path / "rs.yaml").write_text(
        f'id: sized\nversion: "1"\nextends: national\nengine:\n  timeout_seconds_per_million_chars: {per_million}\n'
        "checkers:\n  looping: {enabled: true}\n", encoding="utf-8")

    class P:
        @hookimpl
        def gkrules_checkers(self):
            yield CheckerSpec("looping", lambda s: _Loops(), (RuleInfo("r", "测试规则", Severity.WARN, "测试依据"),))

    return Engine(str(tmp_path / "rs.yaml"), plugins=PluginManager(extra=[("t", P())]), timeout=timeout,
                  check_examples=False)


def _timeout_message(report) -> str:
    doc = report.documents[0]
    error = next(e for e in doc.errors if e.checker == "looping")
    assert error.code == "checker-timeout"
    return error.message


def test_a_checker_budget_grows_with_the_text(tmp_path):
    engine = _engine(tmp_path, 0.5)
    small = engine.check([InputDocument("小.txt", "关于报送统计资料的通知\n")], today=TODAY)
    assert "（0.1 秒）" in _timeout_message(small)
    big_text = ("各乡镇单位数与从业人员情况。\n" * 70_000)[:1_000_000]
    started = time.monotonic()
    big = engine.check([InputDocument("大.txt", big_text)], today=TODAY)
    assert time.monotonic() - started >= 0.55  # 0.1 s + 0.5 s for its million characters
    assert "（0.6 秒）" in _timeout_message(big)
    assert not big.complete


def test_no_allowance_when_the_rule_set_sets_none(tmp_path):
    engine = _engine(tmp_path, 0)
    big = engine.check([InputDocument("大.txt", "统计\n" * 400_000)], today=TODAY)
    assert "（0.1 秒）" in _timeout_message(big)


def test_the_national_rule_set_states_its_allowance():
    engine = Engine("national", check_examples=False)
    assert engine.ruleset.spec.engine.timeout_seconds_per_million_chars == 3  # stated, not defaulted
    rates = {a.config.timeout_per_million_chars for a in engine.checkers}
    assert rates == {DEFAULT_SECONDS_PER_MILLION_CHARS}
    config = engine.checkers[0].config
    assert config.budget(0) == config.timeout == 20
    assert config.budget(20_000_000) == pytest.approx(20 + 20 * DEFAULT_SECONDS_PER_MILLION_CHARS)


def test_a_negative_allowance_is_a_rule_set_error(tmp_path):
    with pytest.raises(RulesetError, match="timeout_seconds_per_million_chars"):
        _engine(tmp_path, -1)


# -- the worker's wall-clock limit ----------------------------------------------------------

def test_the_text_a_file_can_hold(tmp_path):
    plain = tmp_path / "表.csv"
    plain.write_bytes(b"a,b\n" * 1000)
    package = tmp_path / "表.xlsx"
    package.write_bytes(b"PK" + b"\0" * 998)
    cap = 32 * 1024 * 1024
    assert text_bound(plain, cap) == 4000  # a character takes a byte or more
    assert text_bound(str(plain), cap) == 4000
    assert text_bound(package, cap) == 50_000  # a package inflates
    assert text_bound(package, 10_000) == 10_000  # never past the loader's limit
    assert text_bound(tmp_path / "没有.txt", cap) == 0
    assert text_bound(InputDocument("a.txt", "统计" * 10), cap) == 60  # UTF-8 bytes
    assert text_bound(InputDocument("a.docx", b"PK" * 10), cap) == 1000
    doc = Document(source="a.txt", text="统计" * 10, sha256="", format="txt")
    assert text_bound(doc, cap) == 20
    assert text_bound(object(), cap) == 0


def test_the_limit_of_an_item():
    limits = Limits(document_seconds=60, seconds_per_million_chars=6.0)
    assert limits.seconds_for(InputDocument("a.txt", b"x" * 2_000_000)) == pytest.approx(72.0)
    assert Limits(document_seconds=60).seconds_for(InputDocument("a.txt", b"x" * 2_000_000)) == 60


def test_the_engine_gives_its_workers_twice_its_checkers_allowance():
    engine = Engine("national", check_examples=False, limits=Limits(document_seconds=60))
    try:
        limits = engine.supervisor().limits
        assert limits.seconds_per_million_chars == 2 * DEFAULT_SECONDS_PER_MILLION_CHARS
        assert limits.max_text_chars == engine.loaders.options.max_text_chars
        stated = Engine("national", check_examples=False, limits=Limits(document_seconds=60, seconds_per_million_chars=1))
        assert stated.supervisor().limits.seconds_per_million_chars == 1
        stated.close()
    finally:
        engine.close()


def _sleeps(item, today, extras, keep):
    time.sleep(1.0)  # a document that takes a second, whatever its size
    return None, DocumentResult(source=item.name)


def test_a_large_file_gets_more_time_before_its_worker_is_killed():
    supervisor = Supervisor(_sleeps, Limits(document_seconds=0.4, seconds_per_million_chars=1.0, workers=1))
    try:
        small, large = InputDocument("小.txt", b"x" * 10), InputDocument("大.txt", b"x" * 1_500_000)
        (_, cut), (_, done) = supervisor.run([small, large], TODAY, {})
        assert cut.errors and "超过时间上限（0.4 秒）" in cut.errors[0].message
        assert not done.errors  # 0.4 s + 1.5 s for what its 1.5 million bytes can hold
    finally:
        supervisor.close()


def test_every_engine_option_is_documented():
    import attrs

    from gkrules.ruleset.schema import EngineSection

    docs = "".join((Path(__file__).parents[1] / "docs" / name).read_text(encoding="utf-8")
                   for name in ("rulesets.md", "formats.md"))
    missing = [f.name for f in attrs.fields(EngineSection) if f.name not in docs]
    assert not missing, f"engine options not in docs/rulesets.md or docs/formats.md: {missing}"
