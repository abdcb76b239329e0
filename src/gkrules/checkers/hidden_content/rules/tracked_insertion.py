"""tracked-insertion: an insertion of Word's track-changes mode not yet accepted."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import CLEAN_SUGGESTION, char_count, hidden_blocks


class TrackedInsertion(Rule):
    """Word 修订模式下插入的文字（w:ins）未被接受，文件仍带修订记录、修订人和时间。"""

    id = "tracked-insertion"
    title = "文件带有未接受的修订"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("隐藏内容",)
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("未接受的修订插入只存在于 .docx 的文件结构（w:ins）中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            if b.kind == "insertion":
                n = char_count(facts.text[b.start:b.end])
                yield self.finding(ctx, b.start, b.end,
                                   f"{b.ref}：有未接受的修订（插入 {n} 个字符），文件仍带修订记录（含修订人和时间）",
                                   suggestion=CLEAN_SUGGESTION)
