"""Units named in table rows (UI-04, UI-06), read once per document for the named-unit,
named-unit-public, top-n-list and top-n-names rules: a row whose name cell is a whole
organisation name with survey figures beside it, and the names a ranking table lists
without figures."""

from __future__ import annotations

import re
from collections.abc import Sequence

from attrs import frozen

from gkrules.model import Document

from .kit import Kit
from .params import PublicSource
from .prose import RANKING, OrgName
from .tables import TableView


@frozen
class NamedRow:
    """A table row that names a unit and publishes its figures."""

    view: TableView
    org: OrgName
    figures: tuple[str, ...]
    ranked: bool
    public: PublicSource | None


@frozen
class RankedRows:
    """The names a table ranked by a survey indicator lists without figures."""

    view: TableView
    names: tuple[OrgName, ...]


@frozen
class TableNames:
    named: tuple[NamedRow, ...]
    ranked: tuple[RankedRows, ...]


def read_names(doc: Document, read: Sequence[TableView], kit: Kit) -> TableNames:
    """Named rows and ranked names of the tables read."""
    named: list[NamedRow] = []
    ranked: list[RankedRows] = []
    prose = kit.prose
    for v in read:
        if prose.excluded_context(v.context + _text_around(doc, v)):
            continue
        categories = _category_rows(v, kit)
        bare: list[OrgName] = []
        for r in range(len(v.rows)):
            found = _named_row(doc.text, v, r, categories, kit)
            if isinstance(found, NamedRow):
                named.append(found)
            elif found is not None:
                bare.append(found)
        if bare and prose.has(prose.indicators, v.caption or ""):
            ranked.append(RankedRows(v, tuple(bare)))
    return TableNames(tuple(named), tuple(ranked))


def _named_row(text: str, v: TableView, r: int, categories: bool, kit: Kit) -> NamedRow | OrgName | None:
    """The row's named unit with its figures; the bare name of a unit in a ranking table that
    gives it no figure; None otherwise."""
    prose = kit.prose
    row_text = " ".join(v.entry(r, c.index).cell.text for c in v.columns)
    if prose.excluded_context(row_text):
        return None
    for col in v.columns:
        if col.role not in ("label", "text") or (col.role == "label" and categories):
            continue
        e = v.entry(r, col.index)
        # a row label or name cell names a unit when the whole cell is the name
        # (青梧钢铁有限公司, 鹤汀水泥厂), not when a suffix sits inside another word
        # (非金属矿采选业, 松岚矿区)
        end = e.cell.start + len(_TRAILING_MARKS.sub("", e.cell.text))
        names = [o for o in prose.org_names(text, e.cell.start, e.cell.end) if o.end == end]
        if not names:
            continue
        figs = [f"{c.header.strip()}={v.entry(r, c.index).cell.text}" for c in v.figure_columns
                if v.entry(r, c.index).kind == "number" and prose.has(prose.indicators, c.header + v.caption)]
        for c in v.columns:
            if c.role == "text" and c.index != col.index:
                m = prose.figure_after(v.entry(r, c.index).cell.text, 0, 30)
                if m:
                    figs.append(m.group(0))
        o = names[0]
        public = prose.public.get("".join(o.name.split()))
        if figs:
            return NamedRow(v, o, tuple(figs), _ranked(v), public)
        if _ranked(v) and not public:
            return o
    return None


def _category_rows(v: TableView, kit: Kit) -> bool:
    """The label column's header says the rows are categories (行业, 县（区）, 产品名称…)."""
    h = "".join((v.columns[v.label_col].header if v.label_col < len(v.columns) else "").split())
    if any(w in h for w in kit.p.unit_headers):
        return False
    return any(w in h for w in kit.p.category_headers)


def _ranked(v: TableView) -> bool:
    return bool(RANKING.search(v.caption or ""))


def _text_around(doc: Document, v: TableView) -> str:
    """Two lines before and after the table: where 据……官方网站 / 以上数据由企业自行披露 stands."""
    first, last = doc.line_of(v.table.start), doc.line_of(max(v.table.end - 1, v.table.start))
    lines = [*range(max(1, first - 2), first), *range(last + 1, min(doc.line_count, last + 3) + 1)]
    # 特此公告 closes the issuer's own announcement: it says nothing of the firms' sources
    return _CLOSING.sub("", " ".join(doc.line_text(i) for i in lines))


_CLOSING = re.compile(r"特此(?:公告|通告|通知|函告)")
_TRAILING_MARKS = re.compile(r"(?:[\s　]*(?:[（(][^（）()]{0,20}[）)]|[*＊①②③④⑤⑥⑦⑧⑨]|注\d?))+[\s　]*$")
