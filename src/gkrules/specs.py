"""What plugins register: typed, frozen descriptions of checkers, loaders, formatters,
bundled rule sets and finding filters. The engine, not pluggy, calls what they describe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from attrs import field, frozen

from gkrules.model import CatalogEntry, Document, Finding, Severity, Suppression

if TYPE_CHECKING:
    from gkrules.context import BatchContext, CheckContext, CheckerSetup
    from gkrules.loaders.options import LoadOptions
    from gkrules.model import Report
    from gkrules.ruleset import Ruleset


@frozen
class RuleInfo:
    """One rule of a checker: its id (unique within the checker), what it detects, its
    default severity and the legal or normative basis that findings cite."""

    id: str
    title: str
    severity: Severity
    basis: str
    tags: tuple[str, ...] = ()
    description: str = ""
    help_uri: str | None = None
    #: the module that declares the rule, its messages and its logic (``gkrules.rule.Rule``)
    source: str | None = None
    #: the checker parameters that hold the rule's word lists
    words: tuple[str, ...] = ()
    #: why the rule set has no failing or no passing example for it, if it has none
    examples_note: str = ""
    #: test files that test the rule by its id (paths relative to the project root)
    tests: tuple[str, ...] = ()


class DocumentChecker(Protocol):
    def check(self, ctx: CheckContext) -> Iterable[Finding]: ...


class BatchChecker(Protocol):
    def check_batch(self, ctx: BatchContext) -> Iterable[tuple[int, Finding]]: ...


@frozen
class CheckerSpec:
    """A checker. ``factory(setup)`` is called once per engine and returns an object with
    ``check(ctx)`` (scope ``document``) or ``check_batch(ctx)`` (scope ``batch``); compile
    patterns and word lists in the factory, not per document.

    ``params`` is an attrs class; the checker's ``params`` section of the rule set is
    structured into it strictly (unknown keys and wrong types are load errors).
    """

    id: str
    factory: Callable[[CheckerSetup], DocumentChecker | BatchChecker]
    rules: tuple[RuleInfo, ...]
    params: type | None = None
    scope: Literal["document", "batch"] = "document"
    description: str = ""
    version: str | None = None
    #: off until a rule set says ``enabled: true`` (per-tenant activation for plugins that a
    #: multi-province server has installed but not every province uses)
    enabled_by_default: bool = True

    def rule(self, rule_id: str) -> RuleInfo | None:
        for r in self.rules:
            if r.id == rule_id:
                return r
        return None


@frozen
class LoaderSpec:
    """Turns the bytes of a file into a Document (text, blocks, tables, raw header fields).

    ``extensions`` are lower-case with the dot. ``sniff(head)`` may claim content whose
    extension lies (a ``.docx`` that is really a PDF); it sees the first 4 KiB.
    """

    name: str
    extensions: tuple[str, ...]
    load: Callable[[bytes, str, LoadOptions], Document]
    sniff: Callable[[bytes], bool] | None = None
    description: str = ""


@frozen
class RenderContext:
    """What a formatter may need besides the report: the rules of every checker that ran
    (for SARIF ``driver.rules`` and rule titles), the rule set, the documents' text
    (for HTML), and the folder that relative URIs are relative to."""

    rules: Mapping[tuple[str, str], RuleInfo] = field(factory=dict)
    base_dir: Path | None = None
    texts: Mapping[str, str] = field(factory=dict)
    options: Mapping[str, Any] = field(factory=dict)


@frozen
class FormatterSpec:
    """Renders a Report for ``--format NAME``."""

    name: str
    render: Callable[[Report, RenderContext], str]
    description: str = ""
    extension: str = ".txt"


@frozen
class RulesetSource:
    """A rule set shipped by a plugin, found by id (``--ruleset ID``)."""

    id: str
    path: Path
    description: str = ""


class FindingFilter(Protocol):
    def suppress(self, document: Document, finding: Finding) -> Suppression | None: ...


@frozen
class FilterSpec:
    """A finding filter: it can only suppress findings (with a reason), never add or change
    them. ``factory(setup)`` is called once per engine."""

    name: str
    factory: Callable[[FilterSetup], FindingFilter]
    description: str = ""


@frozen
class FilterSetup:
    ruleset: Ruleset
    options: dict[str, Any] = field(factory=dict)


class WorkdayCalendar(Protocol):
    """What date rules need from a working-day calendar (see ``gkrules.calendar`` and
    docs/calendar.md). The start day is never counted (民法典第二百零一条). A method that needs
    a day the calendar does not cover raises :class:`gkrules.errors.CalendarError`."""

    def is_workday(self, day: dt.date) -> bool:
        """Whether ``day`` is a working day (a weekend day worked by 调休 is one)."""
        ...

    def add_workdays(self, start: dt.date, n: int) -> dt.date:
        """n ≥ 1: the n-th working day after ``start`` (the last day of "within n working days
        from ``start``"); n = 0: ``start`` if it is a working day, else the next one; n < 0:
        the |n|-th working day before ``start``."""
        ...

    def workdays_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: elapsed on day ``end`` since ``start``; negative when
        ``end`` is before ``start``. ``add_workdays(start, n)`` is the first day it reaches n."""
        ...


__all__ = [
    "BatchChecker",
    "CatalogEntry",
    "CheckerSpec",
    "DocumentChecker",
    "FilterSetup",
    "FilterSpec",
    "FindingFilter",
    "FormatterSpec",
    "LoaderSpec",
    "RenderContext",
    "RuleInfo",
    "RulesetSource",
    "WorkdayCalendar",
]
