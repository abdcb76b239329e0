"""Where a document states its 公开属性.

The attribute is fixed while drafting (国办发〔2016〕80号 §一(一)) and shows as a 附注 under
the 成文日期 (（此件主动公开）/（此件公开发布）), as the portal's 公开方式/公开属性 field, or in
the metadata a publishing system passes (sidecar, host). Only those places count: 依申请公开
and 不予公开 in prose, in a disclosure guide, in the title of a report about requests, or as
the column names of a statistics table are topics, not the attribute.
"""

from __future__ import annotations

from attrs import frozen

from gkrules.facts import DocumentFacts
from gkrules.metadata.fields import canonical
from gkrules.model import Table

from .kit import PUBLIC, RANK, Kit

_HOST = {"sidecar": "元数据文件", "host": "发布系统"}
#: header fields whose nearness makes a 公开方式 field the page's own (and that make a page
#: read as an issued document)
FIELD_NAMES_NEARBY = {"title", "index_no", "issuer", "publisher", "doc_number", "formed", "published", "topic",
                      "validity", "category", "changed"}
_LABEL_TRIM = " \t\u3000:：【】[]"


@frozen
class Attribute:
    """One statement of the attribute: its value, where it was said and the span that says it."""

    value: str | None  # 主动公开 | 依申请公开 | 不予公开, None when not recognised
    raw: str
    origin: str  # 附注 | the field label | 元数据文件 | 发布系统
    start: int | None = None
    end: int | None = None

    @property
    def in_text(self) -> bool:
        return self.start is not None

    @property
    def where(self) -> str:
        """The statement as a message names it: 附注“（此件不予公开）”, 发布系统中的公开属性“不予公开”."""
        return f"{self.origin}“{self.raw}”" if self.in_text else f"{self.origin}中的公开属性“{self.raw}”"


def statements(facts: DocumentFacts, kit: Kit) -> tuple[Attribute, ...]:
    """Every statement of the attribute, in text order (what only the metadata says last)."""
    return tuple(sorted(_fields(facts, kit) + _annotations(facts, kit),
                        key=lambda a: a.start if a.start is not None else 0) + _given(facts))


def restricted(known: tuple[Attribute, ...]) -> Attribute | None:
    """Of the statements with a known value, the one of the strictest attribute when it keeps
    the document from the web (not 主动公开): where the text first says it, the metadata's
    statement when the text does not."""
    if not known:
        return None
    worst = max(known, key=lambda a: RANK[a.value or ""])
    if worst.value == PUBLIC:
        return None
    return next((a for a in known if a.value == worst.value and a.in_text), worst)


def _fields(facts: DocumentFacts, kit: Kit) -> list[Attribute]:
    doc = facts.document
    header_fields = facts.header_fields
    # most pages have no 公开方式 field: then no field line needs looking up
    if not any(f[0] == "disclosure" for f in header_fields):
        return _tables(doc.tables, kit)
    fields = [(name, label, value, s, e, doc.line_of(s)) for name, label, value, s, e in header_fields]
    field_lines = {(line, name) for name, _l, _v, _s, _e, line in fields}
    out = []
    signed: set[int] | None = None
    for name, label, value, s, e, line in fields:
        if name != "disclosure":
            continue
        near = any((ln, n) in field_lines for ln in range(line - 2, line + 3) for n in FIELD_NAMES_NEARBY)
        if not near and line > kit.p.header_lines:
            # "公开方式：主动公开" printed where the 附注 goes, under the signature date
            if signed is None:
                signed = {doc.line_of(d.start) for d in facts.date_lines}
            near = any(line - k in signed for k in (1, 2, 3))
        if line <= kit.p.header_lines or near:
            out.append(Attribute(kit.value_of(value), value, label, s, e))
            break  # the page's own field; later ones belong to listings in the text
    return out + _tables(doc.tables, kit)


def _tables(tables: tuple[Table, ...], kit: Kit) -> list[Attribute]:
    out = []
    for table in tables:
        out.extend(_table_fields(table, kit))
    return out


def _table_fields(table: Table, kit: Kit) -> list[Attribute]:
    """A 公开方式 cell with its value in the next cell (a portal's metadata table)."""
    out = []
    for r, row in enumerate(table.rows):
        for i, cell in enumerate(row[:-1]):
            if "公开" not in cell.text:  # cheap guard: data tables have many cells
                continue
            nxt = row[i + 1]
            # the next cell holds the value, unless it is another label or the column below
            # holds attribute values: then this is the header row of a listing whose 公开方式
            # column speaks of each listed item
            if (canonical(cell.text.strip(_LABEL_TRIM)) == "disclosure" and nxt.text.strip()
                    and canonical(nxt.text.strip(_LABEL_TRIM)) is None
                    and not _column_of_values(table, r, i, kit)):
                out.append(Attribute(kit.value_of(nxt.text), nxt.text.strip(), cell.text.strip(_LABEL_TRIM),
                                     nxt.start, nxt.end))
    return out


def _column_of_values(table: Table, r: int, i: int, kit: Kit) -> bool:
    below = table.rows[r + 1] if r + 1 < len(table.rows) else ()
    return i < len(below) and below[i] is not table.rows[r][i] and kit.value_of(below[i].text) is not None


def _annotations(facts: DocumentFacts, kit: Kit) -> list[Attribute]:
    out = []
    for a in facts.annotations:
        value = kit.value_of(a.text)
        # a 附注 that speaks of 公开 in words the rule set does not know (（此件删减后公开）)
        # states an attribute all the same: it is reported as unknown, not as missing
        if value is not None or "公开" in a.text:
            out.append(Attribute(value, a.text, "附注", a.start, a.end))
    return out


def _given(facts: DocumentFacts) -> list[Attribute]:
    meta = facts.metadata
    source = meta.sources.get("disclosure")
    if meta.disclosure and source in _HOST:
        return [Attribute(meta.disclosure, meta.disclosure, _HOST[source])]
    return []
