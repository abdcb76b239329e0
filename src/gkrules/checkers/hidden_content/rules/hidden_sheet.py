"""hidden-sheet: an Excel worksheet set hidden or very hidden, often the unit-level detail."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Block, Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import hidden_blocks

SUGGESTION = "删除不应公开的工作表（而不是隐藏它），再重新检查。"
_VERY_HIDDEN = "被设为“深度隐藏”（veryHidden，在 Excel 界面中无法直接取消隐藏）"


class HiddenSheet(Rule):
    """Excel 中隐藏（hidden）或深度隐藏（veryHidden）的工作表，常含单位级明细数据；意见给出其中非空单元格的个数，
    其内容也交给其他检查器检查（如 unit-identifiability 检查其中的表）。"""

    id = "hidden-sheet"
    title = "隐藏或深度隐藏的工作表"
    severity = Severity.WARN
    basis = basis.STATISTICS
    tags = ("隐藏内容", "统计数据")
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("隐藏工作表只存在于 .xlsx 的文件结构中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            if b.kind in ("hidden-sheet", "very-hidden-sheet"):
                yield self._finding(facts, ctx, b)

    def _finding(self, facts: DocumentFacts, ctx: CheckContext, b: Block) -> Finding:
        cells = sum(1 for c in facts.document.blocks if c.kind == "cell" and b.start <= c.start < b.end)
        how = _VERY_HIDDEN if b.kind == "very-hidden-sheet" else "被隐藏"
        first_line_end = facts.text.find("\n", b.start, b.end)
        end = b.end if first_line_end == -1 else first_line_end
        return self.finding(ctx, b.start, end, f"工作表「{b.ref}」{how}，其中有 {cells} 个非空单元格，随文件一同公开",
                            suggestion=SUGGESTION, key=f"{b.kind}|{b.ref}")
