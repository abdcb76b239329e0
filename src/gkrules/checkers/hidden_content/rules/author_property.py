"""author-property: a person's name in the document properties 作者, 最后修改者, 经理.

The name is masked (``张*``): the reviewer learns which property holds a name, not the name.
"""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Block, Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit, hidden_blocks

# how the loaders print a property line: 文档属性·作者：张三
_PROPERTY_PREFIX = "文档属性·"
SUGGESTION = "发布前清除文档属性中的个人信息（WPS/Word：文件→检查文档→文档属性和个人信息）。"


def mask_name(value: str) -> str:
    """A person's name with all but its first character masked: 张三 → 张*, John → J***."""
    value = value.strip()
    return value[:1] + "*" * max(1, len(value) - 1) if value else value


class AuthorProperty(Rule):
    """文档属性“作者”“最后修改者”“经理”中的个人姓名；软件和系统的默认值（Administrator、Windows 用户、python-docx……）
    和单位名称（以局、办公室、中心等结尾）不报告。证据中的姓名已遮蔽（张*）。"""

    id = "author-property"
    title = "文档属性中的个人姓名"
    severity = Severity.WARN
    basis = basis.PERSONAL
    tags = ("隐藏内容", "个人信息")
    words = ("person_properties", "generic_names", "unit_suffixes")
    tests = ("tests/loaders/test_hidden_content.py",)
    examples_note = ("文档属性只存在于 .docx/.xlsx/.pdf 的文件结构中，纯文本示例无法带有；失败的例子是 tests/loaders/test_hidden_content.py "
                     "用生成的真实文件检查的，规则集只列纯文本中写出同样字样的 pass 示例")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for b in hidden_blocks(facts):
            if b.kind == "property" and (f := self._finding(facts, ctx, b)) is not None:
                yield f

    def _finding(self, facts: DocumentFacts, ctx: CheckContext, b: Block) -> Finding | None:
        kit = self.kit
        label, _, value = facts.text[b.start:b.end].partition("：")
        label = label.removeprefix(_PROPERTY_PREFIX)
        value = value.strip()
        if label not in kit.person_properties or not value:
            return None
        if value.casefold() in kit.generic or value.endswith(kit.unit_suffixes):
            return None
        return self.finding(ctx, b.end - len(value), b.end,
                            f"文档属性「{label}」填有个人姓名（{mask_name(value)}），任何人都可在文件属性中看到",
                            evidence=mask_name(value), key=f"{label}|{value}", suggestion=SUGGESTION)
