"""disclosure-attribute: the 公开属性 of every document to be published, registered as a plugin
like any third-party checker. Each rule is a module of ``rules/``; where the document states
what they read of a document is computed once per document (``analysis.py``): where it
states its attribute (``stated.py``), what kind of page it is (``page.py``).

Severity follows what publishing would do: 不予公开 → block (a 行政规范性文件 must be public:
国办发〔2018〕37号), 依申请公开 → warn, 附注 and field disagreeing → warn, no attribute on a
公文 → warn, on another page → info (see docs/disclosure-attribute.md for why).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from gkrules.context import CheckContext
from gkrules.model import Finding
from gkrules.plugins import hookimpl
from gkrules.rule import Rule, RuleRunner, rule_checker

from .analysis import SITUATIONS, DisclosureRule, disclosure
from .kit import Kit
from .params import DisclosureAttributeParams
from .rules import RULES


class _Runner(RuleRunner):
    """Runs the rules of the document's situation only (an attribute stated, stated in
    unknown words, not stated: ``Disclosure.situation``). Each rule checks its whole condition
    itself and returns its finding, if any, in a tuple; the rules of other situations would
    return nothing at once, but calling all eight on every document cost this checker some
    15 % more than the single check it was before."""

    def __init__(self, rules: Sequence[Rule], kit: Kit):
        super().__init__(rules, kit)
        situated = [r for r in self.rules if isinstance(r, DisclosureRule)]
        assert len(situated) == len(self.rules)
        self.kit: Kit = kit
        self.by_situation = {s: tuple(r for r in situated if r.situation == s) for s in SITUATIONS}

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        found: list[Finding] = []
        for rule in self.by_situation[disclosure(facts, self.kit).situation]:
            found.extend(rule.check(facts, ctx))
        return iter(found)


SPEC = rule_checker("disclosure-attribute", RULES, params=DisclosureAttributeParams, prepare=Kit, runner=_Runner,
                    description="公开属性：不予公开、依申请公开、附注与公开方式栏不一致、公文未标注公开属性")


@hookimpl
def gkrules_checkers():
    yield SPEC
