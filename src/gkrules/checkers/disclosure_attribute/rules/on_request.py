"""on-request: a document whose attribute is 依申请公开, about to be published on the web."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..kit import ON_REQUEST

SUGGESTION = ("依申请公开的信息只向申请人提供，不在网站主动发布。确需主动公开的，应重新审定公开属性"
              "（改为主动公开并修改附注或公开方式栏）后再发布。")


class OnRequest(DisclosureRule):
    """公开属性为依申请公开（附注（此件依申请公开）、公开方式/公开形式栏或发布系统元数据），文件却要在网站主动发布：
    须先重新审定公开属性。正文里讲到“依申请公开”（政务公开指南、年度报告、以依申请公开办理情况为题的报告）不算；
    另有一处写明不予公开时只报更严的 withheld。"""

    id = "on-request"
    title = "依申请公开的文件在待发布文件中"
    severity = Severity.WARN
    basis = basis.ON_REQUEST
    tags = ("公开属性",)
    words = ("on_request_words",)
    tests = ("tests/test_disclosure_attribute.py", "tests/test_redteam_documents.py")
    situation = "known"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        a = disclosure(facts, self.kit).restricted
        if a is not None and a.value == ON_REQUEST:
            return (self.finding(
                ctx, a.start, a.end,
                f"{a.where}表明本文件属于依申请公开，却在待发布的文件中：依申请公开的信息只向申请人提供，主动发布前须重新审定公开属性",
                evidence=a.raw, suggestion=SUGGESTION, key=a.raw),)
        return ()
