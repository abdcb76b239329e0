"""comment: a Word comment, an Excel cell note or a PDF annotation, published with the file."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import hidden_blocks

SUGGESTION = "发布前删除全部批注，再重新检查。"


class Comment(Rule):
    """Word 批注、Excel 单元格批注、PDF 注释：批注内容和批注人随文件公开。一条批注有几个段落时只报告一次；
    意见不重复批注的内容。"""

    id = "comment"
    title = "批注"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("隐藏内容",)
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("批注只存在于 .docx/.xlsx/.pdf 的文件结构中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        seen: set[str | None] = set()
        for b in hidden_blocks(facts):
            if b.kind != "comment" or b.ref in seen:  # a comment of several paragraphs: one finding
                continue
            seen.add(b.ref)
            yield self.finding(ctx, b.start, b.end, f"{b.ref}：文件带有批注，批注内容和批注人随文件一同公开",
                               suggestion=SUGGESTION)
