"""Recording decisions on findings: one function every way in uses (create/update, the
interactive audit, a decisions file, ``POST /v1/decisions``), so the waiver policy is
enforced in one place.

A decision names the document (its record key), the finding (fingerprint), the version of
the document it was made on (SHA-256 of the file) and the review (who, stage, accept or
reject, why, when). A later decision on the same finding replaces the current one and
pushes it to ``history``: nothing is ever taken out of an entry's history.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs
from attrs import frozen

from gkrules.baseline.policy import ReviewPolicy
from gkrules.baseline.record import Baseline, Entry, Review
from gkrules.errors import UsageError
from gkrules.model import Finding


class DecisionRefused(UsageError):
    """A decision the waiver policy does not allow (the message says why, in Chinese)."""

    code = "decision-refused"


@frozen
class Decision:
    document: str
    finding: Finding
    document_sha256: str
    review: Review


def entry_for(decision: Decision, title: str = "") -> Entry:
    f, r = decision.finding, decision.review
    return Entry(document=decision.document, fingerprint=f.fingerprint, checker=f.checker, rule=f.rule,
                 severity=f.severity, reviewer=r.reviewer, stage=r.stage, reason=r.reason, date=r.date,
                 title=title, decision=r.decision, document_sha256=decision.document_sha256, bulk=r.bulk)


def refusal(policy: ReviewPolicy, decision: Decision) -> str | None:
    if decision.finding.checker == "engine":
        return "检查失败（engine）的意见不能接受：须修复后重新检查"
    if decision.review.decision != "accepted":
        return None
    return policy.refusal(decision.finding.severity, decision.review.stage, bulk=decision.review.bulk)


def enforce(policy: ReviewPolicy, decisions: Iterable[Decision]) -> list[Decision]:
    """The decisions, or :class:`DecisionRefused` naming every one the policy refuses."""
    decisions = list(decisions)
    problems = []
    for d in decisions:
        why = refusal(policy, d)
        if why:
            problems.append(f"{d.document} 的 {d.finding.checker}/{d.finding.rule}：{why}")
    if problems:
        shown = "；".join(problems[:5]) + (f"；等共 {len(problems)} 条" if len(problems) > 5 else "")
        raise DecisionRefused(f"审查决定不符合规则集的审查规则，未写入审查记录：{shown}")
    return decisions


def apply(baseline: Baseline, policy: ReviewPolicy, decisions: Iterable[Decision],
          titles: Mapping[tuple[str, str], str] | None = None) -> Baseline:
    """The record with these decisions added; all or nothing (:class:`DecisionRefused` names
    every refused decision by document and rule, never by content)."""
    decisions = enforce(policy, decisions)
    index = {e.key: e for e in baseline.entries}
    for d in decisions:
        key = (d.document, d.finding.fingerprint)
        current = index.get(key)
        if current is None:
            index[key] = entry_for(d, (titles or {}).get((d.finding.checker, d.finding.rule), ""))
        else:
            review = attrs.evolve(d.review, document_sha256=d.document_sha256)
            index[key] = attrs.evolve(current.signed(review), severity=d.finding.severity)
    return baseline.with_entries(index.values())
