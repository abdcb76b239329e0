"""narrow-interval (UI-09): a hidden entry the published totals confine to a narrow interval."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses
from ..kit import Kit
from .recoverable_suppression import key, proof, scaled, where


class NarrowInterval(Rule):
    """UI-09。启用 approx_width_review 时，隐藏值的可行区间宽度 < 上界的 p%（文件中不知道真
    实的最大贡献，提示复核）。"""

    id = "narrow-interval"
    title = "隐藏的数据可推算到很窄的区间（复核）"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-09")
    tests = ("tests/unit_identifiability/test_tables.py",)
    examples_note = "默认关闭（国家规则集 approx_width_review 为 false），只能在启用它的规则集中举出不通过的示例"
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        if not self.kit.p.approx_width_review:
            return  # the audit gives no narrow outcome
        found = analyses(facts, ctx, self.kit).audit
        if found is None:
            return
        for d in found.decided:
            if d.outcome.status != "narrow":
                continue
            o, v, r, c = d.outcome, d.ref.view, d.ref.r, d.ref.c
            cell = v.entry(r, c).cell
            lo, hi = scaled(o.lo, found.ds.scale, v.scale), scaled(o.hi, found.ds.scale, v.scale)
            yield self.finding(ctx, cell.start, cell.end,
                               f"{where(d)}虽已隐藏，但可推算到很窄的区间 [{lo}, {hi}]{v.columns[c].unit or ''}",
                               evidence=proof(d), suggestion=remedies.rectangle(v, r, c), key=key(d))
