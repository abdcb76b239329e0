"""small-count-mention (UI-05): the text says a category has one or two units, without a figure."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses
from ..kit import Kit
from ..prose import SmallCount


class SmallCountMention(Rule):
    """UI-05。同样的表述（含“仅/只”）但同一句没有该类别的数据（如“仅有1家企业未按期报送”），或只有规模分组的门槛
    值（“只有两家企业出口交货值超过10亿元”；1 个单位时门槛值仍算数据）：请确认其他位置没有公布。"""

    id = "small-count-mention"
    title = "文中写明仅有一两家单位（无数据，提示）"
    severity = Severity.INFO
    basis = basis.REVIEW
    tags = ("统计保密", "UI-05")
    tests = ("tests/unit_identifiability/test_prose.py", "tests/unit_identifiability/test_unseen_documents.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for h in analyses(facts, ctx, self.kit).prose:
            if isinstance(h, SmallCount) and h.figure is None:
                yield self.finding(ctx, h.start, h.end,
                                   f"文中写明某类别只有{h.n}个单位；未见该类别的数据，请确认没有在其他位置公布",
                                   evidence=h.shown, key=h.matched)
