"""主动公开 deadlines: formation (or change) date → publication date, in working days.

``evaluate`` needs only the days it talks about: the elapsed count runs to the publication
date (or today); the due date is computed only for late, overdue and due-soon items. So an
item formed in late December is not an error until its own dates leave the calendar.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from attrs import frozen

from gkrules.deadlines.rules import Rule, RuleResolver
from gkrules.metadata.dates import parse_date
from gkrules.metadata.fields import canonical
from gkrules.model import CatalogEntry, Document
from gkrules.specs import WorkdayCalendar

State = Literal["late", "overdue", "due-soon", "on-time", "pending", "undetermined"]

#: where the formation date may come from, most trusted first for the clock
_EXPLICIT_SOURCES = ("host", "sidecar")


@frozen
class Item:
    """Something to publish proactively within ``rule.workdays`` working days of ``start``."""

    start: dt.date
    rule: Rule
    published: dt.date | None = None
    title: str | None = None
    doc_number: str | None = None
    start_label: str = "成文日期"
    ref: str = ""


@frozen
class Evaluation:
    """Where an item stands on ``reference`` (its publication date, or today).

    Across a provisional year (docs/calendar.md) the counts and the due date are intervals:
    ``elapsed``–``elapsed_max`` working days, due ``due``–``due_latest``; outside one both ends
    are equal.
    """

    item: Item
    state: State
    reference: dt.date
    #: working days in (start, reference] (the least possible, across a provisional year)
    elapsed: int
    #: earliest possible due date
    due: dt.date | None = None
    elapsed_max: int | None = None
    #: latest possible due date
    due_latest: dt.date | None = None
    #: provisional years whose unknown 调休 widened the answer
    provisional: tuple[int, ...] = ()

    @property
    def published(self) -> bool:
        return self.item.published is not None

    @property
    def remaining(self) -> int:
        """Working days left (negative: working days late), at the latest possible count."""
        return self.item.rule.workdays - self.elapsed

    @property
    def uncertain(self) -> bool:
        return bool(self.provisional)


def evaluate(item: Item, calendar: WorkdayCalendar, today: dt.date, within: int, *,
             due: bool = True) -> Evaluation:
    """The state of ``item`` on ``today``; with ``due``, the due date of a late, overdue or
    due-soon item. Raises CalendarError if a day it needs is not in the calendar; the caller
    checks that the publication date is not before the start.

    Across a provisional year: late only past the latest possible deadline, due soon when the
    earliest possible deadline is near (or passed), and "undetermined" for a publication that
    may or may not have been late.
    """
    reference = item.published or today
    limit = item.rule.workdays
    lo, hi = count_bounds(calendar, item.start, reference)
    state = state_of(lo, limit, item.published is not None, within, elapsed_max=hi)
    with_due = due and state in ("late", "overdue", "due-soon")
    first = last = None
    if with_due:
        first, last = deadline_bounds(calendar, item.start, limit)
    provisional: tuple[int, ...] = ()
    if lo != hi or first != last:
        provisional = provisional_years_in(calendar, item.start, max(reference, last or reference))
    return Evaluation(item, state, reference, lo, first, elapsed_max=hi, due_latest=last, provisional=provisional)


def count_bounds(calendar: WorkdayCalendar, start: dt.date, end: dt.date) -> tuple[int, int]:
    """``count_bounds`` of the built-in calendar; a plugin calendar's exact count twice."""
    bounds = getattr(calendar, "count_bounds", None)
    if bounds is not None:
        return bounds(start, end)
    n = calendar.workdays_between(start, end)
    return n, n


def deadline_bounds(calendar: WorkdayCalendar, start: dt.date, n: int) -> tuple[dt.date, dt.date]:
    bounds = getattr(calendar, "deadline_bounds", None)
    if bounds is not None:
        return bounds(start, n)
    due = calendar.add_workdays(start, n)
    return due, due


def provisional_years_in(calendar: WorkdayCalendar, first: dt.date, last: dt.date) -> tuple[int, ...]:
    years = getattr(calendar, "provisional_in", None)
    return years(first, last) if years is not None else ()


