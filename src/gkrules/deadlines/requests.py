"""依申请公开: the reply deadline of a request record (条例第三十、三十一、三十三条).

* the clock starts on the day of receipt (``received``, fixed per 第三十一条: the day handed in,
  the day a signed-for letter is signed, the day an online request is confirmed) and restarts
  from zero on the day the corrected request is received after a 补正 notice (第三十条);
* the reply is due within ``reply_workdays`` (20) working days, plus an approved extension of
  at most ``extension_max_workdays`` (20) (第三十三条);
* consultations of third parties or other agencies pause the clock (第三十三条第二款): the
  working days after the day the consultation starts, up to and including the day its answer
  arrives, are not counted; counting resumes the next day;
* the 补正 notice itself is due within ``correction_notice_workdays`` (7) working days of
  receipt (第三十条), and a consultation longer than ``consultation_workdays`` (15) is noted
  (第三十二条).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from attrs import frozen

from gkrules.catalog import iter_records
from gkrules.deadlines.params import RequestParams
from gkrules.errors import ProvisionalCalendarError, UsageError
from gkrules.metadata.dates import parse_date
from gkrules.specs import WorkdayCalendar

RequestState = Literal["replied", "late", "overdue", "due-soon", "pending", "awaiting-correction", "paused",
                       "undetermined"]


@frozen
class Pause:
    """A consultation: from the day it starts to the day its answer arrives (None: still open)."""

    start: dt.date
    end: dt.date | None = None


@frozen
class RequestRecord:
    """One 政府信息公开申请 as the register keeps it."""

    id: str
    received: dt.date
    title: str | None = None
    correction_notice: dt.date | None = None
    corrected: dt.date | None = None
    pauses: tuple[Pause, ...] = ()
    #: working days of an approved extension (0: none)
    extension: int = 0
    extension_approved: dt.date | None = None
    replied: dt.date | None = None
    ref: str = ""


@frozen
class RequestEvaluation:
    record: RequestRecord
    state: RequestState
    #: the day the reply period runs from (receipt, or receipt of the corrected request)
    clock_start: dt.date
    #: the reply deadline, extension included (None while the clock is stopped)
    due: dt.date | None
    #: the deadline without the extension
    base_due: dt.date | None
    #: working days counted so far (pauses excluded), on the reply date or today
    elapsed: int | None
    limit: int
    notes: tuple[str, ...] = ()

    #: earliest possible deadline when a provisional year's 调休 matters (``due`` is the latest)
    due_earliest: dt.date | None = None

    @property
    def remaining(self) -> int | None:
        return None if self.elapsed is None else self.limit - self.elapsed


def _merged(pauses: Iterable[Pause], start: dt.date) -> list[tuple[dt.date, dt.date | None]]:
    """Pauses after ``start``, sorted and merged; an open pause swallows everything after it."""
    out: list[tuple[dt.date, dt.date | None]] = []
    for p in sorted(pauses, key=lambda p: p.start):
        if p.end is not None and p.end <= start:
            continue
        s = max(p.start, start)
        if out and (out[-1][1] is None or s <= out[-1][1]):
            last_s, last_e = out[-1]
            out[-1] = (last_s, None if (last_e is None or p.end is None) else max(last_e, p.end))
        else:
            out.append((s, p.end))
    return out


def counted_workdays(calendar: WorkdayCalendar, start: dt.date, day: dt.date, pauses: Iterable[Pause]) -> int:
    """Working days in (start, day] that count: those inside a pause (ps, pe] do not."""
    n = calendar.workdays_between(start, day)
    for ps, pe in _merged(pauses, start):
        if ps >= day:
            break
        end = day if pe is None else min(pe, day)
        n -= calendar.workdays_between(ps, end)
    return n


def due_with_pauses(calendar: WorkdayCalendar, start: dt.date, n: int, pauses: Iterable[Pause]) -> dt.date | None:
    """The n-th counted working day after ``start``; None if an open pause stops the clock first."""
    current, remaining = start, n
    for ps, pe in _merged(pauses, start):
        available = calendar.workdays_between(current, ps)
        if available >= remaining:
            break
        remaining -= available
        if pe is None:
            return None
        current = pe
    return calendar.add_workdays(current, remaining)


def evaluate_request(record: RequestRecord, calendar: WorkdayCalendar, today: dt.date, within: int,
                     params: RequestParams | None = None) -> RequestEvaluation:
    """Where a request stands on ``today``.

    Across a provisional year the built-in calendar's two extremes bracket every arrangement:
    overdue or late only if so even when every uncertain day is a rest day; due soon if the
    earliest possible deadline is near; a reply that may or may not have been late is
    "undetermined".
    """
    try:
        return _evaluate_request(record, calendar, today, within, params)
    except ProvisionalCalendarError:
        extremes = getattr(calendar, "extremes", None)
        if extremes is None:
            raise
    fast_cal, slow_cal = extremes()
    fast = _evaluate_request(record, fast_cal, today, within, params)
    slow = _evaluate_request(record, slow_cal, today, within, params)
    state = slow.state
    if slow.state not in ("late", "overdue") and fast.state in ("late", "overdue", "due-soon"):
        state = "undetermined" if record.replied is not None else "due-soon"
    notes = slow.notes
    if fast.due != slow.due and fast.due and slow.due:
        notes += (f"暂定：调休安排尚未公布，答复期限在 {fast.due} 至 {slow.due} 之间",)
    return RequestEvaluation(record, state, slow.clock_start, slow.due, slow.base_due, slow.elapsed, slow.limit,
                             notes, due_earliest=fast.due)


def _evaluate_request(record: RequestRecord, calendar: WorkdayCalendar, today: dt.date, within: int,
                      params: RequestParams | None = None) -> RequestEvaluation:
    params = params or RequestParams()
    notes: list[str] = []
    if record.correction_notice is not None:
        notice_due = calendar.add_workdays(record.received, params.correction_notice_workdays)
        if record.correction_notice > notice_due:
            notes.append(f"补正告知 {record.correction_notice} 晚于收到申请后第 {params.correction_notice_workdays} "
                         f"个工作日（{notice_due}）（第三十条）")
    restarted = record.correction_notice is not None and record.corrected is not None
    clock_start = record.corrected if restarted else record.received
    assert clock_start is not None
    limit = params.reply_workdays + record.extension
    if record.correction_notice is not None and record.corrected is None and record.replied is None:
        return RequestEvaluation(record, "awaiting-correction", clock_start, None, None, None, limit, tuple(notes))
    for p in record.pauses:
        if p.end is not None and p.start >= clock_start:
            used = calendar.workdays_between(p.start, p.end)
            if used > params.consultation_workdays:
                notes.append(f"征求意见 {p.start}—{p.end} 共 {used} 个工作日，超过第三方答复期限 "
                             f"{params.consultation_workdays} 个工作日（第三十二条）")
    due = due_with_pauses(calendar, clock_start, limit, record.pauses)
    base_due = due_with_pauses(calendar, clock_start, params.reply_workdays, record.pauses) if record.extension else due
    if record.extension and record.extension_approved and base_due and record.extension_approved > base_due:
        notes.append(f"延期于 {record.extension_approved} 批准，晚于原答复期限 {base_due}（第三十三条）")
    reference = record.replied or today
    elapsed = counted_workdays(calendar, clock_start, reference, record.pauses) if reference >= clock_start else 0
    if record.replied is not None:
        state: RequestState = "late" if due is not None and record.replied > due else "replied"
    elif due is None:
        state = "paused"
    elif today > due:
        state = "overdue"
    elif limit - elapsed <= within:
        state = "due-soon"
    else:
        state = "pending"
    return RequestEvaluation(record, state, clock_start, due, base_due, elapsed, limit, tuple(notes))


# -- reading request registers ---------------------------------------------------------------

_ALIASES = {
    "编号": "id", "申请编号": "id", "登记号": "id",
    "申请内容": "title", "申请事项": "title", "标题": "title",
    "收到日期": "received", "收到申请日期": "received", "申请收到日期": "received",
    "补正告知日期": "correction_notice", "补正通知日期": "correction_notice",
    "补正后收到日期": "corrected", "收到补正日期": "corrected", "补正收到日期": "corrected",
    "征求意见": "pauses", "征求意见期间": "pauses",
    "延期": "extension", "延长工作日": "extension", "延期工作日": "extension",
    "延期批准日期": "extension_approved",
    "答复日期": "replied",
}
_KEYS = ("id", "title", "received", "correction_notice", "corrected", "pauses", "extension",
         "extension_approved", "replied")
_DATE_KEYS = ("received", "correction_notice", "corrected", "extension_approved", "replied")
_YES = {"是", "有", "已批准", "延期", "true", "yes", "y", "1"}
_NO = {"否", "无", "不延期", "false", "no", "n", "0"}
_PAUSE_SPLIT = re.compile(r"[;；,，\n]+")
_RANGE_SPLIT = re.compile(r"\s*(?:\.\.|~|～|—|至|到)\s*")


def _date(value: Any, key: str, where: str) -> dt.date:
    if isinstance(value, dt.date):
        return value
    d = parse_date(str(value)) if isinstance(value, str) else None
    if d is None:
        raise UsageError(f"{where}：{key} 不是有效日期：{value!r}")
    return d


def _pauses(value: Any, where: str) -> tuple[Pause, ...]:
    items: list[Any]
    if isinstance(value, str):
        items = [p for p in _PAUSE_SPLIT.split(value) if p.strip()]
    elif isinstance(value, list):
        items = value
    else:
        raise UsageError(f"{where}：pauses 应为列表，或“开始~结束；开始~结束”形式的文字")
    out = []
    for p in items:
        if isinstance(p, Mapping):
            unknown = set(p) - {"start", "end"}
            if unknown or "start" not in p:
                raise UsageError(f"{where}：征求意见期间应写成 {{\"start\": 开始日期, \"end\": 结束日期}}")
            start = _date(p["start"], "征求意见开始日期", where)
            end = _date(p["end"], "征求意见结束日期", where) if p.get("end") not in (None, "") else None
        elif isinstance(p, str):
            parts = _RANGE_SPLIT.split(p.strip())
            if len(parts) != 2:
                raise UsageError(f"{where}：征求意见期间 {p!r} 应写成“开始~结束”（仍在征求意见的写“开始~”）")
            start = _date(parts[0], "征求意见开始日期", where)
            end = _date(parts[1], "征求意见结束日期", where) if parts[1] else None
        else:
            raise UsageError(f"{where}：无法识别的征求意见期间 {p!r}")
        out.append(Pause(start, end))
    return tuple(out)


def _extension(value: Any, max_days: int, where: str) -> int:
    if isinstance(value, bool):
        return max_days if value else 0
    if isinstance(value, int):
        days = value
    elif isinstance(value, str):
        t = value.strip().lower()
        if t in _YES:
            return max_days
        if t in _NO:
            return 0
        if not t.isdigit():
            raise UsageError(f"{where}：extension 应为“是/否”或延长的工作日数，实际为 {value!r}")
        days = int(t)
    else:
        raise UsageError(f"{where}：extension 应为“是/否”或延长的工作日数，实际为 {value!r}")
    if not 0 <= days <= max_days:
        raise UsageError(f"{where}：延长 {days} 个工作日超过上限 {max_days} 个工作日（第三十三条）")
    return days


def record_from_mapping(data: Mapping[str, Any], where: str, params: RequestParams | None = None) -> RequestRecord:
    """A request record from a JSON object or CSV row (English keys or the Chinese column names)."""
    params = params or RequestParams()
    if not isinstance(data, Mapping):
        raise UsageError(f"{where}：申请记录必须是对象")
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _ALIASES.get(str(raw_key).strip(), str(raw_key).strip())
        if key not in _KEYS:
            raise UsageError(f"{where}：未知的申请记录字段 {raw_key!r}（可用：{'、'.join(_KEYS)}）")
        if value is None or value == "" or value == []:
            continue
        if key in _DATE_KEYS:
            value = _date(value, key, where)
        elif key == "pauses":
            value = _pauses(value, where)
        elif key == "extension":
            value = _extension(value, params.extension_max_workdays, where)
        else:
            value = str(value).strip()
        values[key] = value
    if "received" not in values:
        raise UsageError(f"{where}：缺少收到申请日期（received / 收到日期）")
    values.setdefault("id", where)
    record = RequestRecord(ref=where, **values)
    _check_order(record, where)
    return record


def _check_order(r: RequestRecord, where: str) -> None:
    def before(a: dt.date | None, b: dt.date | None, what: str) -> None:
        if a is not None and b is not None and b < a:
            raise UsageError(f"{where}：{what}")

    before(r.received, r.correction_notice, f"补正告知日期 {r.correction_notice} 早于收到申请日期 {r.received}")
    before(r.correction_notice or r.received, r.corrected, f"补正后收到日期 {r.corrected} 早于补正告知日期或收到日期")
    if r.corrected is not None and r.correction_notice is None:
        raise UsageError(f"{where}：有补正后收到日期，但没有补正告知日期")
    before(r.received, r.replied, f"答复日期 {r.replied} 早于收到申请日期 {r.received}")
    for p in r.pauses:
        before(r.received, p.start, f"征求意见开始日期 {p.start} 早于收到申请日期 {r.received}")
        before(p.start, p.end, f"征求意见结束日期 {p.end} 早于开始日期 {p.start}")
        if p.end is None and r.replied is not None:
            raise UsageError(f"{where}：征求意见（{p.start} 起）没有结束日期，但已答复：请补充征求意见结束日期")
    if r.extension_approved is not None and not r.extension:
        raise UsageError(f"{where}：有延期批准日期，但没有写延长的工作日数（extension）")


def parse_requests(items: Sequence[Mapping[str, Any]], params: RequestParams | None = None,
                   name: str = "申请记录") -> tuple[RequestRecord, ...]:
    return tuple(record_from_mapping(d, f"{name} 第 {i} 条", params) for i, d in enumerate(items, start=1))


def read_requests(path: str | os.PathLike, params: RequestParams | None = None) -> tuple[RequestRecord, ...]:
    """Request records from JSON Lines, a JSON array or CSV (with a header row)."""
    return tuple(record_from_mapping(item, where, params) for where, item in iter_records(path, "申请记录"))
