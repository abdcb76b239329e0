"""Passport numbers and travel permits, only right after their label.

Ordinary passports: E + 8 digits (2012), E + a letter + 7 digits (2017), G + 8 digits (older);
service and diplomatic passports SE/DE/PE + 7 digits; a foreign passport's number after the
same label. Permits: 回乡证 H/M + 8 + 2 digits, 往来港澳通行证 C + 8 characters, 台胞证 8 or 10
digits, 往来台湾通行证 L + 8 digits (formats: personal-info.md §3.7, partly unverified, hence
the label requirement).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import chain

import regex

from ..detection import Detection
from ..masking import mask_value
from .labelled import column_values, labelled_values

_PASSPORT = regex.compile(r"(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|G[0-9]{8}|[SDP]E[0-9]{7}|[A-Z]{1,2}[0-9]{6,9})"
                          r"(?![0-9A-Za-z])")
_PERMIT = regex.compile(r"(?:[HM][0-9]{8,10}|C[0-9A-Z][0-9]{7}|L[0-9]{8}|[A-Z]{1,2}[0-9]{7,10}|[0-9]{8,10})"
                        r"(?![0-9A-Za-z])")

PASSPORT_MESSAGE = "护照号码（标注为“{label}”），属个人身份证件信息，公开发布须删除或脱敏"
PERMIT_MESSAGE = "出入境通行证件号码（标注为“{label}”），属个人身份证件信息，公开发布须删除或脱敏"
SUGGESTION = "删除证件号码；确需保留的，脱敏后发布。"


class PassportRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("passport", "travel-permit")
    #: the label kinds it reads from the whole-text label scan
    label_kinds = ("passport", "travel_permit")
    rule = "passport"
    #: label kinds without which this recognizer has nothing to do
    needs = label_kinds

    def __init__(self, kit):
        self.kit = kit

    def _find(self, scene, kind, rx, rule, message, mask) -> Iterator[Detection]:
        found = chain(labelled_values(scene, kind, rx, self.kit.params.windows.label_gap),
                      column_values(scene, kind, rx))
        for label, m in found:
            s, e = m.span()
            yield Detection(rule, s, e, key=m.group().upper(),
                            masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                            message=message.format(label=label), suggestion=SUGGESTION, priority=10)

    def find(self, scene) -> Iterator[Detection]:
        masks = self.kit.params.masks
        yield from self._find(scene, "passport", _PASSPORT, "passport", PASSPORT_MESSAGE, masks.passport)
        yield from self._find(scene, "travel_permit", _PERMIT, "travel-permit", PERMIT_MESSAGE, masks.travel_permit)
