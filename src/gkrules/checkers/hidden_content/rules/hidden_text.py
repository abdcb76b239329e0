"""hidden-text: text formatted as hidden (w:vanish): not on the page, still in the file."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import char_count, hidden_blocks

SUGGESTION = "显示隐藏文字后核查，删除不应公开的内容，再重新检查。"


class HiddenText(Rule):
    """字体设为“隐藏”（w:vanish）的文字：页面上看不到，但仍在文件中；其中的内容也交给其他检查器检查。"""

    id = "hidden-text"
    title = "设为隐藏格式的文字"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("隐藏内容",)
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("隐藏格式的文字只存在于 .docx 的文件结构（w:vanish）中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            if b.kind == "hidden-text":
                n = char_count(facts.text[b.start:b.end])
                yield self.finding(ctx, b.start, b.end,
                                   f"{b.ref}：有设为“隐藏”格式的文字（{n} 个字符），页面上看不到但仍在文件中",
                                   suggestion=SUGGESTION)
