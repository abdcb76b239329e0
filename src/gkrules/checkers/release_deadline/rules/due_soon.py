"""due-soon: not yet published and the last day is near — of the document's own period, or
of the periodic item it is (年度报告)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, wording
from ..analysis import analysis
from ..kit import Kit


class DueSoon(Rule):
    """尚未发布、距最后期限不超过 `due_soon_workdays` 个工作日（默认 3）时提示，消息写明最后期限和还剩几个工作日；
    跨入调休安排尚未公布的年份时写明期限区间。定期公开事项（如政府信息公开工作年度报告）临近公布期限时同样提示。"""

    id = "due-soon"
    title = "即将到期"
    severity = Severity.INFO
    basis = basis.PERIOD
    tags = ("发布时限",)
    #: the period of each category (title words, decision-date labels) and of periodic items
    words = ("categories", "periodic")
    tests = ("tests/test_release_deadline.py", "tests/test_calendar_provisional.py", "tests/test_deadlines.py")
    examples_note = ("是否即将到期取决于检查当天的日期（规则集加载时按当天检查示例），写不出固定的 fail 示例；"
                     "检出的情形见 tests/test_release_deadline.py 与 tests/test_calendar_provisional.py（传入 today）")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        if a is None:
            return
        p = a.periodic
        if p is not None and p.soon:
            msg = f"尚未发布：{p.item.name}（{p.year}年）应于 {p.due} 前公布（还有 {(p.due - ctx.today).days} 天）"
            yield self.finding(ctx, p.start, p.end, msg, basis=p.item.basis, key=f"{p.item.id}:{p.year}")
        ev, cal = a.evaluation, a.calendar
        if ev is None or cal is None or ev.state != "due-soon":
            return
        dates = a.dates
        rule = ev.item.rule
        if ev.uncertain:
            msg = (f"尚未发布：公开时限 {rule.describe()}，自{dates.start_label} {dates.start} 起算，"
                   f"已计 {wording.elapsed(ev)} 个工作日{wording.provisional_note(ev, cal)}")
        else:
            left = f"还剩 {ev.remaining} 个工作日" if ev.remaining else "今天是最后期限"
            msg = (f"尚未发布：公开时限 {rule.describe()}，自{dates.start_label} {dates.start} 起算，"
                   f"最迟 {wording.due_text(ev, cal)}，{left}")
        s, e = dates.start_span or (None, None)
        yield self.finding(ctx, s, e, msg, evidence=wording.evidence(dates, ctx.today), basis=rule.basis,
                           key=wording.key(dates, ev), tags=wording.tags(ev))
