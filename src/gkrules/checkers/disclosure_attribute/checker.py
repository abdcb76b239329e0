"""disclosure-attribute: the 公开属性 of a document about to be published.

The attribute is fixed while drafting (国办发〔2016〕80号 §一(一)) and shows as a 附注 under
the 成文日期 (（此件主动公开）/（此件公开发布）), as the portal's 公开方式/公开属性 field, or in
the metadata a publishing system passes (sidecar, host). Only those places count: 依申请公开
and 不予公开 in prose, in a disclosure guide, in the title of a report about requests, or as
the column names of a statistics table are topics, not the attribute.

Severity follows what publishing would do: 不予公开 → block (a 行政规范性文件 must be public:
国办发〔2018〕37号), 依申请公开 → warn, 附注 and field disagreeing → warn, no attribute on a
公文 → warn, on another page → info (see docs/disclosure-attribute.md for why).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from gkrules.context import CheckContext, CheckerSetup
from gkrules.errors import RulesetError
from gkrules.metadata import gbt9704
from gkrules.metadata.fields import canonical
from gkrules.metadata.kind import normative_reason
from gkrules.metadata.role import REPOST, origin_of
from gkrules.model import Finding

from .params import DisclosureAttributeParams

PUBLIC, ON_REQUEST, WITHHELD = "主动公开", "依申请公开", "不予公开"
_RANK = {PUBLIC: 0, ON_REQUEST: 1, WITHHELD: 2}
_HOST = {"sidecar": "元数据文件", "host": "发布系统"}
_FIELD_NAMES_NEARBY = {"title", "index_no", "issuer", "publisher", "doc_number", "formed", "published", "topic",
                       "validity", "category", "changed"}
_LABEL_TRIM = " \t\u3000:：【】[]"

WITHHELD_SUGGESTION = ("公开属性为不予公开的文件不得在网站发布。确需公开的，应先由拟稿单位和政务公开机构重新审定公开属性、"
                       "履行保密审查，改为主动公开后再发布。")
ON_REQUEST_SUGGESTION = ("依申请公开的信息只向申请人提供，不在网站主动发布。确需主动公开的，应重新审定公开属性"
                         "（改为主动公开并修改附注或公开方式栏）后再发布。")
CONFLICT_SUGGESTION = "请核实该文件的公开属性，使附注、网站公开方式栏和发布系统中的属性一致后再发布。"
MISSING_SUGGESTION = ("请核实并标注公开属性：在成文日期下一行加附注“（此件主动公开）”，或在网站元数据栏填写公开方式；"
                      "发布系统可在元数据（disclosure）中直接提供。")


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


class DisclosureAttributeChecker:
    def __init__(self, setup: CheckerSetup):
        p: DisclosureAttributeParams = setup.params or DisclosureAttributeParams()
        self.p = p
        try:
            self.normative_number = re.compile(p.normative_number_pattern)
            self.enforcement = tuple(re.compile(x) for x in p.enforcement_number_patterns)
        except re.error as exc:
            raise RulesetError(f"disclosure-attribute 参数中的正则表达式无效：{exc}") from None
        # longest first: 不予公开 before 公开, 依申请公开 before 公开
        self.words = sorted([(w, WITHHELD) for w in p.withheld_words] + [(w, ON_REQUEST) for w in p.on_request_words]
                            + [(w, PUBLIC) for w in p.public_words], key=lambda x: len(x[0]), reverse=True)

    def value_of(self, raw: str) -> str | None:
        # a 发文稿纸 form: ☑主动公开 □依申请公开 □不予公开 says 主动公开
        t = gbt9704.squeeze(gbt9704.checked_choice(raw))
        found = [v for w, v in self.words if w in t]
        if not found:
            # 公开, 是, （此件公开）
            return PUBLIC if gbt9704.annotation_body(t) in ("公开", "是") else None
        return max(found, key=_RANK.__getitem__)

    # -- where the attribute is stated -------------------------------------------------------

    def _fields(self, ctx: CheckContext) -> list[Attribute]:
        doc = ctx.document
        fields = [(name, label, value, s, e, doc.line_of(s)) for name, label, value, s, e in ctx.facts.header_fields]
        field_lines = {(line, name) for name, _l, _v, _s, _e, line in fields}
        out = []
        signed: set[int] | None = None
        for name, label, value, s, e, line in fields:
            if name != "disclosure":
                continue
            near = any((ln, n) in field_lines for ln in range(line - 2, line + 3) for n in _FIELD_NAMES_NEARBY)
            if not near and line > self.p.header_lines:
                # "公开方式：主动公开" printed where the 附注 goes, under the signature date
                if signed is None:
                    signed = {doc.line_of(d.start) for d in ctx.facts.date_lines}
                near = any(line - k in signed for k in (1, 2, 3))
            if line <= self.p.header_lines or near:
                out.append(Attribute(self.value_of(value), value, label, s, e))
                break  # the page's own field; later ones belong to listings in the text
        for table in doc.tables:
            for r, row in enumerate(table.rows):
                for i, cell in enumerate(row[:-1]):
                    if "公开" not in cell.text:  # cheap guard: data tables have many cells
                        continue
                    nxt = row[i + 1]
                    # the next cell holds the value, unless it is another label or the column
                    # below holds attribute values: then this is the header row of a listing
                    # whose 公开方式 column speaks of each listed item
                    if (canonical(cell.text.strip(_LABEL_TRIM)) == "disclosure" and nxt.text.strip()
                            and canonical(nxt.text.strip(_LABEL_TRIM)) is None
                            and not self._column_of_values(table, r, i)):
                        out.append(Attribute(self.value_of(nxt.text), nxt.text.strip(), cell.text.strip(_LABEL_TRIM),
                                             nxt.start, nxt.end))
        return out

    def _column_of_values(self, table, r: int, i: int) -> bool:
        below = table.rows[r + 1] if r + 1 < len(table.rows) else ()
        return i < len(below) and below[i] is not table.rows[r][i] and self.value_of(below[i].text) is not None

    def _annotations(self, ctx: CheckContext) -> list[Attribute]:
        out = []
        for a in ctx.facts.annotations:
            value = self.value_of(a.text)
            # a 附注 that speaks of 公开 in words the rule set does not know (（此件删减后公开）)
            # states an attribute all the same: it is reported as unknown, not as missing
            if value is not None or "公开" in a.text:
                out.append(Attribute(value, a.text, "附注", a.start, a.end))
        return out

    def _given(self, ctx: CheckContext) -> list[Attribute]:
        meta = ctx.metadata
        source = meta.sources.get("disclosure")
        if meta.disclosure and source in _HOST:
            return [Attribute(meta.disclosure, meta.disclosure, _HOST[source])]
        return []

    # -- findings ----------------------------------------------------------------------------

    def _official(self, ctx: CheckContext) -> str | None:
        """Why the document is a 公文 (it has a 发文字号 or a GB/T 9704 head), or None."""
        meta = ctx.metadata
        if meta.doc_number:
            org = gbt9704.DOC_NUMBER.search(meta.doc_number)
            if org and any(rx.search(org.group("org")) for rx in self.enforcement):
                return None  # an enforcement instrument, not a 公文
            return f"有发文字号“{meta.doc_number}”"
        head = ctx.facts.head()
        if head.masthead is not None:
            return f"有发文机关标志“{head.masthead.text}”"
        return None

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        # in text order; what only the metadata says comes last
        stated = sorted(self._fields(ctx) + self._annotations(ctx),
                        key=lambda a: a.start if a.start is not None else 0) + self._given(ctx)
        known = [a for a in stated if a.value is not None]
        if not known:
            yield from self._missing(ctx, stated)
            return
        worst = max(known, key=lambda a: _RANK[a.value or ""])
        if worst.value != PUBLIC:
            shown = next(a for a in known if a.value == worst.value and a.in_text) if any(
                a.value == worst.value and a.in_text for a in known) else worst
            yield self._restricted(ctx, shown)
        values = {a.value for a in known}
        if len(values) > 1:
            yield self._conflict(ctx, known)

    def _restricted(self, ctx: CheckContext, a: Attribute) -> Finding:
        where = f"{a.origin}“{a.raw}”" if a.in_text else f"{a.origin}中的公开属性“{a.raw}”"
        if a.value == WITHHELD:
            normative = normative_reason(ctx.metadata, self.normative_number, self.p.normative_categories)
            if normative:
                return ctx.finding(
                    "normative-withheld", a.start, a.end,
                    f"{where}将本文件定为不予公开，但本文件是行政规范性文件（{normative}）：行政规范性文件必须公开发布，"
                    "不得以内部文件形式印发，未经公布的不得作为行政管理依据",
                    evidence=a.raw, suggestion="请重新审定公开属性：行政规范性文件应主动公开。", key=a.raw)
            return ctx.finding(
                "withheld", a.start, a.end,
                f"{where}表明本文件不予公开，却在待发布的文件中：公开属性为不予公开的文件不得公开发布",
                evidence=a.raw, suggestion=WITHHELD_SUGGESTION, key=a.raw)
        return ctx.finding(
            "on-request", a.start, a.end,
            f"{where}表明本文件属于依申请公开，却在待发布的文件中：依申请公开的信息只向申请人提供，主动发布前须重新审定公开属性",
            evidence=a.raw, suggestion=ON_REQUEST_SUGGESTION, key=a.raw)

    def _conflict(self, ctx: CheckContext, known: list[Attribute]) -> Finding:
        listed = "；".join(f"{a.origin}：{a.value}" for a in known)
        # point at the 附注 (what the document itself says) when it is one of the parties
        at = next((a for a in known if a.origin == "附注"), None) or next((a for a in known if a.in_text), known[0])
        return ctx.finding(
            "conflict", at.start, at.end,
            f"本文件的公开属性前后不一致（{listed}），须核实以哪一个为准",
            evidence=at.raw if at.in_text else None, suggestion=CONFLICT_SUGGESTION,
            key="|".join(sorted({a.value or "" for a in known})))

    def _document_like(self, ctx: CheckContext) -> str | None:
        """Why a page that is not a 公文 still reads as an issued document (a portal metadata
        block, a 主送机关, a signature date), or None: a news item or a bare table carries no
        attribute of its own, and a finding on every one of them would be noise."""
        meta = ctx.metadata
        header = [n for n, src in meta.sources.items() if src == "header" and n in _FIELD_NAMES_NEARBY]
        if len(header) >= 2:
            return "有网站元数据栏"
        if meta.addressee:
            return f"有主送机关“{meta.addressee}”"
        if meta.sources.get("formed") == "gbt9704":
            return "有落款成文日期"
        return None

    def _missing(self, ctx: CheckContext, unrecognised: list[Attribute]) -> Iterator[Finding]:
        if unrecognised:
            a = unrecognised[0]
            yield ctx.finding(
                "unknown-value", a.start, a.end,
                f"{a.origin}“{a.raw}”不是规定的公开属性（主动公开、依申请公开、不予公开）之一，无法判断能否发布",
                evidence=a.raw, suggestion=MISSING_SUGGESTION, key=a.raw)
            return
        official = self._official(ctx)
        if ctx.metadata.role == REPOST and (official or self._document_like(ctx) is not None):
            origin = origin_of(ctx.text, ctx.metadata.title)
            maker = f"制发机关（{origin}）" if origin else "制发机关"
            yield ctx.finding(
                "repost", None, None,
                f"本页面转发或转载其他机关的文件（{'；'.join(ctx.metadata.role_reasons)}），未标注公开属性："
                f"公开属性由{maker}在拟稿时确定，转载前请确认原文已由制发机关主动公开",
                suggestion="核对制发机关网站上该文件的公开方式；原文不公开或依申请公开的，不得转载发布。", key="repost")
            return
        if official:
            yield ctx.finding(
                "missing", None, None,
                f"本文件是公文（{official}），但未标注公开属性（附注或网站公开方式栏），发布系统也未提供："
                "公文拟稿时即应确定公开属性（主动公开、依申请公开或不予公开）并随文报批",
                suggestion=MISSING_SUGGESTION, key="missing")
        elif (why := self._document_like(ctx)) is not None:
            yield ctx.finding(
                "missing-page", None, None,
                f"本页面（{why}）未标注公开属性（附注或网站公开方式栏），发布系统也未提供：请确认其属于主动公开的信息",
                suggestion=MISSING_SUGGESTION, key="missing")
