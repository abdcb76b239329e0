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
class Analysis:
    dates: DocumentDates
    periodic: Periodic | None
    #: the evaluation of the document's own period and the calendar it was counted on (None: no
    #: start date, one before the regulation applies (effective_from), or dates out of order)
    evaluation: Evaluation | None = None
    calendar: WorkdayCalendar | None = None
    #: the reference date (published, else today) is before the start: the dates are out of order
    out_of_order: bool = False


_KEY = "release-deadline/analysis"


def analysis(facts: DocumentFacts, ctx: CheckContext, kit: Kit) -> Analysis | None:
    """The document's analysis (None: its 公开属性 puts it outside any deadline), made by the
    first rule that asks (per check date: the facts of a document may be checked again as of
    another day)."""
    by_day: dict[dt.date, Analysis | None] = facts.shared(_KEY, dict)
    try:
        return by_day[ctx.today]
    except KeyError:
        value = by_day[ctx.today] = _analyse(ctx, kit)
        return value


def _analyse(ctx: CheckContext, kit: Kit) -> Analysis | None:
    if kit.resolver.skips(ctx.metadata.disclosure):
        return None
    dates = document_dates(ctx.document, kit.resolver)
    periodic = _periodic(ctx, kit, dates)
    start = dates.start
    if start is None or start < kit.params.effective_from:
        return Analysis(dates, periodic)
    reference = dates.published or ctx.today
    if reference < start:
        return Analysis(dates, periodic, out_of_order=True)
    item = dates.item(ctx.document)
    assert item is not None  # dates.start is set, so the document has an item
    cal = kit.calendars.get(start.year, reference.year)
    return Analysis(dates, periodic, evaluate(item, cal, ctx.today, kit.params.due_soon_workdays), cal)


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


__all__ = ["Analysis", "Periodic", "analysis"]
