"""plate: a vehicle plate (GA 36) next to a plate label, never an official vehicle's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..recognizer import PersonalRule
from ..scene import Scene

# a province's abbreviation, a letter (not I/O), then five characters (classic) or six (new
# energy: D/F… first for small vehicles, last for large ones)
_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = regex.compile(rf"[{_PROVINCES}][A-HJ-NP-Z][·•.\s]?(?P<tail>[A-HJ-NP-Z0-9]{{5,6}})(?![A-Za-z0-9])")
_NEW_ENERGY = regex.compile(r"[A-HJK][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[A-HJK]")

MESSAGE = "机动车号牌（{why}），与车主个人相关联，公开发布须删除或脱敏"
SUGGESTION = "删除号牌号码；确需保留的，脱敏后发布（如 湘E·*****）。"


class Plate(PersonalRule):
    """机动车号牌（GA 36，含 6 位新能源号牌）。交通类通知中号牌随处可见，只有“车牌号”“号牌”“私家车”“驾驶”等标签
    在旁（同一行前后或所在栏目的表头）时才报告；同一行前面写明公务用车、执法车辆等的号牌不报告。
    """

    id = "plate"
    title = "机动车号牌"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私",)
    words = ("cues.plate", "cues.official_vehicle")
    tests = ("tests/personal_info/test_pi_plate.py",)
    scan_order = 80
    label_kinds = ("plate",)
    needs = ("plate",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        if not scene.mentions("plate"):
            return
        w = self.params.windows
        mask = self.params.masks.plate
        for m in _PLATE.finditer(scene.text):
            tail = m.group("tail")
            if not any(c.isdigit() for c in tail):
                continue
            if len(tail) == 6 and not _NEW_ENERGY.fullmatch(tail):
                continue
            s, e = m.span()
            cues = scene.cues_before(s, w.before) + scene.cues_after(e, w.after) + scene.header_cues(s)
            if any("official_vehicle" in c.kinds for c in scene.cues_before(s, w.party) + cues):
                continue
            label = next((c.word for c in cues if "plate" in c.kinds), None)
            if label is None:
                continue
            why = f"标注为“{label}”" + ("，新能源号牌" if len(tail) == 6 else "")
            yield Detection(self.id, s, e, key=m.group().replace("·", "").replace(" ", "").upper(),
                            masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                            message=MESSAGE.format(why=why), suggestion=SUGGESTION, priority=10)
