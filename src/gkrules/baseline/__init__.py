"""Review record (审查记录 / baseline): accepted findings, who accepted them and why.

    gkrules baseline create site/ --reviewer 张三 --stage 自审 --reason "……"
    gkrules check site/ --baseline .gkrules-baseline.json

API: :func:`gkrules.filters.baseline.use_baseline` registers a record on a plugin manager;
:func:`with_stale_findings` adds the entries that no longer match to a report.
"""

from gkrules.baseline.record import (
    DEFAULT_FILE,
    SCHEMA,
    STAGES,
    Baseline,
    Entry,
    Review,
    RulesetRef,
    document_key,
    load,
    save,
    stage_rank,
)
from gkrules.baseline.stale import STALE_KEY, STALE_RULE, stale_entries, with_stale_findings

__all__ = ["DEFAULT_FILE", "SCHEMA", "STAGES", "STALE_KEY", "STALE_RULE", "Baseline", "Entry", "Review",
           "RulesetRef", "document_key", "load", "save", "stage_rank", "stale_entries", "with_stale_findings"]
