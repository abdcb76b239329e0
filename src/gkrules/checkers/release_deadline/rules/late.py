"""late: published (or, unpublished, still not published) after the last working day of its
period."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, wording
from ..analysis import analysis
from ..kit import Kit
from .historical import is_historical

LATE_SUGGESTION = "核实延迟原因；今后在时限内发布，按规定需要说明的，在发布时说明原因"
OVERDUE_SUGGESTION = "尽快发布，并核实延迟原因"


class Late(Rule):
    """起算日（成文、变更或决定日期）至发布日期（未写发布日期的按检查日期，即 `--today`）超过该类信息的公开时限：
    主动公开信息按 `default_workdays`（默认 20 个工作日），规则集 `categories` 中的类别按各自时限（如行政处罚、
    行政许可决定 7 个工作日），目录条目或元数据的 `deadline_workdays` 优先。消息写明共计几个工作日、逾期几个工作日
    和最后期限。没有发布日期、成文已很久的文件按 `historical` 提示。"""

    id = "late"
    title = "超过公开时限"
    severity = Severity.WARN
    basis = basis.LATE
    tags = ("发布时限",)
    #: the period of each category (title words, decision-date labels) and of periodic items
    words = ("categories",)
    tests = ("tests/test_release_deadline.py", "tests/test_calendar_provisional.py", "tests/test_deadlines.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        ev = a.evaluation if a is not None else None
        if a is None or ev is None or a.calendar is None or ev.state not in ("late", "overdue"):
            return
        dates, cal = a.dates, a.calendar
        if ev.state == "overdue" and is_historical(ev, self.kit.params):
            return
        rule = ev.item.rule
        start = dates.start
        if ev.state == "late":
            msg = (f"{dates.start_label} {start} 至{dates.published_label} {dates.published} 共 "
                   f"{wording.elapsed(ev)} 个工作日，超过公开时限 {rule.describe()}{wording.late_by(ev)} 个工作日"
                   f"{wording.last_day(ev, cal)}")
            suggestion = LATE_SUGGESTION
        else:
            msg = (f"{dates.start_label} {start} 至今（{ctx.today}）已 {wording.elapsed(ev)} 个工作日仍未发布，"
                   f"超过公开时限 {rule.describe()}{wording.late_by(ev)} 个工作日{wording.last_day(ev, cal)}")
            suggestion = OVERDUE_SUGGESTION
        s, e = dates.start_span or (None, None)
        yield self.finding(ctx, s, e, msg, evidence=wording.evidence(dates, ctx.today), basis=rule.basis,
                           suggestion=suggestion, key=wording.key(dates, ev), tags=wording.tags(ev))
