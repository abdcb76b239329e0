"""What the release-deadline rules read about one document, analysed once per document
(``facts.shared``): its dates, the periodic item it is (年度报告), and where its deadline
stands.

The analysis asks the calendar in the order the rules have always needed it (the periodic
item's window first, then the document's own period), so a date no calendar covers raises the
same CalendarError whichever rule asks first; the engine turns it into a blocking
``engine/checker-error``.
"""

from __future__ import annotations

import datetime as dt

from attrs import frozen

from gkrules.context import CheckContext
from gkrules.deadlines.items import DocumentDates, Evaluation, deadline_bounds, document_dates, evaluate
from gkrules.deadlines.params import PeriodicItem
from gkrules.deadlines.rules import report_year
from gkrules.facts import DocumentFacts
from gkrules.specs import WorkdayCalendar

from .kit import Kit


@frozen
class Periodic:
    """The periodic item a document is (its title, or its opening, names it)."""

    item: PeriodicItem
    year: int
    due: dt.date
    start: int | None
    end: int | None
    #: published (or, unpublished, today) after the due date
    late: bool
    #: not yet published, and the due date falls within the due-soon window
    soon: bool


@frozen
class Deadline:
    """The document's own period: its evaluation, or none when the reference date (published,
    else today) is before the start (then the dates are out of order)."""

    start: dt.date
    reference: dt.date
    evaluation: Evaluation | None = None
    calendar: WorkdayCalendar | None = None


@frozen
class Analysis:
    dates: DocumentDates
    periodic: Periodic | None
    #: None: no start date, or one before the regulation applies (effective_from)
    deadline: Deadline | None


def analysis(facts: DocumentFacts, ctx: CheckContext, kit: Kit) -> Analysis | None:
    """The document's analysis (None: its 公开属性 puts it outside any deadline)."""
    return facts.shared(f"release-deadline/analysis@{ctx.today.isoformat()}", lambda: _analyse(ctx, kit))


@frozen
class Evaluated:
    """A document whose period was evaluated: its dates, the evaluation, the calendar used."""

    dates: DocumentDates
    evaluation: Evaluation
    calendar: WorkdayCalendar


def evaluated(facts: DocumentFacts, ctx: CheckContext, kit: Kit) -> Evaluated | None:
    """The evaluation of the document's own period, if it has one."""
    a = analysis(facts, ctx, kit)
    d = a.deadline if a is not None else None
    if a is None or d is None or d.evaluation is None or d.calendar is None:
        return None
    return Evaluated(a.dates, d.evaluation, d.calendar)


def _analyse(ctx: CheckContext, kit: Kit) -> Analysis | None:
    if kit.resolver.skips(ctx.metadata.disclosure):
        return None
    dates = document_dates(ctx.document, kit.resolver)
    periodic = _periodic(ctx, kit, dates)
    deadline = None
    if dates.start is not None and dates.start >= kit.params.effective_from:
        deadline = _deadline(ctx, kit, dates, dates.start)
    return Analysis(dates, periodic, deadline)


def _periodic(ctx: CheckContext, kit: Kit, dates: DocumentDates) -> Periodic | None:
    meta = ctx.metadata
    item = kit.resolver.periodic_for(meta.title)
    year: int | None = report_year(meta.title) if item is not None else None
    s, e = meta.spans.get("title", (None, None))
    if item is None:  # the report names itself in its opening, its title elsewhere
        found = kit.resolver.periodic_in_body(ctx.text)
        if found is None:
            return None
        item, year, s, e = found
    reference = dates.published or ctx.today
    year = year or reference.year - item.year_offset
    try:
        due = item.due_for(year)
    except ValueError:  # a year in the title the calendar of dates cannot hold
        return None
    late = reference > due
    # the latest possible end of the window: across a provisional year, soon rather than late
    soon = (not late and dates.published is None
            and due <= deadline_bounds(kit.calendars.get(ctx.today.year), ctx.today, kit.params.due_soon_workdays)[1])
    return Periodic(item, year, due, s, e, late, soon)


def _deadline(ctx: CheckContext, kit: Kit, dates: DocumentDates, start: dt.date) -> Deadline:
    reference = dates.published or ctx.today
    if reference < start:
        return Deadline(start, reference)
    item = dates.item(ctx.document)
    assert item is not None  # dates.start is set, so the document has an item
    cal = kit.calendars.get(start.year, reference.year)
    return Deadline(start, reference, evaluate(item, cal, ctx.today, kit.params.due_soon_workdays), cal)


__all__ = ["Analysis", "Deadline", "Evaluated", "Periodic", "analysis", "evaluated"]
