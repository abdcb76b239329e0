"""excerpt-interpretation: an interpretation that mostly copies its policy, word for word."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..kit import Kit
from ..overlap import copied_share

SUGGESTION = ("解读应说明出台背景和依据、目标任务、主要内容、适用范围、关键词诠释、惠民利民举措及与原政策相比的变化，"
              "不应是原文的摘抄或压缩。")


class ExcerptInterpretation(BatchRule):
    """解读正文（不含标题）去掉标点和空白后，落在与政策原文逐字相同的连续 `excerpt_run_chars`（默认 8）字片段里的
    比例超过 `max_excerpt_ratio`（默认 80%），且正文不少于 `min_excerpt_chars`（默认 60）字。
    只对同一批次中的政策与解读判断（目录里没有原文）。"""

    id = "excerpt-interpretation"
    title = "政策解读主要是原文摘抄"
    severity = Severity.WARN
    basis = basis.EXCERPT
    tags = ("政策解读", "解读质量")
    tests = ("tests/test_policy_interpretation.py",)
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        b = batch(ctx, self.kit)
        p = self.kit.p
        for k, item in enumerate(b.readings):
            for target, _how in b.cited.get(k, ()):
                if not (target.in_batch and target.text is not None and item.text is not None):
                    continue
                assert item.index is not None
                body = item.text
                if item.role.span:
                    body = item.text[:item.role.span[0]] + item.text[item.role.span[1]:]
                share, length = copied_share(body, target.text, p.excerpt_run_chars)
                if length < p.min_excerpt_chars or share <= p.max_excerpt_ratio:
                    continue
                start, end = item.span
                yield self.finding_in(
                    ctx, item.index, start, end,
                    f"本解读约 {share:.0%} 的文字与政策文件《{target.label}》原文逐字相同，主要是原文的摘抄或压缩"
                    f"（规则集上限 {p.max_excerpt_ratio:.0%}），未起到解读作用",
                    evidence=item.label[:80], suggestion=SUGGESTION, key=min(target.names, default=target.label))
