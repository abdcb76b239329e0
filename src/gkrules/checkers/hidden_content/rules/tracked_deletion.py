"""tracked-deletion: text deleted in Word's track-changes mode and still kept in the file."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import CLEAN_SUGGESTION, char_count, hidden_blocks


class TrackedDeletion(Rule):
    """Word 修订模式下删除的文字（w:del）未被接受，仍保存在文件中，打开修订标记即可看到；其中的内容也交给其他检查器检查
    （如删除的文字中有身份证号码，personal-info 也会报告，位置标明是隐藏内容）。意见只说字数，不重复删除的文字。"""

    id = "tracked-deletion"
    title = "修订中删除的文字仍在文件中"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("隐藏内容",)
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("修订删除的文字只存在于 .docx 的文件结构（w:del）中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            if b.kind == "deletion":
                n = char_count(facts.text[b.start:b.end])
                yield self.finding(ctx, b.start, b.end,
                                   f"{b.ref}：修订中删除的文字（{n} 个字符）仍保存在文件中，打开修订标记即可看到",
                                   suggestion=CLEAN_SUGGESTION)
