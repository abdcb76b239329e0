"""gkrules.rule and gkrules.facts: a checker made of rule classes, facts computed once."""

from __future__ import annotations

import sys

import pytest

from gkrules import Severity
from gkrules.engine import Engine
from gkrules.facts import DocumentFacts
from gkrules.inputs import InputDocument
from gkrules.model import Document
from gkrules.plugins import PluginManager, hookimpl
from gkrules.rule import BatchRule, Rule, rule_checker

CALLS: list[str] = []


def _scan(text: str) -> list[int]:
    CALLS.append("scan")
    out, at = [], text.find("快报数")
    while at >= 0:
        out.append(at)
        at = text.find("快报数", at + 1)
    return out


class FirstUse(Rule):
    """第一次出现“快报数”。"""

    id = "first-use"
    title = "快报数（首次）"
    severity = Severity.WARN
    basis = "《统计法》第二十五条"

    def check(self, facts, ctx):
        hits = facts.shared("demo/hits", lambda: _scan(facts.text))
        if hits:
            yield self.finding(ctx, hits[0], hits[0] + 3, "数据为快报数")


class Repeated(Rule):
    """“快报数”出现不止一次。"""

    id = "repeated"
    title = "快报数（多次）"
    severity = Severity.INFO
    basis = "《统计法》第二十五条"

    def check(self, facts, ctx):
        hits = facts.shared("demo/hits", lambda: _scan(facts.text))
        for at in hits[1:]:
            yield self.finding(ctx, at, at + 3, "再次出现快报数")


class _Plugin:
    @hookimpl
    def gkrules_checkers(self):
        yield rule_checker("demo-rules", [FirstUse, Repeated], description="示例")


def _engine() -> Engine:
    return Engine("national", plugins=PluginManager(extra=[("demo", _Plugin())]), check_examples=False)


def test_rules_share_one_analysis_per_document_and_report_under_their_ids():
    CALLS.clear()
    report = _engine().check([InputDocument("a.txt", "注：快报数。\n又见快报数，再见快报数。\n"),
                              InputDocument("b.txt", "没有。\n")])
    got = [(f.rule, f.severity) for _, f in report.findings() if f.checker == "demo-rules"]
    assert got == [("first-use", Severity.WARN), ("repeated", Severity.INFO), ("repeated", Severity.INFO)]
    assert CALLS == ["scan", "scan"]  # once per document, not once per rule


def test_declarations_come_from_the_classes():
    spec = rule_checker("demo-rules", [FirstUse, Repeated])
    first = spec.rule("first-use")
    assert first is not None and first.description == "第一次出现“快报数”。"
    assert first.source == __name__ and first.help_uri == "docs/demo-rules.md#first-use"


def test_a_rule_listed_twice_or_of_the_wrong_scope_is_a_programming_error():
    with pytest.raises(ValueError):
        rule_checker("x", [FirstUse, FirstUse])
    with pytest.raises(ValueError):
        rule_checker("x", [FirstUse], scope="batch")

    class Batch(BatchRule):
        """批次规则。"""

        id = "b"
        title = "批次"
        severity = Severity.INFO
        basis = "—"

    with pytest.raises(ValueError):
        rule_checker("x", [Batch])


def test_facts_are_computed_once_and_carry_over_to_the_same_text_only():
    doc = Document(source="a.txt", text="000123\n机密★1年\n\n青梧市统计局文件\n", sha256="", format="txt")
    facts = DocumentFacts(doc)
    head = facts.head()
    assert head.secrecy is not None and facts.head() is head
    rebound = facts.with_document(Document(source="a.txt", text=doc.text, sha256="x", format="txt"))
    assert rebound.head() is head
    other = facts.with_document(Document(source="b.txt", text="正文。\n", sha256="", format="txt"))
    assert other.head().secrecy is None


def test_no_module_level_cache_keyed_on_document_text_remains():
    import pathlib
    import re

    src = pathlib.Path(sys.modules["gkrules"].__file__).parent
    offenders = [str(p.relative_to(src)) for p in src.rglob("*.py")
                 if re.search(r"lru_cache|functools\.cache\b|@cache\b", p.read_text(encoding="utf-8"))]
    # caches keyed on names, never on a document: a new one must be added here with its reason
    keyed_on_names = {
        "testing.py": "one engine per rule-set name for test fixtures",
        "fingerprints.py": "the installation's key, read once per process",
        "checkers/personal_info/params.py": "a bundled word list by its file name",
        "calendar/sources.py": "the bundled holiday data by year",
    }
    assert sorted(offenders) == sorted(keyed_on_names), offenders
