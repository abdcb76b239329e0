"""Waiver policy: who may accept which finding, read from the rule set's ``review`` section.

A finding accepted too early in 三审 (自审 → 送审 → 终审) means nothing: by default a
blocking finding can only be accepted at 终审, and each blocking finding needs its own
reason (no bulk acceptance). A province overrides this in its rule set::

    review:
      accept_stage: {warn: 送审}     # 警告级意见最早在送审阶段接受
      bulk: [info, warn, block]      # 允许一条理由批量接受阻断级意见（记录中标明 bulk）

The policy is enforced when a decision is recorded (``baseline create/update/audit/decide``,
``POST /v1/decisions``) and again when a record is used (``check --baseline``): an entry
written by hand against the policy suppresses nothing.
"""

from __future__ import annotations

from collections.abc import Mapping

from attrs import frozen

from gkrules.baseline.record import STAGES, Entry, stage_rank
from gkrules.model import Severity

DEFAULT_ACCEPT_STAGE: Mapping[Severity, str] = {Severity.INFO: "自审", Severity.WARN: "自审", Severity.BLOCK: "终审"}
DEFAULT_BULK: frozenset[Severity] = frozenset({Severity.INFO, Severity.WARN})


@frozen
class ReviewPolicy:
    accept_stage: Mapping[Severity, str]
    bulk: frozenset[Severity]

    def stage_needed(self, severity: Severity) -> str:
        return self.accept_stage.get(severity, STAGES[-1])

    def refusal(self, severity: Severity, stage: str, *, bulk: bool) -> str | None:
        """Why this acceptance is not allowed (Chinese), or None when it is."""
        needed = self.stage_needed(severity)
        if stage_rank(stage) < stage_rank(needed):
            return f"{severity.label}级意见须在{needed}阶段接受（本次为{stage}）"
        if bulk and severity not in self.bulk:
            return (f"{severity.label}级意见须逐条接受、逐条写明理由（规则集未允许批量接受；"
                    "请用 --fingerprint 逐条接受，或用 gkrules baseline audit --interactive / decide）")
        return None

    def entry_refusal(self, entry: Entry) -> str | None:
        """Why a recorded acceptance does not hold under this policy (a record edited by hand,
        or written under a laxer rule set)."""
        if entry.decision != "accepted":
            return None
        return self.refusal(entry.severity, entry.stage, bulk=entry.bulk)


def policy_for(ruleset) -> ReviewPolicy:
    """The policy of a loaded rule set (defaults for whatever it does not say)."""
    section = ruleset.spec.review
    stages = {**DEFAULT_ACCEPT_STAGE, **section.accept_stage}
    bulk = frozenset(section.bulk) if section.bulk is not None else DEFAULT_BULK
    return ReviewPolicy(accept_stage=stages, bulk=bulk)


DEFAULT_POLICY = ReviewPolicy(accept_stage=DEFAULT_ACCEPT_STAGE, bulk=DEFAULT_BULK)
