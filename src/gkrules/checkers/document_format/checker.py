"""document-format: GB/T 9704-2012 points that inspections cite (info by default).

Only the document's own elements are judged: its 发文字号 (the header field or the number
line under the masthead), its signature 成文日期 and its 附注. Numbers of other documents
cited in the text (根据……（三府办函[2023]112号）) are someone else's formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.errors import RulesetError
from gkrules.metadata import gbt9704
from gkrules.model import Finding

from .params import DocumentFormatParams

_ORG_LINE_MAX = 30


class DocumentFormatChecker:
    def __init__(self, setup: CheckerSetup):
        p: DocumentFormatParams = setup.params or DocumentFormatParams()
        self.p = p
        try:
            self.date_ok = re.compile(p.formed_date_pattern)
            self.exempt = tuple(re.compile(x) for x in p.exempt_number_patterns)
        except re.error as exc:
            raise RulesetError(f"document-format 参数中的正则表达式无效：{exc}") from None

    # -- 发文字号 -----------------------------------------------------------------------------

    def _number_problems(self, m: re.Match) -> list[str]:
        problems: list[str] = []
        if any(rx.search(m.group("org")) for rx in self.exempt):
            return problems
        o, c = self.p.doc_number_brackets[0], self.p.doc_number_brackets[1]
        if m.group("open") != o or m.group("close") != c:
            problems.append(f"年份应使用六角括号{o}{c}，不应使用“{m.group('open')}{m.group('close')}”")
        if m.group("di"):
            problems.append("序号前不应加“第”")
        if m.group("num").startswith("0"):
            problems.append(f"序号不应编虚位（应为“{int(m.group('num'))}号”）")
        return problems

    def _numbers(self, ctx: CheckContext) -> Iterator[Finding]:
        doc, meta = ctx.document, ctx.metadata
        spans: dict[int, tuple[int, int]] = {}
        if "doc_number" in meta.spans:
            s, e = meta.spans["doc_number"]
            spans[doc.line_of(s)] = (s, e)
        # the number line under the masthead (GB/T 9704 layout), when the header gave another
        for s, _e, line in gbt9704.split_lines(ctx.text, self.p.head_lines):
            stripped = line.strip()
            # a whole line that is a number ends in 号 (the cheap test first: most lines do not)
            m = gbt9704.DOC_NUMBER.fullmatch(stripped) if stripped.endswith("号") else None
            if m:
                start = s + line.find(stripped)
                spans.setdefault(doc.line_of(start), (start, start + len(stripped)))
        if not spans and meta.doc_number and meta.sources.get("doc_number") in ("sidecar", "host"):
            m = gbt9704.DOC_NUMBER.search(meta.doc_number)
            if m and (problems := self._number_problems(m)):
                yield self._number_finding(ctx, meta.doc_number, problems, None, None)
            return
        for s, e in spans.values():
            value = ctx.text[s:e]
            m = gbt9704.DOC_NUMBER.search(value)
            if m and (problems := self._number_problems(m)):
                yield self._number_finding(ctx, value, problems, s + m.start(), s + m.end())

    def _number_finding(self, ctx: CheckContext, value: str, problems: list[str], s, e) -> Finding:
        return ctx.finding(
            "doc-number", s, e, f"发文字号“{value.strip()}”不符合 GB/T 9704-2012：{'；'.join(problems)}",
            evidence=value.strip(), suggestion="发文字号由发文机关代字、年份（用六角括号〔〕括入）和序号组成，"
                                               "如“青统字〔2024〕6号”。", key=value)

    # -- 成文日期 ------------------------------------------------------------------------------

    def _signature_dates(self, ctx: CheckContext) -> list[gbt9704.Span]:
        """Date lines that sign the document: after the signing organ's line, or on it."""
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

    def _dates(self, ctx: CheckContext, dates: list[gbt9704.Span]) -> Iterator[Finding]:
        for d in dates:
            value = gbt9704.squeeze(d.text)
            if self.date_ok.fullmatch(value):
                continue
            yield ctx.finding(
                "formed-date", d.start, d.end,
                f"成文日期“{d.text.strip()}”不符合 GB/T 9704-2012：应使用阿拉伯数字，年份写全，月、日不编虚位",
                evidence=d.text.strip(), suggestion="成文日期写作如“2025年7月8日”。", key=value)

    # -- 附注 ------------------------------------------------------------------------------------

    def _annotations(self, ctx: CheckContext, dates: list[gbt9704.Span]) -> Iterator[Finding]:
        doc = ctx.document
        o, c = self.p.annotation_brackets[0], self.p.annotation_brackets[1]
        for a in ctx.facts.annotations:
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
            if problems:
                yield ctx.finding(
                    "annotation", a.start, a.end,
                    f"附注“{text}”不符合 GB/T 9704-2012：{'；'.join(problems)}",
                    evidence=text, suggestion="附注用全角圆括号括入，居左空二字，编排在成文日期下一行，如“（此件主动公开）”。",
                    key=text)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from self._numbers(ctx)
        dates = self._signature_dates(ctx)
        yield from self._dates(ctx, dates)
        yield from self._annotations(ctx, dates)
