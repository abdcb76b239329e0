"""embedded-object: an OLE object or file embedded in a Word or Excel file."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import hidden_blocks

SUGGESTION = "把嵌入对象转为图片或删除，需要公开的数据另行审查后单独发布。"


class EmbeddedObject(Rule):
    """Word/Excel 中嵌入的 OLE 对象或文件（如嵌入的工作簿），其完整内容随文件公开；
    嵌入的 Word/Excel 文件的文字也交给其他检查器检查。每个嵌入对象只报告一次。"""

    id = "embedded-object"
    title = "嵌入对象"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("隐藏内容",)
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("嵌入对象只存在于 .docx/.xlsx 的文件结构中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        seen: set[str | None] = set()
        for b in hidden_blocks(facts):
            if b.kind != "embedded-object" or b.ref in seen:  # its name line and its text: one finding
                continue
            seen.add(b.ref)
            yield self.finding(ctx, b.start, b.end,
                               f"{b.ref}：文件中嵌入了对象或文件，其完整内容（可能含未公开的数据）随文件一同公开",
                               suggestion=SUGGESTION, key=b.ref or "")
