"""personal-info: personal data in a document to be published (条例第十五条; 个人信息保护法
第四条、第二十八条).

Each recognizer finds and validates one kind of value and judges its context; this module
runs them (each is one guarded pass over the text), keeps the stronger of two overlapping
detections, adds the names of the people those values belong to (``info``), and turns
everything into findings whose evidence is masked and whose fingerprint hashes the
normalised value. Nothing here ever puts a raw value into a message.
"""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.model import Finding, Severity

from .basis import in_penalty
from .detection import Detection
from .kit import Kit
from .masking import pseudonym
from .params import PersonalInfoParams
from .recognizers import build
from .scene import Scene

NAME_MESSAGE = "与上述个人信息同现的自然人姓名（按裁判文书公开的做法可隐去名字，只保留姓氏）"
NAME_SUGGESTION = "如需隐去，保留姓氏，名字以“某”代替。"
#: findings that say a value belongs to someone (a name on their line is that person's)
_PERSONAL = {"id-card", "id-card-legacy", "mobile", "landline", "bank-card", "email", "passport", "travel-permit",
             "plate", "social-security", "home-address", "health", "birth-date"}


def switched_off(setup: CheckerSetup) -> frozenset[str]:
    """Rule ids the rule set turns off for this checker (``rules: {plate: {enabled: false}}``)."""
    ruleset = setup.ruleset
    if ruleset is None:
        return frozenset()
    return frozenset(rid for rid, settings in ruleset.checker(setup.checker_id).rules.items()
                     if settings.enabled is False)


def resolve_overlaps(found: list[Detection]) -> list[Detection]:
    """Of overlapping detections keep the one with the higher priority (then the longer).

    Detections are cut into clusters of mutually reachable spans first (one sort), so the
    pairwise choice only runs inside a cluster: linear in practice, whatever the length of
    the document."""
    if len(found) < 2:
        return found
    ordered = sorted(found, key=lambda d: (d.start, d.end))
    out: list[Detection] = []
    cluster: list[Detection] = [ordered[0]]
    reach = ordered[0].end
    for d in ordered[1:]:
        if d.start < reach:
            cluster.append(d)
            reach = max(reach, d.end)
            continue
        out.extend(_choose(cluster))
        cluster, reach = [d], d.end
    out.extend(_choose(cluster))
    return out


def _choose(cluster: list[Detection]) -> list[Detection]:
    if len(cluster) == 1:
        return cluster
    kept: list[Detection] = []
    for d in sorted(cluster, key=lambda d: (-d.priority, -(d.end - d.start), d.start)):
        if all(d.end <= k.start or d.start >= k.end for k in kept):
            kept.append(d)
    return sorted(kept, key=lambda d: (d.start, d.end))


class PersonalInfoChecker:
    def __init__(self, setup: CheckerSetup):
        params: PersonalInfoParams = setup.params or PersonalInfoParams()
        self.kit = Kit(params)
        recognizers, self.names = build(self.kit)
        # a recognizer whose rules the rule set switched off is not run at all, and label
        # words only it reads leave the whole-text scan (as Presidio's ``entities`` does): a
        # province that does not want plates or birth dates does not pay for them
        off = switched_off(setup)
        self.recognizers = [r for r in recognizers if not off.issuperset(r.rules)]
        self.kit.scan_labels_of({k for r in self.recognizers for k in getattr(r, "label_kinds", ())})
        self.find_names = "person-name" not in off
        # what each recognizer needs, read once (documents are small: this loop is per document)
        self._plan = [(r, frozenset(needs) if (needs := getattr(r, "needs", None)) is not None else None,
                       bool(getattr(r, "numeric", False))) for r in self.recognizers]

    def detect(self, scene: Scene) -> list[Detection]:
        found: list[Detection] = []
        labels = scene.label_kinds()
        has_runs = None  # the numeric-run scan only when a numeric recognizer asks
        for r, needs, numeric in self._plan:
            if needs is not None and labels.isdisjoint(needs):
                continue  # most documents: no label of this kind, skip the call
            if numeric:
                if has_runs is None:
                    has_runs = bool(scene.runs())
                if not has_runs:
                    continue
            found.extend(r.find(scene))
        found = resolve_overlaps(found)
        names = list(self._names(scene, found)) if found and self.find_names else []
        return resolve_overlaps(found + names) if names else found

    def _names(self, scene: Scene, found: list[Detection]) -> Iterator[Detection]:
        lines = {scene.line_start(d.start) for d in found
                 if d.rule in _PERSONAL and d.severity != Severity.INFO}
        for ls in sorted(lines):
            for s, e, sl in self.names.in_line(scene, ls, scene.line_end(ls)):
                yield Detection("person-name", s, e, key=scene.text[s:e], masked=pseudonym(scene.raw(s, e), sl),
                                message=NAME_MESSAGE, suggestion=NAME_SUGGESTION, priority=1)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        scene = Scene(ctx.document, ctx.today, self.kit)
        found = self.detect(scene)
        penalty = bool(found) and scene.is_penalty
        for d in found:
            s, e = scene.doc_span(d.start, d.end)
            info = ctx.rules.get(d.rule)
            # the penalty-publication rule is cited in penalty decisions only (basis.py)
            basis = in_penalty(d.rule, info.basis) if penalty and info is not None else None
            yield ctx.finding(d.rule, s, e, d.message, evidence=d.masked, suggestion=d.suggestion,
                              severity=d.severity, key=d.key, basis=basis)
