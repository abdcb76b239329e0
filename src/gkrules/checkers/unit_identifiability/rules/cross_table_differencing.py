"""cross-table-differencing (UI-10): a hidden entry another table of the document gives back."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analyses import analyses
from .recoverable_suppression import RecoverableSuppression


class CrossTableDifferencing(RecoverableSuppression):
    """UI-10。推算用到了跨表关系：同一文件中期别相同、行标签和列标题相同的数据视为同一数据（在一张表中隐藏、在另一张表
    中公布，或跨表合计关系使隐藏值可被精确推算）。"""

    id = "cross-table-differencing"
    title = "隐藏的数据可结合其他表格推算"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-10")
    tests = ("tests/unit_identifiability/test_tables.py",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        found = analyses(facts, ctx, self.kit).audit
        if found is None:
            return
        for d in found.decided:
            if d.outcome.status == "exact" and any(u.cross for u in d.used):
                yield self.exact(ctx, d, found.ds.scale)
