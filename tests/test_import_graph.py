"""The import graph of gkrules: no cycles, and the CLI's modules stay the CLI's.

Built by grimp from the source (every ``import`` statement, including those inside functions
and under ``if TYPE_CHECKING:``): a cycle that only type checkers follow still ties modules
together, and the next runtime import along it would be a circular import. The plugin
contract is layered so that none is needed: ``model`` ← ``protocols`` ← ``ruleset.model`` ←
``context`` ← ``specs`` ← ``hookspecs`` ← ``plugins`` ← ``ruleset`` ← ``engine``.
"""

from __future__ import annotations

import graphlib
import itertools
from functools import cache

import grimp
import pytest

PACKAGE = "gkrules"
CLI = "gkrules.cli"
COMMANDS = "gkrules.commands"


@cache
def _graph(type_checking: bool) -> grimp.ImportGraph:
    # cache_dir=None: no .grimp_cache folder in the working directory
    return grimp.build_graph(PACKAGE, exclude_type_checking_imports=not type_checking, cache_dir=None)


def _edges(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    return {m: set(graph.find_modules_directly_imported_by(m)) for m in graph.modules}


def _where(graph: grimp.ImportGraph, importer: str, imported: str) -> str:
    details = graph.get_import_details(importer=importer, imported=imported)
    return "、".join(f"{importer}:{d['line_number']}" for d in details) or importer


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph (its modules in import order, the first repeated last), or None."""
    try:
        graphlib.TopologicalSorter(edges).prepare()
    except graphlib.CycleError as exc:
        return list(reversed(exc.args[1]))  # graphlib lists a cycle against the import direction
    return None


def test_cycle_finder_finds_a_cycle_and_accepts_a_tree():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None
    cycle = find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}})
    assert cycle is not None and set(cycle) == {"a", "b", "c"} and cycle[0] == cycle[-1]
    assert all(cycle[i + 1] in {"a": {"b"}, "b": {"c"}, "c": {"a"}}[cycle[i]] for i in range(3))


@pytest.mark.parametrize("type_checking", [False, True], ids=["runtime", "with-type-checking"])
def test_no_import_cycle(type_checking):
    graph = _graph(type_checking)
    cycle = find_cycle(_edges(graph))
    if cycle is not None:
        steps = [_where(graph, a, b) for a, b in itertools.pairwise(cycle)]
        pytest.fail("gkrules 的模块之间有循环导入：" + " → ".join(cycle) + "（导入位置：" + "；".join(steps) + "）")


def _in_cli(module: str) -> bool:
    return module == CLI or module == COMMANDS or module.startswith(COMMANDS + ".")


def test_only_the_cli_imports_commands():
    """``gkrules.commands`` is the command line: the library, the HTTP service and the checkers
    share code through neutral modules (``gkrules.effective_rules``, ``gkrules.calendar``)."""
    graph = _graph(True)
    commands = {COMMANDS, *graph.find_descendants(COMMANDS)}
    outside = sorted(_where(graph, importer, module)
                     for module in commands
                     for importer in graph.find_modules_that_directly_import(module)
                     if not _in_cli(importer))
    assert not outside, f"命令行之外的模块导入了 gkrules.commands：{'；'.join(outside)}"
    assert graph.direct_import_exists(importer=CLI, imported=COMMANDS, as_packages=True)


def test_contract_modules_are_leaves_where_they_must_be():
    """The protocols and the rule-set type import nothing from the plugin machinery, so every
    module of the contract can name them."""
    graph = _graph(True)
    for leaf in ("gkrules.protocols", "gkrules.model", "gkrules.ruleset.model"):
        reached = graph.find_upstream_modules(leaf)
        assert not reached & {"gkrules.plugins", "gkrules.hookspecs", "gkrules.specs", "gkrules.context",
                              "gkrules.ruleset", "gkrules.engine"}, (leaf, sorted(reached))
