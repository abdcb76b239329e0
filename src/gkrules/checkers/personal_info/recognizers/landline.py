"""Landlines: an area code and a 7–8 digit number (``0739-8826103``, ``(0931)8123456``).

Office lines, hotlines and fax numbers are public (条例第二十条), so a landline is reported
only when its label says it is a person's (家庭电话, 住宅电话…), or when it belongs to a party
(当事人, 申请人…) and no office label is closer.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..detection import Detection
from ..masking import mask_value
from ..owner import LANDLINE, owner_of

MESSAGE = "个人固定电话（{why}），属个人联系方式，公开发布须删除或脱敏"
SUGGESTION = "删除个人电话，改为单位办公电话；确需保留的，脱敏后发布。"


class LandlineRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("landline",)
    rule = "landline"
    #: looks only inside numeric runs (nothing to do without one)
    numeric = True

    def __init__(self, kit):
        self.kit = kit
        self.mask = kit.params.masks.landline

    def find(self, scene) -> Iterator[Detection]:
        w = self.kit.params.windows
        for m in scene.finditer(LANDLINE, first="0"):
            s, e = m.span()
            if scene.in_url(s):
                continue
            cue = scene.nearest_before(s, w.before, ("private_phone", "office", "phone"))
            hcues = scene.header_cues(s)
            owner = owner_of(scene, s, org=False)
            if (cue is not None and "private_phone" in cue.kinds) or any("private_phone" in c.kinds for c in hcues):
                why = "标注为“" + (cue.word if cue is not None and "private_phone" in cue.kinds else scene.header(s)) + "”"
                severity = owner.severity if owner.kind in ("party", "person", "penalty") else None
            elif cue is not None and "office" in cue.kinds:
                continue
            elif owner.kind == "party" or (owner.kind == "person" and owner.severity is not None):
                why, severity = "当事人的电话", owner.severity
            else:
                continue  # an office line, a work contact's, or nobody's in particular
            if owner.why and severity is not None:
                why += "，" + owner.why
            digits = "".join(c for c in m.group() if c.isdigit())
            yield Detection(self.rule, s, e, key=digits,
                            masked=mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail),
                            message=MESSAGE.format(why=why), severity=severity, suggestion=SUGGESTION, priority=15)
