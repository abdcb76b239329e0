"""travel-permit: the number of an entry-exit permit right after its label."""

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

# 回乡证 H/M + 8 + 2 digits, 往来港澳通行证 C + 8 characters, 台胞证 8 or 10 digits, 往来台湾
# 通行证 L + 8 digits (formats: personal-info.md §3.7, partly unverified, hence the label)
_PERMIT = regex.compile(r"(?:[HM][0-9]{8,10}|C[0-9A-Z][0-9]{7}|L[0-9]{8}|[A-Z]{1,2}[0-9]{7,10}|[0-9]{8,10})"
                        r"(?![0-9A-Za-z])")

MESSAGE = "出入境通行证件号码（标注为“{label}”），属个人身份证件信息，公开发布须删除或脱敏"
SUGGESTION = "删除证件号码；确需保留的，脱敏后发布。"


class TravelPermit(PersonalRule):
    """回乡证、往来港澳通行证、台胞证、往来台湾通行证等标签后（或以其为表头的栏目中整格为号码）的证件号码。"""

    id = "travel-permit"
    title = "出入境通行证件号码"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "身份证件")
    words = ("cues.travel_permit",)
    tests = ("tests/personal_info/test_pi_passport.py",)
    scan_order = 61
    label_kinds = ("travel_permit",)
    needs = ("travel_permit",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        mask = self.params.masks.travel_permit
        for label, s, e, key, masked in labelled_detections(scene, "travel_permit", _PERMIT, mask):
            yield Detection(self.id, s, e, key=key, masked=masked, message=MESSAGE.format(label=label),
                            suggestion=SUGGESTION, priority=10)
