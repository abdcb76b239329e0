"""The typed base of every personal-info rule: a rule is a recognizer (Presidio's
``EntityRecognizer``) — it declares itself, finds the candidates of its kind of value,
validates them and judges their context in ``find``, and reports what the checker's one
detection pass kept of them.

The detection pass (``detect.detect``) runs once per document, whichever rule asks first: it
scans the text once for labels and numeric runs (``Scene``), asks every running rule to
``find`` in ``scan_order``, resolves overlaps between the kinds (an ID number beats the
mobile-shaped digits inside a wrapped line, a card number beats an ID-shaped one), then adds
the names of the people those values belong to. Each rule's ``check`` reads its own share
of the result (``report``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import ClassVar

from gkrules.context import CheckContext, CheckerSetup
from gkrules.facts import DocumentFacts
from gkrules.model import Finding
from gkrules.rule import Rule, RuleRunner

from .basis import PENALTY
from .detect import Found, detect
from .detection import Detection
from .kit import Kit
from .scene import Scene
from .wrapped import WrappedNumber

#: the key of the detection pass's result among the document's shared facts
FOUND = "personal-info/found"


class PersonalRule(Rule):
    """A personal-info rule. Subclasses declare the rule (``Rule``'s class attributes), set
    the attributes below and implement ``find``; their ``check`` returns ``self.report``."""

    kit: Kit
    #: its place in the detection pass: of two overlapping detections of equal priority and
    #: length, the one found first stays
    scan_order: ClassVar[int] = 100
    #: label kinds (``kit.LABEL_KINDS``) it reads from the whole-text label scan
    label_kinds: ClassVar[tuple[str, ...]] = ()
    #: label kinds without one of which it has nothing to do (None: it always runs)
    needs: ClassVar[tuple[str, ...] | None] = None
    #: it looks only inside numeric runs (nothing to do in a text without one)
    numeric: ClassVar[bool] = False
    #: the kind of number broken across lines it judges (``wrapped.WrappedNumber.kind``)
    wrapped: ClassVar[str | None] = None
    #: its values belong to a person: a name on the same line is that person's (person-name)
    belongs_to_person: ClassVar[bool] = True
    #: it runs after the others, on what they kept (person-name: ``find_after``)
    after_scan: ClassVar[bool] = False
    #: 浙江办法第七条 names its values: in a published penalty decision its basis cites it
    hidden_in_penalty: ClassVar[bool] = False

    def __init__(self, setup: CheckerSetup, kit: Kit):
        super().__init__(setup, kit)
        kit.enlist(self)

    def find(self, scene: Scene) -> Iterable[Detection]:
        """The validated values of this kind in their context (in text order)."""
        return ()

    def find_wrapped(self, scene: Scene, number: WrappedNumber) -> Iterable[Detection]:
        """The detection of a number written across a line break, if it is one of this kind."""
        return ()

    def find_after(self, scene: Scene, found: list[Detection]) -> Iterable[Detection]:
        """What an ``after_scan`` rule adds to what the other rules kept."""
        return ()

    def report(self, facts: DocumentFacts, ctx: CheckContext) -> list[Finding] | tuple[()]:
        """The findings of this rule that the detection pass kept: evidence masked, the
        fingerprint keyed on the normalised value, never a raw value in a message. (A list,
        not a generator: cheaper for the rules with nothing to report.)"""
        found: Found = facts.shared(FOUND, lambda: detect(self.kit, ctx))
        mine = found.by_rule.get(self.id)
        if not mine:
            return ()
        info = ctx.rules.get(self.id)
        basis = None
        # the penalty-publication rule is cited in penalty decisions only (basis.py)
        if self.hidden_in_penalty and info is not None and found.scene.is_penalty and PENALTY not in info.basis:
            basis = info.basis + PENALTY
        doc_span = found.scene.doc_span
        out = []
        for d in mine:
            s, e = doc_span(d.start, d.end)
            out.append(ctx.finding(self.id, s, e, d.message, evidence=d.masked, suggestion=d.suggestion,
                                   severity=d.severity, key=d.key, basis=basis))
        return out


class PersonalInfoRunner(RuleRunner):
    """The rules of personal-info, run as ``RuleRunner`` runs them, except that a rule with
    nothing in the detection pass's result is not asked: the pass is shared, and asking each
    of sixteen rules for its share of it (``facts.shared`` and a call, about a microsecond
    each on the test machine) made the checker 20% slower on the benchmark corpus, where most
    documents hold no personal data (docs/benchmarks.md)."""

    def __init__(self, rules: Sequence[PersonalRule], kit: Kit):
        super().__init__(rules, kit)
        self.kit: Kit = kit
        self.rules: tuple[PersonalRule, ...] = tuple(rules)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        kit = self.kit
        by_rule = facts.shared(FOUND, lambda: detect(kit, ctx)).by_rule
        if by_rule:
            for rule in self.rules:
                if rule.id in by_rule:
                    yield from rule.check(facts, ctx)


__all__ = ["FOUND", "PersonalInfoRunner", "PersonalRule"]
