"""The deadline monitor: everything a disclosure office must publish or answer, with what is
overdue and what falls due soon, sorted by due date (``gkrules deadlines`` and the API)."""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Literal

from attrs import define, field, frozen

from gkrules.calendar.cache import CalendarCache
from gkrules.calendar.table import describe_day
from gkrules.deadlines.items import Item, count_bounds, deadline_bounds, document_dates, evaluate, state_of
from gkrules.deadlines.params import ReleaseDeadlineParams
from gkrules.deadlines.periodic import evaluate_periodic
from gkrules.deadlines.requests import RequestRecord, evaluate_request
from gkrules.deadlines.rules import RuleResolver
from gkrules.errors import CalendarError
from gkrules.model import CatalogEntry, Document
from gkrules.specs import WorkdayCalendar

RowType = Literal["item", "request", "periodic"]

#: states listed by default; the others only with ``show_all``
ATTENTION = frozenset({"overdue", "due-soon", "invalid"})
_STATE_ORDER = {"overdue": 0, "invalid": 1, "due-soon": 2, "late": 3, "undetermined": 4, "paused": 4,
                "awaiting-correction": 5, "pending": 6, "on-time": 7, "replied": 7, "done": 7, "no-date": 8}


@frozen
class Row:
    """One line of the monitor."""

    type: RowType
    state: str
    title: str
    ref: str
    due: dt.date | None = None
    #: working days left until ``due`` (negative: working days late); None if not counted
    workdays_left: int | None = None
    start: dt.date | None = None
    start_label: str = ""
    limit: str = ""
    #: publication or reply date
    done: dt.date | None = None
    basis: str = ""
    notes: tuple[str, ...] = ()
    doc_number: str | None = None
    due_text: str = ""

    def sort_key(self) -> tuple:
        return (self.due or dt.date.max, _STATE_ORDER.get(self.state, 9), self.title, self.ref)


@frozen
class RowError:
    """An item whose deadline could not be computed (fail closed: exit 2)."""

    ref: str
    title: str
    message: str


@frozen
class MonitorReport:
    today: dt.date
    within: int
    rows: tuple[Row, ...]
    errors: tuple[RowError, ...] = ()
    counts: dict[str, int] = field(factory=dict)
    total: int = 0
    #: which calendar years are official and which provisional (calendar_status)
    calendar: dict = field(factory=dict)

    @property
    def overdue(self) -> int:
        return self.counts.get("overdue", 0)


def _item_row(item: Item, calendars: CalendarCache, today: dt.date, within: int, show_all: bool) -> Row | str:
    """The item's row, or only its state when the row would not be listed (a catalogue of a
    hundred thousand items is mostly on time: no row, no due date, no text for those)."""
    reference = item.published or today
    if reference < item.start:
        what = f"发布日期 {item.published}" if item.published else f"参照日期 {today}"
        return _item_base(item, "invalid", notes=(f"{what} 早于{item.start_label} {item.start}，请核对",))
    cal = calendars.get(item.start.year, reference.year)
    ev = evaluate(item, cal, today, within, due=False)
    if not show_all and ev.state not in ATTENTION:
        return ev.state
    notes: tuple[str, ...] = ()
    first: dt.date | None
    last: dt.date | None
    try:
        first, last = deadline_bounds(cal, item.start, item.rule.workdays)
    except CalendarError:
        if ev.state in ATTENTION or ev.state == "late":
            raise
        first = last = None  # on time or not yet due: the due date is shown only if the calendar has it
        notes = ("到期日所在年份不在工作日历中，暂不显示到期日",)
    due_text = describe_day(cal, last) if last else ""
    if first is not None and last is not None and first != last:
        due_text = f"{describe_day(cal, first)} 至 {describe_day(cal, last)}（暂定）"
        years = "、".join(str(y) for y in cal.provisional_in(first, last)) if hasattr(cal, "provisional_in") else ""
        notes = (f"暂定：{years} 年调休安排尚未公布，到期日在 {first} 至 {last} 之间",)
    left = None if ev.state in ("on-time", "undetermined") else ev.remaining
    return _item_base(item, ev.state, due=last, workdays_left=left, notes=notes, due_text=due_text)


