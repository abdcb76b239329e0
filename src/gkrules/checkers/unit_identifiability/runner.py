"""The rules of unit-identifiability, run as ``RuleRunner`` runs them, except on a document
where none of them can report: eighteen rules read the same analyses (``analyses.py``), and
on most documents those are empty — no table worth reading, no sentence the prose scan keeps,
no contributions given. Asking each rule then (a generator, ``facts.shared`` and a few empty
loops each) cost more than the analyses of a short document; the CMS checks one document at
a time, so that cost is paid on every call."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.model import Finding
from gkrules.rule import RuleRunner

from .analyses import analyses


class UnitRunner(RuleRunner):
    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        facts = ctx.facts
        a = analyses(facts, ctx, self.kit)
        # every rule reads only the tables read (views: the table facts, the audit and the
        # named rows come from them), the prose observations, the contributions given (they
        # match only tables read, but the rules about them are asked whenever they are given),
        # or (table-not-understood) the lines the loader could not read as a table
        if a.views or a.prose or a.given or any(b.kind == "unread-table" for b in facts.document.blocks):
            yield from super().check(ctx)
