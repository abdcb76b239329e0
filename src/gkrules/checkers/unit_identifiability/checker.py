"""unit-identifiability: published statistics from which a single respondent can be
identified or inferred (统计法第二十八条、实施条例第二十九条).

Per document: read every table (tables.py), apply the primary rules to what the tables
publish (small cells, whole-group attributes, named units in rows) and to the unit-level
contributions given as side input (primary.py), audit the suppression pattern of all tables
together (relations.py + audit.py), then the prose rules on the text outside tables
(prose.py).
"""

from __future__ import annotations

import re
from collections.abc import Generator, Iterator
from fractions import Fraction

from gkrules.context import CheckContext, CheckerSetup
from gkrules.errors import InputError, UsageError
from gkrules.gcpause import no_cycles
from gkrules.model import Document, Finding

from . import remedies
from .audit import INF, Relation, audit
from .contributions import coerce
from .params import UnitIdentifiabilityParams
from .primary import assess
from .prose import _RANK_FIX, OrgName, ProseRules, _nk
from .relations import RelationBuilder
from .tables import TableReader, TableView, mentions_counts, nearby_notes, norm


def _fmt(value: float | Fraction, scale: int, decimals: int | None = None) -> str:
    v = float(value) / 10 ** scale
    d = scale if decimals is None else decimals
    return f"{v:.{d}f}"


