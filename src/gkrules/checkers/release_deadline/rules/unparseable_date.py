"""unparseable-date: a date field whose value is no date."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analysis import analysis
from ..kit import Kit

SUGGESTION = "按 GB/T 9704-2012 写成“2024年7月8日”，或写成 2024-07-08"


class UnparseableDate(Rule):
    """成文日期、发布日期、变更日期或处罚决定日期等栏的内容不是有效日期（如“2024年13月5日”），
    消息写明是哪一栏；据此无法计算发布时限。"""

    id = "unparseable-date"
    title = "日期无法识别"
    severity = Severity.WARN
    basis = basis.UNPARSEABLE_DATE
    tags = ("发布时限", "日期")
    tests = ("tests/test_release_deadline.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        if a is None:
            return
        for problem in a.dates.problems:
            s, e = problem.span if problem.span else (None, None)
            yield self.finding(
                ctx, s, e, f"{problem.label}“{problem.raw}”不是有效日期，无法据此计算发布时限",
                evidence=f"{problem.label}：{problem.raw}", key=problem.label, suggestion=SUGGESTION)
