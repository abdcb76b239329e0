"""orphan-interpretation: an interpretation of the batch whose policy is neither in the batch
nor in the catalogue."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..kit import Kit

SUGGESTION = ("请核实所解读的政策文件已经发布，并在解读页面提供“原文链接”；政策原文尚未发布的，"
              "应与解读同批发布。已发布的原文可由发布系统通过目录（--catalog）提供。")


class OrphanInterpretation(BatchRule):
    """解读所解读的政策文件（按标题、发文字号、元数据 interprets 或链接对应）既不在本批次，
    也不在发布系统提供的已发布目录中；原文可能早已发布，需人工核对。"""

    id = "orphan-interpretation"
    title = "政策解读找不到所解读的政策文件"
    severity = Severity.INFO
    basis = basis.ORPHAN
    tags = ("政策解读",)
    tests = ("tests/test_policy_interpretation.py",)
    words = ("interpretation_titles", "named_interpretation_titles", "not_interpretation_titles")
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        b = batch(ctx, self.kit)
        for k, reading in enumerate(b.readings):
            if b.cited.get(k):
                continue
            assert reading.index is not None
            start, end = reading.span
            named = "、".join(f"《{r}》" for r in sorted(reading.refs)[:3]) or "（解读未写明所解读的文件）"
            yield self.finding_in(
                ctx, reading.index, start, end,
                f"本解读所解读的政策文件 {named} 既不在本批次中，也不在已发布目录中：无法核对政策原文是否已经发布",
                evidence=reading.label[:80], suggestion=SUGGESTION, key="|".join(sorted(reading.refs)))
