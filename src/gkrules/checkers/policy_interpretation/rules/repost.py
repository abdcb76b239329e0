"""repost: a policy of another organ reposted here — its interpretation is the drafting organ's
duty (谁起草、谁解读), so this page is not reported for lacking one."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import BatchContext
from gkrules.metadata.role import origin_of
from gkrules.model import Finding, Severity
from gkrules.rule import BatchRule

from .. import basis
from ..batch import batch
from ..classify import REPOST
from ..kit import Kit


class Repost(BatchRule):
    """从内容认出的转发、转载（标题或正文写明转发，来源栏是其他机关，国务院或国家统计局文号出现在地方网站），
    且所转载的是政策文件（文种或规范性文件编号）：不再报缺少解读，改为提示解读由制发机关负责，
    转载时宜同时转载或链接制发机关的解读材料。"""

    id = "repost"
    title = "转载其他机关的政策文件：解读由制发机关负责"
    severity = Severity.INFO
    basis = basis.REPOST
    tags = ("政策解读",)
    tests = ("tests/test_policy_interpretation.py", "tests/test_document_role.py", "tests/test_real_pages.py")
    kit: Kit

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        for index, role in enumerate(batch(ctx, self.kit).roles):
            if role.role != REPOST:
                continue
            doc = ctx.documents[index]
            start, end = role.span if role.span else (None, None)
            origin = origin_of(doc.text, doc.metadata.title)
            maker = f"制发机关（{origin}）" if origin else "制发机关"
            message = (f"本文件是转发或转载的其他机关的政策文件（{'；'.join(role.reasons)}）：按照“谁起草、谁解读”，"
                       f"政策解读由{maker}负责发布，转载网站不必另行解读；转载时宜同时转载或链接制发机关发布的解读材料")
            yield self.finding_in(ctx, index, start, end, message, evidence=(doc.metadata.title or doc.source)[:80],
                                  key=doc.metadata.title or doc.source)
