"""social-security: a social-security, medical-insurance or housing-fund number after its label."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..labelled import labelled_detections
from ..recognizer import PersonalRule
from ..scene import Scene

# the card's own serial and other insurance numbers have no public format: 6–20 letters and
# digits, at least six digits
_VALUE = regex.compile(r"(?=(?:[A-Za-z]*[0-9]){6})[0-9A-Za-z]{6,20}(?![0-9A-Za-z])")

MESSAGE = "社会保障、医疗保险等个人账户号码（标注为“{label}”），属个人信息，公开发布须删除或脱敏"
SUGGESTION = "删除该号码；确需保留的，脱敏后发布。"


class SocialSecurity(PersonalRule):
    """社保卡号、医保卡号、公积金账号等标签后（或以其为表头的栏目中整格为号码）的 6–20 位字母数字（至少 6 位数字）。
    社会保险法第五十八条规定社会保障号码就是公民身份号码：与身份证号码相同者按身份证号码（id-card）报告。
    """

    id = "social-security"
    title = "社会保障卡号、医保号等"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私",)
    words = ("cues.social_security",)
    tests = ("tests/personal_info/test_pi_social_security.py",)
    scan_order = 70
    label_kinds = ("social_security",)
    needs = ("social_security",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        mask = self.params.masks.social_security
        for label, s, e, key, masked in labelled_detections(scene, "social_security", _VALUE, mask):
            yield Detection(self.id, s, e, key=key, masked=masked, message=MESSAGE.format(label=label),
                            suggestion=SUGGESTION, priority=10)
