"""The review record as a finding filter: accepted findings are suppressed, with who
accepted them at which stage and why (SARIF ``suppressions`` of kind ``external``).

The record belongs to one invocation (``gkrules check --baseline FILE``), not to the rule
set, so it is not an entry point: :func:`use_baseline` registers a small plugin object for
the run on the caller's plugin manager. A finding is suppressed only at the severity it was
accepted at or lower: a rule set that raises a rule to ``block`` sends an accepted ``warn``
back to the reviewers. Nor is it suppressed when the entry was a rejection, when the document
is no longer the version that was decided on (its SHA-256), or when the acceptance does not
meet the rule set's waiver policy (``gkrules.baseline.policy``).
"""

from __future__ import annotations

import os
from pathlib import Path

from gkrules.baseline.policy import DEFAULT_POLICY, ReviewPolicy, policy_for
from gkrules.baseline.record import DECISION_LABEL, Baseline, Entry, document_key, load
from gkrules.model import Document, Finding, Suppression
from gkrules.plugins import PluginManager, hookimpl
from gkrules.specs import FilterSetup, FilterSpec

PLUGIN_NAME = "baseline"


class BaselineFilter:
    def __init__(self, baseline: Baseline, root: Path, source: str | None = None):
        self.baseline = baseline
        self.root = root
        self.source = source
        self.index: dict[tuple[str, str], Entry] = {e.key: e for e in baseline.entries}
        self._keys: dict[str, str] = {}
        #: set from the rule set when the engine builds its filters
        self.policy: ReviewPolicy = DEFAULT_POLICY

    def document_key(self, source: str) -> str:
        key = self._keys.get(source)
        if key is None:
            key = self._keys[source] = document_key(source, self.root)
        return key

    def entry_for(self, document_source: str, finding: Finding) -> Entry | None:
        return self.index.get((self.document_key(document_source), finding.fingerprint))

    def suppress(self, document: Document, finding: Finding) -> Suppression | None:
        entry = self.entry_for(document.source, finding)
        if entry is None or self.invalid_reason(entry, document.sha256) is not None:
            return None
        if finding.severity.rank > entry.severity.rank:
            return None
        bulk = "，批量接受" if entry.bulk else ""
        return Suppression(kind="baseline", source=self.source,
                           justification=f"{entry.stage}{DECISION_LABEL[entry.decision]}：{entry.reason}"
                                         f"（审查人 {entry.reviewer}，{entry.date.isoformat()}{bulk}）")

    def invalid_reason(self, entry: Entry, sha256: str | None) -> str | None:
        """Why an acceptance does not suppress its finding in this document version (Chinese)."""
        if entry.decision != "accepted":
            return "审查人已驳回，须修改文件"
        if not entry.holds_for(sha256):
            return "文件在审查后已修改，原审查决定失效，须重新审查"
        return self.policy.entry_refusal(entry)


class BaselinePlugin:
    """A plugin object carrying one loaded record; registered per run."""

    def __init__(self, flt: BaselineFilter):
        self.filter = flt

    @hookimpl
    def gkrules_finding_filters(self):
        yield FilterSpec(PLUGIN_NAME, self._factory, description="审查记录（已接受的意见，须写明审查人、阶段和理由）")

    def _factory(self, setup: FilterSetup) -> BaselineFilter:
        self.filter.policy = policy_for(setup.ruleset)
        return self.filter


def use_baseline(plugins: PluginManager, path: str | os.PathLike) -> BaselineFilter:
    """Load the record at ``path`` and register its filter on ``plugins`` (before the engine
    is built). Document paths in the record are relative to the record's folder."""
    if "://" in str(path):  # a shared record in a database: document keys are relative to here
        from gkrules.baseline.store import open_store

        flt = BaselineFilter(open_store(str(path)).read(), Path.cwd(), str(path))
    else:
        flt = BaselineFilter(load(path), Path(path).resolve().parent, str(path))
    plugins.register(BaselinePlugin(flt), PLUGIN_NAME)
    return flt
