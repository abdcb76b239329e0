"""Rule examples that hold several documents.

A batch checker (``policy-interpretation``) judges documents against each other, so one of
its examples is a small release batch. Its documents are written one after another, each
opened by a line ``=== 文件名 ===``::

    === 办法.txt ===
    青梧市统计局关于印发《青梧市统计调查员管理办法》的通知
    …
    === 解读.txt ===
    《青梧市统计调查员管理办法》政策解读
    …

Text before the first such line (or an example without any) is one document named after the
example.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gkrules.ruleset import Ruleset

_SEPARATOR = re.compile(r"^===[^\S\n]*(?P<name>[^\s=][^\n=]*?)[^\S\n]*===[^\S\n]*$", re.M)


def split_example(text: str, default_name: str) -> list[tuple[str, str]]:
    """[(file name, text)] of the documents of one example."""
    parts: list[tuple[str, str]] = []
    matches = list(_SEPARATOR.finditer(text))
    head = text[: matches[0].start()] if matches else text
    if head.strip() or not matches:
        parts.append((default_name, head))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        parts.append((m.group("name"), text[m.end() + 1: end]))
    return parts


def inherited_example_note(ruleset: Ruleset, example_file: str | None, checker_id: str, rule_id: str,
                           kind: str, what: str) -> str | None:
    """The note for an example that a parent rule set wrote and that no longer holds under
    this rule set's parameters, or None when the example is the rule set's own (then it is
    an error: a rule set must meet its own examples)."""
    if example_file is None or len(ruleset.chain) < 2:
        return None
    layer = ruleset.layer_of(example_file)
    if layer is None or layer == len(ruleset.chain) - 1:
        return None
    parent_id = ruleset.chain[layer][0]
    child_file = ruleset.chain[-1][2]
    key = f"checkers.{checker_id}.rules.{rule_id}.examples.{kind}"
    return (f"规则 {checker_id}/{rule_id} {what}：该示例继承自上级规则集 {parent_id}（{example_file}），"
            f"在本规则集 {ruleset.id}（{child_file}）的参数下不再成立，已跳过，规则集照常加载。"
            f"请在 {child_file} 的 {key} 中写出符合本规则集参数的示例以替换继承的列表，"
            f"或写 `{kind}: []` 不再继承（见 docs/rulesets.md“继承的示例”）")


__all__ = ["inherited_example_note", "split_example"]
