"""small-cell (UI-01): a category of 1 to min_units−1 units whose figures the document publishes.

The one place that reports it, whichever way the count was found: a count column of the row
(or of one column group), the same label in another table, a count row of a long-format
table, or the unit-level contributions given as side input."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from attrs import frozen

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Cell, Finding, Severity
from gkrules.rule import Rule

from .. import basis, remedies
from ..analyses import MatchedVerdict, TableFacts, analyses, small_count
from ..kit import Kit
from ..tables import TableView, norm

#: the figures a row publishes, by row label: (table, row, figures)
_ByLabel = dict[str, list[tuple[TableView, int, tuple[str, ...]]]]


@frozen
class SmallCellPlace:
    """Where a small cell was found, and how its count is known."""

    #: row: the row's count column; group: one column group's count; joined: the count stands
    #: in another table (``counted_in``); column: a count row (``counted_in``: its label) of a
    #: long-format table; contributions / zero: the unit-level contributions
    place: Literal["row", "group", "joined", "column", "contributions", "zero"]
    #: 表N“类别”, as the reviewer finds it
    where: str
    n: int
    counted_in: str = ""


class SmallCell(Rule):
    """UI-01。类别只有 1～min_units−1 个单位，且公布了该类别的总量、速度或比重：同一行；或按行标签关联的
    另一张表；或分组表头下同一组的数据；或单位贡献数据显示的单位数（zeros_disclosive 时零单位也算）；或
    “指标 | 单位 | 数值”竖表中单位数行所在的那一列。只公布单位数不报告。"""

    id = "small-cell"
    title = "单位数过少的类别公布了数据"
    severity = Severity.BLOCK
    basis = basis.AGGREGATE
    tags = ("统计保密", "UI-01")
    words = ("count_headers", "unit_nouns", "total_labels")
    tests = ("tests/unit_identifiability/test_tables.py", "tests/unit_identifiability/test_contributions.py",
             "tests/unit_identifiability/test_real_tables.py")
    kit: Kit

    @staticmethod
    def message(c: SmallCellPlace) -> str:
        """The wording family of every small cell, by the place its count was found."""
        infer = "可直接推断单个调查对象的数据"
        if c.place in ("row", "group"):
            return f"{c.where}只有{c.n}个单位，却公布了该类别的数据，{infer}"
        if c.place == "joined":
            return f"{c.where}的数据只来自{c.n}个单位（单位数见{c.counted_in}），{infer}"
        if c.place == "column":
            return f"{c.where}一列的{c.counted_in}只有{c.n}个，却公布了同一列的其他数据，{infer}"
        if c.place == "contributions":
            return f"{c.where}只由{c.n}个单位构成（据单位贡献数据），{infer}"
        return f"{c.where}没有任何单位（据单位贡献数据），公布零值单元格也会泄露信息"

    def report(self, ctx: CheckContext, cell: Cell, c: SmallCellPlace, evidence: str, key: str) -> Finding:
        return self.finding(ctx, cell.start, cell.end, self.message(c), evidence=evidence,
                            suggestion=remedies.SMALL_CELL, key=key)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        a = analyses(facts, ctx, self.kit)
        if self.kit.p.check_tables:
            read = a.tables
            by_label: _ByLabel = {}
            for t in read:
                for r, row in enumerate(t.rows):
                    if row.figures and t.view.rows[r].key:
                        by_label.setdefault(t.view.rows[r].key, []).append((t.view, r, row.figures))
            for t in read:
                if len(t.groups) > 1:
                    yield from self._groups(ctx, t)
                else:
                    yield from self._rows(ctx, t, by_label)
                yield from self._count_rows(ctx, t.view)
        given = a.contributions
        for m in given.matched if given is not None else ():
            yield from self._contributed(ctx, m)

    def _rows(self, ctx: CheckContext, t: TableFacts, by_label: _ByLabel) -> Iterator[Finding]:
        """A row's count column; without figures in the row, the same label's in another table."""
        v = t.view
        for r, row in enumerate(t.rows):
            n, main = row.n, row.main
            if n is None or main is None or not small_count(n, self.kit.p):
                continue
            label, key = v.rows[r].label.strip(), v.rows[r].key
            cell = v.entry(r, main.index).cell
            if row.figures:
                yield self.report(ctx, cell, SmallCellPlace("row", f"{v.name()}“{label}”", n),
                                  f"{main.header.strip()}={n}；" + "；".join(row.figures[:4]), f"{v.number}|{key}|{n}")
                continue
            joined = [(w, wr, f) for w, wr, f in by_label.get(key, ()) if w is not v]
            if joined:
                w, wr, f = joined[0]
                c2 = w.rows[wr].label_cell or cell
                yield self.report(ctx, c2, SmallCellPlace("joined", f"{w.name()}“{w.rows[wr].label.strip()}”", n, v.name()),
                                  f"{v.name()} {main.header.strip()}={n}；" + "；".join(f[:4]), f"{w.number}|{key}|{n}")

    def _groups(self, ctx: CheckContext, t: TableFacts) -> Iterator[Finding]:
        """Several column groups, each with its count column: each group's count on its own."""
        v = t.view
        for r, row in enumerate(v.rows):
            for g in t.groups:
                col = g.counts[0]
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or e.raw != int(e.raw) or not small_count(int(e.raw), self.kit.p):
                    continue
                published = [f"{f.header.strip()}={v.entry(r, f.index).cell.text}" for f in g.figures
                             if v.entry(r, f.index).kind == "number"]
                if not published:
                    continue
                n = int(e.raw)
                yield self.report(ctx, e.cell, SmallCellPlace("group", f"{v.name()}“{row.label.strip()}”（{g.name}）", n),
                                  f"{col.header.strip()}={n}；" + "；".join(published[:4]),
                                  f"{v.number}|{row.key}|{g.name}|{n}")

    def _count_rows(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """Long-format tables: a column whose unit-count row is small publishes that small
        group's figures in its other rows."""
        for r in v.count_rows:
            label = v.rows[r].label.strip()
            for col in v.columns:
                if col.role not in ("magnitude", "count"):
                    continue
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or e.raw != int(e.raw) or not small_count(int(e.raw), self.kit.p):
                    continue
                figs = [f"{v.rows[q].label.strip()}={v.entry(q, col.index).cell.text}" for q in range(len(v.rows))
                        if q not in v.count_rows and v.entry(q, col.index).kind == "number"]
                if not figs:
                    continue
                n = int(e.raw)
                yield self.report(ctx, e.cell, SmallCellPlace("column", f"{v.name()}“{col.header.strip() or label}”", n, label),
                                  f"{label}={n}；" + "；".join(figs[:4]),
                                  f"{v.number}|{norm(col.header)}|{v.rows[r].key}|{n}")

    def _contributed(self, ctx: CheckContext, m: MatchedVerdict) -> Iterator[Finding]:
        """A published cell the contributions show to have too few units (or none)."""
        v, r, col, vd = m.view, m.r, m.col, m.verdict
        e = v.entry(r, col.index)
        if e.kind != "number":
            return
        where = f"{v.name()}“{v.rows[r].label.strip()}/{col.header.strip()}”"
        if vd.threshold_fail and vd.count >= 1:
            yield self.report(ctx, e.cell, SmallCellPlace("contributions", where, vd.count),
                              f"单位数={vd.count}；公布值={e.cell.text}", f"{v.number}|{vd.row}|{vd.col}|n")
        elif vd.zero_fail:
            yield self.report(ctx, e.cell, SmallCellPlace("zero", where, 0),
                              f"单位数=0；公布值={e.cell.text}", f"{v.number}|{vd.row}|{vd.col}|0")
