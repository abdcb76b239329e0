"""small-cell-review (UI-02): a category of min_units to review_units−1 units with figures
(off by default: review_units = 0)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses
from ..kit import Kit


class SmallCellReview(Rule):
    """UI-02。min_units ≤ 单位数 < review_units 的类别公布了数据（默认关闭
    ：review_units 为 0），按表内单位数列或单位贡献数据提示复核其中是否有占主导地位的单位。"""

    id = "small-cell-review"
    title = "单位数偏少的类别（复核）"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-02")
    words = ("count_headers", "unit_nouns")
    tests = ("tests/unit_identifiability/test_rules.py",)
    examples_note = "默认关闭（国家规则集 review_units 为 0），只能在设置 review_units 的规则集中举出不通过的示例"
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        p = self.kit.p
        if p.review_units <= p.min_units:
            return  # no review band (review_units 0: off)
        a = analyses(facts, ctx, self.kit)
        if p.check_tables:
            for t in a.tables:
                if len(t.groups) > 1:
                    continue  # small cells were read group by group
                v = t.view
                for r, row in enumerate(t.rows):
                    if row.n is None or row.main is None or not p.min_units <= row.n < p.review_units or not row.figures:
                        continue
                    cell = v.entry(r, row.main.index).cell
                    yield self.finding(
                        ctx, cell.start, cell.end,
                        f"{v.name()}“{v.rows[r].label.strip()}”只有{row.n}个单位，请复核是否存在占主导地位的单位",
                        evidence=f"{row.main.header.strip()}={row.n}；" + "；".join(row.figures[:4]),
                        suggestion=remedies.SMALL_CELL, key=f"{v.number}|{v.rows[r].key}|{row.n}")
        given = a.contributions
        for m in given.matched if given is not None else ():
            vd, e = m.verdict, m.view.entry(m.r, m.col.index)
            if e.kind != "number" or (vd.threshold_fail and vd.count >= 1) or vd.zero_fail or not vd.review_band:
                continue  # not published, or a small cell
            yield self.finding(
                ctx, e.cell.start, e.cell.end,
                f"{m.view.name()}“{m.view.rows[m.r].label.strip()}/{m.col.header.strip()}”只由{vd.count}个单位构成，请复核",
                evidence=f"单位数={vd.count}", suggestion=remedies.SMALL_CELL, key=f"{m.view.number}|{vd.row}|{vd.col}|r")
