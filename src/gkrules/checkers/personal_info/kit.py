"""What the personal-info checker compiles once per engine: the cue book, the label scan, the
name finder and the plan of the one detection pass (which rules run, in which order)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import attrs
import regex

from gkrules.context import CheckerSetup
from gkrules.memo import BoundedMemo

from .cues import Cue, CueBook, WordScan, alternation, leftmost_longest
from .detection import Recognizer
from .names import NameFinder
from .params import Cues, PersonalInfoParams
from .textview import FOLD_TRIGGERS

#: lists that are not cue words around a value (they are looked up otherwise)
_NOT_CUES = {"surname", "compound_surname", "org_suffix", "health", "official_title", "unit"}
#: kinds whose words are searched in the whole text, in one pass (a recognizer of such a kind
#: starts from its labels instead of scanning for values)
LABEL_KINDS = ("passport", "travel_permit", "social_security", "home_address", "party_address", "birth", "plate",
               "health")
# The label kinds are scanned together. Measured (docs/benchmarks.md): one pass over all of
# them beats one scan per kind; of the one-pass scans, ahocorasick-rs as a DFA takes fewer
# instructions than a trie-shaped ``re`` pattern (cues.leftmost_longest), which beats a flat
# alternation many times over. Words that start with very common characters (中风、手术、
# 工伤…) slowed the ``re`` scan and were left out of the lists.
#: digits with the separators that phone, ID and card numbers are written with; a value of
#: those kinds lies inside one such run (the numeric recognizers only look there). A run
#: starts with three digits (every value does: 138 1234 5678, 0931)8123456, 6217 0027…);
#: a ``(`` or ``+86`` before it is within the look-back of a search.
#: (``regex`` is the faster engine for this pattern.)
NUMERIC_RUN = regex.compile(r"[0-9]{3}[0-9 \-()（）]{6,}[0-9Xx]")
RUN_LOOKBACK = 5  # "0086 " before a mobile
#: the characters a masked value is written with (the weak-mask recognizer's trigger)
MASK_TRIGGERS = "*＊×"
_NUMERALS = frozenset("一二三四五六七八九十百千零〇两")
_SEPARATORS = "，,：:;； 　、（(\t"


#: the gate of a group of rules in the detection pass: None (always run), NUMERIC (only in a
#: text with a numeric run) or the label kinds one of which must occur
Gate = frozenset[str] | str | None
NUMERIC = "numeric"


class Plan(NamedTuple):
    """The detection pass: the running rules in pass order, in groups of neighbours with the
    same gate (one test skips a group: six numeric rules when a text has no numeric run), and
    the rules that judge each kind of number wrapped across lines."""

    groups: list[tuple[Gate, tuple[Recognizer, ...]]]
    wrapped: dict[str, tuple[Recognizer, ...]]
    #: the rule that runs after the others on what they kept (person-name), if it runs
    after: Recognizer | None


def switched_off(setup: CheckerSetup) -> frozenset[str]:
    """Rule ids the rule set turns off for this checker (``rules: {plate: {enabled: false}}``)."""
    ruleset = setup.ruleset
    if ruleset is None:
        return frozenset()
    return frozenset(rid for rid, settings in ruleset.checker(setup.checker_id).rules.items()
                     if settings.enabled is False)


class Kit:
    """Built once per engine (``rule_checker(prepare=...)``) from the setup and the rule
    classes; every rule of the checker holds it as ``self.kit``.

    A rule the rule set switched off is not run at all, and label words only it reads leave
    the whole-text scan (as Presidio's ``entities`` does): a province that does not want
    plates or birth dates does not pay for them."""

    def __init__(self, setup: CheckerSetup, rules: Sequence[Any]):
        """``rules``: the checker's rule classes (``recognizer.PersonalRule`` subclasses)."""
        params: PersonalInfoParams = setup.params or PersonalInfoParams()
        self.params = params
        lists = {f.name: getattr(params.cues, f.name) for f in attrs.fields(Cues)}
        self.book = CueBook({k: v for k, v in lists.items() if k not in _NOT_CUES})
        #: labels after which a name stands (姓名：, 申请人…), searched on a finding's line
        self.name_before_rx = alternation(params.cues.name_before)
        self._lists = lists
        self._header_memo: BoundedMemo[str, list[Cue]] = BoundedMemo(self.book.hits)
        #: cue words of a table header (headers repeat on every row: computed once). The memo's
        #: bound ``__call__``: calling the memo object itself goes through CPython's slow
        #: ``tp_call`` slot, measurable at ten thousand header look-ups per 5 MB
        self.header_cues: Callable[[str], list[Cue]] = self._header_memo.__call__
        w = params.windows
        #: the widest look-back any rule uses, and the look-ahead (cached once per position)
        self.reach_back = max(w.before, w.party)
        self.reach_ahead = w.after
        self.org_suffixes = tuple(sorted(params.cues.org_suffix, key=len, reverse=True))
        self.units = tuple(sorted(params.cues.unit, key=len, reverse=True))
        self.provinces = frozenset(params.id_provinces)
        self.card_prefixes = tuple(params.card_prefixes)
        self.mobile_prefixes = frozenset(params.mobile_prefixes)
        #: the names of people (their e-mails, health data and names are judged with them)
        self.names = NameFinder(self)
        off = switched_off(setup)
        #: the rules that run, in the order of the detection pass (ties of an overlap go to the
        #: earlier); each rule instance enlists itself (``enlist``)
        self.scan_ids = tuple(r.id for r in sorted(rules, key=lambda r: r.scan_order) if r.id not in off)
        self.personal_ids = frozenset(r.id for r in rules if r.belongs_to_person)
        self.scan_labels_of({k for r in rules if r.id in self.scan_ids for k in r.label_kinds})
        self._enlisted: dict[str, Recognizer] = {}
        self._plan: Plan | None = None

    def enlist(self, rule: Recognizer) -> None:
        """A rule instance joins the detection pass (called by ``PersonalRule.__init__``)."""
        self._enlisted[rule.id] = rule
        self._plan = None

    @property
    def scan(self) -> list[Recognizer]:
        """The rule instances of the detection pass, in its order (switched-off rules left out)."""
        return [self._enlisted[i] for i in self.scan_ids if i in self._enlisted]

    @property
    def plan(self) -> Plan:
        """What each running rule needs, read once (the pass runs for every document)."""
        if self._plan is None:
            scan = [r for r in self.scan if not r.after_scan]
            wrapped: dict[str, list[Recognizer]] = {}
            for r in scan:
                if r.wrapped is not None:
                    wrapped.setdefault(r.wrapped, []).append(r)
            groups: list[tuple[Gate, tuple[Recognizer, ...]]] = []
            for r in scan:
                gate: Gate = NUMERIC if r.numeric else frozenset(r.needs) if r.needs is not None else None
                if groups and groups[-1][0] == gate:
                    groups[-1] = (gate, (*groups[-1][1], r))
                else:
                    groups.append((gate, (r,)))
            after = next((r for r in self.scan if r.after_scan), None)
            self._plan = Plan(groups, {k: tuple(v) for k, v in wrapped.items()}, after)
        return self._plan

    def scan_labels_of(self, kinds: Iterable[str]) -> None:
        """Build the whole-text label scan for label ``kinds`` (a subset of ``LABEL_KINDS``:
        the checker leaves out the kinds that only switched-off rules would read)."""
        self.label_kinds: dict[str, tuple[str, ...]] = {}
        for kind in LABEL_KINDS:
            if kind in kinds:
                for w in self._lists[kind]:
                    self.label_kinds[w] = (*self.label_kinds.get(w, ()), kind)
        # the scan also looks for characters that make folding worth it (full-width digits,
        # ＠, zero-width characters): cheaper than a search of its own
        for c in FOLD_TRIGGERS:
            self.label_kinds.setdefault(c, ("fold",))
        # ... and for mask characters (``*``, ``＊``, ``×``), which the weak-mask recognizer
        # needs: unless a label word holds one (a match would then hide it), the same scan
        # tells whether any occurs, instead of three searches of the whole text
        self.mask_in_scan = not any(c in w for w in self.label_kinds for c in MASK_TRIGGERS)
        if self.mask_in_scan:
            for c in MASK_TRIGGERS:
                self.label_kinds[c] = (*self.label_kinds.get(c, ()), "mask")
        #: (start, end, word) of every label word of a text, leftmost-longest (None: no words)
        self.label_scan: WordScan | None = leftmost_longest(self.label_kinds)
        #: every label is one character (no rule reads label words): a scene finds them with
        #: ``str.find`` instead of ``label_scan`` (the same hits)
        self.label_chars_only = all(len(w) == 1 for w in self.label_kinds)

    def owned_by_org(self, head: str) -> bool:
        """What follows ``head`` belongs to an organisation: ``head`` ends with its name
        (``综合科（``, ``名称：某某公司　``), and not with a unit in parentheses after a
        person (``周丽华（市统计局综合科，``: the mailbox is 周丽华's)."""
        head = head.rstrip(_SEPARATORS)
        i = max(head.rfind("（"), head.rfind("("))
        if i != -1 and max(head.rfind("）"), head.rfind(")")) < i:
            head = head[:i].rstrip(_SEPARATORS)
        return self.is_org_name(head)

    def is_org_name(self, text: str) -> bool:
        """``text`` ends with an organisation's name (澧州市统计局, 综合科, 某某有限公司), not
        with an address that ends the same way (501室, 五组)."""
        if not text.endswith(self.org_suffixes):
            return False
        suffix = next(s for s in self.org_suffixes if text.endswith(s))
        before = text[:-len(suffix)]
        return bool(before) and "\u4e00" <= before[-1] <= "\u9fff" and before[-1] not in _NUMERALS
