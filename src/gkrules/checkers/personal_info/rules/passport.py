"""passport: a passport number right after its label (or in a column headed by it)."""

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

# ordinary passports: E + 8 digits (2012), E + a letter + 7 digits (2017), G + 8 digits (older);
# service and diplomatic passports SE/DE/PE + 7 digits; a foreign passport's number after the
# same label (formats: personal-info.md §3.7, partly unverified, hence the label requirement)
_PASSPORT = regex.compile(r"(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[SDP]E[0-9]{7}|[A-Z]{1,2}[0-9]{6,9})"
                          r"(?![0-9A-Za-z])")

MESSAGE = "护照号码（标注为“{label}”），属个人身份证件信息，公开发布须删除或脱敏"
SUGGESTION = "删除证件号码；确需保留的，脱敏后发布。"


class Passport(PersonalRule):
    """“护照号码”等标签后（或以其为表头的栏目中整格为号码）的护照号码：E/G 开头的因私护照、SE/DE/PE 开头的公务
    和外交护照、外国护照。短编号与文号、型号等难以区分，没有标签的不报告。
    """

    id = "passport"
    title = "护照号码"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "身份证件")
    words = ("cues.passport",)
    tests = ("tests/personal_info/test_pi_passport.py",)
    scan_order = 60
    label_kinds = ("passport",)
    needs = ("passport",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        for label, s, e, key, masked in labelled_detections(scene, "passport", _PASSPORT, self.params.masks.passport):
            yield Detection(self.id, s, e, key=key, masked=masked, message=MESSAGE.format(label=label),
                            suggestion=SUGGESTION, priority=10)
