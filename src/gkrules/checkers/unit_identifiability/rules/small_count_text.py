"""small-count-text (UI-05): the text says a category has one or two units and gives its figure."""

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


class SmallCountText(Rule):
    """UI-05。“仅有1家……实现营业收入X亿元”“只有2家企业……下降Y%”“规上工业企业2家，完成产值X亿元”“全
    县2家规上企业营业收入增长12%”“全县首家规上数字经济企业实现营业收入X亿元”“样本户仅2户，人均可支配收入X元”
    ：单位数少于 min_units 且同一句给出该组自己的数据（中间没有“全县……58家”等另一组）。奖励金额、报送率
    等关于调查本身的数据不算。"""

    id = "small-count-text"
    title = "文中写明仅有一两家单位并公布其数据"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-05")
    words = ("indicators", "enforcement_words", "self_published_words")
    tests = ("tests/unit_identifiability/test_prose.py", "tests/unit_identifiability/test_unseen_documents.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for h in analyses(facts, ctx, self.kit).prose:
            if isinstance(h, SmallCount) and h.figure is not None:
                yield self.finding(
                    ctx, h.start, h.end,
                    f"文中写明该类别只有{h.n}个单位，并公布了其数据（{h.figure}），可直接推断单个调查对象的数据",
                    evidence=h.shown, key=f"{h.matched}|{h.figure}",
                    suggestion="删除该类别的数据，或并入“其他”类别，使每个公布数据的类别至少包含足够多的单位。")
