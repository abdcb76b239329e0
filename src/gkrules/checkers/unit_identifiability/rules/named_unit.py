"""named-unit (UI-04): a named survey respondent with its own survey figures, in the text or in
a table row. The rules of the same finding in a ranking list (top-n-list) and of an allow-listed
public source (named-unit-public) are this class with another choice and wording."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses
from ..kit import Kit
from ..params import PublicSource
from ..prose import NamedFigure
from ..table_names import NamedRow

NAMED_FIX = ("删除单位名称，改为“N家重点企业合计”（N 足够大且无单家企业占主导）；如确为企业自行公开的数据，"
             "请注明公开来源并登记到允许清单。")


class NamedUnit(Rule):
    """UI-04。正文或表格点名单位（“××有限公司”等）并公布其产值、营业收入、增速、比重、排名数值或对增长的拉动：表格
    中单位名称占满名称单元格且同一行有调查指标的数值；正文中名称之后、下一个名称之前有调查指标及其数值。执法检查与处罚结
    果、文中注明由企业自行公开（公告、官方网站）的数据不在此列；“受X影响，全市……下降”中的数据不属于X。"""

    id = "named-unit"
    title = "点名单位并公布其调查数据"
    severity = Severity.BLOCK
    basis = basis.NAMED
    tags = ("统计保密", "UI-04")
    words: ClassVar[tuple[str, ...]] = ("org_suffixes", "org_suffix_followers", "generic_org_words", "category_names", "indicators",
             "self_published_words", "enforcement_words")
    tests: ClassVar[tuple[str, ...]] = ("tests/unit_identifiability/test_prose.py",
                                        "tests/unit_identifiability/test_tables.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        yield from self.named(facts, ctx)

    @staticmethod
    def chooses(public: PublicSource | None, ranked: bool) -> bool:
        """Whether a named unit with figures is this rule's (not allow-listed, not in a ranking)."""
        return public is None and not ranked

    @staticmethod
    def text_message(h: NamedFigure) -> str:
        return f"文中点名“{h.name}”并公布其数据（{h.figure}），属于可以识别单个调查对象的资料"

    def named(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        """Table rows first, then the text: the named units with figures this rule chooses."""
        a = analyses(facts, ctx, self.kit)
        for n in a.table_names.named:
            if self.chooses(n.public, n.ranked):
                yield self._row(ctx, n)
        for h in a.prose:
            if isinstance(h, NamedFigure) and self.chooses(h.public, h.ranked):
                yield self.finding(ctx, h.start, h.end, self.text_message(h), evidence=f"{h.name}：{h.figure}",
                                   suggestion=NAMED_FIX, key=f"{h.name}|{h.figure}")

    def _row(self, ctx: CheckContext, n: NamedRow) -> Finding:
        o, figs = n.org, n.figures
        return self.finding(ctx, o.start, o.end,
                            f"{n.view.name()}逐行列出单位名称及其数据（“{o.name}”：{figs[0]}），属于可以识别单个调查对象的资料",
                            evidence=f"{o.name}：" + "；".join(figs[:3]), suggestion=NAMED_FIX, key=f"{o.name}|{figs[0]}")
