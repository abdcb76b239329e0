"""Publication and reply deadlines (docs/calendar.md): the logic behind the
``release-deadline`` checker and the ``gkrules deadlines`` monitor, as an API.

    import datetime as dt
    from gkrules import deadlines
    report = deadlines.monitor(catalog="catalog.jsonl", requests="requests.csv",
                               today=dt.date(2026, 11, 23))
    for row in report.rows: print(row.state, row.due, row.title)

    cal = gkrules.calendar.get_calendar(2026)
    ev = deadlines.evaluate_request(deadlines.RequestRecord("2026-001", dt.date(2026, 9, 15)),
                                    cal, today=dt.date(2026, 10, 14), within=3)
    ev.due  # 2026-10-19
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Sequence

import attrs

from gkrules.deadlines.items import Evaluation, Item, document_dates, evaluate, item_from_entry
from gkrules.deadlines.monitor import MonitorReport, Row, RowError, run_monitor
from gkrules.deadlines.params import (
    DeadlineCategory,
    PeriodicItem,
    ReleaseDeadlineParams,
    RequestParams,
)
from gkrules.deadlines.periodic import PeriodicEvaluation, evaluate_periodic
from gkrules.deadlines.requests import (
    Pause,
    RequestEvaluation,
    RequestRecord,
    evaluate_request,
    parse_requests,
    read_requests,
)
from gkrules.deadlines.rules import Rule, RuleResolver
from gkrules.model import CatalogEntry

CHECKER_ID = "release-deadline"


def params_of(ruleset) -> ReleaseDeadlineParams:
    """The deadline parameters of a loaded rule set (``checkers.release-deadline.params``)."""
    from gkrules.ruleset.convert import structure

    section = ruleset.checker(CHECKER_ID)
    return structure(section.params, ReleaseDeadlineParams, ruleset.marks,
                     prefix=("checkers", CHECKER_ID, "params"), what=f"检查器 {CHECKER_ID} 的参数")


def calendar_provider(ruleset, plugins):
    """``year → calendar`` as checkers get it (the ``gkrules_calendar`` hook)."""
    from gkrules.calendar import calendar_lookup
    from gkrules.context import CheckerSetup

    return calendar_lookup(CheckerSetup(checker_id=CHECKER_ID, params=None, ruleset=ruleset,
                                        find_calendar=plugins.calendar_finder(ruleset)))


def monitor(*, today: dt.date, catalog: str | os.PathLike | Sequence[CatalogEntry] | None = None,
            requests: str | os.PathLike | Sequence[RequestRecord] | None = None,
            documents: Iterable[str | os.PathLike] = (), periodic: bool = False, within: int | None = None,
            show_all: bool = False, ruleset="national", plugins=None) -> MonitorReport:
    """Overdue and due-soon items of a catalogue, a folder of documents and a request register.

    ``periodic``: also the periodic items of the rule set (annual report…), judged from the
    catalogue and documents given (what is not there counts as not published).
    """
    from gkrules.catalog import read_catalog_entries
    from gkrules.engine import Engine
    from gkrules.errors import UsageError
    from gkrules.inputs import PathProblem, collect_paths
    from gkrules.plugins import PluginManager
    from gkrules.ruleset import Ruleset, load_ruleset

    plugins = plugins if plugins is not None else PluginManager()
    rs = ruleset if isinstance(ruleset, Ruleset) else load_ruleset(str(ruleset), plugins.rulesets())
    params = params_of(rs)
    if catalog is None:
        entries: list[tuple[str, CatalogEntry]] = []
    elif isinstance(catalog, str | os.PathLike):
        entries = read_catalog_entries(catalog)
    else:
        entries = [(f"目录第 {i} 条", e) for i, e in enumerate(catalog, start=1)]
    if isinstance(requests, str | os.PathLike):
        records: Sequence[RequestRecord] = read_requests(requests, params.requests)
    else:
        records = tuple(requests or ())
    docs = []
    paths = list(documents)
    if paths:
        engine = Engine(rs, plugins=plugins, check_examples=False)
        found = collect_paths(paths, engine.loaders.extensions)
        for problem in found:
            if isinstance(problem, PathProblem):  # a folder that cannot be read: its items are unknown
                raise UsageError(f"{problem.name}：{problem.message}")
        docs = [engine.prepare(p) for p in found if not isinstance(p, PathProblem)]
    published = None
    if periodic:
        published = [e for _, e in entries] + [
            CatalogEntry(title=d.metadata.title, published=d.metadata.published) for d in docs]
    from gkrules.calendar import calendar_status

    report = run_monitor(params=params, calendar=calendar_provider(rs, plugins), today=today, within=within,
                         entries=entries, documents=docs, requests=records, periodic_catalog=published,
                         show_all=show_all)
    return attrs.evolve(report, calendar=calendar_status(rs))


__all__ = [
    "DeadlineCategory",
    "Evaluation",
    "Item",
    "MonitorReport",
    "Pause",
    "PeriodicEvaluation",
    "PeriodicItem",
    "ReleaseDeadlineParams",
    "RequestEvaluation",
    "RequestParams",
    "RequestRecord",
    "Row",
    "RowError",
    "Rule",
    "RuleResolver",
    "calendar_provider",
    "document_dates",
    "evaluate",
    "evaluate_periodic",
    "evaluate_request",
    "item_from_entry",
    "monitor",
    "params_of",
    "parse_requests",
    "read_requests",
    "run_monitor",
]
