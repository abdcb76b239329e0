"""group-attribute (UI-08): every unit of a small group shares an attribute (全部亏损)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses
from ..kit import Kit
from ..prose import GroupStatement


class GroupAttribute(Rule):
    """UI-08。“5家企业全部亏损”，或表中亏损企业数等于企业数，且组别单位
    数 < group_attribute_factor×min_units（0 为关闭）：小组别的共同属性会暴露其中每
    个单位的情况。"""

    id = "group-attribute"
    title = "小组别全部具有同一属性"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-08")
    words = ("subgroup_count_words",)
    tests = ("tests/unit_identifiability/test_tables.py", "tests/unit_identifiability/test_prose.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        p = self.kit.p
        if p.check_tables and p.group_attribute_factor:
            for t in a.tables:
                v = t.view
                for r, row in enumerate(t.rows):
                    n = row.n
                    if n is None or row.main is None or not 1 <= n < p.group_attribute_factor * p.min_units:
                        continue
                    for col in v.count_columns:
                        e = v.entry(r, col.index)
                        if col.subgroup and e.kind == "number" and e.raw == n:
                            yield self.finding(
                                ctx, e.cell.start, e.cell.end,
                                f"{v.name()}“{v.rows[r].label.strip()}”的{n}个单位全部属于“{col.header.strip()}”，暴露了每个单位的情况",
                                evidence=f"{row.main.header.strip()}={n}；{col.header.strip()}={e.cell.text}",
                                suggestion=remedies.GROUP, key=f"{v.number}|{v.rows[r].key}|{col.header}")
        for h in a.prose:
            if isinstance(h, GroupStatement):
                yield self.finding(ctx, h.start, h.end,
                                   f"文中写明{h.n}个单位全部{h.attr}，小组别的共同属性会暴露其中每个单位的情况",
                                   evidence=h.shown, suggestion="改为不指明单位数的表述，或与其他组别合并后再描述。",
                                   key=h.matched)
