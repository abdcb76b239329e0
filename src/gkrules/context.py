"""What a checker gets from the engine: its setup once, a context per document or batch."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from gkrules.errors import CalendarError
from gkrules.facts import DocumentFacts
from gkrules.fingerprints import keyed_digest
from gkrules.matching import KeywordMatcher, make_matcher
from gkrules.model import CatalogEntry, Document, Finding, RuleInfo, Severity

if TYPE_CHECKING:
    from gkrules.protocols import WorkdayCalendar
    from gkrules.ruleset.model import Ruleset


def normalise_key(value: str) -> str:
    """The form of a matched value that fingerprints hash: NFKC, no white space."""
    return "".join(unicodedata.normalize("NFKC", value).split())


def fingerprint_base(checker: str, rule: str, key: str) -> str:
    """Keyed (HMAC) under the installation's key: a report's fingerprints cannot be turned
    back into the values they hash by trying candidates (see gkrules.fingerprints)."""
    return keyed_digest(f"gkrules/v2\0{checker}\0{rule}\0{key}")


@frozen
class CheckerSetup:
    """Given once to a checker factory: its validated params and shared services."""

    checker_id: str
    params: Any
    ruleset: Ruleset
    #: ``year → calendar or None``: the ``gkrules_calendar`` hook under ``ruleset``, which the
    #: engine builds (``PluginManager.calendar_finder``); None: no calendar at all
    find_calendar: Callable[[int], WorkdayCalendar | None] | None = field(default=None, eq=False, repr=False)

    def keyword_matcher(self, words: Mapping[str, Any] | Iterable[str]) -> KeywordMatcher:
        return make_matcher(words)

    def calendar(self, year: int) -> WorkdayCalendar:
        """The working-day calendar covering ``year`` (raises CalendarError if none does)."""
        cal = self.find_calendar(year) if self.find_calendar is not None else None
        if cal is None:
            raise CalendarError(f"没有覆盖 {year} 年的工作日历：请在规则集的 calendar 部分补充该年的节假日安排")
        return cal


class _FindingFactory:
    checker_id: str
    rules: Mapping[str, RuleInfo]

    def _make(self, document: Document | None, rule: str, start: int | None, end: int | None,
              message: str, *, evidence: str | None, suggestion: str | None,
              severity: Severity | str | None, basis: str | None, tags: Sequence[str] | None,
              key: str | None) -> Finding:
        info = self.rules.get(rule)
        sev = (severity if type(severity) is Severity else Severity(severity)) if severity is not None \
            else (info.severity if info else Severity.WARN)
        location = None
        if document is not None and start is not None:
            location = document.location(start, end if end is not None else start)
        if key is None:
            key = document.text[start:end] if (document is not None and start is not None and end) else ""
        return Finding(
            checker=self.checker_id, rule=rule, severity=sev, message=message, location=location,
            evidence=evidence, basis=basis if basis is not None else (info.basis if info else None),
            suggestion=suggestion, tags=tuple(tags) if tags is not None else (info.tags if info else ()),
            fingerprint=fingerprint_base(self.checker_id, rule, normalise_key(key)),
        )


class CheckContext(_FindingFactory):
    """One document under check."""

    def __init__(self, document: Document, today: dt.date, setup: CheckerSetup,
                 rules: Mapping[str, RuleInfo], extras: Mapping[str, Any] | None = None,
                 facts: DocumentFacts | None = None):
        self.document = document
        if facts is None:
            facts = DocumentFacts(document)
        #: what the engine computed once for this document, shared by every checker (read-only)
        self.facts = facts
        #: side inputs of the run, by name (e.g. ``contributions``); see Engine.check
        self.extras = extras or {}
        self.today = today
        self.setup = setup
        self.params = setup.params
        self.checker_id = setup.checker_id
        self.rules = rules

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def metadata(self):
        return self.document.metadata

    def finding(self, rule: str, start: int | None = None, end: int | None = None, message: str = "", *,
                evidence: str | None = None, suggestion: str | None = None,
                severity: Severity | str | None = None, basis: str | None = None,
                tags: Sequence[str] | None = None, key: str | None = None) -> Finding:
        """A finding of ``rule`` at text[start:end] (no span: a document-level finding).

        ``key`` is what identifies the finding for fingerprints and baselines; it defaults to
        the matched text. Personal-data checkers pass the normalised value: it is only ever
        hashed. Severity, basis and tags default to the rule's declared ones.
        """
        return self._make(self.document, rule, start, end, message, evidence=evidence,
                          suggestion=suggestion, severity=severity, basis=basis, tags=tags, key=key)


class BatchContext(_FindingFactory):
    """A whole release batch: its loaded documents and the host's catalogue."""

    def __init__(self, documents: Sequence[Document], catalog: Sequence[CatalogEntry], today: dt.date,
                 setup: CheckerSetup, rules: Mapping[str, RuleInfo], extras: Mapping[str, Any] | None = None):
        self.extras = extras or {}
        self.documents = tuple(documents)
        self.catalog = tuple(catalog)
        self.today = today
        self.setup = setup
        self.params = setup.params
        self.checker_id = setup.checker_id
        self.rules = rules

    def finding(self, index: int, rule: str, start: int | None = None, end: int | None = None,
                message: str = "", *, evidence: str | None = None, suggestion: str | None = None,
                severity: Severity | str | None = None, basis: str | None = None,
                tags: Sequence[str] | None = None, key: str | None = None) -> tuple[int, Finding]:
        """A finding on ``documents[index]``; returns the pair that ``check_batch`` yields."""
        doc = self.documents[index]
        return index, self._make(doc, rule, start, end, message, evidence=evidence, suggestion=suggestion,
                                 severity=severity, basis=basis, tags=tags, key=key)
