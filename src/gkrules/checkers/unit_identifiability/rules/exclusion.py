"""exclusion (UI-07): a figure given with a named unit excluded (剔除XX公司影响后)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses
from ..kit import Kit
from ..prose import ExclusionStatement


class Exclusion(Rule):
    """UI-07。“剔除××公司影响后增长5%”等剔除点名单位后的数据：与总量相减即得该单位的数据。“扣除价格因素”不算。"""

    id = "exclusion"
    title = "剔除特定单位后的数据（可相减推算）"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-07")
    words = ("org_suffixes",)
    tests = ("tests/unit_identifiability/test_prose.py", "tests/unit_identifiability/test_unseen_documents.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for h in analyses(facts, ctx, self.kit).prose:
            if isinstance(h, ExclusionStatement):
                yield self.finding(ctx, h.start, h.end, f"文中给出剔除“{h.org}”后的数据，与公布的总量相减即可得到该单位的数据",
                                   evidence=h.shown, key=h.org,
                                   suggestion="删除剔除特定单位的表述；如需说明影响，只描述方向，不给出可相减的数据。")
