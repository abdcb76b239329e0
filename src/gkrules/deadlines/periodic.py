"""Periodic items: information due every year by a fixed date (政府信息公开工作年度报告 by 31
January, 条例第四十九条; a bureau's 统计公报 or 统计年鉴 by the dates its rule set gives).

The due date is a calendar date, not a count of working days, and is not moved when it falls
on a weekend: the regulation says "1月31日前". Whether an instance was published is read from
the catalogue: an entry whose title ends with one of the item's ``title_words``; the year it is
about is the first year in its title, else its publication year minus ``year_offset``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Literal

from attrs import frozen

from gkrules.deadlines.items import deadline_bounds
from gkrules.deadlines.params import PeriodicItem
from gkrules.deadlines.rules import RuleResolver, report_year
from gkrules.model import CatalogEntry
from gkrules.specs import WorkdayCalendar

PeriodicState = Literal["late", "overdue", "due-soon", "done", "pending"]


@frozen
class PeriodicEvaluation:
    item: PeriodicItem
    #: the year the instance is about (the report on 2025 is due on 2026-01-31)
    year: int
    due: dt.date
    state: PeriodicState
    published: dt.date | None = None
    title: str | None = None


def instances(item: PeriodicItem, today: dt.date) -> tuple[int, int]:
    """(the year of the latest instance due before today, the year of the next one)."""
    year = today.year - item.year_offset
    if item.due_for(year) < today:
        return year, year + 1
    return year - 1, year


def published_instances(item: PeriodicItem, entries: Iterable[CatalogEntry],
                        resolver: RuleResolver) -> dict[int, CatalogEntry]:
    """Catalogue entries of ``item`` by the year they are about (the earliest publication)."""
    found: dict[int, CatalogEntry] = {}
    for e in entries:
        if e.published is None or resolver.periodic_for(e.title) is not item:
            continue
        year = report_year(e.title) or e.published.year - item.year_offset
        known = found[year].published if year in found else None
        if known is None or e.published < known:
            found[year] = e
    return found


def evaluate_periodic(item: PeriodicItem, entries: Iterable[CatalogEntry], resolver: RuleResolver,
                      calendar: WorkdayCalendar, today: dt.date, within: int) -> list[PeriodicEvaluation]:
    """The latest past instance and the next one of ``item``."""
    published = published_instances(item, entries, resolver)
    past, upcoming = instances(item, today)
    out = []
    for year in (past, upcoming):
        due = item.due_for(year)
        entry = published.get(year)
        if entry is not None:
            assert entry.published is not None
            state: PeriodicState = "late" if entry.published > due else "done"
            out.append(PeriodicEvaluation(item, year, due, state, entry.published, entry.title))
        elif due < today:
            out.append(PeriodicEvaluation(item, year, due, "overdue"))
        elif due <= deadline_bounds(calendar, today, within)[1]:  # latest end of the window
            out.append(PeriodicEvaluation(item, year, due, "due-soon"))
        else:
            out.append(PeriodicEvaluation(item, year, due, "pending"))
    return out
