"""ID and mobile numbers broken across two lines (``公民身份号码：4403051988⏎12034625``), as PDF
and Word extraction leave them when a number reaches the end of a printed line.

Only the line break itself is joined: the digits at the end of one line and those at the
start of the next. The joined value must stand on its own (no letter or digit around it) and
pass the same tests as an unbroken one: an ID number its check character, date and province;
a mobile an allocated network code and a phone label before it on the first line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detection import Detection
from ..masking import mask_value
from ..owner import owner_of
from ..validators import is_valid_id18
from . import id_card, mobile

# a line break followed by two characters of a number: a cheap literal search (the rest is
# checked by hand; a line that starts with one digit is mostly a list item, 1．…)
_BREAK = re.compile(r"\n(?=[ \t\u3000]*\d[\dXx])")
_DIGITS = frozenset("0123456789")
_BEFORE = frozenset("0123456789 \t\r")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*")


class WrappedNumberRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("id-card", "mobile")

    def __init__(self, kit):
        p = kit.params
        self.kit = kit
        self.provinces = frozenset(p.id_provinces)
        self.mobile_prefixes = frozenset(p.mobile_prefixes)

    def find(self, scene) -> Iterator[Detection]:
        text = scene.text
        n = len(text)
        for m in _BREAK.finditer(text):
            nl = m.start()
            if nl == 0 or text[nl - 1] not in _BEFORE:
                continue  # most lines that start with a digit follow a line of words (1．…)
            i = nl
            while i > 0 and text[i - 1] in " \t\r":
                i -= 1
            j = i
            while j > 0 and i - j < 17 and text[j - 1] in _DIGITS:
                j -= 1
            if j == i or (j > 0 and text[j - 1] in _ALNUM):
                continue
            k = m.end()
            while k < n and text[k] in " \t\u3000":
                k += 1
            e = k
            while e < n and e - k < 18 and text[e] in _DIGITS:
                e += 1
            digits = text[j:i] + text[k:e]
            if len(digits) == 17 and e < n and text[e] in "Xx":
                e += 1
                digits += "X"
            if e < n and text[e] in _ALNUM:
                continue
            if len(digits) == 18:
                yield from self._id(scene, j, e, digits)
            elif len(digits) == 11:
                yield from self._mobile(scene, j, e, digits)

    def _id(self, scene, s: int, e: int, value: str) -> Iterator[Detection]:
        if not is_valid_id18(value, scene.today, self.provinces, self.kit.params.min_birth_year):
            return
        mask = self.kit.params.masks.id_card
        yield Detection("id-card", s, e, key=value, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                        message=id_card.MESSAGE + "（号码跨行断开）", suggestion=id_card.SUGGESTION, priority=30)

    def _mobile(self, scene, s: int, e: int, digits: str) -> Iterator[Detection]:
        if digits[:3] not in self.mobile_prefixes or mobile.placeholder(digits):
            return
        cue = scene.nearest_before(s, self.kit.params.windows.before, ("phone", "serial", "amount", "card", "id_card"))
        if cue is None or "phone" not in cue.kinds:
            return
        owner = owner_of(scene, s)
        why = f"标注为“{cue.word}”，号码跨行断开" + ("，" + owner.why if owner.why else "")
        message = (mobile.ORG_MESSAGE if owner.kind == "org" else
                   mobile.CONTACT_MESSAGE if owner.kind == "contact" else mobile.MESSAGE)
        mask = self.kit.params.masks.mobile
        yield Detection("mobile", s, e, key=digits, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                        message=message.format(why=why), severity=owner.severity, suggestion=mobile.SUGGESTION,
                        priority=20)
