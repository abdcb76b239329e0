"""Reviewer statistics: per rule and per review stage, how many findings, accepted,
rejected and pending — from one check run against one review record.

A finding counts as accepted or rejected only when its decision holds for the document as it
is now (same version, policy met); a lapsed decision counts as pending again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from attrs import field, frozen

from gkrules.baseline.record import STAGES
from gkrules.model import Report
from gkrules.outputs.places import checker_name

STAT_LABELS = {"findings": "意见", "accepted": "已接受", "rejected": "已驳回", "pending": "待审查"}
PENDING_STAGE = "未审查"


@frozen
class ReviewStats:
    by_rule: Mapping[tuple[str, str], Counter] = field(factory=dict)
    by_stage: Mapping[str, Counter] = field(factory=dict)
    titles: Mapping[tuple[str, str], str] = field(factory=dict)

    def by_rule_named(self) -> list[tuple[str, Counter]]:
        out = []
        for key in sorted(self.by_rule):
            title = self.titles.get(key) or key[1]
            out.append((f"{checker_name(key[0])}·{title}", self.by_rule[key]))
        return out

    def by_stage_named(self) -> list[tuple[str, Counter]]:
        return [(s, self.by_stage[s]) for s in (*STAGES, PENDING_STAGE) if s in self.by_stage]


def review_stats(report: Report, flt, titles: Mapping[tuple[str, str], str] | None = None) -> ReviewStats:
    """Count the findings of ``report`` (reported and suppressed by the record) by outcome."""
    by_rule: dict[tuple[str, str], Counter] = {}
    by_stage: dict[str, Counter] = {}

    def add(key, stage, outcome):
        for table, k in ((by_rule, key), (by_stage, stage)):
            row = table.setdefault(k, Counter({name: 0 for name in STAT_LABELS}))
            row["findings"] += 1
            row[outcome] += 1

    for d in report.documents:
        if d.sha256 is None:
            continue
        doc = flt.document_key(d.source)
        findings = [(f, False) for f in d.findings if f.checker not in ("engine", "baseline")]
        findings += [(s.finding, s.suppression.kind == "baseline") for s in d.suppressed]
        for f, waived in findings:
            key = (f.checker, f.rule)
            e = flt.index.get((doc, f.fingerprint))
            if waived and e is not None:
                add(key, e.stage, "accepted")
            elif e is not None and e.decision == "rejected" and e.holds_for(d.sha256):
                add(key, e.stage, "rejected")
            elif not waived:
                add(key, PENDING_STAGE, "pending")
    return ReviewStats(by_rule, by_stage, dict(titles or {}))


def merge_stats(parts: list[ReviewStats]) -> ReviewStats:
    """One ReviewStats for a run whose folders use different records (settings per folder)."""
    if len(parts) == 1:
        return parts[0]
    by_rule: dict[tuple[str, str], Counter] = {}
    by_stage: dict[str, Counter] = {}
    titles: dict[tuple[str, str], str] = {}
    for part in parts:
        for key, row in part.by_rule.items():
            by_rule.setdefault(key, Counter({name: 0 for name in STAT_LABELS})).update(row)
        for stage, row in part.by_stage.items():
            by_stage.setdefault(stage, Counter({name: 0 for name in STAT_LABELS})).update(row)
        titles.update(part.titles)
    return ReviewStats(by_rule, by_stage, titles)


def stats_lines(stats: ReviewStats) -> list[str]:
    """The statistics as text lines (``--format text``)."""
    head = "  ".join(STAT_LABELS.values())
    lines = ["审查统计（按规则）：" + head]
    for name, row in stats.by_rule_named():
        lines.append(f"  {name}：" + "  ".join(f"{row[k]}" for k in STAT_LABELS))
    lines.append("审查统计（按审查阶段）：" + head)
    for name, row in stats.by_stage_named():
        lines.append(f"  {name}：" + "  ".join(f"{row[k]}" for k in STAT_LABELS))
    return lines
