"""Shaping a report for the caller: rules selected or ignored (``--select``/``--ignore``),
findings below the display level left out (``--min-severity``), several batches' reports
made one (a folder with its own rule set is checked by its own engine).

The engine's own findings (``engine/checker-error``, ``engine/unreadable-content``) are
never ignored or hidden: a check that did not happen must always be seen.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable, Sequence

import attrs

from gkrules.model import Finding, Report, RulesetInfo, Severity, Summary

ENGINE = "engine"


def rule_matches(f: Finding, selector: str) -> bool:
    """``personal-info`` selects every rule of that checker, ``personal-info/mobile`` one rule;
    ``ALL`` selects everything."""
    selector = selector.strip()
    if selector.upper() == "ALL":
        return True
    if "/" in selector:
        return f"{f.checker}/{f.rule}" == selector
    return f.checker == selector


def is_selected(f: Finding, select: Sequence[str], ignore: Sequence[str]) -> bool:
    if f.checker == ENGINE:
        return True
    if select and not any(rule_matches(f, s) for s in select):
        return False
    return not any(rule_matches(f, s) for s in ignore)


def _summary(report: Report) -> Summary:
    counts = Counter(f.severity for d in report.documents for f in d.findings)
    return Summary(block=counts[Severity.BLOCK], warn=counts[Severity.WARN], info=counts[Severity.INFO],
                   suppressed=sum(len(d.suppressed) for d in report.documents))


def keep_findings(report: Report, keep) -> Report:
    docs = tuple(attrs.evolve(d, findings=tuple(f for f in d.findings if keep(f))) for d in report.documents)
    out = attrs.evolve(report, documents=docs)
    return attrs.evolve(out, summary=_summary(out))


def select_rules(report: Report, select: Sequence[str], ignore: Sequence[str]) -> Report:
    """Findings of rules not selected, or ignored, are dropped (they no longer fail the check)."""
    if not select and not ignore:
        return report
    return keep_findings(report, lambda f: is_selected(f, select, ignore))


def at_least(report: Report, level: Severity) -> Report:
    """Findings below ``level`` left out of what is shown (the exit code is decided before)."""
    if level == Severity.INFO:
        return report
    return keep_findings(report, lambda f: f.checker == ENGINE or f.severity.at_least(level))


def combine(reports: Sequence[Report]) -> Report:
    """One report for batches checked with different rule sets (per-folder settings)."""
    if len(reports) == 1:
        return reports[0]
    infos = list(dict.fromkeys(r.ruleset for r in reports))
    if len(infos) == 1:
        ruleset = infos[0]
    else:
        digest = hashlib.sha256("\n".join(i.digest for i in infos).encode()).hexdigest()
        ruleset = RulesetInfo(id="+".join(i.id for i in infos), version="+".join(i.version for i in infos),
                              digest=f"sha256:{digest}")
    docs = tuple(d for r in reports for d in r.documents)
    plugins = tuple(dict.fromkeys(p for r in reports for p in r.plugins))
    out = attrs.evolve(reports[0], ruleset=ruleset, documents=docs, complete=all(r.complete for r in reports),
                       plugins=plugins)
    return attrs.evolve(out, summary=_summary(out))


def worst_exit(codes: Iterable[int]) -> int:
    """2 (incomplete) over 1 (findings) over 0."""
    return max(codes, default=0)