def _item_base(item: Item, state: str, **kw) -> Row:
    return Row(type="item", state=state, title=item.title or "（无标题）", ref=item.ref, start=item.start,
               start_label=item.start_label, limit=item.rule.describe(), done=item.published,
               basis=item.rule.basis, doc_number=item.doc_number, **kw)


def _request_row(record: RequestRecord, calendars: CalendarCache, today: dt.date, within: int,
                 params: ReleaseDeadlineParams) -> Row:
    cal = calendars.get(record.received.year, today.year)
    ev = evaluate_request(record, cal, today, within, params.requests)
    limit = f"{params.requests.reply_workdays} 个工作日"
    if record.extension:
        limit += f" + 延期 {record.extension} 个工作日"
    notes = list(ev.notes)
    if ev.state == "awaiting-correction":
        notes.append(f"已于 {record.correction_notice} 告知补正，收到补正的申请后重新起算")
    if ev.state == "paused":
        notes.append(f"征求意见中，已计 {ev.elapsed} 个工作日，暂停计算")
    if ev.clock_start != record.received:
        notes.append(f"补正后于 {ev.clock_start} 重新起算")
    left = ev.remaining if ev.due is not None else None
    return Row(type="request", state=ev.state, title=record.title or f"申请 {record.id}", ref=record.ref or record.id,
               due=ev.due, workdays_left=left, start=ev.clock_start, start_label="收到申请日期", limit=limit,
               done=record.replied, basis=params.requests.basis, notes=tuple(notes),
               due_text=describe_day(cal, ev.due) if ev.due else "", doc_number=record.id)


@define
class _Tally:
    """What the monitor has evaluated so far: the listed rows, the errors, the count by state."""

    show_all: bool
    rows: list[Row] = field(factory=list)
    errors: list[RowError] = field(factory=list)
    counts: Counter[str] = field(factory=Counter)
    total: int = 0

    def add(self, row: Row | str) -> None:
        if isinstance(row, str):  # evaluated, not listed
            self.counts[row] += 1
            return
        self.counts[row.state] += 1
        if self.show_all or row.state in ATTENTION:
            self.rows.append(row)

    def attempt(self, ref: str, title: str | None, make: Callable[[], Row | str]) -> None:
        """One more item, whose CalendarError becomes its RowError."""
        self.total += 1
        try:
            self.add(make())
        except CalendarError as exc:
            self.errors.append(RowError(ref, title or "（无标题）", exc.message))


def run_monitor(*, params: ReleaseDeadlineParams, calendar: Callable[[int], WorkdayCalendar], today: dt.date,
                within: int | None = None, entries: Iterable[tuple[str, CatalogEntry]] = (),
                documents: Iterable[Document] = (), requests: Iterable[RequestRecord] = (),
                periodic_catalog: Sequence[CatalogEntry] | None = None, show_all: bool = False) -> MonitorReport:
    """Evaluate catalogue entries, documents, request records and (with ``periodic_catalog``,
    the catalogue of what was published) the periodic items.

    ``calendar(year)`` is ``CheckerSetup.calendar``; a CalendarError on one item becomes a
    RowError (the others are still evaluated), one on ``today``'s own year propagates.
    """
    within = params.due_soon_workdays if within is None else within
    resolver = RuleResolver(params)
    calendars = CalendarCache(calendar)
    calendars.get(today.year)  # nothing can be counted without today's year: fail at once
    tally = _Tally(show_all)
    _tally_entries(tally, entries, resolver, calendars, today, within)
    _tally_documents(tally, documents, resolver, calendars, today, within)
    for record in requests:
        tally.attempt(record.ref or record.id, record.title,
                      functools.partial(_request_row, record, calendars, today, within, params))
    if periodic_catalog is not None:
        _tally_periodic(tally, periodic_catalog, resolver, calendars.get(today.year), today, within)
    tally.rows.sort(key=Row.sort_key)
    return MonitorReport(today=today, within=within, rows=tuple(tally.rows), errors=tuple(tally.errors),
                         counts=dict(tally.counts), total=tally.total)


