"""id-card-legacy: a 15-digit first-generation resident ID number (GB 11643-1989)."""

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
from ..validators import is_valid_id15
from .id_card import DATE
from .id_card import SUGGESTION as SUGGESTION

_ID15 = regex.compile(rf"(?<![0-9A-Za-z*])[1-9]\d{{7}}{DATE}\d{{3}}(?![0-9A-Za-z*])")

MESSAGE = "15 位（第一代）居民身份证号码（出生日期、地区码有效），属个人信息"


class IdCardLegacy(PersonalRule):
    """15 位号码没有校验位，只有在“身份证号码”等标签后或这类栏目中、且出生日期和地区码有效时才报告。"""

    id = "id-card-legacy"
    title = "15 位（第一代）居民身份证号码"
    severity = Severity.WARN
    basis = basis.GENERAL + "；GB 11643-1989"
    tags = ("个人隐私", "身份证件")
    words = ("cues.id_card", "id_provinces")
    tests = ("tests/personal_info/test_pi_id_card.py",)
    scan_order = 11
    numeric = True
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def validate(self, value: str, scene: Scene) -> bool:
        """A province prefix and a real birth date 19YYMMDD no later than today (no check
        character to test)."""
        return is_valid_id15(value, scene.today, self.kit.provinces)

    def find(self, scene: Scene) -> Iterator[Detection]:
        before = self.params.windows.before
        mask = self.params.masks.id_card_legacy
        for m in scene.finditer(_ID15, min_len=15, first="123456789"):
            if not self.validate(m.group(), scene):
                continue
            cue = scene.nearest_before(m.start(), before, ("id_card", "serial", "org_code", "card", "phone"))
            header = scene.header(m.start())
            labelled = (cue is not None and "id_card" in cue.kinds) or (
                header is not None and any("id_card" in c.kinds for c in self.kit.header_cues(header)))
            if not labelled:
                continue
            yield Detection(self.id, m.start(), m.end(), key=m.group(),
                            masked=mask_value(scene.raw(m.start(), m.end()), mask.keep_head, mask.keep_tail),
                            message=MESSAGE, suggestion=SUGGESTION, priority=25)
