"""landline: a private landline (家庭电话, 住宅电话) or a party's."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..owner import LANDLINE, owner_of
from ..recognizer import PersonalRule
from ..scene import Scene

MESSAGE = "个人固定电话（{why}），属个人联系方式，公开发布须删除或脱敏"
SUGGESTION = "删除个人电话，改为单位办公电话；确需保留的，脱敏后发布。"


class Landline(PersonalRule):
    """区号加 7–8 位号码的固定电话（``0739-8826103``、``(0931)8123456``）。机关办公电话、值班电话、传真和
    12345 等服务热线依《政府信息公开条例》第二十条公开，不报告；只报告标注为“家庭电话”“住宅电话”等的，或属于当事人
    且没有更近的办公标签的固定电话。当事人的电话按 party_severity（默认阻断）报告。
    """

    id = "landline"
    title = "个人固定电话"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "联系方式")
    words = ("cues.private_phone", "cues.office", "cues.phone", "cues.party")
    tests = ("tests/personal_info/test_pi_landline.py",)
    scan_order = 40
    numeric = True
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        w = self.params.windows
        mask = self.params.masks.landline
        for m in scene.finditer(LANDLINE, first="0"):
            s, e = m.span()
            if scene.in_url(s):
                continue
            cue = scene.nearest_before(s, w.before, ("private_phone", "office", "phone"))
            hcues = scene.header_cues(s)
            owner = owner_of(scene, s, org=False)
            if (cue is not None and "private_phone" in cue.kinds) or any("private_phone" in c.kinds for c in hcues):
                label = cue.word if cue is not None and "private_phone" in cue.kinds else scene.header(s)
                why = f"标注为“{label}”"
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
            yield Detection(self.id, s, e, key=digits,
                            masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                            message=MESSAGE.format(why=why), severity=severity, suggestion=SUGGESTION, priority=15)
