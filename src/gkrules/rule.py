"""A rule as the unit of code: its declaration, its messages and its logic in one class, one
module (the layout of ruff's rules and Presidio's recognizers).

A rule module holds one :class:`Rule` subclass::

    class FenhaoWithoutMark(Rule):
        \"\"\"版头首行有 6 位份号而无密级标志：只有涉密公文才标注份号，须核实文件是否涉密。\"\"\"

        id = "fenhao-without-mark"
        title = "有份号无密级"
        severity = Severity.WARN
        basis = basis.FENHAO
        tags = ("保密",)

        def check(self, facts, ctx):
            ...
            yield self.finding(ctx, start, end, "文件版头有份号……", suggestion=SUGGESTION)

The class docstring is the rule's description (shown by ``gkrules rule`` and in the generated
docs); ``basis`` is written once (a constant shared by the rules that cite it); the messages
and the suggestion live beside the logic that decides them. A checker package lists its rule
classes and hands them to :func:`rule_checker`, which builds the :class:`CheckerSpec`: the
declarations become the checker's ``rules`` (so the engine rejects a finding of any rule not
listed), and ``check`` runs each rule in turn on the document's facts.

Rules of one checker that read the same analysis (one scan for personal-data candidates, the
statistical tables of a document) get it from ``facts.shared(key, compute)``: computed once
per document, whichever rule asks first. What a checker compiles once per engine (patterns,
word lists, recognizers) is its *kit*: ``prepare(setup)`` builds it, and every rule receives
it as ``self.kit``.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, ClassVar, Literal

import attrs

from gkrules.context import BatchContext, CheckContext, CheckerSetup
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity
from gkrules.ruledocs import help_uri
from gkrules.specs import CheckerSpec, RuleInfo


class Rule:
    """One rule. Subclasses set the class attributes below and implement :meth:`check`."""

    #: unique within the checker: lower-case letters, digits and hyphens
    id: ClassVar[str]
    #: what the rule detects, in a line (Chinese)
    title: ClassVar[str]
    #: the default severity (a rule set may change it)
    severity: ClassVar[Severity]
    #: the legal or normative basis findings cite (write it once, as a shared constant)
    basis: ClassVar[str]
    tags: ClassVar[tuple[str, ...]] = ()
    #: the parameters of the checker that hold this rule's word lists (``gkrules rule`` names
    #: their files)
    words: ClassVar[tuple[str, ...]] = ()
    #: test files (relative to the project root) that test this rule by its id, besides the
    #: rule set's examples (which tests/test_rule_examples.py runs for every rule)
    tests: ClassVar[tuple[str, ...]] = ()
    #: why the rule has no failing or no passing example in the rule set, if it has none
    #: (e.g. it needs a .docx, or a batch of documents)
    examples_note: ClassVar[str] = ""

    def __init__(self, setup: CheckerSetup, kit: Any = None):
        self.setup = setup
        self.params = setup.params
        #: what the checker compiled once for all its rules (``rule_checker(prepare=...)``)
        self.kit = kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        raise NotImplementedError

    def finding(self, ctx: CheckContext, start: int | None = None, end: int | None = None, message: str = "",
                **kwargs: Any) -> Finding:
        """A finding of this rule (see :meth:`CheckContext.finding` for the keywords)."""
        return ctx.finding(self.id, start, end, message, **kwargs)

    @classmethod
    def description(cls) -> str:
        """The class docstring as one paragraph (Chinese lines join without a space)."""
        out = ""
        for line in inspect.cleandoc(cls.__doc__ or "").splitlines():
            line = line.strip()
            if out and line and out[-1].isascii() and out[-1].isalnum() and line[0].isascii():
                out += " "
            out += line
        return out

    @classmethod
    def info(cls) -> RuleInfo:
        return RuleInfo(cls.id, cls.title, cls.severity, cls.basis, tuple(cls.tags), cls.description(),
                        source=cls.__module__, words=tuple(cls.words), examples_note=cls.examples_note,
                        tests=tuple(cls.tests))


class BatchRule(Rule):
    """A rule over a whole release batch (a policy and its interpretation published together):
    implement :meth:`check_batch` instead of :meth:`check`."""

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        raise TypeError(f"rule {self.id} checks batches, not single documents")

    def check_batch(self, ctx: BatchContext) -> Iterable[tuple[int, Finding]]:
        raise NotImplementedError

    def finding_in(self, ctx: BatchContext, index: int, start: int | None = None, end: int | None = None,
                   message: str = "", **kwargs: Any) -> tuple[int, Finding]:
        """A finding of this rule on ``ctx.documents[index]``."""
        return ctx.finding(index, self.id, start, end, message, **kwargs)


class RuleRunner:
    """What ``rule_checker`` makes of a checker's rules: one instance per engine, asking every
    rule on every document. A checker whose rules mostly cannot fire on a document (nothing
    hidden in it, no personal data found by the shared pass) subclasses it to ask only the
    rules that can, and passes the subclass as ``rule_checker(runner=...)``."""

    def __init__(self, rules: Sequence[Rule], kit: Any = None):
        self.rules = tuple(rules)
        #: the checker's kit (``rule_checker(prepare=...)``), the same object every rule has
        self.kit = kit

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        for rule in self.rules:
            yield from rule.check(facts, ctx)

    def check_batch(self, ctx: BatchContext) -> Iterator[tuple[int, Finding]]:
        for rule in self.rules:
            if isinstance(rule, BatchRule):
                yield from rule.check_batch(ctx)


def rule_checker(id: str, rules: Sequence[type[Rule]], *, params: type | None = None,
                 prepare: Callable[[CheckerSetup], Any] | None = None, description: str = "",
                 scope: Literal["document", "batch"] = "document", version: str | None = None,
                 enabled_by_default: bool = True, runner: type[RuleRunner] | None = None) -> CheckerSpec:
    """The CheckerSpec of a checker made of rule classes (in the order their findings should
    come: findings are sorted by position afterwards, ties keep this order)."""
    seen: set[str] = set()
    for r in rules:
        if (scope == "batch") != issubclass(r, BatchRule):
            raise ValueError(f"checker {id}: rule {r.id} does not fit a checker of scope {scope}")
        if r.id in seen:
            raise ValueError(f"checker {id}: rule {r.id} is listed twice")
        seen.add(r.id)

    run_with = runner or RuleRunner

    def factory(setup: CheckerSetup) -> RuleRunner:
        kit = prepare(setup) if prepare is not None else None
        return run_with([r(setup, kit) for r in rules], kit)

    infos = tuple(attrs.evolve(r.info(), help_uri=help_uri(id, r.id)) for r in rules)
    return CheckerSpec(id=id, factory=factory, rules=infos, params=params,
                       scope=scope, description=description, version=version,
                       enabled_by_default=enabled_by_default)


__all__ = ["BatchRule", "Rule", "RuleRunner", "rule_checker"]
