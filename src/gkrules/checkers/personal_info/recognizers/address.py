"""Detailed home addresses: a natural person's address label (家庭住址, 户籍地, 家住…) followed
by an address that reaches house level (18号, 802室, 五组23号).

What may be published stops at the township or sub-district (乡镇、街道, personal-info.md
§5.1): the finding covers only what lies below it (road, estate, building, unit, room,
village group), which is also what a redacted copy hides. An agency's 办公地址 and a
company's registered 住所 have no such label and are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detection import Detection
from ..masking import mask_all
from .mobile import contact_severity

_NUM = r"(?:\d+|[一二三四五六七八九十百零〇两]+)"
_HOUSE = re.compile(rf"{_NUM}\s*(?:号(?![楼院])|室|户)|{_NUM}单元")
_END = re.compile(r"[，,。；;|、）)\n]")
_GAP = re.compile(r"[：:\s为是]*")
# administrative levels that may stay; 小区/社区/园区… end in 区 but are below the township
_ADMIN = re.compile(r"(?:街道|镇|乡|苏木|自治县|县|旗|(?<![小社园校景片城营厂])区|(?<![超])市|自治州|州|盟|省|自治区)")

MESSAGE = "详细住址（标注为“{label}”，具体到门牌号或房号{extra}），属个人信息；住址最多公开到乡镇、街道"
SUGGESTION = "删除街道（乡镇）以下的详细地址，或整体删除住址。"


def keep_until(address: str) -> int:
    """How many leading characters may stay: up to the last administrative level (at most
    街道/乡镇) before the first number of the address."""
    first_num = re.search(r"\d|[一二三四五六七八九十百零〇两]+\s*(?:组|号|栋|幢|单元|室)", address)
    limit = first_num.start() if first_num else len(address)
    keep = 0
    for m in _ADMIN.finditer(address, 0, limit):
        keep = m.end()
        if m.group() in ("街道", "镇", "乡", "苏木"):
            break
    return keep


class HomeAddressRecognizer:
    rule = "home-address"
    #: label kinds without which this recognizer has nothing to do
    needs = ("home_address",)

    def __init__(self, kit):
        self.kit = kit

    def find(self, scene) -> Iterator[Detection]:
        text = scene.text
        limit = self.kit.params.windows.address
        for label_start, label_end, label in scene.labels("home_address"):
            start = _GAP.match(text, label_end).end()
            stop = min(scene.line_end(start), start + limit)
            end_m = _END.search(text, start, stop)
            end = end_m.start() if end_m else stop
            address = text[start:end].rstrip()
            if len(address) < 4 or "*" in address or not _HOUSE.search(address):
                continue
            s = start + keep_until(address)
            e = start + len(address)
            severity, party = contact_severity(scene, label_start, self.kit)
            extra = "，" + party if party else ""
            yield Detection(self.rule, s, e, key="".join(address.split()),
                            masked=mask_all(scene.raw(s, e)),
                            message=MESSAGE.format(label=label, extra=extra), severity=severity,
                            suggestion=SUGGESTION, priority=12)
