"""negative-contributions (UI-12): cells with negative unit contributions (no concentration verdict)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses, contributions_given
from ..kit import Kit

CONTRIBUTIONS_NOTE = "需要以 extras['contributions'] 或 --contributions 提供的单位贡献数据，单独一段文本无法举例"


class NegativeContributions(Rule):
    """UI-12。单位贡献含负值，集中度规则不成立，按 negative_policy 标记需人工复核的单元格
    ：review-cell 只复核含负值的单元格，review-table 整表复核（ACRO），abs 取绝对值后照
    常判断。"""

    id = "negative-contributions"
    title = "含负值贡献的单元格（复核）"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-12")
    tests = ("tests/unit_identifiability/test_contributions.py",)
    examples_note = CONTRIBUTIONS_NOTE
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        if not contributions_given(ctx):
            return
        given = analyses(facts, ctx, self.kit).contributions
        for m in given.matched if given is not None else ():
            e, vd = m.view.entry(m.r, m.col.index), m.verdict
            if e.kind == "number" and vd.dominance_review:
                yield self.finding(
                    ctx, e.cell.start, e.cell.end,
                    f"{m.view.name()}“{m.view.rows[m.r].label.strip()}/{m.col.header.strip()}”含负值贡献，集中度规则无法判断，需人工复核",
                    evidence=f"单位数={vd.count}", suggestion=remedies.NEGATIVE, key=f"{m.view.number}|{vd.row}|{vd.col}|neg")
