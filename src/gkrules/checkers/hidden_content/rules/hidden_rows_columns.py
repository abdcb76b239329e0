"""hidden-rows-columns: hidden rows and columns of an Excel worksheet."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import hidden_blocks

# block kind → (what is hidden, the key's prefix)
_WHAT = {"hidden-rows": ("行", "rows"), "hidden-columns": ("列", "columns")}


class HiddenRowsColumns(Rule):
    """Excel 工作表中隐藏的行和列：数据随文件公开。意见给出 Excel 的行号或列号范围（如 汇总!4:4、汇总!C:C），
    位置落在其中第一个非空单元格。"""

    id = "hidden-rows-columns"
    title = "隐藏的行或列"
    severity = Severity.WARN
    basis = basis.STATISTICS
    tags = ("隐藏内容", "统计数据")
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("隐藏的行和列只存在于 .xlsx 的文件结构中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            what = _WHAT.get(b.kind)
            if what is not None:
                word, key = what
                yield self.finding(ctx, b.start, b.end, f"{b.ref}：有隐藏的{word}，其中的数据随文件一同公开",
                                   suggestion=f"删除不应公开的{word}（而不是隐藏它们），再重新检查。",
                                   key=f"{key}|{b.ref}")
