"""top-n-names (UI-06): names ranked by a survey indicator, without figures."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses
from ..kit import Kit
from ..prose import OrgName, RankedNames

RANK_FIX = "确认排名所用数据是否来自统计调查；如是，删除名次或改为不排序的名单，或注明数据为企业自行公开。"


class TopNNames(Rule):
    """UI-06。按调查指标排名的名单只列名称和名次、不列数值（排名句本身，或“如下：”之后的名单，或表题为排名的表格）：
    名次透露了单位之间的大小关系，需确认数据来源。每个名单报告一次。"""

    id = "top-n-names"
    title = "按调查指标排名的单位名单（无数值，复核）"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-06")
    words = ("org_suffixes", "indicators")
    tests = ("tests/unit_identifiability/test_unseen_documents.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        for t in a.table_names.ranked:
            n = len(t.names)
            yield self._list(ctx, t.names,
                             f"{t.view.name()}按调查指标排名列出了{n}个单位的名称和名次（未见数值），名次透露了单位之间的大小关系，请复核")
        for h in a.prose:
            if isinstance(h, RankedNames):
                yield self._list(ctx, h.names,
                                 f"按调查指标排名的名单列出了{len(h.names)}个单位的名称和名次（未见数值），名次透露了单位之间的大小关系，请复核")

    def _list(self, ctx: CheckContext, names: Sequence[OrgName], message: str) -> Finding:
        shown = "、".join(o.name for o in names[:3]) + ("等" if len(names) > 3 else "")
        return self.finding(ctx, names[0].start, names[0].end, message, evidence=shown, suggestion=RANK_FIX,
                            key="|".join(o.name for o in names))
