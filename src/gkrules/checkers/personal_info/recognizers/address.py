"""Detailed home addresses: a natural person's address label (家庭住址, 户籍地, 家住…) followed
by an address that reaches house level (18号, 802室, 五组23号). A general address label
(通讯地址, 地址, 住所) counts only when it belongs to a party who is a natural person
(申请人：王建军，…通讯地址：…); ``，住澧州市…12号`` is the residence of the person just named.

What may be published stops at the township or sub-district (乡镇、街道, personal-info.md
§5.1): the finding covers only what lies below it (road, estate, building, unit, room,
village group), which is also what a redacted copy hides. An agency's 办公地址 and a
company's registered 住所 are never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detection import Detection
from ..masking import mask_all
from ..owner import owner_of

# house level: a door, room or unit number (short: 1563200户 is a count of households)
_NUM = r"(?:(?<!\d)\d{1,5}|[一二三四五六七八九十百零〇两]+)"
_HOUSE = re.compile(rf"{_NUM}\s*(?:号(?![楼院])|室)|{_NUM}单元")
_END = re.compile(r"[，,。；;|、）)\n]")
_GAP = re.compile(r"[：:\s为是]*")
# administrative levels that may stay; 小区/社区/园区… end in 区 but are below the township
_ADMIN = re.compile(r"(?:街道|镇|乡|苏木|自治县|县|旗|(?<![小社园校景片城营厂])区|(?<![超])市|自治州|州|盟|省|自治区)")

# ``……，住澧州市城西区……12号`` (the way decisions and judgments give a natural person's
# residence): 住 after a separator, or glued to the ID number before it, then a place name
_BEFORE_RESIDES = frozenset("，,；;、 　)）0123456789Xx")
# 住户、住房、住宿、住建… are words, not "lives at"
_NOT_RESIDES = frozenset("户房宿所址宅院建")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|县|区|旗|镇|乡|街道)")

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
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("home-address",)
    #: the label kinds it reads from the whole-text label scan
    label_kinds = ("home_address", "party_address")
    rule = "home-address"

    def __init__(self, kit):
        self.kit = kit

    def find(self, scene) -> Iterator[Detection]:
        for label_start, label_end, label in scene.labels("home_address"):
            yield from self._read(scene, label_start, label_end, label)
        for label_start, label_end, label in scene.labels("party_address"):
            yield from self._read(scene, label_start, label_end, label, party_only=True)
        text = scene.text
        at = text.find("住")
        while at != -1:
            if at > 0 and text[at - 1] in _BEFORE_RESIDES and text[at + 1:at + 2] not in _NOT_RESIDES \
                    and _PLACE.match(text, at + 1):
                yield from self._read(scene, at, at + 1, "住")
            at = text.find("住", at + 1)

    def _read(self, scene, label_start: int, label_end: int, label: str, *,
              party_only: bool = False) -> Iterator[Detection]:
        text = scene.text
        gap = _GAP.match(text, label_end)
        assert gap is not None  # _GAP matches the empty string too
        start = gap.end()
        stop = min(scene.line_end(start), start + self.kit.params.windows.address)
        end_m = _END.search(text, start, stop)
        end = end_m.start() if end_m else stop
        address = text[start:end].rstrip()
        if len(address) < 4 or "*" in address:
            return
        ends = [m.end() for m in _HOUSE.finditer(address)]
        if not ends:
            return
        address = address[:ends[-1]]  # glued text goes on (…12号联系电话…): not address
        s = start + keep_until(address)
        e = start + len(address)
        owner = owner_of(scene, start, org=False)
        if party_only and owner.kind != "party":
            return  # 通讯地址、住所… of an office or a company
        severity = owner.severity if owner.kind in ("party", "person", "penalty") else None
        extra = "，" + owner.why if severity is not None else ""
        yield Detection(self.rule, s, e, key="".join(address.split()),
                        masked=mask_all(scene.raw(s, e)),
                        message=MESSAGE.format(label=label, extra=extra), severity=severity,
                        suggestion=SUGGESTION, priority=12)
