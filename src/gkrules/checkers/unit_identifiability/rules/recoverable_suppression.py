"""recoverable-suppression (UI-09): a hidden entry the published totals give back exactly, or
its share of the published total stated in the same row."""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import ClassVar

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import Decided, analyses
from ..kit import Kit
from ..tables import TableView, norm

_SHARE_HEADER = re.compile(r"比重|占比|占全|占总")


def scaled(value: float | Fraction, scale: int, decimals: int | None = None) -> str:
    """An audit value (an integer × 10^scale) as the table prints it."""
    v = float(value) / 10 ** scale
    d = scale if decimals is None else decimals
    return f"{v:.{d}f}"


def where(d: Decided) -> str:
    """表N“行/列” of a hidden entry."""
    v, r, c = d.ref.view, d.ref.r, d.ref.c
    return f"{v.name()}“{v.rows[r].label.strip()}/{v.columns[c].header.strip()}”"


def proof(d: Decided) -> str:
    """The relations that recover a hidden entry, for the reviewer."""
    text = "；".join(dict.fromkeys(u.text for u in d.used if u.text)) or "表内合计关系"
    return f"推算依据：{text[:160]}"


def key(d: Decided) -> str:
    v, r, c = d.ref.view, d.ref.r, d.ref.c
    return f"{v.number}|{v.rows[r].key}|{norm(v.columns[c].header)}"


class RecoverableSuppression(Rule):
    """UI-09。差分审计：隐藏值可由表内合计关系（合计行、合计列、层级、其中项）精确推算（单个隐藏、L 形隐藏、余额为零
    、计数下界等）；或同一行公布了它占合计的比重，比重 × 合计的误差小于估计值的 p%（比重列须在本表已公布的各行上等
    于“本行 ÷ 合计”）。合计关系只在表中完整公布的行列验证其成立（在舍入误差内）后才使用。"""

    id = "recoverable-suppression"
    title = "隐藏的数据可由合计关系精确推算"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-09")
    words: ClassVar[tuple[str, ...]] = ("suppression_symbols", "legend_symbols", "total_labels", "signed_markers")
    tests: ClassVar[tuple[str, ...]] = ("tests/unit_identifiability/test_audit.py", "tests/unit_identifiability/test_tables.py",
             "tests/unit_identifiability/test_table_shapes.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        found = a.audit
        if found is not None:
            for d in found.decided:
                if d.outcome.status == "exact" and not any(u.cross for u in d.used):
                    yield self.exact(ctx, d, found.ds.scale)
        if self.kit.p.check_audit:
            for v in a.views:
                yield from self._share_leaks(ctx, v)

    def exact(self, ctx: CheckContext, d: Decided, scale: int) -> Finding:
        """The finding of an entry recovered exactly (also cross-table-differencing's)."""
        o, v, r, c = d.outcome, d.ref.view, d.ref.r, d.ref.c
        cell = v.entry(r, c).cell
        how = "由非负约束和" if o.by_bounds else "由"
        value = scaled(o.value if o.value is not None else o.lo, scale, v.scale)
        return self.finding(
            ctx, cell.start, cell.end,
            f"{where(d)}虽已隐藏，但{how}公布的合计关系可精确推算出该值（约 {value}{v.columns[c].unit or ''}），隐藏无效",
            evidence=proof(d), suggestion=remedies.rectangle(v, r, c), key=key(d))

    def _share_leaks(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """A hidden value whose share of the published total stands in the same row (占全县比重):
        share × total gives it back to within the share's rounding."""
        totals = [i for i, row in enumerate(v.rows) if row.kind == "total"]
        if len(totals) != 1:
            return
        t = totals[0]
        for sc in v.columns:
            if sc.role != "rate" or not _SHARE_HEADER.search(sc.header):
                continue
            base = next((c for c in reversed(v.columns[:sc.index]) if c.role in ("magnitude", "count")), None)
            if base is None or v.entry(t, base.index).kind != "number":
                continue
            total = v.entry(t, base.index).raw or 0.0
            if total <= 0 or not _share_of_total(v, base.index, sc.index, total):
                continue
            for r, row in enumerate(v.rows):
                e, share = v.entry(r, base.index), v.entry(r, sc.index)
                if e.kind != "suppressed" or share.kind != "number" or share.raw is None:
                    continue
                est = share.raw / 100 * total
                half = 0.5 * 10 ** -share.decimals / 100 * total
                if est <= 0 or 2 * half >= self.kit.p.p_percent / 100 * est:
                    continue
                d = v.entry(t, base.index).decimals
                yield self.finding(
                    ctx, e.cell.start, e.cell.end,
                    f"{v.name()}“{row.label.strip()}/{base.header.strip()}”虽已隐藏，但同一行公布了它的{sc.header.strip()}"
                    f"（{share.cell.text}），乘以合计即可推算出约 {est:.{d}f}{base.unit or ''}（误差不超过 {half:.{d + 1}f}），隐藏无效",
                    evidence=f"{v.rows[t].label.strip()}={v.entry(t, base.index).cell.text}；{sc.header.strip()}={share.cell.text}",
                    suggestion="同时隐藏该行的比重（及可由其推算的速度等派生指标），然后重新检查。",
                    key=f"{v.number}|{row.key}|{norm(base.header)}|share")


def _share_of_total(v: TableView, bc: int, sc: int, total: float) -> bool:
    """The share column is base ÷ total on every row that publishes both (at least two),
    not a share of something else (高技术产业占比 within the row)."""
    checked = 0
    for r in range(len(v.rows)):
        e, share = v.entry(r, bc), v.entry(r, sc)
        if e.kind != "number" or share.kind != "number" or e.raw is None or share.raw is None:
            continue
        slack = 0.5 * 10 ** -share.decimals + 0.5 * 10 ** -e.decimals / total * 100 + 1e-9
        if abs(e.raw / total * 100 - share.raw) > slack:
            return False
        checked += 1
    return checked >= 2
