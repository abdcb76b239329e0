"""top-n-list (UI-06): a ranking list that gives each listed unit's figures."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..params import PublicSource
from ..prose import NamedFigure
from .named_unit import NamedUnit


class TopNList(NamedUnit):
    """UI-06。排名名单（“营业收入居前三位”“十强企业”，名单标题之后 ranking_window_lines 行内
    ，或表题为排名的表格）逐一列出单位名称及数值。"""

    id = "top-n-list"
    title = "排名名单公布各单位数据"
    severity = Severity.BLOCK
    basis = basis.NAMED
    tags = ("统计保密", "UI-06")
    words = ("org_suffixes", "indicators")
    tests = ("tests/unit_identifiability/test_prose.py", "tests/unit_identifiability/test_unseen_documents.py")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        yield from self.named(facts, ctx)

    @staticmethod
    def chooses(public: PublicSource | None, ranked: bool) -> bool:
        return public is None and ranked

    @staticmethod
    def text_message(h: NamedFigure) -> str:
        return f"排名名单点名“{h.name}”并公布其数据（{h.figure}），属于可以识别单个调查对象的资料"
