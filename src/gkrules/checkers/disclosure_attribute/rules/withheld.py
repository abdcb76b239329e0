"""withheld: a document whose attribute is 不予公开, among the documents to be published."""

from __future__ import annotations

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..analysis import DisclosureRule, disclosure
from ..kit import WITHHELD

SUGGESTION = ("公开属性为不予公开的文件不得在网站发布。确需公开的，应先由拟稿单位和政务公开机构重新审定公开属性、"
              "履行保密审查，改为主动公开后再发布。")


class Withheld(DisclosureRule):
    """公开属性为不予公开，文件却在待发布的文件中：附注（此件不予公开）（含旧称“不公开”“免予公开”，以及“不宜公开”
    “不对外公开”“不在网上公开”等同义说法）、网站公开属性栏或发布系统元数据标明不予公开。一份文件有多处写明时只报一次，
    落在正文中第一次写明的位置；只有发布系统元数据写明时不落在某一行。
    行政规范性文件被定为不予公开时报告 normative-withheld，不报本规则。"""

    id = "withheld"
    title = "不予公开的文件在待发布文件中"
    severity = Severity.BLOCK
    basis = basis.WITHHELD
    tags = ("公开属性", "单项否决")
    words = ("withheld_words",)
    tests = ("tests/test_disclosure_attribute.py", "tests/test_redteam_documents.py")
    situation = "known"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        d = disclosure(facts, self.kit)
        a = d.restricted
        if a is None or a.value != WITHHELD or d.normative() is not None:
            return ()
        return (self.finding(ctx, a.start, a.end,
                             f"{a.where}表明本文件不予公开，却在待发布的文件中：公开属性为不予公开的文件不得公开发布",
                             evidence=a.raw, suggestion=SUGGESTION, key=a.raw),)
