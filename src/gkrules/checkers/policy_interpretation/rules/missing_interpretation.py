"""missing-interpretation: a policy of the batch that no interpretation, in the batch or the
catalogue, cites."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..kit import Kit

SUGGESTION = ("请将解读材料（文字解读、政策问答、一图读懂、答记者问等）与本文件同批审签、同步发布；"
              "解读已在网站发布的，请由发布系统通过目录（--catalog）提供，或在解读的元数据中以 interprets "
              "指明本文件。确属无须解读的文件，可在元数据中写明 kind（如 notice、other）。")


class MissingInterpretation(BatchRule):
    """规章、行政规范性文件（××规〔年份〕序号、文件类型栏）和办法、规定、细则、意见等政策文件，
    在本批次和已发布目录中都找不到解读；意见写明为什么认定是须解读的政策文件。发给本机关内设机构的工作要点、
    实施方案、制度，成立领导小组、转发类通知，统计公报、新闻等不需要解读（分类规则见下文）。"""

    id = "missing-interpretation"
    title = "政策文件未同步发布政策解读"
    severity = Severity.BLOCK
    basis = basis.MISSING
    tags = ("政策解读", "三同步")
    tests = ("tests/test_policy_interpretation.py", "tests/test_document_role.py", "tests/test_cms_pages.py",
             "tests/test_redteam_documents.py")
    words = ("policy_doctypes", "normative_categories", "internal_addressees", "public_addressees",
             "exempt_titles", "internal_titles")
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        b = batch(ctx, self.kit)
        where = "本批次和已发布目录中均" if ctx.catalog else "本批次中（未提供已发布目录）"
        for k, policy in enumerate(b.policies):
            if k in b.covered:
                continue
            assert policy.index is not None
            start, end = policy.span
            yield self.finding_in(
                ctx, policy.index, start, end,
                f"本文件属于须同步解读的政策文件（{'；'.join(policy.role.reasons)}），但{where}未找到它的政策解读："
                "按照“谁起草、谁解读”和“三同步”要求，政策文件与解读材料应同步审签、同步发布",
                evidence=policy.label[:80], suggestion=SUGGESTION, key=min(policy.names, default=policy.label))
