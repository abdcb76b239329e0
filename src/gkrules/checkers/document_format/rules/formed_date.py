"""formed-date: the signature 成文日期 against GB/T 9704-2012 §7.3.5.4."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata import gbt9704
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit, signature_dates

SUGGESTION = "成文日期写作如“2025年7月8日”。"


class FormedDate(Rule):
    """落款的成文日期不是“2025年7月8日”的形式：汉字数字（二〇二一年九月二十二日）、短横线（2024-07-08）、
    编虚位（07月）。网站元数据栏中的“成文日期：2023-08-08”是门户的著录格式，不是公文本身的成文日期，不检查。"""

    id = "formed-date"
    title = "成文日期格式不规范"
    severity = Severity.INFO
    basis = basis.FORMED_DATE
    tags = ("公文格式",)
    tests = ("tests/test_document_format.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        for d in signature_dates(ctx):
            value = gbt9704.squeeze(d.text)
            if self.kit.date_ok.fullmatch(value):
                continue
            yield self.finding(
                ctx, d.start, d.end,
                f"成文日期“{d.text.strip()}”不符合 GB/T 9704-2012：应使用阿拉伯数字，年份写全，月、日不编虚位",
                evidence=d.text.strip(), suggestion=SUGGESTION, key=value)
