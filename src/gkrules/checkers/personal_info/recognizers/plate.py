"""Vehicle plates (GA 36): a province's abbreviation, a letter (not I/O), then five characters
(classic) or six (new energy: D/F… first for small vehicles, last for large ones).

Plates are everywhere in traffic notices, so a plate counts only next to a plate label
(车牌号, 私家车, 驾驶…) next to it or as its column header, and never for official
vehicles (公务用车, 执法车辆…) named before it on the line.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..detection import Detection
from ..masking import mask_value

_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
_PLATE = regex.compile(rf"[{_PROVINCES}][A-HJ-NP-Z][·•.\s]?(?P<tail>[A-HJ-NP-Z0-9]{{5,6}})(?![A-Za-z0-9])")
_NEW_ENERGY = regex.compile(r"[A-HJK][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[A-HJK]")

MESSAGE = "机动车号牌（{why}），与车主个人相关联，公开发布须删除或脱敏"
SUGGESTION = "删除号牌号码；确需保留的，脱敏后发布（如 湘E·*****）。"


class PlateRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("plate",)
    #: the label kinds it reads from the whole-text label scan
    label_kinds = ("plate",)
    rule = "plate"
    #: label kinds without which this recognizer has nothing to do
    needs = label_kinds

    def __init__(self, kit):
        self.kit = kit
        self.mask = kit.params.masks.plate

    def find(self, scene) -> Iterator[Detection]:
        if not scene.mentions("plate"):
            return
        w = self.kit.params.windows
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
            yield Detection(self.rule, s, e, key=m.group().replace("·", "").replace(" ", "").upper(),
                            masked=mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail),
                            message=MESSAGE.format(why=why), suggestion=SUGGESTION, priority=10)