def _tally_entries(tally: _Tally, entries: Iterable[tuple[str, CatalogEntry]], resolver: RuleResolver,
                   calendars: CalendarCache, today: dt.date, within: int) -> None:
    """Catalogue entries: the hot loop (a catalogue may hold 10^5 entries), so working days are
    counted first and objects built only for what is listed."""
    show_all, counts, add = tally.show_all, tally.counts, tally.add
    effective_from = resolver.params.effective_from
    rule_for, skips = resolver.rule_for, resolver.skips
    total = 0
    for ref, entry in entries:
        formed = entry.formed
        if formed is None or skips(entry.disclosure):
            if formed is None and not skips(entry.disclosure):
                total += 1
                add(Row(type="item", state="no-date", title=entry.title or "（无标题）", ref=ref,
                        notes=("没有成文日期，无法计算",), doc_number=entry.doc_number))
            continue
        if formed < effective_from:
            continue
        total += 1
        rule = rule_for(kind=entry.kind, title=entry.title, override=entry.deadline_workdays)
        published = entry.published
        reference = published or today
        try:
            if reference >= formed and not show_all:
                lo, hi = count_bounds(calendars.get(formed.year, reference.year), formed, reference)
                state = state_of(lo, rule.workdays, published is not None, within, elapsed_max=hi)
                if state not in ATTENTION:
                    counts[state] += 1
                    continue
            item = Item(start=formed, rule=rule, published=published, title=entry.title,
                        doc_number=entry.doc_number, ref=ref)
            add(_item_row(item, calendars, today, within, show_all))
        except CalendarError as exc:
            tally.errors.append(RowError(ref, entry.title or "（无标题）", exc.message))
    tally.total += total


def _tally_documents(tally: _Tally, documents: Iterable[Document], resolver: RuleResolver,
                     calendars: CalendarCache, today: dt.date, within: int) -> None:
    """Documents checked for the monitor: their dates as the release-deadline checker reads them."""
    for doc in documents:
        if resolver.skips(doc.metadata.disclosure):
            continue
        dates = document_dates(doc, resolver)
        doc_item = dates.item(doc)
        if doc_item is None:
            tally.total += 1
            note = "；".join(f"{p.label}“{p.raw}”不是有效日期" for p in dates.problems) or "没有成文日期，无法计算"
            tally.add(Row(type="item", state="invalid" if dates.problems else "no-date",
                          title=doc.metadata.title or doc.source, ref=doc.source, notes=(note,),
                          doc_number=doc.metadata.doc_number))
            continue
        if doc_item.start >= resolver.params.effective_from:
            tally.attempt(doc.source, doc_item.title,
                          functools.partial(_item_row, doc_item, calendars, today, within, tally.show_all))


def _tally_periodic(tally: _Tally, published: Sequence[CatalogEntry], resolver: RuleResolver,
                    cal: WorkdayCalendar, today: dt.date, within: int) -> None:
    """The periodic items of the rule set (annual report…), judged from what was published."""
    for p in resolver.params.periodic:
        for ev in evaluate_periodic(p, published, resolver, cal, today, within):
            tally.total += 1
            late_days = (ev.published or today) - ev.due
            notes = (f"逾期 {late_days.days} 天",) if ev.state in ("late", "overdue") else ()
            tally.add(Row(type="periodic", state=ev.state, title=ev.title or f"{ev.year}年{p.name}", ref=p.id,
                          due=ev.due, start_label="", limit=f"每年 {p.due} 前（{ev.year}年度）", done=ev.published,
                          basis=p.basis, notes=notes, due_text=describe_day(cal, ev.due)))
