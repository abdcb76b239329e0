"""missing: a 公文 with no attribute anywhere (附注, portal field, publishing system)."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..page import STATE_IT_SUGGESTION


class Missing(DisclosureRule):
    """公文（有发文字号，或有“××文件”发文机关标志）既无附注，也无公开方式栏，发布系统也未提供公开属性：
    公开属性应在拟稿时确定并随文报批。行政处罚决定书等执法文书（文号的机关代字含 enforcement_number_patterns：
    罚、决字）按执法公示的规定公开，不算公文，缺少时至多按 missing-page 提示；转载的文件报 repost。"""

    id = "missing"
    title = "公文未标注公开属性"
    severity = Severity.WARN
    basis = basis.DRAFTING
    tags = ("公开属性",)
    tests = ("tests/test_disclosure_attribute.py", "tests/test_redteam_documents.py")
    situation = "none"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        if d.statements or d.reposted():
            return ()
        why = d.official()
        if why:
            return (self.finding(
                ctx, None, None,
                f"本文件是公文（{why}），但未标注公开属性（附注或网站公开方式栏），发布系统也未提供："
                "公文拟稿时即应确定公开属性（主动公开、依申请公开或不予公开）并随文报批",
                suggestion=STATE_IT_SUGGESTION, key="missing"),)
        return ()