def state_of(elapsed: int, limit: int, published: bool, within: int, *, elapsed_max: int | None = None) -> State:
    """late / overdue past the limit; on-time if published; due-soon within ``within``.

    ``elapsed``–``elapsed_max`` is the interval of a provisional year: late only when even
    the least count is past the limit; due soon when the largest count is near or past it.
    """
    most = elapsed if elapsed_max is None else elapsed_max
    if elapsed > limit:
        return "late" if published else "overdue"
    if published:
        return "on-time" if most <= limit else "undetermined"
    return "due-soon" if limit - most <= within else "pending"


def item_from_entry(entry: CatalogEntry, resolver: RuleResolver, ref: str = "") -> Item | None:
    """A catalogue entry as an Item; None if it has no formation date or is not 主动公开."""
    if entry.formed is None or resolver.skips(entry.disclosure):
        return None
    rule = resolver.rule_for(kind=entry.kind, title=entry.title, override=entry.deadline_workdays)
    return Item(start=entry.formed, rule=rule, published=entry.published, title=entry.title,
                doc_number=entry.doc_number, ref=ref)


@frozen
class DateProblem:
    """A date field whose value is not a date."""

    label: str
    raw: str
    span: tuple[int, int] | None


@frozen
class DocumentDates:
    """The dates of a document that its deadline depends on, with where they are written."""

    rule: Rule
    start: dt.date | None = None
    start_label: str = "成文日期"
    start_span: tuple[int, int] | None = None
    published: dt.date | None = None
    published_label: str = "发布日期"
    published_span: tuple[int, int] | None = None
    problems: tuple[DateProblem, ...] = ()

    def item(self, document: Document) -> Item | None:
        if self.start is None:
            return None
        meta = document.metadata
        title = meta.title or document.source.replace("\\", "/").rsplit("/", 1)[-1]
        return Item(start=self.start, rule=self.rule, published=self.published, title=title,
                    doc_number=meta.doc_number, start_label=self.start_label, ref=document.source)


_DATE_FIELDS = {"formed": "成文日期", "published": "发布日期", "changed": "变更日期"}


def document_dates(document: Document, resolver: RuleResolver) -> DocumentDates:
    """Formation/change date, publication date and period of a loaded document.

    The clock starts at the 变更日期 if the document was changed later, else at the formation
    date: a sidecar's or host's ``formed``, then a labelled decision date (处罚决定日期, for
    decisions published as a 公示 page), then the 成文日期 of the header or the signature.
    """
    meta = document.metadata
    problems: list[DateProblem] = []
    for label, raw in meta.fields.items():
        name = canonical(label)
        if name in _DATE_FIELDS and parse_date(raw) is None:
            problems.append(DateProblem(label, raw, meta.spans.get(name)))
    override = meta.extra.get("deadline_workdays")
    start, label, span = meta.formed, _label_of(meta, "formed"), meta.spans.get("formed")
    category = resolver.category_id(resolver.category_index(meta.kind, meta.title))
    labelled = resolver.labelled_date(document.text)
    # a labelled decision date (处罚决定日期) counts on a page that publishes that decision: one
    # without a formation date of its own, or one whose title or kind is of the same category
    # (a notice that mentions an old decision keeps its own date)
    if labelled is not None and (meta.formed is None or category == labelled.category.id):
        if labelled.date is None:
            problems.append(DateProblem(labelled.label, labelled.raw, (labelled.start, labelled.end)))
        else:
            category = labelled.category.id
            if meta.formed is None or meta.sources.get("formed") not in _EXPLICIT_SOURCES:
                start, label, span = labelled.date, labelled.label, (labelled.start, labelled.end)
    if meta.changed is not None and (start is None or meta.changed > start):
        start, label, span = meta.changed, _label_of(meta, "changed"), meta.spans.get("changed")
    rule = resolver.rule_for(kind=meta.kind, title=meta.title, category=category,
                             override=override if isinstance(override, int) else None)
    return DocumentDates(rule=rule, start=start, start_label=label, start_span=span, published=meta.published,
                         published_label=_label_of(meta, "published"), published_span=meta.spans.get("published"),
                         problems=tuple(problems))


def _label_of(meta, name: str) -> str:
    """The label the document itself uses for a date (公示日期, 上网日期…), or the standard one."""
    if meta.sources.get(name) == "header":
        for label in meta.fields:
            if canonical(label) == name:
                return label
    return _DATE_FIELDS[name]
