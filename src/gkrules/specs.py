"""What plugins register: typed, frozen descriptions of checkers, loaders, formatters,
bundled rule sets and finding filters. The engine, not pluggy, calls what they describe.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from attrs import field, frozen

# RuleInfo lives with the model and the protocols in a leaf module; both are re-exported here,
# where plugins have always imported them from
from gkrules.model import CatalogEntry, Document, Finding, RuleInfo
from gkrules.protocols import FindingFilter, WorkdayCalendar

if TYPE_CHECKING:
    from gkrules.context import BatchContext, CheckContext, CheckerSetup
    from gkrules.loaders.options import LoadOptions
    from gkrules.model import Report
    from gkrules.ruleset.model import Ruleset


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
