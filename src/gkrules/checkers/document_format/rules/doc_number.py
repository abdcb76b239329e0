"""doc-number: the document's own 发文字号 against GB/T 9704-2012 §7.2.5.

Only the document's own number is judged: the header field metadata extraction read, or a line
under the masthead that is nothing but a number. Numbers of other documents cited in the text
(根据……（三府办函[2023]112号）) are someone else's formatting.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata import gbt9704
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit

SUGGESTION = "发文字号由发文机关代字、年份（用六角括号〔〕括入）和序号组成，如“青统字〔2024〕6号”。"


class DocNumber(Rule):
    """本文件自己的发文字号（元数据栏或版头下的文号行）年份没有用六角括号〔〕（用了【】、[]、()、（）），
    序号前加“第”，或序号编虚位（01号）。执法文书（机关代字含罚、决字、执法、检查）按执法文书格式，不检查；
    正文中援引的其他文件的文号不检查。"""

    id = "doc-number"
    title = "发文字号格式不规范"
    severity = Severity.INFO
    basis = basis.DOC_NUMBER
    tags = ("公文格式",)
    tests = ("tests/test_document_format.py",)
    kit: Kit

    def _problems(self, m: re.Match[str]) -> list[str]:
        problems: list[str] = []
        if any(rx.search(m.group("org")) for rx in self.kit.exempt):
            return problems
        o, c = self.kit.p.doc_number_brackets[0], self.kit.p.doc_number_brackets[1]
        if m.group("open") != o or m.group("close") != c:
            problems.append(f"年份应使用六角括号{o}{c}，不应使用“{m.group('open')}{m.group('close')}”")
        if m.group("di"):
            problems.append("序号前不应加“第”")
        if m.group("num").startswith("0"):
            problems.append(f"序号不应编虚位（应为“{int(m.group('num'))}号”）")
        return problems

    def _spans(self, facts: DocumentFacts) -> dict[int, tuple[int, int]]:
        """The spans of the document's own number, one per line: the header field, and the
        number line under the masthead (GB/T 9704 layout) when the header gave another."""
        meta = facts.metadata
        spans: dict[int, tuple[int, int]] = {}
        if "doc_number" in meta.spans:
            s, e = meta.spans["doc_number"]
            spans[facts.line_of(s)] = (s, e)
        for s, _e, line in gbt9704.split_lines(facts.text, self.kit.p.head_lines):
            stripped = line.strip()
            # a whole line that is a number ends in 号 (the cheap test first: most lines do not)
            m = gbt9704.DOC_NUMBER.fullmatch(stripped) if stripped.endswith("号") else None
            if m:
                start = s + line.find(stripped)
                spans.setdefault(facts.line_of(start), (start, start + len(stripped)))
        return spans

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        meta = facts.metadata
        spans = self._spans(facts)
        if not spans and meta.doc_number and meta.sources.get("doc_number") in ("sidecar", "host"):
            m = gbt9704.DOC_NUMBER.search(meta.doc_number)
            if m and (problems := self._problems(m)):
                yield self._finding(ctx, meta.doc_number, problems, None, None)
            return
        for s, e in spans.values():
            value = facts.text[s:e]
            m = gbt9704.DOC_NUMBER.search(value)
            if m and (problems := self._problems(m)):
                yield self._finding(ctx, value, problems, s + m.start(), s + m.end())

    def _finding(self, ctx: CheckContext, value: str, problems: list[str], start: int | None,
                 end: int | None) -> Finding:
        return self.finding(ctx, start, end, f"发文字号“{value.strip()}”不符合 GB/T 9704-2012：{'；'.join(problems)}",
                            evidence=value.strip(), suggestion=SUGGESTION, key=value)
