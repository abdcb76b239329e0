"""annotation: the 附注 (（此件主动公开）) against GB/T 9704-2012 §7.3.6."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata import gbt9704
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit, signature_dates

SUGGESTION = "附注用全角圆括号括入，居左空二字，编排在成文日期下一行，如“（此件主动公开）”。"


class Annotation(Rule):
    """（此件主动公开）等附注没有用全角圆括号“（）”，或不在成文日期的下一行（中间隔了其他文字；
    提取文本中的空行不算）。"""

    id = "annotation"
    title = "附注格式或位置不规范"
    severity = Severity.INFO
    basis = basis.ANNOTATION
    tags = ("公文格式", "公开属性")
    tests = ("tests/test_document_format.py",)
    kit: Kit

    def _problems(self, a: gbt9704.Span, dates: list[gbt9704.Span], facts: DocumentFacts) -> list[str]:
        o, c = self.kit.p.annotation_brackets[0], self.kit.p.annotation_brackets[1]
        doc = facts.document
        problems = []
        text = a.text.strip()
        if not (text.startswith(o) and text.endswith(c)):
            problems.append(f"应使用全角圆括号“{o}{c}”")
        before = [d for d in dates if d.start < a.start]
        if before:
            date_line, a_line = doc.line_of(before[-1].start), doc.line_of(a.start)
            if any(doc.line_text(n).strip() for n in range(date_line + 1, a_line)):
                problems.append("应位于成文日期的下一行")
        elif any(d.start > a.start for d in dates):
            problems.append("应位于成文日期之后")
        return problems

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        dates = signature_dates(ctx)
        for a in facts.annotations:
            problems = self._problems(a, dates, facts)
            if problems:
                text = a.text.strip()
                yield self.finding(ctx, a.start, a.end, f"附注“{text}”不符合 GB/T 9704-2012：{'；'.join(problems)}",
                                   evidence=text, suggestion=SUGGESTION, key=text)
