"""The review record as a finding filter: accepted findings are suppressed, with who
accepted them at which stage and why (SARIF ``suppressions`` of kind ``external``).

The record belongs to one invocation (``gkrules check --baseline FILE``), not to the rule
set, so it is not an entry point: :func:`use_baseline` registers a small plugin object for
the run on the caller's plugin manager. A finding is suppressed only at the severity it was
accepted at or lower: a rule set that raises a rule to ``block`` sends an accepted ``warn``
back to the reviewers.
"""

from __future__ import annotations

import os
from pathlib import Path

from gkrules.baseline.record import Baseline, Entry, document_key, load
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

    def document_key(self, source: str) -> str:
        key = self._keys.get(source)
        if key is None:
            key = self._keys[source] = document_key(source, self.root)
        return key

    def entry_for(self, document_source: str, finding: Finding) -> Entry | None:
        return self.index.get((self.document_key(document_source), finding.fingerprint))

    def suppress(self, document: Document, finding: Finding) -> Suppression | None:
        entry = self.entry_for(document.source, finding)
        if entry is None or finding.severity.rank > entry.severity.rank:
            return None
        return Suppression(kind="baseline", source=self.source,
                           justification=f"{entry.stage}：{entry.reason}（审查人 {entry.reviewer}，{entry.date.isoformat()}）")


class BaselinePlugin:
    """A plugin object carrying one loaded record; registered per run."""

    def __init__(self, flt: BaselineFilter):
        self.filter = flt

    @hookimpl
    def gkrules_finding_filters(self):
        yield FilterSpec(PLUGIN_NAME, self._factory, description="审查记录（已接受的意见，须写明审查人、阶段和理由）")

    def _factory(self, setup: FilterSetup) -> BaselineFilter:
        return self.filter


def use_baseline(plugins: PluginManager, path: str | os.PathLike) -> BaselineFilter:
    """Load the record at ``path`` and register its filter on ``plugins`` (before the engine
    is built). Document paths in the record are relative to the record's folder."""
    flt = BaselineFilter(load(path), Path(path).resolve().parent, str(path))
    plugins.register(BaselinePlugin(flt), PLUGIN_NAME)
    return flt
