"""unknown-value: the attribute stated, but in none of the three values."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..page import STATE_IT_SUGGESTION


class UnknownValue(DisclosureRule):
    """公开方式栏或附注写了三种公开属性（主动公开、依申请公开、不予公开）以外的取值，如“部分公开”
    “（此件删减后公开）”：属性写了，却无法判断能否发布；报告本规则，不报“未标注”。
    取值词表见规则集 public_words、on_request_words、withheld_words。"""

    id = "unknown-value"
    title = "公开属性取值不规范"
    severity = Severity.INFO
    basis = basis.DRAFTING
    tags = ("公开属性",)
    words = ("public_words", "on_request_words", "withheld_words")
    tests = ("tests/test_disclosure_attribute.py", "tests/test_redteam_documents.py")
    situation = "unrecognised"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        if d.known or not d.statements:
            return ()
        a = d.statements[0]
        return (self.finding(
            ctx, a.start, a.end,
            f"{a.origin}“{a.raw}”不是规定的公开属性（主动公开、依申请公开、不予公开）之一，无法判断能否发布",
            evidence=a.raw, suggestion=STATE_IT_SUGGESTION, key=a.raw),)
