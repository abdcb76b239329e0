"""Message pieces the deadline rules (late, historical, due-soon) share: counts and due dates
that are intervals across a provisional year, and the note that says why."""

from __future__ import annotations

import datetime as dt

from gkrules.calendar.table import describe_day
from gkrules.deadlines.items import DocumentDates, Evaluation
from gkrules.outputs.text import PROVISIONAL_TAG
from gkrules.specs import WorkdayCalendar


def evidence(dates: DocumentDates, today: dt.date) -> str:
    published = dates.published
    return f"{dates.start_label} {dates.start}；" + (
        f"{dates.published_label} {published}" if published else f"尚未发布（检查日期 {today}）")


def key(dates: DocumentDates, ev: Evaluation) -> str:
    return f"{dates.start}:{ev.item.rule.workdays}"


def tags(ev: Evaluation) -> tuple[str, ...] | None:
    return (PROVISIONAL_TAG,) if ev.uncertain else None


def elapsed(ev: Evaluation) -> str:
    if ev.elapsed_max is not None and ev.elapsed_max != ev.elapsed:
        return f"{ev.elapsed}–{ev.elapsed_max}"
    return str(ev.elapsed)


def late_by(ev: Evaluation) -> str:
    most = ev.elapsed_max if ev.elapsed_max is not None else ev.elapsed
    least, top = ev.elapsed - ev.item.rule.workdays, most - ev.item.rule.workdays
    return f"{least}–{top}" if top != least else str(least)


def last_day(ev: Evaluation, cal: WorkdayCalendar) -> str:
    """The last day the item was due, or the provisional note that replaces it."""
    note = provisional_note(ev, cal)
    due = due_text(ev, cal)
    return note if note else f"；最迟应于 {due}发布"


def due_text(ev: Evaluation, cal: WorkdayCalendar) -> str:
    assert ev.due is not None
    if ev.due_latest is not None and ev.due_latest != ev.due:
        return f"{describe_day(cal, ev.due)}至{describe_day(cal, ev.due_latest)}之间"
    return describe_day(cal, ev.due)


def provisional_note(ev: Evaluation, cal: WorkdayCalendar) -> str:
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
