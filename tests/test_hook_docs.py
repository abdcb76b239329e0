"""Every hook in gkrules.hookspecs is documented and tested.

Fails when a hook lacks a docstring, lacks its section in docs/plugins.md (a heading with
its exact name and argument names, e.g. ``### `gkrules_calendar(ruleset, year)` ``), or lacks
a test named ``test_hook_<hookname>`` under tests/. The Python examples in each hook's section
are executed, so the hook reference stays runnable.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path
from types import ModuleType

import pytest

from gkrules import hookspecs

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "plugins.md"
TESTS = ROOT / "tests"

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$", re.M)
_CODE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)


def hooks_of(module: ModuleType) -> dict[str, inspect.Signature]:
    """The hook specifications of a module: functions pluggy's HookspecMarker marked."""
    return {name: inspect.signature(fn) for name, fn in inspect.getmembers(module, inspect.isfunction)
            if hasattr(fn, "gkrules_spec")}


def hook_sections(markdown: str) -> dict[str, tuple[str, str]]:
    """hook name → (argument list as written in its heading, section text)."""
    heads = list(_HEADING.finditer(markdown))
    out: dict[str, tuple[str, str]] = {}
    for i, m in enumerate(heads):
        found = re.search(r"`?(gkrules_\w+)\(([^)]*)\)`?", m.group(2))
        if not found:
            continue
        level = len(m.group(1))
        end = next((h.start() for h in heads[i + 1:] if len(h.group(1)) <= level), len(markdown))
        out[found.group(1)] = (found.group(2).strip(), markdown[m.end():end])
    return out


def hook_doc_problems(module: ModuleType, markdown: str, test_sources: dict[str, str]) -> list[str]:
    problems = []
    sections = hook_sections(markdown)
    for name, sig in sorted(hooks_of(module).items()):
        if not inspect.getdoc(getattr(module, name)):
            problems.append(f"钩子 {name} 没有说明文字（docstring）")
        args = ", ".join(sig.parameters)
        if name not in sections:
            problems.append(f"docs/plugins.md 没有钩子 {name}({args}) 的一节（标题须写出钩子名和参数）")
        else:
            written, body = sections[name]
            if written != args:
                problems.append(f"docs/plugins.md 中 {name} 的标题写的参数是 ({written})，应为 ({args})")
            if not _CODE.search(body):
                problems.append(f"docs/plugins.md 中 {name} 一节没有可运行的 Python 示例")
        test_def = re.compile(rf"^\s*def test_hook_{name}\(", re.M)
        if not any(test_def.search(src) for src in test_sources.values()):
            problems.append(f"tests/ 下没有名为 test_hook_{name} 的测试")
    return problems


def _test_sources() -> dict[str, str]:
    return {str(p): p.read_text(encoding="utf-8") for p in TESTS.rglob("test_*.py")}


def test_every_hook_has_a_docstring_a_docs_section_and_a_test():
    assert hooks_of(hookspecs), "hookspecs.py 中没有找到钩子"
    assert set(hooks_of(hookspecs)) == set(hookspecs.__all__)
    problems = hook_doc_problems(hookspecs, DOCS.read_text(encoding="utf-8"), _test_sources())
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("hook", sorted(hooks_of(hookspecs)))
def test_hook_reference_examples_run(hook, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, body = hook_sections(DOCS.read_text(encoding="utf-8"))[hook]
    for i, code in enumerate(_CODE.findall(body)):
        exec(compile(code, f"docs/plugins.md:{hook}#{i}", "exec"), {"__name__": f"docs_example_{hook}"})


# -- the checker itself must be able to fail ----------------------------------------------

def _fake_hooks() -> ModuleType:
    import pluggy

    spec = pluggy.HookspecMarker("gkrules")
    mod = ModuleType("fake_hookspecs")

    @spec
    def gkrules_documented(ruleset, year):
        """Documented."""

    @spec
    def gkrules_undocumented(checker):
        pass

    mod.gkrules_documented = gkrules_documented
    mod.gkrules_undocumented = gkrules_undocumented
    return mod


GOOD_DOC = "## 参考\n\n### `gkrules_documented(ruleset, year)`\n\n说明。\n\n```python\nassert True\n```\n"


def test_checker_reports_each_kind_of_gap():
    mod = _fake_hooks()
    tests = {"t.py": "def test_hook_gkrules_documented():\n    pass\n"}
    problems = hook_doc_problems(mod, GOOD_DOC, tests)
    assert len(problems) == 3
    assert "gkrules_undocumented 没有说明文字" in problems[0]
    assert "没有钩子 gkrules_undocumented(checker) 的一节" in problems[1]
    assert "test_hook_gkrules_undocumented" in problems[2]


def test_checker_reports_wrong_arguments_missing_example_and_missing_test():
    mod = ModuleType("one")
    mod.gkrules_documented = _fake_hooks().gkrules_documented
    assert hook_doc_problems(mod, GOOD_DOC, {"t.py": "def test_hook_gkrules_documented():\n"}) == []
    wrong_args = GOOD_DOC.replace("(ruleset, year)", "(year, ruleset)")
    assert "应为 (ruleset, year)" in hook_doc_problems(mod, wrong_args, {"t.py": "def test_hook_gkrules_documented():"})[0]
    no_example = GOOD_DOC.split("```")[0]
    assert "没有可运行的 Python 示例" in hook_doc_problems(mod, no_example, {"t.py": "def test_hook_gkrules_documented():"})[0]
    assert hook_doc_problems(mod, GOOD_DOC, {"t.py": "def test_hook_gkrules_documentedx():"}) != []
