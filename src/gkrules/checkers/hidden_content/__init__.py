"""hidden-content: what a file holds that its reader does not see (tracked changes, comments,
hidden text, hidden sheets, rows and columns, embedded objects, names in the document
properties), registered as a plugin like any third-party checker. Each rule is a module of
``rules/``."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.model import Finding
from gkrules.plugins import hookimpl
from gkrules.rule import RuleRunner, rule_checker

from .kit import Kit, hidden_blocks
from .params import HiddenContentParams
from .rules import RULES


class _Runner(RuleRunner):
    """The rules, run only on a document that has hidden blocks: most documents (every plain
    text) have none, and eight rule calls that each find nothing would cost this checker about
    three times what one look at the blocks does."""

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        if not hidden_blocks(ctx.facts):
            return iter(())
        return super().check(ctx)


SPEC = rule_checker("hidden-content", RULES, params=HiddenContentParams, prepare=Kit, runner=_Runner,
                    description="文件中看不见的内容：修订、批注、隐藏文字、隐藏工作表和行列、嵌入对象、文档属性中的姓名")


@hookimpl
def gkrules_checkers():
    yield SPEC
