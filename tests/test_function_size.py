"""Small functions: no function in src/ is longer than LIMIT lines unless its docstring says
why ("Long because …" or "长：…").

A long function hides its seams; when one is right as it is (a literal document, a hot loop
measured faster whole), its docstring says so and the reader knows it was a choice. The
allow-list below names the functions still waiting for the work that splits them; it can
only shrink: an entry that is gone or short again fails the test until it is removed.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
LIMIT = 60
REASONS = ("Long because", "长：")

#: path:qualified name → the work that removes it. Do not add to this list: split the
#: function, or say in its docstring why it is long.
WAITING: dict[str, str] = {}


def _functions(tree: ast.AST, prefix: str = ""):
    """(qualified name, node) of every function, methods and nested functions included."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            name = prefix + node.name
            yield name, node
            yield from _functions(node, name + ".")
        elif isinstance(node, ast.ClassDef):
            yield from _functions(node, prefix + node.name + ".")
        else:
            yield from _functions(node, prefix)


def long_functions(source: str, path: str, limit: int = LIMIT) -> dict[str, int]:
    """``path:name`` → line count of every function over ``limit`` lines without a reason."""
    out = {}
    for name, node in _functions(ast.parse(source)):
        length = (node.end_lineno or node.lineno) - node.lineno + 1
        doc = ast.get_docstring(node) or ""
        if length > limit and not any(r in doc for r in REASONS):
            out[f"{path}:{name}"] = length
    return out


@cache
def _all_long() -> dict[str, int]:
    found: dict[str, int] = {}
    for file in sorted(SRC.rglob("*.py")):
        found.update(long_functions(file.read_text(encoding="utf-8"), file.relative_to(ROOT).as_posix()))
    return found


def test_finder_counts_lines_and_honours_a_reason():
    body = "\n".join(f"    x{i} = {i}" for i in range(61))
    assert long_functions(f"def f():\n{body}\n", "m.py") == {"m.py:f": 62}
    assert long_functions(f"class C:\n  def g(self):\n  {body.replace(chr(10), chr(10) + '  ')}\n", "m.py") \
        == {"m.py:C.g": 62}
    assert long_functions(f'def f():\n    """Long because it is one table."""\n{body}\n', "m.py") == {}
    assert long_functions(f'def f():\n    """长：一张对照表。"""\n{body}\n', "m.py") == {}
    short = "\n".join(f"    x{i} = {i}" for i in range(59))
    assert long_functions(f"def f():\n{short}\n", "m.py") == {}


def test_no_long_function_without_a_reason():
    unexplained = {k: n for k, n in _all_long().items() if k not in WAITING}
    assert not unexplained, (
        f"超过 {LIMIT} 行的函数须拆分，或在 docstring 中说明原因（“Long because …”或“长：…”）："
        + "；".join(f"{k}（{n} 行）" for k, n in sorted(unexplained.items())))


@pytest.mark.parametrize("key", sorted(WAITING))
def test_waiting_list_only_shrinks(key):
    """An entry whose function was split (or explained) leaves the list."""
    assert key in _all_long(), f"{key} 已不再超长（或已说明原因）：请从 WAITING 中删去"
