"""periodic-late: a periodic item (年度报告) published, or still unpublished, after its due date."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analysis import analysis
from ..kit import Kit

SUGGESTION = "尽快公布；年度报告按国办公开办函〔2021〕30号的格式编制"


class PeriodicLate(Rule):
    """标题以定期公开事项名称结尾的文件（如“2025年政府信息公开工作年度报告”；标题不在文件中时看开头），
    发布日期（或检查日期）晚于该事项的公布期限：消息写明应于哪天前公布、逾期几天。"""

    id = "periodic-late"
    title = "定期公开事项逾期"
    severity = Severity.WARN
    basis = basis.PERIODIC
    tags = ("发布时限", "年度报告")
    tests = ("tests/test_release_deadline.py", "tests/test_document_role.py")
    words = ("periodic",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        p = a.periodic if a is not None else None
        if a is None or p is None or not p.late:
            return
        dates = a.dates
        reference = dates.published or ctx.today
        when = f"{dates.published_label} {dates.published}" if dates.published else f"今天（{ctx.today}）"
        msg = f"{p.item.name}（{p.year}年）应于 {p.due} 前公布，{when}已逾期 {(reference - p.due).days} 天"
        yield self.finding(ctx, p.start, p.end, msg, basis=p.item.basis, key=f"{p.item.id}:{p.year}",
                           evidence=f"{ctx.metadata.title}；应于 {p.due} 前公布", suggestion=SUGGESTION)
