"""The shape of a rule-set file (design §4), as attrs classes validated strictly by cattrs.

Checker ``params`` are validated against each checker's own params class once the plugins
are known (see ``gkrules.ruleset.compile``); here they are plain mappings.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from attrs import field, frozen

from gkrules.model import Severity


@frozen
class Examples:
    """Texts a rule must flag (``fail``) and must not flag (``pass``), checked at load."""

    fail: tuple[str, ...] = ()
    pass_: tuple[str, ...] = field(default=(), alias="pass_")


@frozen
class RuleSettings:
    enabled: bool | None = None
    severity: Severity | None = None
    examples: Examples | None = None


@frozen
class CheckerSection:
    enabled: bool | None = None
    timeout_seconds: float | None = None
    params: dict[str, Any] = field(factory=dict)
    rules: dict[str, RuleSettings] = field(factory=dict)


@frozen
class AllowEntry:
    """A value a bureau publishes on purpose, with the reason (reviewed like code)."""

    value: str
    reason: str
    checker: str | None = None
    rule: str | None = None
    documents: tuple[str, ...] = ()


@frozen
class RegionalHoliday:
    date: dt.date
    name: str


@frozen
class CalendarSection:
    """Supplements to the working-day calendar.

    ``years``: years whose arrangement this section gives completely (so dates in them can be
    counted even where the calendar package has no data); ``holidays``: extra days off;
    ``workdays``: weekend days that are working days (调休上班); ``regional_holidays``: days
    off in the rule set's region only.
    """

    years: tuple[int, ...] = ()
    holidays: tuple[dt.date, ...] = ()
    workdays: tuple[dt.date, ...] = ()
    regional_holidays: tuple[RegionalHoliday, ...] = ()


@frozen
class EngineRuleSettings:
    """Settings of a rule the engine reports itself (``unreadable-content``)."""

    enabled: bool | None = None
    severity: Severity | None = None


@frozen
class EngineSection:
    """Run-wide settings: time budgets, the fail level, and the limits loaders honour against
    hostile or broken files (see ``gkrules.loaders.options.LoadOptions``)."""

    timeout_seconds: float | None = None
    fail_on: Severity | None = None
    max_document_bytes: int | None = None
    max_text_chars: int | None = None
    max_line_chars: int | None = None
    max_archive_members: int | None = None
    max_member_bytes: int | None = None
    max_unpacked_bytes: int | None = None
    max_compression_ratio: float | None = None
    max_pages: int | None = None
    load_timeout_seconds: float | None = None
    convert_legacy: bool | None = None
    convert_timeout_seconds: float | None = None
    rules: dict[str, EngineRuleSettings] = field(factory=dict)


@frozen
class RulesetFile:
    id: str
    version: str
    extends: str | None = None
    description: str | None = None
    include: tuple[str, ...] = ()
    checkers: dict[str, CheckerSection] = field(factory=dict)
    allowlist: tuple[AllowEntry, ...] = ()
    calendar: CalendarSection = field(factory=CalendarSection)
    engine: EngineSection = field(factory=EngineSection)
