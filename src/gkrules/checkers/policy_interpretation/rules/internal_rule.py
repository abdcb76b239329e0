"""internal-rule: the bureau's own work rule (正文只适用于本局、局机关) — not a policy that must
be interpreted, whatever its title ends with."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..classify import INTERNAL
from ..kit import Kit


class InternalRule(BatchRule):
    """正文的适用范围条款只涉及本局、局机关（且没有企业、调查对象等外部对象）的工作规则，
    如某局《政府信息公开工作实施细则》：不因标题以“细则”“办法”结尾而报缺少解读，改为提示按内部事务信息审查是否公开。
    编号带“规”或文件类型栏标明规范性文件的，不因适用范围条款算作内部规则。"""

    id = "internal-rule"
    title = "本机关内部工作规则：不是须解读的政策文件"
    severity = Severity.INFO
    basis = basis.INTERNAL_RULE
    tags = ("政策解读",)
    tests = ("tests/test_policy_interpretation.py", "tests/test_document_role.py", "tests/test_real_pages.py")
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        for index, role in enumerate(batch(ctx, self.kit).roles):
            if role.role != INTERNAL:
                continue
            doc = ctx.documents[index]
            start, end = role.span if role.span else (None, None)
            message = (f"本文件是本机关内部工作规则（{'；'.join(role.reasons)}）：规范的是本机关内部的工作程序，"
                       "不是须同步解读的政策文件；是否公开按内部事务信息审查（《政府信息公开条例》第十六条）")
            yield self.finding_in(ctx, index, start, end, message, evidence=(doc.metadata.title or doc.source)[:80],
                                  key=doc.metadata.title or doc.source)
