"""Landlines: an area code and a 7–8 digit number (``0739-8826103``, ``(0931)8123456``).

Office lines, hotlines and fax numbers are public (条例第二十条), so a landline is reported
only when its label says it is a person's (家庭电话, 住宅电话…), or when it belongs to a party
(当事人, 申请人…) and no office label is closer.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..detection import Detection
from ..masking import mask_value
from .mobile import contact_severity

_LANDLINE = regex.compile(r"(?<![0-9A-Za-z*])(?:[(（]0\d{2,3}[)）][ -]?|0\d{2,3}[ -]?)[2-9]\d{6,7}(?![0-9A-Za-z*])")

MESSAGE = "个人固定电话（{why}），属个人联系方式，公开发布须删除或脱敏"
SUGGESTION = "删除个人电话，改为单位办公电话；确需保留的，脱敏后发布。"


class LandlineRecognizer:
    rule = "landline"
    #: looks only inside numeric runs (nothing to do without one)
    numeric = True

    def __init__(self, kit):
        self.kit = kit
        self.mask = kit.params.masks.landline

    def find(self, scene) -> Iterator[Detection]:
        w = self.kit.params.windows
        for m in scene.finditer(_LANDLINE, first="0"):
            s, e = m.span()
            cue = scene.nearest_before(s, w.before, ("private_phone", "office", "phone"))
            hcues = scene.header_cues(s)
            if (cue is not None and "private_phone" in cue.kinds) or any("private_phone" in c.kinds for c in hcues):
                severity, party = contact_severity(scene, s, self.kit)
                why = "标注为“" + (cue.word if cue is not None and "private_phone" in cue.kinds else scene.header(s)) + "”"
            elif cue is not None and "office" in cue.kinds:
                continue
            else:
                severity, party = contact_severity(scene, s, self.kit)
                if severity is None or (scene.is_penalty and not self._party_on_line(scene, s)):
                    continue
                why = "当事人的电话"
            if party:
                why += "，" + party
            digits = "".join(c for c in m.group() if c.isdigit())
            yield Detection(self.rule, s, e, key=digits,
                            masked=mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail),
                            message=MESSAGE.format(why=why), severity=severity, suggestion=SUGGESTION, priority=15)

    def _party_on_line(self, scene, pos: int) -> bool:
        return any("party" in c.kinds for c in scene.cues_before(pos, self.kit.params.windows.party))
