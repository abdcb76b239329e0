"""The shape of a rule-set file (design §4), as attrs classes validated strictly by cattrs.

Checker ``params`` are validated against each checker's own params class once the plugins
are known (see ``gkrules.ruleset.compile``); here they are plain mappings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from attrs import field, frozen

from gkrules.model import Severity
from gkrules.ruleset.convert import CONVERTER, StrictValueError


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
class DaySpan:
    """One day, or an inclusive run of days, of a holiday arrangement.

    Written in a rule set as a date (``2027-01-01``), a range string
    (``2027-02-06..2027-02-13``) or a mapping (``{date: …, name: …}`` or
    ``{from: …, to: …, name: …}``); see ``_structure_day_span``.
    """

    start: dt.date
    end: dt.date
    name: str | None = None

    def days(self) -> Iterator[dt.date]:
        d = self.start
        while d <= self.end:
            yield d
            d += _ONE_DAY

    def __str__(self) -> str:
        span = self.start.isoformat() if self.start == self.end else f"{self.start}..{self.end}"
        return f"{span}（{self.name}）" if self.name else span


#: kept for plugins written against the first schema: a regional holiday is a named DaySpan
RegionalHoliday = DaySpan

_ONE_DAY = dt.timedelta(days=1)
_MAX_SPAN_DAYS = 31
_SPAN_KEYS = ("date", "from", "to", "name")


def _span_date(value: Any, what: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise StrictValueError(f"{what}应为日期（YYYY-MM-DD），实际为 {value!r}")


def _structure_day_span(value: Any, _: Any) -> DaySpan:
    name = None
    if isinstance(value, dict):
        unknown = [k for k in value if k not in _SPAN_KEYS]
        if unknown:
            raise StrictValueError(f"未知的键 {unknown[0]!r}（可用的键：date，或 from 与 to；可选 name）")
        name = value.get("name")
        if name is not None and (not isinstance(name, str) or not name.strip()):
            raise StrictValueError("name 应为非空字符串（节日名称）")
        if "date" in value:
            if "from" in value or "to" in value:
                raise StrictValueError("date 与 from/to 不能同时出现：单日写 date，连续多日写 from 和 to")
            start = end = _span_date(value["date"], "date ")
        elif "from" in value and "to" in value:
            start, end = _span_date(value["from"], "from "), _span_date(value["to"], "to ")
        else:
            raise StrictValueError("缺少日期：单日写 date，连续多日写 from 和 to")
    elif isinstance(value, str) and ".." in value:
        a, _, b = value.partition("..")
        start, end = _span_date(a, "起始"), _span_date(b, "结束")
    else:
        start = end = _span_date(value, "")
    if end < start:
        raise StrictValueError(f"日期范围 {start}..{end} 的结束早于开始")
    if (end - start).days >= _MAX_SPAN_DAYS:
        raise StrictValueError(f"日期范围 {start}..{end} 超过 {_MAX_SPAN_DAYS} 天，请检查是否写错年份或月份")
    return DaySpan(start, end, name.strip() if name else None)


CONVERTER.register_structure_hook(DaySpan, _structure_day_span)


def _days(spans: tuple[DaySpan, ...]) -> dict[dt.date, DaySpan]:
    out: dict[dt.date, DaySpan] = {}
    for span in spans:
        for d in span.days():
            out.setdefault(d, span)
    return out


@frozen
class CalendarSection:
    """Supplements to the working-day calendar (docs/calendar.md).

    ``years``: years whose arrangement this section gives completely: for them the calendar
    package is not consulted, so next year's arrangement can be added the day it is announced;
    ``holidays``: days off (statutory holidays and the weekdays given off by 调休);
    ``workdays``: weekend days that are working days (调休上班); ``regional_holidays``: days off
    in the rule set's region only (named), on top of the national arrangement.

    Dates of ``holidays``/``workdays`` outside ``years`` correct the calendar package for a
    year it covers. Validation is strict: a year in ``years`` without any holiday, a day listed
    both as holiday and as working day, or a 调休上班 day that is not a Saturday or Sunday is an
    error.
    """

    years: tuple[int, ...] = ()
    holidays: tuple[DaySpan, ...] = ()
    workdays: tuple[DaySpan, ...] = ()
    regional_holidays: tuple[DaySpan, ...] = ()

    def __attrs_post_init__(self) -> None:
        problems = []
        for y in self.years:
            if not 1949 <= y <= 2100:
                problems.append(f"years 中的 {y} 不是有效年份")
        if len(set(self.years)) != len(self.years):
            problems.append("years 中有重复的年份")
        off, on = _days(self.holidays), _days(self.workdays)
        for d in sorted(set(off) & set(on)):
            problems.append(f"{d} 同时列在 holidays 和 workdays 中")
        for d in sorted(on):
            if d.weekday() < 5:
                problems.append(f"workdays 中的 {d} 是星期{'一二三四五'[d.weekday()]}：调休上班日只能是周六或周日")
        off_years = {d.year for d in off}
        for y in self.years:
            if y not in off_years:
                problems.append(f"years 列出了 {y} 年，但 holidays 中没有该年的任何日期：请按国务院办公厅通知写全该年的放假安排")
        for span in self.regional_holidays:
            if not span.name:
                problems.append(f"regional_holidays 中的 {span} 缺少 name（节日名称）")
        if problems:
            raise StrictValueError("calendar 无效：" + "；".join(problems))

    @property
    def holiday_days(self) -> dict[dt.date, DaySpan]:
        return _days(self.holidays)

    @property
    def workday_days(self) -> dict[dt.date, DaySpan]:
        return _days(self.workdays)

    @property
    def regional_days(self) -> dict[dt.date, DaySpan]:
        return _days(self.regional_holidays)


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
    #: added to every checker's budget for each million characters of a document's text, so
    #: that a document within the size limits is never cut off for being large
    timeout_seconds_per_million_chars: float | None = None
    fail_on: Severity | None = None
    max_document_bytes: int | None = None
    max_text_chars: int | None = None
    max_line_chars: int | None = None
    max_archive_members: int | None = None
    max_member_bytes: int | None = None
    max_unpacked_bytes: int | None = None
    max_compression_ratio: float | None = None
    max_pages: int | None = None
    max_cells: int | None = None
    load_timeout_seconds: float | None = None
    convert_legacy: bool | None = None
    convert_timeout_seconds: float | None = None
    rules: dict[str, EngineRuleSettings] = field(factory=dict)


@frozen
class ReviewSection:
    """Waiver policy (docs/rulesets.md「审查规则」): which review stage may accept which
    severity, and which severities one reason may accept in bulk. Unset keys keep the
    defaults of ``gkrules.baseline.policy`` (阻断 only at 终审, one reason per finding)."""

    accept_stage: dict[Severity, Literal["自审", "送审", "终审"]] = field(factory=dict)
    bulk: tuple[Severity, ...] | None = None


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
    review: ReviewSection = field(factory=ReviewSection)
