"""Which period applies to a piece of information, and labelled decision dates in a text.

Built once from the rule-set parameters (patterns compiled here), then asked per document or
per catalogue entry.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from attrs import frozen

from gkrules.deadlines.params import DeadlineCategory, PeriodicItem, ReleaseDeadlineParams
from gkrules.metadata.dates import parse_date

_SP = r"[^\S\n]*"


@frozen
class Rule:
    """The period that applies: ``workdays`` working days, named and with its basis."""

    workdays: int
    name: str
    basis: str
    category: str | None = None
    #: the period is the catalogue item's own (``deadline_workdays``), not the category's
    custom: bool = False

    def describe(self) -> str:
        """``20 个工作日（主动公开信息）``."""
        return f"{self.workdays} 个工作日（{self.name}{'，目录条目自定时限' if self.custom else ''}）"


@frozen
class LabelledDate:
    """A labelled date field such as ``处罚决定日期：2024年8月21日``; ``date`` is None when the
    value cannot be read as a date."""

    label: str
    raw: str
    date: dt.date | None
    start: int
    end: int
    category: DeadlineCategory


def _words_rx(words: Iterable[str]) -> re.Pattern | None:
    words = [w for w in words if w]
    if not words:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))


def _spread(label: str) -> str:
    return _SP.join(re.escape(c) for c in label)


class RuleResolver:
    """Decides the period of a document or catalogue entry."""

    def __init__(self, params: ReleaseDeadlineParams):
        self.params = params
        self.default = Rule(params.default_workdays, "主动公开信息", params.default_basis, None)
        self._rules = [Rule(c.workdays, c.name, c.basis, c.id) for c in params.categories]
        self._by_id = {c.id: i for i, c in enumerate(params.categories)}
        # category order decides: a word or kind maps to the first category that lists it
        self._word_cat: dict[str, int] = {}
        self._kind_cat: dict[str, int] = {}
        for i, c in enumerate(params.categories):
            for w in c.title_words:
                self._word_cat.setdefault(w, i)
            for k in c.kinds:
                self._kind_cat.setdefault(k, i)
        self._title_rx = _words_rx(self._word_cat)
        label_to_cat: dict[str, DeadlineCategory] = {}
        for c in params.categories:
            for label in c.date_labels:
                label_to_cat.setdefault(label, c)
        self._label_cat = label_to_cat
        self._labels = None
        if label_to_cat:
            alt = "|".join(_spread(lab) for lab in sorted(label_to_cat, key=len, reverse=True))
            self._labels = re.compile(
                rf"^(?:[^\S\n]|[•·●▪◆■*\-])*(?:【{_SP}(?P<b>{alt}){_SP}】|(?P<c>{alt}){_SP}[:：])(?P<v>[^\n]*)",
                re.M)
        self._skip = set(params.skip_disclosures)
        self._periodic = [(p, tuple(p.title_words)) for p in params.periodic]

    def skips(self, disclosure: str | None) -> bool:
        return disclosure in self._skip

    def rule_for(self, *, kind: str | None = None, title: str | None = None,
                 category: str | None = None, override: int | None = None) -> Rule:
        """The period for information of this kind and title. ``category`` (from a labelled
        decision date) and ``override`` (a catalogue item's own period) win."""
        if category is not None:
            index = self._by_id.get(category)
        else:
            index = self._kind_cat.get(kind) if kind is not None else None
            if title and self._title_rx is not None:
                for m in self._title_rx.finditer(title):
                    i = self._word_cat[m.group()]
                    index = i if index is None else min(index, i)
        chosen = self.default if index is None else self._rules[index]
        if override is not None:
            return Rule(override, chosen.name, chosen.basis, chosen.category, custom=True)
        return chosen

    def labelled_date(self, text: str) -> LabelledDate | None:
        """The first labelled decision date of the text (处罚决定日期：…)."""
        if self._labels is None:
            return None
        m = self._labels.search(text)
        if m is None:
            return None
        label = "".join((m.group("b") or m.group("c")).split())
        value = m.group("v")
        raw = value.strip()
        start = m.start("v") + (len(value) - len(value.lstrip()))
        return LabelledDate(label, raw, parse_date(raw), start, start + len(raw), self._label_cat[label])

    def periodic_for(self, title: str | None) -> PeriodicItem | None:
        """The periodic item whose title this is (the title ends with one of its words)."""
        if not title:
            return None
        t = re.sub(r"[（(][^（()）]*[）)]$", "", title.strip()).strip()
        for item, words in self._periodic:
            if t.endswith(words):
                return item
        return None


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")


def report_year(title: str | None) -> int | None:
    """The year a periodic report is about: the first year written in its title."""
    if not title:
        return None
    m = _YEAR.search(title)
    return int(m.group(1)) if m else None
