"""The rule tables of ``docs/`` generated from the rules' declarations (as ruff generates its
rule pages): a checker's page holds its table between two marker lines, and
``python -m gkrules.ruledocs --write`` rewrites every table; ``tests/test_rule_docs.py``
fails when a table and the declarations drift apart.

A rule's docs section is its row: ``docs/<checker>.md#<rule>`` (the row carries the anchor).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable
from pathlib import Path

from gkrules.specs import CheckerSpec

BEGIN = "<!-- 规则表开始：由 python -m gkrules.ruledocs --write 从规则声明生成，请勿手改 -->"
END = "<!-- 规则表结束 -->"


def docs_page(checker_id: str) -> str:
    """Where a checker's rules are documented, relative to the project root."""
    return f"docs/{checker_id}.md"


def help_uri(checker_id: str, rule_id: str) -> str:
    return f"{docs_page(checker_id)}#{rule_id}"


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "｜").split())


def render_table(spec: CheckerSpec) -> str:
    lines = [BEGIN, "", "| 规则 | 内容 | 默认级别 | 怎样才算 | 依据 |", "|---|---|---|---|---|"]
    for r in spec.rules:
        lines.append(f"| <a id=\"{r.id}\"></a>`{r.id}` | {_cell(r.title)} | {r.severity.label} | "
                     f"{_cell(r.description)} | {_cell(r.basis)} |")
    lines += ["", END]
    return "\n".join(lines)


def replace_table(page: str, table: str) -> str | None:
    """The page with its generated table replaced (None: the page has no markers)."""
    start = page.find(BEGIN)
    end = page.find(END)
    if start == -1 or end == -1 or end < start:
        return None
    return page[:start] + table + page[end + len(END):]


def builtin_specs() -> list[CheckerSpec]:
    """The checkers gkrules itself ships (the built-in plugins), in registration order."""
    from gkrules.plugins import PluginManager

    return [s for s in PluginManager().checkers().values() if _builtin(s)]


def _builtin(spec: CheckerSpec) -> bool:
    return all((r.source or "").startswith("gkrules.") for r in spec.rules) and bool(spec.rules)


def drifted(root: Path, specs: Iterable[CheckerSpec]) -> list[str]:
    """Checker pages whose table is missing or differs from the declarations."""
    out = []
    for spec in specs:
        path = root / docs_page(spec.id)
        page = path.read_text(encoding="utf-8") if path.exists() else ""
        new = replace_table(page, render_table(spec))
        if new is None or new != page:
            out.append(docs_page(spec.id))
    return out


def write(root: Path, specs: Iterable[CheckerSpec]) -> list[str]:
    changed = []
    for spec in specs:
        path = root / docs_page(spec.id)
        page = path.read_text(encoding="utf-8") if path.exists() else f"# {spec.id}\n\n{spec.description}\n\n{BEGIN}\n{END}\n"
        new = replace_table(page, render_table(spec))
        if new is None:
            new = page.rstrip("\n") + "\n\n## 规则\n\n" + render_table(spec) + "\n"
        if new != page:
            path.write_text(new, encoding="utf-8")
            changed.append(docs_page(spec.id))
    return changed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gkrules.ruledocs", description="由规则声明生成 docs/ 中的规则表")
    parser.add_argument("--write", action="store_true", help="改写文档（默认只检查是否一致）")
    parser.add_argument("--root", default=".", help="项目根目录（默认当前目录）")
    args = parser.parse_args(argv)
    root = Path(args.root)
    specs = builtin_specs()
    if args.write:
        for page in write(root, specs):
            print(f"已更新 {page}")
        return 0
    stale = drifted(root, specs)
    for page in stale:
        print(f"{page} 的规则表与规则声明不一致：请运行 python -m gkrules.ruledocs --write", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
