"""weak-mask: values masked already (``430102********2516``, ``139****7721``) whose mask hides
too little (personal-info.md §5.3):

* an ID number whose birth date (characters 7–14) is still readable;
* a mobile number with more than 3 + 4 digits visible;
* two masks of what is evidently the same ID number in one document that, put together,
  reveal its birth date.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..params import MaskSpec
from ..recognizer import PersonalRule
from ..scene import Scene

# * and the other mask characters people type (＊, ×) alike
_M = "*＊×"
_MASKED_ID = regex.compile(rf"(?<![0-9A-Za-z{_M}])(?=[0-9{_M}]{{0,17}}[{_M}])(?=(?:[{_M}]?[0-9]){{4}})[0-9{_M}]{{17}}"
                           rf"[0-9Xx{_M}](?![0-9A-Za-z{_M}])")
_MASKED_MOBILE = regex.compile(rf"(?<![0-9A-Za-z{_M}])1[3-9{_M}][0-9{_M}]{{9}}(?![0-9A-Za-z{_M}])")
_BIRTH = range(6, 14)

MESSAGE = "已脱敏的{what}仍露出{detail}，脱敏不充分"
SUGGESTION = "按规定重新脱敏：身份证号只保留前 2 位和后 3 位（或前 6 位后 4 位），手机号只保留前 3 位和后 4 位。"


def _visible(value: str) -> set[int]:
    return {i for i, c in enumerate(value) if c not in _M}


class WeakMask(PersonalRule):
    """已脱敏而脱敏不充分的号码：脱敏后仍露出出生日期（第 7–14 位）的身份证号码；露出超过 3+4 位数字的手机号码；
    同一文件中显然是同一身份证号码的两种脱敏结果，合起来露出出生日期的。
    """

    id = "weak-mask"
    title = "脱敏不充分"
    severity = Severity.WARN
    basis = basis.GENERAL + basis.DEIDENTIFIED
    tags = ("个人隐私", "脱敏")
    tests = ("tests/personal_info/test_pi_masked.py",)
    scan_order = 120
    belongs_to_person = False

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        text = scene.text
        if not scene.has_mask_chars():
            return
        seen: list[tuple[str, int, int]] = []
        for m in _MASKED_ID.finditer(text):
            value = m.group().upper()
            s, e = m.span()
            vis = _visible(value)
            if set(_BIRTH) <= vis:
                yield self._finding(scene, s, e, value, "身份证号码", "出生日期", self.params.masks.id_card)
                continue
            for other, os_, _ in seen:
                ovis = _visible(other)
                common = vis & ovis
                if len(common) >= 4 and all(value[i] == other[i] for i in common) and set(_BIRTH) <= (vis | ovis) \
                        and not set(_BIRTH) <= ovis:
                    yield self._finding(scene, s, e, value, "身份证号码",
                                        f"与第 {scene.doc.line_of(scene.view.to_doc(os_))} 行的另一种脱敏结果合并后的出生日期",
                                        self.params.masks.id_card)
                    break
            seen.append((value, s, e))
        for m in _MASKED_MOBILE.finditer(text):
            value = m.group()
            if not any(c in value for c in _M):
                continue
            digits = sum(c.isdigit() for c in value)
            if digits > self.params.masks.mobile.keep_head + self.params.masks.mobile.keep_tail:
                yield self._finding(scene, *m.span(), value, "手机号码", f"{digits} 位数字", self.params.masks.mobile)

    def _finding(self, scene: Scene, s: int, e: int, value: str, what: str, detail: str, mask: MaskSpec) -> Detection:
        return Detection(self.id, s, e, key=value,
                         masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                         message=MESSAGE.format(what=what, detail=detail), suggestion=SUGGESTION, priority=5)
