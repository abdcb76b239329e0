"""missing-page: a page that is no 公文 but reads as an issued document, with no attribute."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..page import STATE_IT_SUGGESTION


class MissingPage(DisclosureRule):
    """不是公文、但像一份印发的文件的页面（有网站元数据栏、主送机关或落款日期）没有公开属性：提示核实。
    新闻、统计数据表、单纯的文章本来没有公开属性这一项，不报告。"""

    id = "missing-page"
    title = "页面未标注公开属性"
    severity = Severity.INFO
    basis = basis.DRAFTING
    tags = ("公开属性",)
    tests = ("tests/test_disclosure_attribute.py",)
    situation = "none"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        if d.statements or d.reposted() or d.official():
            return ()
        why = d.document_like()
        if why is not None:
            return (self.finding(
                ctx, None, None,
                f"本页面（{why}）未标注公开属性（附注或网站公开方式栏），发布系统也未提供：请确认其属于主动公开的信息",
                suggestion=STATE_IT_SUGGESTION, key="missing"),)
        return ()
