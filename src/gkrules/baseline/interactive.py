"""The interactive audit (``gkrules baseline audit --interactive``): finding by finding, as in
``detect-secrets audit``: accept (a), reject (r), skip (s) or quit (q).

Each decision is written to the record at once, so a session that is quit or interrupted is
resumed by running the command again: findings decided on this version of the document are
not asked again, skipped ones are. Evidence and context are shown masked (personal data is
never printed in full to a terminal that may be recorded or shared).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

import attrs
from attrs import frozen

from gkrules.baseline.decide import Decision, DecisionRefused, refusal
from gkrules.baseline.policy import ReviewPolicy
from gkrules.baseline.record import DECISION_LABEL, Entry, Review
from gkrules.model import Finding
from gkrules.outputs.html import _masked_text
from gkrules.outputs.places import checker_name

CONTEXT_CHARS = 30


@frozen
class Pending:
    """A finding waiting for a decision, with what the reviewer needs to see."""

    document: str
    document_sha256: str
    finding: Finding
    title: str
    where: str
    context: str
    entry: Entry | None = None
    why: str = ""


def masked_context(text: str | None, findings: tuple[Finding, ...], f: Finding) -> str:
    """The finding's surroundings on its line, every personal-data span of the document masked."""
    loc = f.location
    if not text or loc is None or loc.start is None:
        return ""
    shown, _ = _masked_text(text, [(str(i), g) for i, g in enumerate(findings)])
    start = max(shown.rfind("\n", 0, loc.start) + 1, loc.start - CONTEXT_CHARS)
    end_at = loc.end if loc.end is not None else loc.start
    stop = shown.find("\n", end_at)
    stop = min(len(shown) if stop < 0 else stop, end_at + CONTEXT_CHARS)
    return shown[start:stop].strip()


PROMPT = "接受(a) / 驳回(r) / 跳过(s) / 退出(q)？"
_CHOICES = {"a": "accepted", "accept": "accepted", "接受": "accepted", "r": "rejected", "reject": "rejected",
            "驳回": "rejected", "s": "skip", "skip": "skip", "跳过": "skip", "q": "quit", "quit": "quit", "退出": "quit"}


def _show(p: Pending, n: int, total: int, out: TextIO) -> None:
    f = p.finding
    title = f"（{p.title}）" if p.title else ""
    out.write(f"\n[{n}/{total}] {p.document}  {p.where}  {f.severity.label}  {checker_name(f.checker)} "
              f"{f.checker}/{f.rule}{title}\n")
    out.write(f"  意见：{f.message}\n")
    if f.evidence:
        out.write(f"  证据：{f.evidence}\n")
    if p.context:
        out.write(f"  上下文：{p.context}\n")
    if p.entry is not None:
        e = p.entry
        out.write(f"  以往决定：{e.stage}{DECISION_LABEL[e.decision]}（{e.reviewer}，{e.date.isoformat()}）：{e.reason}"
                  + (f"；{p.why}" if p.why else "") + "\n")


def run_session(pending: list[Pending], review: Review, policy: ReviewPolicy, record: Callable[[Decision], None],
                ask: Callable[[str], str], out: TextIO) -> dict[str, int]:
    """Ask about each pending finding; ``record`` stores each decision as it is made.
    Returns the tally (accepted, rejected, skipped, left)."""
    tally = {"accepted": 0, "rejected": 0, "skipped": 0, "left": 0}
    for n, p in enumerate(pending, start=1):
        _show(p, n, len(pending), out)
        while True:
            try:
                answer = _CHOICES.get(ask(PROMPT).strip().lower())
            except EOFError:
                answer = "quit"
            if answer is None:
                out.write("请输入 a、r、s 或 q\n")
                continue
            if answer == "quit":
                tally["left"] = len(pending) - n + 1
                return tally
            if answer == "skip":
                tally["skipped"] += 1
                break
            decision = Decision(p.document, p.finding, p.document_sha256, attrs.evolve(review, decision=answer))  # type: ignore[arg-type]  # accept/reject only
            why = refusal(policy, decision)
            if why:
                out.write(f"  不能接受：{why}\n")
                continue
            reason = _reason(ask, answer)
            if reason is None:
                tally["left"] = len(pending) - n + 1
                return tally
            decision = attrs.evolve(decision, review=attrs.evolve(decision.review, reason=reason))
            try:
                record(decision)
            except DecisionRefused as exc:
                out.write(f"  {exc.message}\n")
                continue
            tally[answer] += 1
            out.write(f"  已记录：{DECISION_LABEL[answer]}\n")
            break
    return tally


def _reason(ask: Callable[[str], str], answer: str) -> str | None:
    """The reason for this one finding: required to accept; a rejection has a default."""
    while True:
        try:
            text = ask("理由（接受时必填）：" if answer == "accepted" else "理由（可空）：").strip()
        except EOFError:
            return None
        if text:
            return text
        if answer == "rejected":
            return "审查人驳回：须修改后再发布"
