"""no-formation-date: a formal release item (a 发文字号 or a 公开属性) with no date to start
its period from."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analysis import analysis
from ..kit import Kit

SUGGESTION = "在文件中写明成文日期，或在元数据（<文件>.meta.json 的 formed）中提供"


class NoFormationDate(Rule):
    """有发文字号或公开属性的文件，其本身及元数据中都没有成文日期（或变更日期、处罚决定日期），
    无法判断是否按时公开。没有日期的新闻、表格、片段不报告；有日期栏而写错的按 `unparseable-date` 报告。"""

    id = "no-formation-date"
    title = "没有成文日期，无法判断时限"
    severity = Severity.INFO
    basis = basis.DATES
    tags = ("发布时限",)
    tests = ("tests/test_release_deadline.py",)
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analysis(facts, ctx, self.kit)
        if a is None or a.dates.start is not None or not self.kit.params.report_missing_formation:
            return
        # said only of a formal release item: an undated snippet, news item or table is not
        # worth an "I cannot tell"
        meta = ctx.metadata
        if (meta.doc_number is not None or meta.disclosure is not None) and not a.dates.problems:
            yield self.finding(
                ctx, message=(f"未找到成文日期（或变更日期、处罚决定日期），无法判断是否在"
                              f"{self.kit.params.default_workdays}个工作日内公开"),
                suggestion=SUGGESTION, key="")
