"""conflict: the 附注, the portal's field and the publishing system disagree on the attribute."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure

SUGGESTION = "请核实该文件的公开属性，使附注、网站公开方式栏和发布系统中的属性一致后再发布。"


class Conflict(DisclosureRule):
    """附注、网站公开方式/公开属性栏和发布系统元数据中的公开属性不一致；意见落在附注行上（附注是文件自己说的），
    没有附注时落在正文中第一处。其中更严的属性另按 withheld、on-request 报告。"""

    id = "conflict"
    title = "附注与网站公开方式栏不一致"
    severity = Severity.WARN
    basis = basis.CONFLICT
    tags = ("公开属性",)
    tests = ("tests/test_disclosure_attribute.py",)
    situation = "known"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        known = disclosure(facts, self.kit).known
        if len({a.value for a in known}) < 2:
            return ()
        listed = "；".join(f"{a.origin}：{a.value}" for a in known)
        # point at the 附注 (what the document itself says) when it is one of the parties
        at = next((a for a in known if a.origin == "附注"), None) or next((a for a in known if a.in_text), known[0])
        return (self.finding(
            ctx, at.start, at.end, f"本文件的公开属性前后不一致（{listed}），须核实以哪一个为准",
            evidence=at.raw if at.in_text else None, suggestion=SUGGESTION,
            key="|".join(sorted({a.value or "" for a in known}))),)
