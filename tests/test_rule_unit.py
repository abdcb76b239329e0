"""One rule, one place: for every built-in rule, ``gkrules rule ID`` names the one source file
that holds its declaration, messages and logic, and its rule-set entry, word lists, tests and
docs section — and each of those exists and is about that rule."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from gkrules.commands.rule import describe
from gkrules.engine import Engine
from gkrules.ruledocs import builtin_specs, drifted
from rule_conversion import PENDING

ROOT = Path(__file__).resolve().parents[1]
_ENGINE = Engine("national", check_examples=False)


def _rules():
    for active in _ENGINE.checkers:
        marks = [pytest.mark.xfail(strict=True, reason="尚未改写为一条规则一个模块")] if active.spec.id in PENDING else []
        for info in active.spec.rules:
            yield pytest.param(f"{active.spec.id}/{info.id}", id=f"{active.spec.id}/{info.id}", marks=marks)


def _rule_class(tree: ast.Module, rule_id: str) -> ast.ClassDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if (isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "id" for t in stmt.targets)
                        and isinstance(stmt.value, ast.Constant) and stmt.value.value == rule_id):
                    return node
    return None


@pytest.mark.parametrize("full_id", list(_rules()))
def test_rule_lives_in_one_module_with_its_entry_words_tests_and_docs(full_id, monkeypatch):
    monkeypatch.chdir(ROOT)
    data = describe(_ENGINE, full_id)
    d = data["defined"]
    rule_id = full_id.split("/")[1]
    # the source file: one class declaring the id, with its check and the messages it reports
    source = ROOT / d["file"]
    tree = ast.parse(source.read_text(encoding="utf-8"))
    cls = _rule_class(tree, rule_id)
    assert cls is not None, f"{d['file']} 中没有声明 id = {rule_id!r} 的规则类"
    methods = {n.name for n in cls.body if isinstance(n, ast.FunctionDef)}
    assert methods & {"check", "check_batch"}, f"{cls.name} 没有 check"
    assert ast.get_docstring(cls), f"{cls.name} 没有说明（类的文档字符串）"
    assert any(isinstance(n, ast.Constant) and isinstance(n.value, str) and re.search("[\u4e00-\u9fff]", n.value)
               for n in ast.walk(cls) if not isinstance(n, ast.Expr)), f"{cls.name} 中没有说明文字"
    # the rule-set entry
    assert d["ruleset"] and Path(d["ruleset"].rsplit(":", 1)[0]).exists(), f"{full_id} 在规则集中没有条目"
    # word lists resolve to files
    for name, where in d["words"].items():
        assert where is not None, f"{full_id} 的词表参数 {name} 在规则集中没有给出"
    # tests exist and test this rule by its id
    assert d["tests"], f"{full_id} 没有列出测试（Rule.tests）"
    for t in d["tests"]:
        assert rule_id in (ROOT / t).read_text(encoding="utf-8"), f"{t} 中没有提到 {rule_id}"
    # the docs section: the row of the generated table
    page, anchor = d["docs"].split("#")
    assert f'<a id="{anchor}"></a>' in (ROOT / page).read_text(encoding="utf-8")


def test_rule_tables_in_docs_match_the_declarations():
    assert drifted(ROOT, builtin_specs()) == [], "请运行 python -m gkrules.ruledocs --write"


def test_ruledocs_covers_every_converted_builtin_checker():
    documented = {s.id for s in builtin_specs()}
    assert {a.spec.id for a in _ENGINE.checkers} - PENDING <= documented
