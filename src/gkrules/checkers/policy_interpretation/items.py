"""A document of the batch or an entry of the host's catalogue, as this checker sees it: its
role, the names, numbers and links it is known by and, for an interpretation, those of the
policy it cites."""

from __future__ import annotations

import datetime as dt
from pathlib import PurePath

from attrs import field, frozen

from gkrules.model import CatalogEntry, Document

from .classify import INTERPRETATION, OTHER, POLICY, PolicyClassifier, Role
from .names import (
    base_name,
    bracketed,
    names_of,
    normalise_number,
    normalise_url,
    numbers_in,
    refs_in_title,
    urls_in,
)

_FILE_SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".pdf", ".doc", ".docx", ".wps", ".ofd", ".csv", ".xls", ".xlsx")


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

    @property
    def span(self) -> tuple[int | None, int | None]:
        """Where the document shows its role best (its title, its number), if in its text."""
        return self.role.span if self.role.span else (None, None)


def interprets_refs(value: str | None) -> tuple[set[str], set[str], set[str]]:
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


def document_item(classifier: PolicyClassifier, index: int, doc: Document, today: dt.date, role: Role) -> Item:
    meta = doc.metadata
    numbers = {normalise_number(meta.doc_number)} if meta.doc_number else set()
    url = meta.extra.get("url")
    urls = {normalise_url(url)} if isinstance(url, str) and url else set()
    refs: set[str] = set()
    ref_numbers: set[str] = set()
    ref_urls: set[str] = set()
    text_urls = urls_in(doc.text) if "http" in doc.text else set()
    if role.role == INTERPRETATION:
        r_names, r_numbers, r_urls = interprets_refs(meta.interprets)
        refs |= r_names
        ref_numbers |= r_numbers
        ref_urls |= r_urls | text_urls
        if meta.title:
            refs |= refs_in_title(meta.title)
        head = doc.text[:400]
        ref_numbers |= numbers_in(head)
        if not refs and not ref_numbers:
            # 图说 and similar titles do not name the policy: take a 《policy》 the opening cites
            refs |= {base_name(x) for x in bracketed(head) if classifier.doctype(x)}
    published = meta.published
    return Item(role=role, label=meta.title or doc.source, index=index,
                names=frozenset(names_of(meta.title, doc.source)),
                numbers=frozenset(n for n in numbers if n), urls=frozenset(urls), refs=frozenset(refs),
                ref_numbers=frozenset(ref_numbers), ref_urls=frozenset(ref_urls), linked=frozenset(text_urls),
                published=published or today, published_assumed=published is None, text=doc.text)


def catalog_item(classifier: PolicyClassifier, entry: CatalogEntry) -> Item:
    title = entry.title or ""
    is_interp = (entry.kind == INTERPRETATION or bool(entry.interprets)
                 or (entry.kind is None and classifier.is_interpretation_title(title)))
    role = Role(INTERPRETATION if is_interp else (POLICY if entry.kind == POLICY else OTHER))
    refs: set[str] = set()
    ref_numbers: set[str] = set()
    ref_urls: set[str] = set()
    if is_interp:
        refs, ref_numbers, ref_urls = interprets_refs(entry.interprets)
        if title:
            refs |= refs_in_title(title)
    number = normalise_number(entry.doc_number) if entry.doc_number else None
    return Item(role=role, label=title or entry.url or entry.doc_number or "（目录条目）",
                names=frozenset(names_of(title) if title and not is_interp else ()),
                numbers=frozenset({number} if number else ()),
                urls=frozenset({normalise_url(entry.url)} if entry.url else ()),
                refs=frozenset(refs), ref_numbers=frozenset(ref_numbers), ref_urls=frozenset(ref_urls),
                published=entry.published)


__all__ = ["Item", "catalog_item", "document_item", "interprets_refs"]
