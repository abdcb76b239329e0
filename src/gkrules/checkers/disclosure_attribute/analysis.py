"""What the disclosure-attribute rules read of one document, computed once per document
(``facts.shared``): the statements of the attribute, and — on first use, at most once — what
kind of page it is (a 公文, a page like an issued document, a repost) and whether it is a
行政规范性文件.

Which rules can find anything depends on the statements alone: the document's *situation*
is ``known`` (an attribute stated: withheld, normative-withheld, on-request, conflict),
``unrecognised`` (stated in words that are none of the three: unknown-value) or ``none``
(not stated anywhere: missing, missing-page, repost).
"""

from __future__ import annotations

from typing import ClassVar, Literal

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata.kind import normative_reason
from gkrules.metadata.role import REPOST
from gkrules.model import Finding
from gkrules.rule import Rule

from . import page
from .kit import Kit
from .stated import Attribute, restricted, statements

Situation = Literal["known", "unrecognised", "none"]
SITUATIONS: tuple[Situation, ...] = ("known", "unrecognised", "none")


class _Unset:
    """Not computed yet (None is a result: no reason)."""


_UNSET = _Unset()


class Disclosure:
    """One document's attribute as the rules see it."""

    __slots__ = ("_document_like", "_facts", "_kit", "_normative", "_official", "known", "restricted", "situation",
                 "statements")

    def __init__(self, facts: DocumentFacts, kit: Kit):
        self._facts = facts
        self._kit = kit
        self._official: str | _Unset | None = _UNSET
        self._document_like: str | _Unset | None = _UNSET
        self._normative: str | _Unset | None = _UNSET
        #: every statement of the attribute, in text order (what only the metadata says last)
        self.statements: tuple[Attribute, ...] = statements(facts, kit)
        #: those whose value is one of the three attributes
        self.known: tuple[Attribute, ...] = ()
        #: the strictest statement when it keeps the document from the web (stated.restricted)
        self.restricted: Attribute | None = None
        self.situation: Situation = "none"
        if self.statements:  # most documents state nothing
            self.known = tuple(a for a in self.statements if a.value is not None)
            self.restricted = restricted(self.known)
            self.situation = "known" if self.known else "unrecognised"

    def official(self) -> str | None:
        """Why the document is a 公文 (page.official), or None."""
        if isinstance(self._official, _Unset):
            self._official = page.official(self._facts, self._kit)
        return self._official

    def document_like(self) -> str | None:
        """Why a page that is no 公文 reads as an issued document (page.document_like), or None."""
        if isinstance(self._document_like, _Unset):
            self._document_like = page.document_like(self._facts)
        return self._document_like

    def reposted(self) -> bool:
        """A repost (recognised from its content) of a document another organ issued: its
        attribute is that organ's to fix, so a missing one is not this page's omission."""
        return self._facts.metadata.role == REPOST and (self.official() is not None
                                                        or self.document_like() is not None)

    def normative(self) -> str | None:
        """Why the document is a 行政规范性文件 (××规〔2024〕1号, a 文件类型 field), or None."""
        if isinstance(self._normative, _Unset):
            kit = self._kit
            self._normative = normative_reason(self._facts.metadata, kit.normative_number, kit.p.normative_categories)
        return self._normative


def disclosure(facts: DocumentFacts, kit: Kit) -> Disclosure:
    """The document's :class:`Disclosure`: computed once per document, whichever rule asks first."""
    return facts.shared("disclosure-attribute/disclosure", lambda: Disclosure(facts, kit))


class DisclosureRule(Rule):
    """A rule of disclosure-attribute: it can find something in one situation only (and
    still checks its whole condition itself), and at most one finding per document, which
    ``check`` returns in a tuple."""

    situation: ClassVar[Situation]
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> tuple[Finding, ...]:
        raise NotImplementedError
