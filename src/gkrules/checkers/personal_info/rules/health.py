"""health: health and medical data of a named person (个人信息保护法第二十八条: 医疗健康 is
sensitive).

Health words are ordinary policy prose (传染病防控, 大病保险, 残疾人就业), so a health word
counts only on a line that names a person (a list item headed by a name, a name after
姓名/申请人/患者, a 姓名 column) or ties it to one (本人, 配偶, 子女…) — and never as part of
患者 or 隐患. All health words of one line that lie close together form one finding.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_all
from ..recognizer import PersonalRule
from ..scene import Scene

_NOT_ILLNESS_AFTER = {"患": "者"}
_NOT_ILLNESS_BEFORE = {"患": "隐忧祸后外内"}
_JOIN = 20  # health words this close on one line form one statement

MESSAGE = "健康、医疗信息（与具体人员同现{why}），属敏感个人信息，未经本人同意不得公开"
SUGGESTION = "删除疾病、诊疗等健康信息，或删除可识别个人的姓名等信息后再发布。"


class Health(PersonalRule):
    """与具体人员同一行（行首姓名、“姓名”“申请人”“患者”后的姓名、“姓名”栏，或“本人”“配偶”“子女”等）的疾病、
    诊疗、残疾等信息；同一行相距很近的健康词语合为一条。一般政策表述（传染病防控、大病保险、残疾人就业）不报告，
    “患者”“隐患”中的“患”不算。
    """

    id = "health"
    title = "健康、医疗信息"
    severity = Severity.WARN
    basis = basis.GENERAL + basis.SENSITIVE
    tags = ("个人隐私", "敏感个人信息")
    words = ("cues.health", "cues.relation", "cues.name_before", "cues.surname")
    tests = ("tests/personal_info/test_pi_health.py",)
    scan_order = 100
    label_kinds = ("health",)
    needs = ("health",)
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def _terms(self, scene: Scene) -> Iterator[tuple[int, int]]:
        text = scene.text
        for s, e, w in scene.labels("health"):
            if w in _NOT_ILLNESS_AFTER and text[e:e + 1] in _NOT_ILLNESS_AFTER[w]:
                continue
            if w in _NOT_ILLNESS_BEFORE and s > 0 and text[s - 1] in _NOT_ILLNESS_BEFORE[w]:
                continue
            yield s, e

    def find(self, scene: Scene) -> Iterator[Detection]:
        if not scene.mentions("health"):
            return
        by_line: dict[int, list[tuple[int, int]]] = {}
        for s, e in self._terms(scene):
            by_line.setdefault(scene.line_start(s), []).append((s, e))
        for ls, spans in by_line.items():
            le = scene.line_end(ls)
            if not any(True for _ in self.kit.names.in_line(scene, ls, le)):
                continue
            why = ""
            rel = [c for c in scene.cues_before(spans[0][0], spans[0][0] - ls) if "relation" in c.kinds]
            if rel:
                why = f"，涉及“{rel[-1].word}”"
            groups: list[list[int]] = []
            for s, e in spans:
                if groups and s - groups[-1][1] <= _JOIN:
                    groups[-1][1] = max(groups[-1][1], e)
                else:
                    groups.append([s, e])
            for s, e in groups:
                key = scene.text[s:e]
                yield Detection(self.id, s, e, key=key, masked=mask_all(scene.raw(s, e)),
                                message=MESSAGE.format(why=why), suggestion=SUGGESTION, priority=8)
