"""singleton-pair (UI-11): two hidden entries in one relation, one of them a single unit's."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses
from ..audit import INF
from ..kit import Kit
from ..tables import norm


class SingletonPair(Rule):
    """UI-11。一个加总关系中只剩两个隐藏值（都未被精确推算）且其中一个只有 1 个单位（单位数取自表内单位数列或单位贡
    献数据）：该单位用合计减去自身数据即可反推另一个。"""

    id = "singleton-pair"
    title = "单一单位可反推同一关系中的另一个隐藏值"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-11")
    tests = ("tests/unit_identifiability/test_tables.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        found = a.audit
        if found is None:
            return
        units = a.counts
        flagged = set(found.flagged)
        refs = found.ds.refs
        for rel in found.system.relations:
            if not rel.equality or rel.lo == -INF:
                continue
            vs = [v for v, _ in rel.terms]
            if len(vs) != 2 or any(v in flagged for v in vs):
                continue
            for single, other in ((vs[0], vs[1]), (vs[1], vs[0])):
                ra = refs[single]
                if units.get((ra.view.number, ra.r)) != 1:
                    continue
                rb = refs[other]
                v = rb.view
                cell = v.entry(rb.r, rb.c).cell
                flagged.add(other)
                yield self.finding(
                    ctx, cell.start, cell.end,
                    f"{v.name()}“{v.rows[rb.r].label.strip()}/{v.columns[rb.c].header.strip()}”与"
                    f"“{ra.view.rows[ra.r].label.strip()}”同在一个合计关系中且只有这两个隐藏值，后者只有1个单位，"
                    "该单位可用合计减去自身数据得到前者",
                    evidence=f"关系：{rel.label[:80]}", suggestion=remedies.SINGLETON,
                    key=f"{v.number}|{v.rows[rb.r].key}|{norm(v.columns[rb.c].header)}|s")
                break
