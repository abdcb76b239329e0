"""historical: no publication date of its own and formed long ago — most likely an old
document republished (site migration, 补充公开 of an archive), whose lateness cannot be mended."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.deadlines.items import Evaluation
from gkrules.deadlines.params import ReleaseDeadlineParams
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, wording
from ..analysis import analysis
from ..kit import Kit

SUGGESTION = "历史文件请在元数据中写明原发布日期（published）；首次发布的请核实延迟原因"


def is_historical(ev: Evaluation, params: ReleaseDeadlineParams) -> bool:
    """An overdue document (no publication date) past ``historical_after_workdays``: this rule
    reports it instead of ``late``."""
    limit = params.historical_after_workdays
    return bool(limit) and ev.elapsed > limit


class Historical(Rule):
    """文件本身没有发布日期、成文已超过 `historical_after_workdays` 个工作日（默认 250，约一年）：
    多为历史文件补充公开或网站迁移，逾期无法补救，只作提示；元数据写明原发布日期时按原日期计算。
    设为 0 的规则集一律按 `late` 报告。"""

    id = "historical"
    title = "历史文件补充公开（时限仅作提示）"
    severity = Severity.INFO
    basis = basis.PERIOD
    tags = ("发布时限",)
    tests = ("tests/test_release_deadline.py",)
    examples_note = ("是否算历史文件取决于检查日期（规则集加载时按当天检查示例）和 historical_after_workdays："
                     "写死的 fail 示例会随日期和工作日历覆盖的年份失效；检出的情形见 tests/test_release_deadline.py（传入 today）")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        ev = a.evaluation if a is not None else None
        if a is None or ev is None or a.calendar is None or ev.state != "overdue" or not is_historical(ev, self.kit.params):
            return
        dates, cal = a.dates, a.calendar
        rule = ev.item.rule
        msg = (f"{dates.start_label} {dates.start} 距检查日期 {ctx.today} 已 {wording.elapsed(ev)} 个工作日，"
               f"文件本身没有发布日期：如为历史文件补充公开或网站迁移，不再计算发布时限；如确为首次发布，已超过公开时限"
               f" {rule.describe()}{-ev.remaining} 个工作日{wording.last_day(ev, cal)}")
        s, e = dates.start_span or (None, None)
        yield self.finding(ctx, s, e, msg, evidence=wording.evidence(dates, ctx.today), basis=rule.basis,
                           key=wording.key(dates, ev), suggestion=SUGGESTION, tags=wording.tags(ev))
