"""repost: a repost of another organ's document with no attribute: that organ fixes it."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata.role import origin_of
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure

SUGGESTION = "核对制发机关网站上该文件的公开方式；原文不公开或依申请公开的，不得转载发布。"


class Repost(DisclosureRule):
    """从内容认出的转发、转载（见 policy-interpretation 的 repost 与文件角色）是公文或像印发的文件，却没有公开属性：
    公开属性由制发机关在拟稿时确定，不报“公文未标注公开属性”（missing），改为提示转载前核对制发机关的公开方式。"""

    id = "repost"
    title = "转载的文件未标注公开属性：由制发机关确定"
    severity = Severity.INFO
    basis = basis.DRAFTING
    tags = ("公开属性",)
    tests = ("tests/test_disclosure_attribute.py",)
    situation = "none"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        if d.statements or not d.reposted():
            return ()
        meta = facts.metadata
        origin = origin_of(facts.text, meta.title)
        maker = f"制发机关（{origin}）" if origin else "制发机关"
        return (self.finding(
            ctx, None, None,
            f"本页面转发或转载其他机关的文件（{'；'.join(meta.role_reasons)}），未标注公开属性："
            f"公开属性由{maker}在拟稿时确定，转载前请确认原文已由制发机关主动公开",
            suggestion=SUGGESTION, key="repost"),)
