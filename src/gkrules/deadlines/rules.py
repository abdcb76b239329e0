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
from gkrules.metadata.scan import lines_at, starts_of

_SP = r"[^\S\n]*"
_LABEL_CLOSERS = ":：】"
#: what follows a label's last character on a labelled line
_LABEL_TAIL = re.compile(rf"{_SP}[{_LABEL_CLOSERS}]")


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
        self._excluded = [tuple(c.exclude_title_endings) for c in params.categories]
        label_to_cat: dict[str, DeadlineCategory] = {}
        for c in params.categories:
            for label in c.date_labels:
                label_to_cat.setdefault(label, c)
        self._label_cat = label_to_cat
        self._labels = None
        self._label_end = None
        self._label_lasts: list[str] | None = None
        if label_to_cat:
            alt = "|".join(_spread(lab) for lab in sorted(label_to_cat, key=len, reverse=True))
            self._labels = re.compile(
                rf"^(?:[^\S\n]|[•·●▪◆■*\-])*(?:【{_SP}(?P<b>{alt}){_SP}】|(?P<c>{alt}){_SP}[:：])(?P<v>[^\n]*)",
                re.M)
            if all(label_to_cat):
                # a labelled line has a label's last character before its colon or 】: only the
                # lines holding that are tried (see gkrules.metadata.scan)
                ends = "".join(sorted({re.escape(lab[-1]) for lab in label_to_cat}))
                self._label_end = re.compile(rf"[{ends}]{_SP}[:：】]")
                # the same match starts from a str.find of each last character (期, 间: few),
                # when none of them is white space or a colon the rest of a match may hold
                lasts = sorted({lab[-1] for lab in label_to_cat})
                if not any(c.isspace() or c in _LABEL_CLOSERS for c in lasts):
                    self._label_lasts = lasts
        self._skip = set(params.skip_disclosures)
        self._periodic = [(p, tuple(p.title_words)) for p in params.periodic]
        # the report naming itself in its opening ("现公布2018年宣城市统计局政府信息公开工作年度报告",
        # "本报告根据《中华人民共和国政府信息公开条例》…编制"): pages whose title is not the first line
        self._periodic_body = [
            (p, _periodic_needles(p), re.compile(rf"(?:现公布|现予公布|现予以公布|特向社会公布|现将|本报告为|编制的|公布)[^。\n]{{0,40}}?"
                           rf"(?:{'|'.join(re.escape(w) for w in p.title_words)})"
                           + (r"|本(?:年度)?报告[^。\n]{0,20}?(?:根据|依据|按照)《(?:中华人民共和国)?政府信息公开条例》"
                              if p.id == "annual-report" else "")))
            for p in params.periodic]

    def skips(self, disclosure: str | None) -> bool:
        return disclosure in self._skip

    def category_index(self, kind: str | None, title: str | None) -> int | None:
        """The first category (in rule-set order) whose kind or title word fits, unless the
        title ends with one of that category's ``exclude_title_endings`` (a 通知 *about*
        penalty decisions is not a penalty decision)."""
        candidates = []
        if kind is not None and kind in self._kind_cat:
            candidates.append(self._kind_cat[kind])
        if title and self._title_rx is not None:
            candidates.extend(self._word_cat[m.group()] for m in self._title_rx.finditer(title))
        if not candidates:
            return None
        bare = _bare_title(title) if title else ""
        for i in sorted(set(candidates)):
            if not (bare and bare.endswith(self._excluded[i])):
                return i
        return None

    def rule_for(self, *, kind: str | None = None, title: str | None = None,
                 category: str | None = None, override: int | None = None) -> Rule:
        """The period for information of this kind and title. ``category`` (from a labelled
        decision date) and ``override`` (a catalogue item's own period) win."""
        index = self._by_id.get(category) if category is not None else self.category_index(kind, title)
        chosen = self.default if index is None else self._rules[index]
        if override is not None:
            return Rule(override, chosen.name, chosen.basis, chosen.category, custom=True)
        return chosen

    def labelled_date(self, text: str) -> LabelledDate | None:
        """The earliest labelled decision date of the text (处罚决定日期：…): a page that
        publishes several decisions is due by the first one's deadline. A value that is not a
        date is returned (with ``date`` None) when no valid one exists."""
        if self._labels is None:
            return None
        best = bad = None
        if self._label_end is not None:
            if self._label_lasts is not None:
                starts = sorted(p for c in self._label_lasts for p in starts_of(text, c, _LABEL_TAIL))
            else:
                starts = [m.start() for m in self._label_end.finditer(text)]
            lines = lines_at(text, starts)
            matches: Iterable[re.Match] = (m for ls, le in lines if (m := self._labels.match(text, ls, le)))
        else:
            matches = self._labels.finditer(text)
        for m in matches:
            label = "".join((m.group("b") or m.group("c")).split())
            value = m.group("v")
            raw = value.strip()
            start = m.start("v") + (len(value) - len(value.lstrip()))
            found = LabelledDate(label, raw, parse_date(raw), start, start + len(raw), self._label_cat[label])
            if found.date is None:
                bad = bad or found
            elif best is None or best.date is None or found.date < best.date:
                best = found
        return best or bad

    def category_id(self, index: int | None) -> str | None:
        return None if index is None else self._rules[index].category

    def periodic_in_body(self, text: str, limit: int = 800) -> tuple[PeriodicItem, int | None, int, int] | None:
        """(item, year, start, end) when the opening of the text says it is a periodic report
        (the year from that sentence or the report's 统计期限, if written)."""
        head = text[:limit]
        for item, needles, rx in self._periodic_body:
            if not any(n in head for n in needles):  # the pattern needs one of them: no match
                continue
            m = rx.search(head)
            if m is None:
                continue
            year = _YEAR.search(m.group(0))
            period = _PERIOD.search(text, 0, limit * 2)
            found = int(year.group(1)) if year else (int(period.group(1)) if period else None)
            return item, found, m.start(), m.end()
        return None

    def periodic_for(self, title: str | None) -> PeriodicItem | None:
        """The periodic item whose title this is (the title ends with one of its words)."""
        if not title:
            return None
        t = _bare_title(title)
        for item, words in self._periodic:
            if t.endswith(words):
                return item
        return None


def _periodic_needles(item: PeriodicItem) -> tuple[str, ...]:
    """Literal text every match of the item's opening pattern contains: one of its title words,
    or (the annual report) the regulation's name. Looking for them first is several times faster
    than the pattern, which most openings do not match."""
    return (*item.title_words, *(("政府信息公开条例",) if item.id == "annual-report" else ()))


_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


def _bare_title(title: str) -> str:
    """The title without a trailing note such as （试行） or （青统罚决字〔2026〕第9号）."""
    return _TRAILING_NOTE.sub("", title.strip()).strip()


_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
# "本报告所列数据的统计期限自2018年1月1日起": the year a report is about
_PERIOD = re.compile(r"统计期限[^。\n]{0,6}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")


def report_year(title: str | None) -> int | None:
    """The year a periodic report is about: the first year written in its title."""
    if not title:
        return None
    m = _YEAR.search(title)
    return int(m.group(1)) if m else None
