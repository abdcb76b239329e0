"""Social-security, medical-insurance and housing-fund numbers, only right after their label.

社会保险法第五十八条 makes the 社会保障号码 the 公民身份号码: such a number is caught as an ID
(which wins an overlap). The card's own serial and other insurance numbers have no public
format, so any 6–20 letters and digits (at least six digits) after the label count.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import regex

from ..detection import Detection
from ..masking import mask_value
from .labelled import column_values, labelled_values

_VALUE = regex.compile(r"(?=(?:[A-Za-z]*[0-9]){6})[0-9A-Za-z]{6,20}(?![0-9A-Za-z])")

MESSAGE = "社会保障、医疗保险等个人账户号码（标注为“{label}”），属个人信息，公开发布须删除或脱敏"
SUGGESTION = "删除该号码；确需保留的，脱敏后发布。"


class SocialSecurityRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("social-security",)
    #: the label kinds it reads from the whole-text label scan
    label_kinds = ("social_security",)
    rule = "social-security"
    #: label kinds without which this recognizer has nothing to do
    needs = label_kinds

    def __init__(self, kit):
        self.kit = kit
        self.mask = kit.params.masks.social_security

    def find(self, scene) -> Iterator[Detection]:
        found = chain(labelled_values(scene, "social_security", _VALUE, self.kit.params.windows.label_gap),
                      column_values(scene, "social_security", _VALUE))
        for label, m in found:
            s, e = m.span()
            yield Detection(self.rule, s, e, key=m.group().upper(),
                            masked=mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail),
                            message=MESSAGE.format(label=label), suggestion=SUGGESTION, priority=10)
