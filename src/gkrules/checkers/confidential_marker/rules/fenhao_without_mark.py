"""fenhao-without-mark: a 6-digit 份号 in the head with no 密级 beside it (only 涉密公文 carry one)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit

SUGGESTION = "核实该文件的密级；确属非涉密文件的，发布前删除份号。"


class FenhaoWithoutMark(Rule):
    """版头首行有 6 位份号而无密级标志：只有涉密公文才标注份号，须核实文件是否涉密。"""

    id = "fenhao-without-mark"
    title = "有份号无密级"
    severity = Severity.WARN
    basis = basis.FENHAO
    tags = ("保密",)
    tests = ("tests/checkers/test_confidential_marker.py", "tests/test_benchmark_corpus.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        head = facts.head(self.kit.p.head_lines)
        f = head.fenhao
        if head.secrecy is None and f is not None and len(f.text) == 6:
            yield self.finding(
                ctx, f.start, f.end,
                f"文件版头有份号「{f.text}」但未见密级标志：按规定只有涉密公文才标注份号，请核实文件是否涉密",
                evidence=f.text, suggestion=SUGGESTION)
