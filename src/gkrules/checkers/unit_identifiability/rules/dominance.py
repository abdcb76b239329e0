"""dominance (UI-03): a category dominated by few units (p% rule, optional (n,k) rule), known
from a stated share in a table column or in the text, or from unit-level contributions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import analyses
from ..kit import Kit
from ..params import UnitIdentifiabilityParams
from ..prose import ShareStatement
from ..tables import TableView, norm

PROSE_FIX = "删除单位占比的表述，或与其他类别合并后再公布；不得公布可推算最大单位数据的集中度信息。"
_TOP1_SHARE = re.compile(r"(?:首位|第一位|第1位|第一大|最大)(?:企业|单位|法人)?(?:的)?(?:占比|比重|份额|所占比重|占全部)")
_TOP2_SHARE = re.compile(r"前(?:两|二|2)(?:位|家|名|大)(?:企业|单位)?(?:合计)?(?:的)?(?:占比|比重|份额|所占比重)")


def nk_fails(share: float, k: float, p: UnitIdentifiabilityParams) -> bool:
    """The (n, k) rule's comparison, with the rule set's operator."""
    return share >= k if p.nk_operator == ">=" else share > k


class Dominance(Rule):
    """UI-03。p% 规则不通过：X − x1 − x2 < p% · x1；或（启用时）(n,k) 规则不通过。数据来
    自单位贡献数据，表中“首位企业占比”“前两位企业合计占比”列，或正文“最大企业占X%”“前两位分别占X%和Y%”“
    前N家合计占X%”。集中度规则的参数只写在规则集中，不写入检查意见。"""

    id = "dominance"
    title = "类别由少数单位主导（p% 规则或 (n,k) 规则）"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-03")
    tests = ("tests/unit_identifiability/test_prose.py", "tests/unit_identifiability/test_contributions.py",
             "tests/unit_identifiability/test_table_shapes.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        if self.kit.p.check_tables:
            for t in a.tables:
                yield from self._stated_in_table(ctx, t.view)
        given = a.contributions
        for m in given.matched if given is not None else ():
            e, vd = m.view.entry(m.r, m.col.index), m.verdict
            if e.kind == "number" and vd.dominance_fail:
                yield self.finding(
                    ctx, e.cell.start, e.cell.end,
                    f"{m.view.name()}“{m.view.rows[m.r].label.strip()}/{m.col.header.strip()}”由少数单位主导（据单位贡献数据），"
                    "其他单位可较准确地推算最大单位的数据",
                    evidence=f"单位数={vd.count}；公布值={e.cell.text}", suggestion=remedies.DOMINANCE,
                    key=f"{m.view.number}|{vd.row}|{vd.col}|d")
        for h in a.prose:
            if isinstance(h, ShareStatement):
                yield from self._stated_in_text(ctx, h)

    def _stated_in_table(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """A column that states the largest unit's share (首位企业占比) or the top two's
        (前两位企业合计占比): the p% rule decides from the share alone when the rest is small."""
        p = self.kit.p
        pp, nk = p.p_percent, p.nk
        for col in v.columns:
            h = norm(col.header)
            top1 = _TOP1_SHARE.search(h)
            if not (top1 or _TOP2_SHARE.search(h)):
                continue
            for r, row in enumerate(v.rows):
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or not 0 < e.raw <= 100:
                    continue
                share = e.raw
                if top1:
                    fail = (100 - share) < pp / 100 * share or (nk is not None and nk_fails(share, nk.k, p))
                else:
                    fail = (100 - share) < pp / 100 * share / 2 or (nk is not None and nk.n <= 2 and nk_fails(share, nk.k, p))
                if fail:
                    yield self.finding(
                        ctx, e.cell.start, e.cell.end,
                        f"{v.name()}“{row.label.strip()}”的{col.header.strip()}为{e.cell.text}，其余单位合计不足{100 - share:.1f}%，"
                        "可据此推算最大单位的数据",
                        evidence=f"{col.header.strip()}={e.cell.text}", suggestion=remedies.DOMINANCE,
                        key=f"{v.number}|{row.key}|{norm(col.header)}|stated")

    def _stated_in_text(self, ctx: CheckContext, h: ShareStatement) -> Iterator[Finding]:
        """前两位分别占 s1、s2 / 最大企业占 s1 / 前 n 家合计占 s1."""
        p = self.kit.p
        pp, nk, s1, s2 = p.p_percent, p.nk, h.s1, h.s2
        if h.kind == "two":
            rest = 100 - s1 - s2
            if rest < pp / 100 * s1 or (nk is not None and nk.n <= 2 and nk_fails(s1 + (s2 if nk.n == 2 else 0), nk.k, p)):
                yield self._text(ctx, h, f"文中公布了最大两家单位的占比（{s1:g}%、{s2:g}%），其余单位合计仅占{rest:.1f}%，"
                                         "第二大单位可据此较准确地推算最大单位的数据", f"{s1:g}|{s2:g}")
        elif h.kind == "largest":
            # without x2: the remainder is at most 100 - s1, so p% fails for sure when that is small
            if (100 - s1) < pp / 100 * s1 or (nk is not None and nk_fails(s1, nk.k, p)):
                yield self._text(ctx, h, f"文中公布了最大单位的占比（{s1:g}%），其余单位合计不足{100 - s1:.1f}%，可据此推算该单位的数据",
                                 f"{s1:g}")
        elif nk is not None and h.n <= nk.n and nk_fails(s1, nk.k, p):
            yield self._text(ctx, h, f"文中公布了前{h.n}家单位的合计占比（{s1:g}%），集中度过高，可推算单个单位的数据",
                             f"{h.n}|{s1:g}")
        elif h.n == 2 and (100 - s1) < pp / 100 * s1 / 2:
            yield self._text(ctx, h, f"文中公布了前2家单位的合计占比（{s1:g}%），其余单位合计仅占{100 - s1:.1f}%，可推算单个单位的数据",
                             f"{h.n}|{s1:g}")

    def _text(self, ctx: CheckContext, h: ShareStatement, message: str, key: str) -> Finding:
        return self.finding(ctx, h.start, h.end, message, evidence=h.shown, suggestion=PROSE_FIX, key=key)
