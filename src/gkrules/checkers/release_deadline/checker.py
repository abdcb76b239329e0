"""release-deadline: was (or will) this document be published within its period?

Working days come from ``setup.calendar(year)`` (the ``gkrules_calendar`` hook). Across a
provisional year (its 调休 not yet announced) the deadline is an interval: late only past its
latest possible day, due soon when its earliest possible day is near, and the message says so.
A date no calendar covers raises CalendarError, which the engine turns into a blocking
``engine/checker-error`` and exit 2: a deadline is never guessed on a Monday–Friday count.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gkrules.calendar import calendar_lookup
from gkrules.calendar.cache import CalendarCache
from gkrules.calendar.table import describe_day
from gkrules.context import CheckContext, CheckerSetup
from gkrules.deadlines.items import DocumentDates, Evaluation, deadline_bounds, document_dates, evaluate
from gkrules.deadlines.params import ReleaseDeadlineParams
from gkrules.deadlines.rules import RuleResolver, report_year
from gkrules.model import Finding
from gkrules.outputs.text import PROVISIONAL_TAG


class ReleaseDeadlineChecker:
    def __init__(self, setup: CheckerSetup):
        self.setup = setup
        self.params: ReleaseDeadlineParams = setup.params or ReleaseDeadlineParams()
        self.resolver = RuleResolver(self.params)
        self.calendars = CalendarCache(calendar_lookup(setup))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        meta = ctx.metadata
        if self.resolver.skips(meta.disclosure):
            return
        dates = document_dates(ctx.document, self.resolver)
        for problem in dates.problems:
            s, e = problem.span if problem.span else (None, None)
            yield ctx.finding(
                "unparseable-date", s, e, f"{problem.label}“{problem.raw}”不是有效日期，无法据此计算发布时限",
                evidence=f"{problem.label}：{problem.raw}", key=problem.label,
                suggestion="按 GB/T 9704-2012 写成“2024年7月8日”，或写成 2024-07-08")
        yield from self._periodic(ctx, dates)
        if dates.start is None:
            # said only of a formal release item (a 发文字号 or a 公开属性): an undated snippet,
            # news item or table is not worth an "I cannot tell"
            formal = meta.doc_number is not None or meta.disclosure is not None
            if self.params.report_missing_formation and formal and not dates.problems:
                yield ctx.finding(
                    "no-formation-date", message=(
                        f"未找到成文日期（或变更日期、处罚决定日期），无法判断是否在"
                        f"{self.params.default_workdays}个工作日内公开"),
                    suggestion="在文件中写明成文日期，或在元数据（<文件>.meta.json 的 formed）中提供", key="")
            return
        if dates.start < self.params.effective_from:
            return
        yield from self._deadline(ctx, dates)

    def _deadline(self, ctx: CheckContext, dates: DocumentDates) -> Iterator[Finding]:
        start = dates.start
        assert start is not None
        s, e = dates.start_span or (None, None)
        published = dates.published
        reference = published or ctx.today
        if reference < start:
            if published is not None:
                ps, pe = dates.published_span or (s, e)
                msg = f"{dates.published_label} {published} 早于{dates.start_label} {start}：请核对两个日期"
                yield ctx.finding("date-order", ps, pe, msg, key=f"{start}>{published}",
                                  evidence=f"{dates.start_label} {start}；{dates.published_label} {published}")
            else:
                msg = f"{dates.start_label} {start} 晚于检查日期 {ctx.today}：请核对日期"
                yield ctx.finding("date-order", s, e, msg, key=f"{start}>{ctx.today}",
                                  evidence=f"{dates.start_label} {start}")
            return
        item = dates.item(ctx.document)
        assert item is not None  # dates.start is set, so the document has an item
        cal = self.calendars.get(start.year, reference.year)
        ev = evaluate(item, cal, ctx.today, self.params.due_soon_workdays)
        rule = item.rule
        evidence = f"{dates.start_label} {start}；" + (
            f"{dates.published_label} {published}" if published else f"尚未发布（检查日期 {ctx.today}）")
        key = f"{start}:{rule.workdays}"
        tags = (PROVISIONAL_TAG,) if ev.uncertain else None
        note = _provisional_note(ev, cal)
        if ev.state in ("late", "overdue"):
            due = _due_text(ev, cal)
            late_by = -ev.remaining
            if ev.state == "late":
                msg = (f"{dates.start_label} {start} 至{dates.published_label} {published} 共 {_elapsed(ev)} 个工作日，"
                       f"超过公开时限 {rule.describe()}{_late_by(ev)} 个工作日{_last_day(ev, due, note)}")
                suggestion = "核实延迟原因；今后在时限内发布，按规定需要说明的，在发布时说明原因"
            else:
                historical = self.params.historical_after_workdays
                if historical and ev.elapsed > historical:
                    msg = (f"{dates.start_label} {start} 距检查日期 {ctx.today} 已 {_elapsed(ev)} 个工作日，文件本身没有发布日期："
                           f"如为历史文件补充公开或网站迁移，不再计算发布时限；如确为首次发布，已超过公开时限"
                           f" {rule.describe()}{late_by} 个工作日{_last_day(ev, due, note)}")
                    yield ctx.finding("historical", s, e, msg, evidence=evidence, basis=rule.basis, key=key,
                                      suggestion="历史文件请在元数据中写明原发布日期（published）；首次发布的请核实延迟原因",
                                      tags=tags)
                    return
                msg = (f"{dates.start_label} {start} 至今（{ctx.today}）已 {_elapsed(ev)} 个工作日仍未发布，"
                       f"超过公开时限 {rule.describe()}{_late_by(ev)} 个工作日{_last_day(ev, due, note)}")
                suggestion = "尽快发布，并核实延迟原因"
            yield ctx.finding("late", s, e, msg, evidence=evidence, basis=rule.basis, suggestion=suggestion, key=key,
                              tags=tags)
        elif ev.state == "due-soon":
            if ev.uncertain:
                left = f"已计 {_elapsed(ev)} 个工作日"
            else:
                left = f"还剩 {ev.remaining} 个工作日" if ev.remaining else "今天是最后期限"
            if ev.uncertain:
                msg = f"尚未发布：公开时限 {rule.describe()}，自{dates.start_label} {start} 起算，{left}{note}"
            else:
                msg = (f"尚未发布：公开时限 {rule.describe()}，自{dates.start_label} {start} 起算，"
                       f"最迟 {_due_text(ev, cal)}，{left}")
            yield ctx.finding("due-soon", s, e, msg, evidence=evidence, basis=rule.basis, key=key, tags=tags)

    def _periodic(self, ctx: CheckContext, dates: DocumentDates) -> Iterator[Finding]:
        meta = ctx.metadata
        item = self.resolver.periodic_for(meta.title)
        year: int | None = report_year(meta.title) if item is not None else None
        s, e = meta.spans.get("title", (None, None))
        if item is None:  # the report names itself in its opening, its title elsewhere
            found = self.resolver.periodic_in_body(ctx.text)
            if found is None:
                return
            item, year, s, e = found
        reference = dates.published or ctx.today
        year = year or reference.year - item.year_offset
        try:
            due = item.due_for(year)
        except ValueError:  # a year in the title the calendar of dates cannot hold
            return
        if reference > due:
            days = (reference - due).days
            when = f"{dates.published_label} {dates.published}" if dates.published else f"今天（{ctx.today}）"
            msg = f"{item.name}（{year}年）应于 {due} 前公布，{when}已逾期 {days} 天"
            yield ctx.finding("periodic-late", s, e, msg, basis=item.basis, key=f"{item.id}:{year}",
                              evidence=f"{meta.title}；应于 {due} 前公布",
                              suggestion="尽快公布；年度报告按国办公开办函〔2021〕30号的格式编制")
        elif dates.published is None and due <= self._soon(ctx.today):
            msg = f"尚未发布：{item.name}（{year}年）应于 {due} 前公布（还有 {(due - ctx.today).days} 天）"
            yield ctx.finding("due-soon", s, e, msg, basis=item.basis, key=f"{item.id}:{year}")

    def _soon(self, today: dt.date) -> dt.date:
        # the latest possible end of the window: across a provisional year, soon rather than late
        return deadline_bounds(self.calendars.get(today.year), today, self.params.due_soon_workdays)[1]


def _elapsed(ev: Evaluation) -> str:
    if ev.elapsed_max is not None and ev.elapsed_max != ev.elapsed:
        return f"{ev.elapsed}–{ev.elapsed_max}"
    return str(ev.elapsed)


def _late_by(ev: Evaluation) -> str:
    most = ev.elapsed_max if ev.elapsed_max is not None else ev.elapsed
    least, top = ev.elapsed - ev.item.rule.workdays, most - ev.item.rule.workdays
    return f"{least}–{top}" if top != least else str(least)


def _last_day(ev: Evaluation, due: str, note: str) -> str:
    return note if note else f"；最迟应于 {due}发布"


def _due_text(ev: Evaluation, cal) -> str:
    assert ev.due is not None
    if ev.due_latest is not None and ev.due_latest != ev.due:
        return f"{describe_day(cal, ev.due)}至{describe_day(cal, ev.due_latest)}之间"
    return describe_day(cal, ev.due)


def _provisional_note(ev: Evaluation, cal) -> str:
    """The sentence a reviewer needs when the answer rests on an unannounced 调休."""
    if not ev.uncertain:
        return ""
    years = "、".join(str(y) for y in ev.provisional)
    if ev.due is not None and ev.due_latest is not None:
        span = f"期限在 {describe_day(cal, ev.due)} 至 {describe_day(cal, ev.due_latest)} 之间"
    else:
        span = f"已计工作日在 {ev.elapsed} 至 {ev.elapsed_max} 之间"
    return (f"；暂定：{years} 年调休安排尚未公布，{span}；国务院办公厅公布安排后，在规则集 calendar 部分补充"
            f"（或升级 chinese-calendar）即可得到确切期限（见 docs/calendar.md）")
