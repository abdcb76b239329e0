"""normative-withheld: a 行政规范性文件 whose attribute is 不予公开 (it must be published)."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..kit import WITHHELD

SUGGESTION = "请重新审定公开属性：行政规范性文件应主动公开。"


class NormativeWithheld(DisclosureRule):
    """行政规范性文件（发文字号为××规〔年份〕序号，或文件类型、文件类别栏标明规范性文件）被定为不予公开：
    依据国办发〔2018〕37号，行政规范性文件必须公开发布，不得以内部文件形式印发，未经公布的不得作为行政管理依据。"""

    id = "normative-withheld"
    title = "行政规范性文件被定为不予公开"
    severity = Severity.BLOCK
    basis = basis.NORMATIVE
    tags = ("公开属性", "规范性文件")
    words = ("withheld_words", "normative_categories")
    tests = ("tests/test_disclosure_attribute.py",)
    situation = "known"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        a = d.restricted
        if a is None or a.value != WITHHELD:
            return ()
        why = d.normative()
        if why:
            return (self.finding(
                ctx, a.start, a.end,
                f"{a.where}将本文件定为不予公开，但本文件是行政规范性文件（{why}）：行政规范性文件必须公开发布，"
                "不得以内部文件形式印发，未经公布的不得作为行政管理依据",
                evidence=a.raw, suggestion=SUGGESTION, key=a.raw),)
        return ()
