"""The rule set's allowlist: values a bureau publishes on purpose, each with its reason.

An entry matches a finding whose matched text equals its ``value`` (compared without white
space, full-width forms folded), optionally only for one checker or rule and for documents
whose source matches one of its glob patterns.
"""

from __future__ import annotations

import fnmatch

from gkrules.context import normalise_key
from gkrules.model import Document, Finding, Suppression
from gkrules.plugins import hookimpl
from gkrules.specs import FilterSetup, FilterSpec


class AllowlistFilter:
    def __init__(self, setup: FilterSetup):
        self.entries = [(normalise_key(e.value), e) for e in setup.ruleset.spec.allowlist]
        self.origin = setup.ruleset.files[-1] if setup.ruleset.files else None

    def suppress(self, document: Document, finding: Finding) -> Suppression | None:
        loc = finding.location
        if not self.entries or loc is None or loc.start is None or loc.end is None:
            return None
        matched = normalise_key(document.text[loc.start:loc.end])
        for value, entry in self.entries:
            if value != matched:
                continue
            if entry.checker and entry.checker != finding.checker:
                continue
            if entry.rule and entry.rule != finding.rule:
                continue
            if entry.documents and not any(fnmatch.fnmatch(document.source, pat) for pat in entry.documents):
                continue
            return Suppression(kind="allowlist", justification=entry.reason, source=self.origin)
        return None


@hookimpl
def gkrules_finding_filters():
    yield FilterSpec("allowlist", AllowlistFilter, description="规则集允许清单（须写明理由）")
