"""contributions-unmatched (UI-03): unit contributions given that match no table of the document."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses, contributions_given
from ..kit import Kit
from .negative_contributions import CONTRIBUTIONS_NOTE


class ContributionsUnmatched(Rule):
    """提供了单位贡献数据，但没有一条能按表、行、列标签对应到本文件的表格，集中度规则未能应用于本文件（防止“给了数据却没用
    上”而静默通过）。"""

    id = "contributions-unmatched"
    title = "单位贡献数据未能对应到表格（提示）"
    severity = Severity.INFO
    basis = basis.REVIEW
    tags = ("统计保密", "UI-03")
    tests = ("tests/unit_identifiability/test_contributions.py",)
    examples_note = CONTRIBUTIONS_NOTE
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        if not contributions_given(ctx):
            return
        a = analyses(facts, ctx, self.kit)
        given = a.contributions
        if given is not None and a.views and given.verdicts and not given.matched:
            yield self.finding(ctx, None, None,
                               f"提供了 {len(given.contributions)} 条单位贡献数据，但其表、行、列标签与本文件的表格都对应不上，"
                               "集中度规则未能应用于本文件",
                               evidence=given.contributions.source)
