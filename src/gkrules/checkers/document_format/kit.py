"""What the document-format rules compile once per engine, and the signature dates two of them
read (computed once per document)."""

from __future__ import annotations

import re

from gkrules.context import CheckContext, CheckerSetup
from gkrules.errors import RulesetError
from gkrules.metadata import gbt9704

from .params import DocumentFormatParams

# a signing organ's line is short: a longer line above a date is text, not a signature
_ORG_LINE_MAX = 30


class Kit:
    def __init__(self, setup: CheckerSetup):
        p: DocumentFormatParams = setup.params or DocumentFormatParams()
        self.p = p
        try:
            self.date_ok = re.compile(p.formed_date_pattern)
            self.exempt = tuple(re.compile(x) for x in p.exempt_number_patterns)
        except re.error as exc:
            raise RulesetError(f"document-format 参数中的正则表达式无效：{exc}") from None


def signature_dates(ctx: CheckContext) -> list[gbt9704.Span]:
    """The date lines that sign the document (after the signing organ's line, or on it), read
    by formed-date and annotation: computed once per document."""
    return ctx.facts.shared("document-format/signature-dates", lambda: _signature_dates(ctx))


def _signature_dates(ctx: CheckContext) -> list[gbt9704.Span]:
    out = []
    lines = ctx.document
    for span in ctx.facts.date_lines:
        line_no = lines.line_of(span.start)
        ls, _ = lines.line_span(line_no)
        if ctx.text[ls:span.start].strip():  # "青梧市统计局    2024年5月6日" on one line
            out.append(span)
            continue
        prev = line_no - 1
        while prev >= 1 and not lines.line_text(prev).strip():
            prev -= 1
        if prev >= 1:
            above = lines.line_text(prev).strip()
            if len(above) <= _ORG_LINE_MAX and gbt9704.SIGNATURE_ORG.search(above):
                out.append(span)
    return out
