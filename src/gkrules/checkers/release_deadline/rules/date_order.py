"""date-order: published before it was formed, or formed after the check date."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analysis import analysis
from ..kit import Kit


class DateOrder(Rule):
    """发布日期早于成文日期（或变更日期、处罚决定日期），或没有发布日期而成文日期晚于检查日期：
    日期有误，时限无法判断。"""

    id = "date-order"
    title = "发布日期早于成文日期"
    severity = Severity.WARN
    basis = basis.DATES
    tags = ("发布时限", "日期")
    tests = ("tests/test_release_deadline.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        if a is None or not a.out_of_order:
            return
        dates, start, published = a.dates, a.dates.start, a.dates.published
        s, e = dates.start_span or (None, None)
        if published is not None:
            ps, pe = dates.published_span or (s, e)
            msg = f"{dates.published_label} {published} 早于{dates.start_label} {start}：请核对两个日期"
            yield self.finding(ctx, ps, pe, msg, key=f"{start}>{published}",
                               evidence=f"{dates.start_label} {start}；{dates.published_label} {published}")
        else:
            msg = f"{dates.start_label} {start} 晚于检查日期 {ctx.today}：请核对日期"
            yield self.finding(ctx, s, e, msg, key=f"{start}>{ctx.today}", evidence=f"{dates.start_label} {start}")
