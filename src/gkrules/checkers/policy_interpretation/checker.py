"""policy-interpretation: 三同步 across a release batch (国办发〔2016〕80号 §二).

Every document of the batch and every entry of the host's catalogue becomes an ``Item``:
a policy, an interpretation or something else, with the names it is known by and, for an
interpretation, the names of the policy it cites. Then:

* a policy of the batch that no interpretation (batch or catalogue) cites → block;
* an interpretation of the batch published more than ``max_lag_workdays`` after its policy
  → warn (working days on ``setup.calendar``; calendar days, said in the message, while no
  working-day calendar covers the dates);
* an interpretation of the batch whose policy is in neither → info;
* an interpretation that copies most of its policy's text → warn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import PurePath

from attrs import field, frozen

from gkrules.context import BatchContext, CheckerSetup
from gkrules.errors import CalendarError
from gkrules.metadata.role import origin_of
from gkrules.model import CatalogEntry, Document, Finding

from .classify import INTERNAL, INTERPRETATION, OTHER, POLICY, REPOST, PolicyClassifier, Role
from .index import NameIndex
from .names import (
    any_same,
    any_same_number,
    base_name,
    bracketed,
    names_of,
    normalise_number,
    normalise_url,
    numbers_in,
    refs_in_title,
    urls_in,
)
from .overlap import copied_share
from .params import PolicyInterpretationParams

_CATALOG_CACHE = 200_000  # entries kept between batches (a dict; cleared when full)
_FILE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".pdf", ".doc", ".docx", ".wps", ".ofd", ".csv", ".xls", ".xlsx")

MISSING_SUGGESTION = ("请将解读材料（文字解读、政策问答、一图读懂、答记者问等）与本文件同批审签、同步发布；"
                      "解读已在网站发布的，请由发布系统通过目录（--catalog）提供，或在解读的元数据中以 interprets "
                      "指明本文件。确属无须解读的文件，可在元数据中写明 kind（如 notice、other）。")
LATE_SUGGESTION = "政策解读应与政策文件同步发布；请核实解读的发布日期，并在今后做到同步审签、同步发布。"
ORPHAN_SUGGESTION = ("请核实所解读的政策文件已经发布，并在解读页面提供“原文链接”；政策原文尚未发布的，"
                     "应与解读同批发布。已发布的原文可由发布系统通过目录（--catalog）提供。")
EXCERPT_SUGGESTION = ("解读应说明出台背景和依据、目标任务、主要内容、适用范围、关键词诠释、惠民利民举措及与原政策相比的变化，"
                      "不应是原文的摘抄或压缩。")


@frozen
class Item:
    """A document of the batch (``index``) or an entry of the catalogue, as this checker sees it."""

    role: Role
    label: str
    index: int | None = None
    names: frozenset[str] = frozenset()
    numbers: frozenset[str] = frozenset()
    urls: frozenset[str] = frozenset()
    #: for an interpretation: names, numbers and links of the policy it cites
    refs: frozenset[str] = frozenset()
    ref_numbers: frozenset[str] = frozenset()
    ref_urls: frozenset[str] = frozenset()
    #: links the document itself carries (a policy's "政策解读链接")
    linked: frozenset[str] = frozenset()
    published: dt.date | None = None
    published_assumed: bool = False
    text: str | None = field(default=None, repr=False)

    @property
    def in_batch(self) -> bool:
        return self.index is not None


def _interprets_refs(value: str | None) -> tuple[set[str], set[str], set[str]]:
    """(names, numbers, urls) from a sidecar/catalogue ``interprets`` (file name, title, number or URL)."""
    if not value:
        return set(), set(), set()
    v = value.strip()
    names: set[str] = set()
    urls = urls_in(v)
    if not urls:
        p = PurePath(v.replace("\\", "/"))
        if p.suffix.lower() in _FILE_SUFFIXES:
            names.add(base_name(p.stem))
            names.add(base_name(p.name))
        names.add(base_name(v))
        names |= refs_in_title(v)
    numbers = numbers_in(v)
    n = normalise_number(v)
    if n:
        numbers.add(n)
    return {x for x in names if x}, numbers, urls


class PolicyInterpretationChecker:
    def __init__(self, setup: CheckerSetup):
        self.p: PolicyInterpretationParams = setup.params or PolicyInterpretationParams()
        self.setup = setup
        self.classifier = PolicyClassifier(self.p)
        self._calendars: dict[int, object] = {}
        self._catalog_cache: dict[CatalogEntry, Item] = {}

    # -- items -----------------------------------------------------------------------------

    def _doc_item(self, index: int, doc: Document, today: dt.date, role: Role | None = None) -> Item:
        meta = doc.metadata
        role = role if role is not None else self.classifier.classify(doc)
        numbers = {normalise_number(meta.doc_number)} if meta.doc_number else set()
        url = meta.extra.get("url")
        urls = {normalise_url(url)} if isinstance(url, str) and url else set()
        refs: set[str] = set()
        ref_numbers: set[str] = set()
        ref_urls: set[str] = set()
        text_urls = urls_in(doc.text) if "http" in doc.text else set()
        if role.role == INTERPRETATION:
            r_names, r_numbers, r_urls = _interprets_refs(meta.interprets)
            refs |= r_names
            ref_numbers |= r_numbers
            ref_urls |= r_urls | text_urls
            if meta.title:
                refs |= refs_in_title(meta.title)
            head = doc.text[:400]
            ref_numbers |= numbers_in(head)
            if not refs and not ref_numbers:
                # 图说 and similar titles do not name the policy: take a 《policy》 the opening cites
                refs |= {base_name(x) for x in bracketed(head) if self.classifier.doctype(x)}
        published = meta.published
        return Item(role=role, label=meta.title or doc.source, index=index,
                    names=frozenset(names_of(meta.title, doc.source)),
                    numbers=frozenset(n for n in numbers if n), urls=frozenset(urls), refs=frozenset(refs),
                    ref_numbers=frozenset(ref_numbers), ref_urls=frozenset(ref_urls), linked=frozenset(text_urls),
                    published=published or today, published_assumed=published is None, text=doc.text)

    def _catalog_item(self, entry: CatalogEntry) -> Item:
        # the same catalogue comes with every batch a host checks: read each entry once
        item = self._catalog_cache.get(entry)
        if item is None:
            if len(self._catalog_cache) >= _CATALOG_CACHE:
                self._catalog_cache.clear()
            item = self._catalog_cache[entry] = self._read_catalog_entry(entry)
        return item

    def _read_catalog_entry(self, entry: CatalogEntry) -> Item:
        title = entry.title or ""
        is_interp = (entry.kind == INTERPRETATION or bool(entry.interprets)
                     or (entry.kind is None and self.classifier.is_interpretation_title(title)))
        role = Role(INTERPRETATION if is_interp else (POLICY if entry.kind == POLICY else OTHER))
        refs: set[str] = set()
        ref_numbers: set[str] = set()
        ref_urls: set[str] = set()
        if is_interp:
            refs, ref_numbers, ref_urls = _interprets_refs(entry.interprets)
            if title:
                refs |= refs_in_title(title)
        number = normalise_number(entry.doc_number) if entry.doc_number else None
        return Item(role=role, label=title or entry.url or entry.doc_number or "（目录条目）",
                    names=frozenset(names_of(title) if title and not is_interp else ()),
                    numbers=frozenset({number} if number else ()),
                    urls=frozenset({normalise_url(entry.url)} if entry.url else ()),
                    refs=frozenset(refs), ref_numbers=frozenset(ref_numbers), ref_urls=frozenset(ref_urls),
                    published=entry.published)

    # -- matching --------------------------------------------------------------------------

    def _cites(self, interp: Item, target: Item) -> str | None:
        """How ``interp`` cites ``target`` (for the message), or None."""
        hit = any_same(interp.refs, target.names, self.p.title_prefix_slack)
        if hit:
            return f"标题《{hit}》"
        number = any_same_number(interp.ref_numbers, target.numbers)
        if number:
            return f"发文字号 {number}"
        if interp.ref_urls & target.urls:
            return "原文链接"
        if target.linked & interp.urls:
            return "解读链接"
        return None

    # -- dates -----------------------------------------------------------------------------

    def _calendar(self, year: int):
        if year not in self._calendars:
            self._calendars[year] = self.setup.calendar(year)
        return self._calendars[year]

    def _lag(self, start: dt.date, end: dt.date) -> tuple[int, str | None, str]:
        """Days after ``start`` up to ``end``: working days, or calendar days with the reason;
        across a provisional year the least possible working days, with a note saying so."""
        try:
            cals = {y: self._calendar(y) for y in range(start.year, end.year + 1)}
        except CalendarError as exc:
            return (end - start).days, exc.message, ""
        cal = cals[end.year]
        bounds = getattr(cal, "count_bounds", None)
        if bounds is not None and all(c is cal for c in cals.values()):
            lo, hi = bounds(start, end)
            note = "" if lo == hi else f"（暂定：调休安排尚未公布，按最少的 {lo} 个工作日计，可能多至 {hi} 个）"
            return lo, None, note
        n = 0
        day = start + dt.timedelta(days=1)
        while day <= end:
            if cals[day.year].is_workday(day):
                n += 1
            day += dt.timedelta(days=1)
        return n, None, ""

    # -- the check -------------------------------------------------------------------------

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        roles = [self.classifier.classify(d) for d in ctx.documents]
        for i, r in enumerate(roles):
            if r.role in (REPOST, INTERNAL):
                yield from self._not_ours(ctx, i, ctx.documents[i], r)
        if not any(r.role in (POLICY, INTERPRETATION) for r in roles):
            return  # every other finding is about a policy or an interpretation of the batch
        items = [self._doc_item(i, d, ctx.today, roles[i]) for i, d in enumerate(ctx.documents)]
        everything = items + [self._catalog_item(e) for e in ctx.catalog]
        policies = [x for x in items if x.role.role == POLICY]
        readings = [x for x in items if x.role.role == INTERPRETATION]
        slack = self.p.title_prefix_slack
        # the batch side is indexed; every interpretation and every other document or catalogue
        # entry is looked up once (a catalogue can be large, a batch is small)
        by_name = NameIndex(slack)
        for k, x in enumerate(policies):
            by_name.add(k, x.names, x.numbers, x.urls | x.linked)
        by_ref = NameIndex(slack)
        for k, x in enumerate(readings):
            by_ref.add(k, x.refs, x.ref_numbers, x.ref_urls | x.urls)
        covered: set[int] = set()
        cited: dict[int, list[tuple[Item, str]]] = {}
        for other in everything:
            if other.role.role == INTERPRETATION:
                for k in by_name.candidates(other.refs, other.ref_numbers, other.ref_urls | other.urls):
                    if k not in covered and self._cites(other, policies[k]):
                        covered.add(k)
            else:
                for k in by_ref.candidates(other.names, other.numbers, other.urls | other.linked):
                    how = self._cites(readings[k], other)
                    if how:
                        cited.setdefault(k, []).append((other, how))
        for k, policy in enumerate(policies):
            if k not in covered:
                yield from self._missing(ctx, policy)
        for k, reading in enumerate(readings):
            yield from self._interpretation(ctx, reading, cited.get(k, []))

    def _span(self, item: Item) -> tuple[int | None, int | None]:
        return item.role.span if item.role.span else (None, None)

    def _not_ours(self, ctx: BatchContext, index: int, doc: Document, role: Role) -> Iterator[tuple[int, Finding]]:
        """A reposted policy or an internal work rule: who must act, as information."""
        start, end = role.span if role.span else (None, None)
        reasons = "；".join(role.reasons)
        if role.role == REPOST:
            origin = origin_of(doc.text, doc.metadata.title)
            maker = f"制发机关（{origin}）" if origin else "制发机关"
            message = (f"本文件是转发或转载的其他机关的政策文件（{reasons}）：按照“谁起草、谁解读”，政策解读由{maker}"
                       "负责发布，转载网站不必另行解读；转载时宜同时转载或链接制发机关发布的解读材料")
            rule = "repost"
        else:
            message = (f"本文件是本机关内部工作规则（{reasons}）：规范的是本机关内部的工作程序，不是须同步解读的"
                       "政策文件；是否公开按内部事务信息审查（《政府信息公开条例》第十六条）")
            rule = "internal-rule"
        yield ctx.finding(index, rule, start, end, message, evidence=(doc.metadata.title or doc.source)[:80],
                          key=doc.metadata.title or doc.source)

    def _missing(self, ctx: BatchContext, item: Item) -> Iterator[tuple[int, Finding]]:
        assert item.index is not None
        start, end = self._span(item)
        reasons = "；".join(item.role.reasons)
        where = "本批次和已发布目录中均" if ctx.catalog else "本批次中（未提供已发布目录）"
        yield ctx.finding(
            item.index, "missing-interpretation", start, end,
            f"本文件属于须同步解读的政策文件（{reasons}），但{where}未找到它的政策解读：按照“谁起草、谁解读”"
            "和“三同步”要求，政策文件与解读材料应同步审签、同步发布",
            evidence=item.label[:80], suggestion=MISSING_SUGGESTION, key=min(item.names, default=item.label))

    def _interpretation(self, ctx: BatchContext, item: Item,
                        cited: list[tuple[Item, str]]) -> Iterator[tuple[int, Finding]]:
        assert item.index is not None
        start, end = self._span(item)
        if not cited:
            named = "、".join(f"《{r}》" for r in sorted(item.refs)[:3]) or "（解读未写明所解读的文件）"
            yield ctx.finding(
                item.index, "orphan-interpretation", start, end,
                f"本解读所解读的政策文件 {named} 既不在本批次中，也不在已发布目录中：无法核对政策原文是否已经发布",
                evidence=item.label[:80], suggestion=ORPHAN_SUGGESTION, key="|".join(sorted(item.refs)))
            return
        for target, how in cited:
            yield from self._late(ctx, item, target, how, start, end)
            if target.in_batch and target.text is not None and item.text is not None:
                yield from self._excerpt(ctx, item, target, start, end)

    def _late(self, ctx: BatchContext, item: Item, target: Item, how: str, start, end):
        if target.published is None or item.published is None or item.published <= target.published:
            return
        lag, no_calendar, provisional = self._lag(target.published, item.published)
        limit = self.p.max_lag_workdays
        if no_calendar is None and lag <= limit:
            return
        if no_calendar is not None and lag <= limit:
            return  # fewer calendar days than allowed working days: on time on any calendar
        unit = "个工作日" if no_calendar is None else "天（自然日）"
        note = "" if no_calendar is None else f"；{no_calendar}，暂按自然日计算"
        p_when = target.published.isoformat() + ("（以检查日期计）" if target.published_assumed else "")
        i_when = item.published.isoformat() + ("（以检查日期计）" if item.published_assumed else "")
        assert item.index is not None
        yield ctx.finding(
            item.index, "late-interpretation", start, end,
            f"本解读比所解读的政策文件《{target.label}》（按{how}对应）晚发布 {lag} {unit}：政策 {p_when} 发布，"
            f"解读 {i_when} 发布，超过规则集允许的 {limit} 个工作日{note}{provisional}",
            evidence=item.label[:80], suggestion=LATE_SUGGESTION,
            key=f"{min(target.names, default=target.label)}|{item.published.isoformat()}")

    def _excerpt(self, ctx: BatchContext, item: Item, target: Item, start, end):
        assert item.text is not None and target.text is not None and item.index is not None
        body = item.text
        if item.role.span:
            body = item.text[:item.role.span[0]] + item.text[item.role.span[1]:]
        share, length = copied_share(body, target.text, self.p.excerpt_run_chars)
        if length < self.p.min_excerpt_chars or share <= self.p.max_excerpt_ratio:
            return
        yield ctx.finding(
            item.index, "excerpt-interpretation", start, end,
            f"本解读约 {share:.0%} 的文字与政策文件《{target.label}》原文逐字相同，主要是原文的摘抄或压缩"
            f"（规则集上限 {self.p.max_excerpt_ratio:.0%}），未起到解读作用",
            evidence=item.label[:80], suggestion=EXCERPT_SUGGESTION, key=min(target.names, default=target.label))