class UnitIdentifiabilityChecker:
    def __init__(self, setup: CheckerSetup):
        p: UnitIdentifiabilityParams = setup.params or UnitIdentifiabilityParams()
        self.p = p
        self.reader = TableReader(p)
        self.prose = ProseRules(setup, p)
        self.builder = RelationBuilder(p.min_units, p.exact_tolerance_units)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.document
        given = "contributions" in ctx.extras and ctx.extras["contributions"] is not None
        views = self._views(doc, given)
        counts: dict[tuple[int, int], int] = {}
        if self.p.check_tables:
            yield from self._tables(ctx, views, counts)
            yield from self._not_understood(ctx, views)
        if given:
            yield from self._contributions(ctx, views, counts)
        if self.p.check_audit and views:
            yield from self._audit(ctx, views, counts)
            for v in views:
                yield from self._share_leaks(ctx, v)
        if self.p.check_text:
            spans = self._prose_spans(doc.text, [(t.start, t.end) for t in doc.tables])
            for h in self.prose.check(doc.text, spans):
                yield ctx.finding(h.rule, h.start, h.end, h.message, evidence=h.evidence,
                                  suggestion=h.suggestion or None, key=h.key)

    def _views(self, doc: Document, given: bool) -> list[TableView]:
        """The tables read, in order — only those a rule can use. Most statistical tables
        give nothing: no unit counts, names or suppressions (TableReader.profile). Without a
        possible suppression the audit finds nothing, and a table without counts or names
        matters only as the figures a small count in another table joins to (UI-01): when no
        small count needs them, the other tables are not read."""
        tables = doc.tables
        chosen: list[int] | range = range(len(tables))
        if not given:
            profiles = [self.reader.profile(doc, t, self.p.legend_window_lines, self.prose.name_guard)
                        for t in tables]
            if not any(s for _, s in profiles):
                chosen = [i for i, (a, _) in enumerate(profiles) if a]
        views = self._read(doc, chosen)
        if len(chosen) < len(tables) and any(self._joins(v) for v in views):
            views = self._read(doc, range(len(tables)))
        return views

    def _read(self, doc: Document, chosen) -> list[TableView]:
        with no_cycles():  # entries and rows of every table: many acyclic objects (gkrules.gcpause)
            return self._read_views(doc, chosen)

    def _read_views(self, doc: Document, chosen) -> list[TableView]:
        views = []
        for i in chosen:
            t = doc.tables[i]
            v = self.reader.read(doc, t, i + 1, nearby_notes(doc, t, self.p.legend_window_lines))
            if v is not None:
                views.append(v)
        return views

    def _joins(self, v: TableView) -> bool:
        """A row with a small count and no figures of its own: _tables looks for its figures
        in the other tables."""
        for r in range(len(v.rows)):
            n, _ = self._row_count(v, r)
            if n is not None and 1 <= n < self.p.min_units and not self._figures(v, r):
                return True
        return False

    @staticmethod
    def _prose_spans(text: str, tables: list[tuple[int, int]]) -> list[tuple[int, int]]:
        spans, pos = [], 0
        for s, e in sorted(tables):
            if s > pos:
                spans.append((pos, s))
            pos = max(pos, e)
        if pos < len(text):
            spans.append((pos, len(text)))
        return spans

    # -- what the tables publish ---------------------------------------------------------

    def _row_count(self, v: TableView, r: int) -> tuple[int | None, object]:
        counts = [c for c in v.count_columns if not c.subgroup]
        if not counts:
            return None, None
        main = counts[0]
        e = v.entry(r, main.index)
        if e.kind != "number" or e.raw is None or e.raw != int(e.raw):
            return None, main
        if e.raw == 0:
            # no legal unit but establishments (法人企业 0 | 产业活动单位 1): the next count tells
            for c in counts[1:]:
                o = v.entry(r, c.index)
                if o.kind == "number" and o.raw is not None and o.raw == int(o.raw) and o.raw > 0:
                    return int(o.raw), c
        return int(e.raw), main

    def _figures(self, v: TableView, r: int) -> list[str]:
        out = []
        for col in v.figure_columns:
            e = v.entry(r, col.index)
            if e.kind == "number":
                out.append(f"{col.header.strip()}={e.cell.text}")
        return out

    def _tables(self, ctx: CheckContext, views: list[TableView], counts: dict) -> Iterator[Finding]:
        p = self.p
        # labels of rows with a published figure, for joins between count and value tables: a
        # join takes the first such row in another table, so the first row of each of the first
        # two tables per label is all it can need (keeping every row made each small cell of a
        # long table scan all the others: quadratic)
        figures_by_label: dict[str, list[tuple[TableView, int, list[str]]]] = {}
        for v in views:
            for r, row in enumerate(v.rows):
                if not row.key:
                    continue
                firsts = figures_by_label.get(row.key)
                if firsts is not None and (len(firsts) == 2 or firsts[0][0] is v):
                    continue
                figs = self._figures(v, r)
                if figs:
                    figures_by_label.setdefault(row.key, []).append((v, r, figs))
        for v in views:
            excluded = self.prose.excluded_context(v.context + self._text_around(ctx, v))
            categories = self._category_rows(v)
            bare: list = []
            groups = self._column_groups(v)
            if len(groups) > 1:
                yield from self._grouped_small_cells(ctx, v, groups)
            for r, row in enumerate(v.rows):
                n, main = self._row_count(v, r)
                if n is not None:
                    counts[(v.number, r)] = n
                if len(groups) > 1:
                    pass  # small cells were read group by group
                elif n is not None and 1 <= n < p.min_units:
                    figs = self._figures(v, r)
                    joined = [(w, wr, f) for w, wr, f in figures_by_label.get(row.key, ()) if w is not v]
                    cell = v.entry(r, main.index).cell
                    if figs:
                        yield ctx.finding(
                            "small-cell", cell.start, cell.end,
                            f"{v.name()}“{row.label.strip()}”只有{n}个单位，却公布了该类别的数据，可直接推断单个调查对象的数据",
                            evidence=f"{main.header.strip()}={n}；" + "；".join(figs[:4]),
                            suggestion=remedies.SMALL_CELL, key=f"{v.number}|{row.key}|{n}")
                    elif joined:
                        w, wr, f = joined[0]
                        c2 = w.rows[wr].label_cell or cell
                        yield ctx.finding(
                            "small-cell", c2.start, c2.end,
                            f"{w.name()}“{w.rows[wr].label.strip()}”的数据只来自{n}个单位（单位数见{v.name()}），可直接推断单个调查对象的数据",
                            evidence=f"{v.name()} {main.header.strip()}={n}；" + "；".join(f[:4]),
                            suggestion=remedies.SMALL_CELL, key=f"{w.number}|{row.key}|{n}")
                elif n is not None and p.min_units <= n < p.review_units and self._figures(v, r):
                    cell = v.entry(r, main.index).cell
                    yield ctx.finding(
                        "small-cell-review", cell.start, cell.end,
                        f"{v.name()}“{row.label.strip()}”只有{n}个单位，请复核是否存在占主导地位的单位",
                        evidence=f"{main.header.strip()}={n}；" + "；".join(self._figures(v, r)[:4]),
                        suggestion=remedies.SMALL_CELL, key=f"{v.number}|{row.key}|{n}")
                if n is not None and p.group_attribute_factor and 1 <= n < p.group_attribute_factor * p.min_units:
                    for col in v.count_columns:
                        e = v.entry(r, col.index)
                        if col.subgroup and e.kind == "number" and e.raw == n:
                            yield ctx.finding(
                                "group-attribute", e.cell.start, e.cell.end,
                                f"{v.name()}“{row.label.strip()}”的{n}个单位全部属于“{col.header.strip()}”，暴露了每个单位的情况",
                                evidence=f"{main.header.strip()}={n}；{col.header.strip()}={e.cell.text}",
                                suggestion=remedies.GROUP, key=f"{v.number}|{row.key}|{col.header}")
                if not excluded:
                    name = yield from self._named_row(ctx, v, r, categories)
                    if name is not None:
                        bare.append(name)
            yield from self._count_rows(ctx, v)
            yield from self._stated_dominance(ctx, v)
            if bare and self.prose.has(self.prose.indicators, v.caption or ""):
                # names ranked by a survey indicator, without values: the order itself tells
                names = "、".join(o.name for o in bare[:3]) + ("等" if len(bare) > 3 else "")
                yield ctx.finding(
                    "top-n-names", bare[0].start, bare[0].end,
                    f"{v.name()}按调查指标排名列出了{len(bare)}个单位的名称和名次（未见数值），名次透露了单位之间的大小关系，请复核",
                    evidence=names, suggestion=_RANK_FIX, key="|".join(o.name for o in bare))

    def _stated_dominance(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """A column that states the largest unit's share (首位企业占比) or the top two's
        (前两位企业合计占比): the p% rule decides from the share alone when the rest is small."""
        pp, nk = self.p.p_percent, self.p.nk
        for col in v.columns:
            h = norm(col.header)
            top1 = _TOP1_SHARE.search(h)
            top2 = None if top1 else _TOP2_SHARE.search(h)
            if not (top1 or top2):
                continue
            for r, row in enumerate(v.rows):
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or not 0 < e.raw <= 100:
                    continue
                share = e.raw
                if top1:
                    fail = (100 - share) < pp / 100 * share or (nk is not None and _nk(share, nk.k, self.p))
                else:
                    fail = (100 - share) < pp / 100 * share / 2 or (
                        nk is not None and nk.n <= 2 and _nk(share, nk.k, self.p))
                if not fail:
                    continue
                yield ctx.finding(
                    "dominance", e.cell.start, e.cell.end,
                    f"{v.name()}“{row.label.strip()}”的{col.header.strip()}为{e.cell.text}，其余单位合计不足{100 - share:.1f}%，"
                    "可据此推算最大单位的数据",
                    evidence=f"{col.header.strip()}={e.cell.text}", suggestion=remedies.DOMINANCE,
                    key=f"{v.number}|{row.key}|{norm(col.header)}|stated")

    def _column_groups(self, v: TableView) -> list[tuple[list, list, str]]:
        """(count columns, figure columns, group name) of each column group: a count column in
        each of several header groups (县 | 县以下: 法人单位 网点 人员), or one count group whose
        columns pair with figure columns of the same name (单位个数: 国有 集体 | 从业人员: 国有
        集体). One group (the whole table) otherwise."""
        counts = [c for c in v.count_columns if not c.subgroup]
        figures = v.figure_columns
        parents = list(dict.fromkeys(c.parent for c in counts))
        if len(parents) >= 2 and all(parents):
            return [([c for c in counts if c.parent == g], [f for f in figures if f.parent == g], g) for g in parents]
        if len(counts) >= 2 and len(parents) == 1 and parents[0]:
            def child(c) -> str:
                return norm(c.header[len(c.parent):] if c.header.startswith(c.parent) else c.header)
            paired = [([c], [f for f in figures if f.parent != c.parent and child(f) == child(c)], child(c))
                      for c in counts]
            if sum(1 for _c, f, _g in paired if f) >= 2:
                return paired
        return [(counts, figures, "")]

    def _grouped_small_cells(self, ctx: CheckContext, v: TableView, groups) -> Iterator[Finding]:
        for r, row in enumerate(v.rows):
            for cols, figs, name in groups:
                col = cols[0]
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or e.raw != int(e.raw) or not 1 <= e.raw < self.p.min_units:
                    continue
                published = [f"{f.header.strip()}={v.entry(r, f.index).cell.text}" for f in figs
                             if v.entry(r, f.index).kind == "number"]
                if not published:
                    continue
                n = int(e.raw)
                yield ctx.finding(
                    "small-cell", e.cell.start, e.cell.end,
                    f"{v.name()}“{row.label.strip()}”（{name}）只有{n}个单位，却公布了该类别的数据，可直接推断单个调查对象的数据",
                    evidence=f"{col.header.strip()}={n}；" + "；".join(published[:4]),
                    suggestion=remedies.SMALL_CELL, key=f"{v.number}|{row.key}|{name}|{n}")

    def _not_understood(self, ctx: CheckContext, views: list[TableView]) -> Iterator[Finding]:
        """Tables the rules could not read: a table that speaks of unit counts without a count
        column or row understood, and runs of one-cell lines (a flattened HTML table) outside
        every table. The reviewer learns that these were not checked."""
        for v in views:
            if v.count_columns or v.count_rows:
                continue
            numeric_rows = sum(1 for r in v.entries if sum(1 for e in r if e.kind == "number") >= 2)
            if numeric_rows < 3 or not mentions_counts(v.caption + "".join(c.header for c in v.columns)):
                continue
            t = v.table
            yield ctx.finding(
                "table-not-understood", t.start, min(t.end, t.start + 40),
                f"{v.name()}的表头提到单位数，但未能识别单位数所在的列，本表未做小单元格检查",
                evidence="缺少：单位数列", key=f"{v.number}|cols")
        yield from self._flattened(ctx)

    def _flattened(self, ctx: CheckContext) -> Iterator[Finding]:
        """Runs of one-cell lines with numbers that the loader could not read as a table."""
        doc = ctx.document
        for b in doc.blocks:
            if b.kind != "unread-table":
                continue
            yield ctx.finding(
                "table-not-understood", b.start, min(b.end, b.start + 40),
                "此处内容看起来是每行一个单元格的表格（含多个数字），未能识别其行列结构，其中的单位数未做小单元格检查",
                evidence="缺少：行列结构", key=f"lines|{b.start}")

    def _count_rows(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """Long-format tables: a column whose unit-count row is small publishes that small
        group's figures in its other rows."""
        for r in v.count_rows:
            for col in v.columns:
                if col.role not in ("magnitude", "count"):
                    continue
                e = v.entry(r, col.index)
                if e.kind != "number" or e.raw is None or e.raw != int(e.raw) or not 1 <= e.raw < self.p.min_units:
                    continue
                figs = [f"{v.rows[q].label.strip()}={v.entry(q, col.index).cell.text}" for q in range(len(v.rows))
                        if q not in v.count_rows and v.entry(q, col.index).kind == "number"]
                if not figs:
                    continue
                n = int(e.raw)
                yield ctx.finding(
                    "small-cell", e.cell.start, e.cell.end,
                    f"{v.name()}“{col.header.strip() or v.rows[r].label.strip()}”一列的{v.rows[r].label.strip()}只有{n}个，"
                    "却公布了同一列的其他数据，可直接推断单个调查对象的数据",
                    evidence=f"{v.rows[r].label.strip()}={n}；" + "；".join(figs[:4]),
                    suggestion=remedies.SMALL_CELL, key=f"{v.number}|{norm(col.header)}|{v.rows[r].key}|{n}")

    def _text_around(self, ctx: CheckContext, v: TableView) -> str:
        """Two lines before and after the table: where 据……官方网站 / 以上数据由企业自行披露 stands."""
        doc = ctx.document
        first, last = doc.line_of(v.table.start), doc.line_of(max(v.table.end - 1, v.table.start))
        lines = [*range(max(1, first - 2), first), *range(last + 1, min(doc.line_count, last + 3) + 1)]
        # 特此公告 closes the issuer's own announcement: it says nothing of the firms' sources
        return _CLOSING.sub("", " ".join(doc.line_text(i) for i in lines))

    def _named_row(self, ctx: CheckContext, v: TableView, r: int,
                   categories: bool) -> Generator[Finding, None, OrgName | None]:
        """Findings for a row that names a unit with its figures; returns the name of a row
        in a ranking table that names a unit without figures."""
        text = ctx.document.text
        row_cells = [v.entry(r, c.index) for c in v.columns]
        row_text = " ".join(e.cell.text for e in row_cells)
        if self.prose.excluded_context(row_text):
            return
        for col in v.columns:
            if col.role not in ("label", "text"):
                continue
            if col.role == "label" and categories:
                continue
            e = v.entry(r, col.index)
            # a row label or name cell names a unit when the whole cell is the name
            # (青梧钢铁有限公司, 鹤汀水泥厂), not when a suffix sits inside another word
            # (非金属矿采选业, 松岚矿区)
            end = e.cell.start + len(_TRAILING_MARKS.sub("", e.cell.text))
            names = [o for o in self.prose.org_names(text, e.cell.start, e.cell.end) if o.end == end]
            if not names:
                continue
            figs = [f"{c.header.strip()}={v.entry(r, c.index).cell.text}" for c in v.figure_columns
                    if v.entry(r, c.index).kind == "number" and self.prose.has(self.prose.indicators, c.header + v.caption)]
            for c in v.columns:
                if c.role == "text" and c.index != col.index:
                    m = self.prose.figure_after(v.entry(r, c.index).cell.text, 0, 30)
                    if m:
                        figs.append(m.group(0))
            if not figs:
                if self._ranked(v) and not self.prose.public.get("".join(names[0].name.split())):
                    return names[0]
                continue
            o = names[0]
            public = self.prose.public.get("".join(o.name.split()))
            rule = "named-unit-public" if public else (
                "top-n-list" if self._ranked(v) else "named-unit")
            yield ctx.finding(
                rule, o.start, o.end,
                f"{v.name()}逐行列出单位名称及其数据（“{o.name}”：{figs[0]}），属于可以识别单个调查对象的资料",
                evidence=f"{o.name}：" + "；".join(figs[:3]), suggestion=remedies_named(),
                key=f"{o.name}|{figs[0]}")
            return

    def _category_rows(self, v: TableView) -> bool:
        """The label column's header says the rows are categories (行业, 县（区）, 产品名称…)."""
        h = "".join(_header_of(v, v.label_col).split())
        if any(w in h for w in self.p.unit_headers):
            return False
        return any(w in h for w in self.p.category_headers)

    def _ranked(self, v: TableView) -> bool:
        from .prose import RANKING
        return bool(RANKING.search(v.caption or ""))

    # -- side input: unit-level contributions --------------------------------------------

    def _contributions(self, ctx: CheckContext, views: list[TableView], counts: dict) -> Iterator[Finding]:
        try:
            contributions = coerce(ctx.extras["contributions"])
        except UsageError as exc:
            raise InputError(exc.message) from None
        verdicts = assess(contributions, self.p)
        by_label: dict[tuple[str, str], list] = {}
        for vd in verdicts:
            by_label.setdefault((norm(vd.row), norm(vd.col)), []).append(vd)
        matched = 0
        for v in views:
            for r, row in enumerate(v.rows):
                for col in v.columns:
                    if col.role not in ("magnitude", "count", "rate"):
                        continue
                    for vd in by_label.get((row.key, norm(col.header)), ()):
                        if not _table_matches(vd.table, v):
                            continue
                        matched += 1
                        counts.setdefault((v.number, r), vd.count)
                        yield from self._cell_verdict(ctx, v, r, col, vd)
        if views and verdicts and not matched:
            yield ctx.finding("contributions-unmatched", None, None,
                              f"提供了 {len(contributions)} 条单位贡献数据，但其表、行、列标签与本文件的表格都对应不上，"
                              "集中度规则未能应用于本文件",
                              evidence=contributions.source)

    def _cell_verdict(self, ctx: CheckContext, v: TableView, r: int, col, vd) -> Iterator[Finding]:
        e = v.entry(r, col.index)
        where = f"{v.name()}“{v.rows[r].label.strip()}/{col.header.strip()}”"
        if e.kind != "number":
            return
        s, t = e.cell.start, e.cell.end
        if vd.threshold_fail and vd.count >= 1:
            yield ctx.finding("small-cell", s, t, f"{where}只由{vd.count}个单位构成（据单位贡献数据），可直接推断单个调查对象的数据",
                              evidence=f"单位数={vd.count}；公布值={e.cell.text}", suggestion=remedies.SMALL_CELL,
                              key=f"{v.number}|{vd.row}|{vd.col}|n")
        elif vd.zero_fail:
            yield ctx.finding("small-cell", s, t, f"{where}没有任何单位（据单位贡献数据），公布零值单元格也会泄露信息",
                              evidence=f"单位数=0；公布值={e.cell.text}", suggestion=remedies.SMALL_CELL,
                              key=f"{v.number}|{vd.row}|{vd.col}|0")
        elif vd.review_band:
            yield ctx.finding("small-cell-review", s, t, f"{where}只由{vd.count}个单位构成，请复核",
                              evidence=f"单位数={vd.count}", suggestion=remedies.SMALL_CELL,
                              key=f"{v.number}|{vd.row}|{vd.col}|r")
        if vd.dominance_fail:
            yield ctx.finding("dominance", s, t, f"{where}由少数单位主导（据单位贡献数据），其他单位可较准确地推算最大单位的数据",
                              evidence=f"单位数={vd.count}；公布值={e.cell.text}", suggestion=remedies.DOMINANCE,
                              key=f"{v.number}|{vd.row}|{vd.col}|d")
        if vd.dominance_review:
            yield ctx.finding("negative-contributions", s, t, f"{where}含负值贡献，集中度规则无法判断，需人工复核",
                              evidence=f"单位数={vd.count}", suggestion=remedies.NEGATIVE,
                              key=f"{v.number}|{vd.row}|{vd.col}|neg")

    # -- the differencing audit ----------------------------------------------------------

    def _audit(self, ctx: CheckContext, views: list[TableView], counts: dict) -> Iterator[Finding]:
        ds = self.builder.build(views)
        if not ds.refs:
            return
        system = ds.system()
        narrow = self.p.p_percent if self.p.approx_width_review else None
        outcomes = audit(system, rounds=self.p.max_propagation_rounds, narrow_percent=narrow)
        flagged: set[int] = set()
        cap = self.p.max_findings_per_table * max(1, len(views))
        for o in outcomes:
            if o.status == "protected" or len(flagged) >= cap:
                continue
            ref = ds.refs[o.var]
            v, r, c = ref.view, ref.r, ref.c
            cell = v.entry(r, c).cell
            where = f"{v.name()}“{v.rows[r].label.strip()}/{v.columns[c].header.strip()}”"
            used = [ds.info[i] for i in o.relations if i < len(ds.info)]
            proof = "；".join(dict.fromkeys(u.text for u in used if u.text)) or "表内合计关系"
            unit = v.columns[c].unit or ""
            if o.status == "exact":
                flagged.add(o.var)
                rule = "cross-table-differencing" if any(u.cross for u in used) else "recoverable-suppression"
                how = "由非负约束和" if o.by_bounds else "由"
                value = _fmt(o.value if o.value is not None else o.lo, ds.scale, v.scale)
                yield ctx.finding(
                    rule, cell.start, cell.end,
                    f"{where}虽已隐藏，但{how}公布的合计关系可精确推算出该值（约 {value}{unit}），隐藏无效",
                    evidence=f"推算依据：{proof[:160]}", suggestion=remedies.rectangle(v, r, c),
                    key=f"{v.number}|{v.rows[r].key}|{norm(v.columns[c].header)}")
            elif o.status == "narrow":
                flagged.add(o.var)
                yield ctx.finding(
                    "narrow-interval", cell.start, cell.end,
                    f"{where}虽已隐藏，但可推算到很窄的区间 [{_fmt(o.lo, ds.scale, v.scale)}, {_fmt(o.hi, ds.scale, v.scale)}]{unit}",
                    evidence=f"推算依据：{proof[:160]}", suggestion=remedies.rectangle(v, r, c),
                    key=f"{v.number}|{v.rows[r].key}|{norm(v.columns[c].header)}")
        yield from self._singletons(ctx, ds, system.relations, flagged, counts)

    def _share_leaks(self, ctx: CheckContext, v: TableView) -> Iterator[Finding]:
        """A hidden value whose share of the published total stands in the same row (占全县比重):
        share × total gives it back to within the share's rounding."""
        totals = [i for i, row in enumerate(v.rows) if row.kind == "total"]
        if len(totals) != 1:
            return
        t = totals[0]
        for sc in v.columns:
            if sc.role != "rate" or not _SHARE_HEADER.search(sc.header):
                continue
            base = next((c for c in reversed(v.columns[:sc.index]) if c.role in ("magnitude", "count")), None)
            if base is None or v.entry(t, base.index).kind != "number":
                continue
            total = v.entry(t, base.index).raw or 0.0
            if total <= 0 or not self._share_of_total(v, base.index, sc.index, total):
                continue
            for r, row in enumerate(v.rows):
                e, share = v.entry(r, base.index), v.entry(r, sc.index)
                if e.kind != "suppressed" or share.kind != "number" or share.raw is None or total <= 0:
                    continue
                est = share.raw / 100 * total
                half = 0.5 * 10 ** -share.decimals / 100 * total
                if est <= 0 or 2 * half >= self.p.p_percent / 100 * est:
                    continue
                d = v.entry(t, base.index).decimals
                yield ctx.finding(
                    "recoverable-suppression", e.cell.start, e.cell.end,
                    f"{v.name()}“{row.label.strip()}/{base.header.strip()}”虽已隐藏，但同一行公布了它的{sc.header.strip()}"
                    f"（{share.cell.text}），乘以合计即可推算出约 {est:.{d}f}{base.unit or ''}（误差不超过 {half:.{d + 1}f}），隐藏无效",
                    evidence=f"{v.rows[t].label.strip()}={v.entry(t, base.index).cell.text}；{sc.header.strip()}={share.cell.text}",
                    suggestion="同时隐藏该行的比重（及可由其推算的速度等派生指标），然后重新检查。",
                    key=f"{v.number}|{row.key}|{norm(base.header)}|share")

    @staticmethod
    def _share_of_total(v: TableView, bc: int, sc: int, total: float) -> bool:
        """The share column is base ÷ total on every row that publishes both (at least two),
        not a share of something else (高技术产业占比 within the row)."""
        checked = 0
        for r in range(len(v.rows)):
            e, share = v.entry(r, bc), v.entry(r, sc)
            if e.kind != "number" or share.kind != "number" or e.raw is None or share.raw is None:
                continue
            slack = 0.5 * 10 ** -share.decimals + 0.5 * 10 ** -e.decimals / total * 100 + 1e-9
            if abs(e.raw / total * 100 - share.raw) > slack:
                return False
            checked += 1
        return checked >= 2

    def _singletons(self, ctx: CheckContext, ds, relations: tuple[Relation, ...], flagged: set[int],
                    counts: dict) -> Iterator[Finding]:
        """UI-11: a relation with two hidden values one of which has a single unit."""
        for rel in relations:
            if not rel.equality or rel.lo == -INF:
                continue
            vs = [v for v, _ in rel.terms]
            if len(vs) != 2 or any(v in flagged for v in vs):
                continue
            for a, b in ((vs[0], vs[1]), (vs[1], vs[0])):
                ra = ds.refs[a]
                if counts.get((ra.view.number, ra.r)) != 1:
                    continue
                rb = ds.refs[b]
                cell = rb.view.entry(rb.r, rb.c).cell
                flagged.add(b)
                yield ctx.finding(
                    "singleton-pair", cell.start, cell.end,
                    f"{rb.view.name()}“{rb.view.rows[rb.r].label.strip()}/{rb.view.columns[rb.c].header.strip()}”与"
                    f"“{ra.view.rows[ra.r].label.strip()}”同在一个合计关系中且只有这两个隐藏值，后者只有1个单位，"
                    "该单位可用合计减去自身数据得到前者",
                    evidence=f"关系：{rel.label[:80]}", suggestion=remedies.SINGLETON,
                    key=f"{rb.view.number}|{rb.view.rows[rb.r].key}|{norm(rb.view.columns[rb.c].header)}|s")
                break


_TOP1_SHARE = re.compile(r"(?:首位|第一位|第1位|第一大|最大)(?:企业|单位|法人)?(?:的)?(?:占比|比重|份额|所占比重|占全部)")
_TOP2_SHARE = re.compile(r"前(?:两|二|2)(?:位|家|名|大)(?:企业|单位)?(?:合计)?(?:的)?(?:占比|比重|份额|所占比重)")
_CLOSING = re.compile(r"特此(?:公告|通告|通知|函告)")
_SHARE_HEADER = re.compile(r"比重|占比|占全|占总")
_TRAILING_MARKS = re.compile(r"(?:[\s　]*(?:[（(][^（）()]{0,20}[）)]|[*＊①②③④⑤⑥⑦⑧⑨]|注\d?))+[\s　]*$")


def _header_of(v: TableView, c: int) -> str:
    return v.columns[c].header if c < len(v.columns) else ""


def remedies_named() -> str:
    from .prose import _NAMED_FIX
    return _NAMED_FIX


def _table_matches(spec: str, v: TableView) -> bool:
    s = spec.strip()
    if not s or s == "*":
        return True
    digits = s.removeprefix("表").strip()
    if digits.isdigit():
        return int(digits) == v.number
    return bool(v.caption) and (norm(s) == norm(v.caption) or norm(s) in norm(v.caption))
