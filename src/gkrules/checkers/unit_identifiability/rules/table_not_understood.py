"""table-not-understood (UI-13): what looks like a table of counts but was not read (not checked)."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..analyses import analyses
from ..kit import Kit
from ..tables import mentions_counts


class TableNotUnderstood(Rule):
    """UI-13。看起来是表格却未能读懂、因而没有做小单元格检查的内容：表题或表头提到单位数（单位数、企业数、法人单位、单
    位:个……）、多行多个数字，但没有识别出单位数列或单位数行的表格；每行一个单元格的文本（网页表格转成文字后的样子）中
    找不到行列规律的一段数字。意见给出位置和缺少什么，审核人员据此人工核对，gkrules 不会把没读懂的表格当作“未发
    现问题”。"""

    id = "table-not-understood"
    title = "看起来是表格但未能读懂（未检查，提示）"
    severity = Severity.INFO
    basis = basis.REVIEW
    tags = ("统计保密", "UI-13")
    words = ("count_headers",)
    tests = ("tests/unit_identifiability/test_real_tables.py", "tests/unit_identifiability/test_table_shapes.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        if not self.kit.p.check_tables:
            return
        for v in analyses(facts, ctx, self.kit).views:
            if v.count_columns or v.count_rows:
                continue
            numeric_rows = sum(1 for r in v.entries if sum(1 for e in r if e.kind == "number") >= 2)
            if numeric_rows < 3 or not mentions_counts(v.caption + "".join(c.header for c in v.columns)):
                continue
            t = v.table
            yield self.finding(ctx, t.start, min(t.end, t.start + 40),
                               f"{v.name()}的表头提到单位数，但未能识别单位数所在的列，本表未做小单元格检查",
                               evidence="缺少：单位数列", key=f"{v.number}|cols")
        # runs of one-cell lines with numbers that the loader could not read as a table
        for b in facts.document.blocks:
            if b.kind == "unread-table":
                yield self.finding(ctx, b.start, min(b.end, b.start + 40),
                                   "此处内容看起来是每行一个单元格的表格（含多个数字），未能识别其行列结构，其中的单位数未做小单元格检查",
                                   evidence="缺少：行列结构", key=f"lines|{b.start}")
