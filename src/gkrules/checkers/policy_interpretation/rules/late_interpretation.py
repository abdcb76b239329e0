"""late-interpretation: an interpretation published more than ``max_lag_workdays`` working days
after the policy it interprets.

Working days come from ``setup.calendar(year)``; while no calendar covers the dates, calendar
days, said in the message (never fewer than working days, so nothing late is missed). Across a
provisional year the least possible count, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.errors import CalendarError
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..items import Item
from ..kit import Kit

SUGGESTION = "政策解读应与政策文件同步发布；请核实解读的发布日期，并在今后做到同步审签、同步发布。"


class LateInterpretation(BatchRule):
    """解读的发布日期比所解读政策文件的发布日期晚 `max_lag_workdays` 个工作日以上（默认 3；严格口径 0）：
    政策次日起算，数到解读发布当天；批次中没有发布日期的文件按检查日期计，目录中没有发布日期的条目不判断。
    尚无工作日历时按自然日计算并在消息中说明。"""

    id = "late-interpretation"
    title = "政策解读晚于政策文件发布"
    severity = Severity.WARN
    basis = basis.LATE
    tags = ("政策解读", "三同步")
    tests = ("tests/test_policy_interpretation.py", "tests/test_calendar_provisional.py")
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        b = batch(ctx, self.kit)
        for k, item in enumerate(b.readings):
            for target, how in b.cited.get(k, ()):
                finding = self._late(ctx, item, target, how)
                if finding is not None:
                    yield finding

    def _late(self, ctx: BatchContext, item: Item, target: Item, how: str) -> tuple[int, Finding] | None:
        if target.published is None or item.published is None or item.published <= target.published:
            return None
        lag, no_calendar, provisional = self._lag(target.published, item.published)
        limit = self.kit.p.max_lag_workdays
        if lag <= limit:
            return None  # fewer calendar days than allowed working days: on time on any calendar
        unit = "个工作日" if no_calendar is None else "天（自然日）"
        note = "" if no_calendar is None else f"；{no_calendar}，暂按自然日计算"
        p_when = target.published.isoformat() + ("（以检查日期计）" if target.published_assumed else "")
        i_when = item.published.isoformat() + ("（以检查日期计）" if item.published_assumed else "")
        assert item.index is not None
        start, end = item.span
        return self.finding_in(
            ctx, item.index, start, end,
            f"本解读比所解读的政策文件《{target.label}》（按{how}对应）晚发布 {lag} {unit}：政策 {p_when} 发布，"
            f"解读 {i_when} 发布，超过规则集允许的 {limit} 个工作日{note}{provisional}",
            evidence=item.label[:80], suggestion=SUGGESTION,
            key=f"{min(target.names, default=target.label)}|{item.published.isoformat()}")

    def _lag(self, start: dt.date, end: dt.date) -> tuple[int, str | None, str]:
        """Days after ``start`` up to ``end``: working days, or calendar days with the reason;
        across a provisional year the least possible working days, with a note saying so."""
        try:
            cals = {y: self.kit.calendar(y) for y in range(start.year, end.year + 1)}
        except CalendarError as exc:
            return (end - start).days, exc.message, ""
        cal = cals[end.year]
        bounds = getattr(cal, "count_bounds", None)
        if bounds is not None and all(c is cal for c in cals.values()):
            lo, hi = bounds(start, end)
            note = "" if lo == hi else f"（暂定：调休安排尚未公布，按最少的 {lo} 个工作日计，可能多至 {hi} 个）"
            return lo, None, note
        n = 0
        day = start + dt.timedelta(days=1)
        while day <= end:
            if cals[day.year].is_workday(day):
                n += 1
            day += dt.timedelta(days=1)
        return n, None, ""
