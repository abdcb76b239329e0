"""The one detection pass of personal-info over a document (条例第十五条; 个人信息保护法第四条、
第二十八条), shared by all its rules (``facts.shared("personal-info/found")``).

Every running rule finds and validates its own kind of value in the document's ``Scene``
(one label scan and one numeric-run scan of the text, made once); numbers broken across
lines are found once (``wrapped``) and judged by the rule of their kind. Of two overlapping
detections the stronger stays; then the person-name rule adds the names of the people those
values belong to. Each rule reports its share (``PersonalRule.report``).
"""

from __future__ import annotations

from typing import NamedTuple

from gkrules.context import CheckContext

from .detection import Detection
from .kit import NUMERIC, Kit, Plan
from .scene import Scene
from .wrapped import wrapped_numbers


class Found(NamedTuple):
    """What the detection pass kept of one document."""

    scene: Scene
    #: the detections of each rule, in text order
    by_rule: dict[str, list[Detection]]


def detect(kit: Kit, ctx: CheckContext) -> Found:
    scene = Scene(ctx.document, ctx.today, kit)
    plan = kit.plan
    found = resolve_overlaps(_candidates(plan, scene))
    if found and plan.after is not None:
        names = list(plan.after.find_after(scene, found))
        if names:
            found = resolve_overlaps(found + names)
    by_rule: dict[str, list[Detection]] = {}
    for d in found:
        by_rule.setdefault(d.rule, []).append(d)
    return Found(scene, by_rule)


def _candidates(plan: Plan, scene: Scene) -> list[Detection]:
    """Every running rule's detections, in the pass order; numbers wrapped across lines last."""
    found: list[Detection] = []
    labels = scene.label_kinds()
    has_runs = None  # the numeric-run scan only when a numeric rule asks
    for gate, rules in plan.groups:
        if gate is NUMERIC:
            if has_runs is None:
                has_runs = bool(scene.runs())
            if not has_runs:
                continue  # most documents: no number where an ID, phone or card could be
        elif gate is not None and labels.isdisjoint(gate):
            continue  # most documents: no label of this kind, skip the calls
        for rule in rules:
            found.extend(rule.find(scene))
    if plan.wrapped:
        for number in wrapped_numbers(scene):
            for rule in plan.wrapped.get(number.kind, ()):
                found.extend(rule.find_wrapped(scene, number))
    return found


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


__all__ = ["Found", "detect", "resolve_overlaps"]
