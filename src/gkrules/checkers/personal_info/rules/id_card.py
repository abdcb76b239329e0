"""id-card: an 18-digit resident ID number (GB 11643-1999) whose check character, birth date
and province are valid."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..recognizer import PersonalRule
from ..scene import Scene
from ..validators import is_valid_id18, is_valid_uscc, luhn_ok
from ..wrapped import WrappedNumber

DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# 6 + 8 + 4, contiguous or in those groups with one space or hyphen (PDF and Word splits);
# stdlib re: less set-up per search of a numeric run than the regex module (used before)
_ID18 = re.compile(rf"(?<![0-9A-Za-z*])[1-9]\d{{5}}[ -]?(?:18|19|20)\d{{2}}{DATE}[ -]?\d{{3}}[\dXx](?![0-9A-Za-z*])")

_FAMILY = 3  # the smallest group of ID-shaped numbers whose check characters say something

MESSAGE = "居民身份证号码（校验位、出生日期、地区码均有效），属个人信息，公开发布将泄露本人身份"
WRAPPED = "（号码跨行断开）"
SUGGESTION = "发布前删除该号码；确需保留的，按规定脱敏（如证据所示只保留首尾几位）。"


def code_families(members: Iterable[tuple[Iterable[tuple], bool]]) -> set[tuple]:
    """Of the groups of numbers of ID shape (``members``: each number's groups and whether it
    passes the check), those that are codes, not ID numbers: three or more numbers of which
    fewer than half pass the check character (a list of real ID numbers all pass; serial
    numbers that happen to have the shape pass one time in eleven)."""
    count: dict[tuple, list[int]] = {}
    for families, valid in members:
        for fam in families:
            c = count.setdefault(fam, [0, 0])
            c[0] += 1
            c[1] += valid
    return {fam for fam, (n, ok) in count.items() if n >= _FAMILY and ok * 2 < n}


def may_hold_codes(valid: Iterable[bool]) -> bool:
    """Whether numbers with these check results can hold a group of codes: a group of
    ``_FAMILY`` (3) or more of which fewer than half pass has more than half of ``_FAMILY``
    (two) that fail."""
    return sum(not v for v in valid) >= _FAMILY // 2 + 1


class IdCard(PersonalRule):
    """18 位公民身份号码：校验位（ISO 7064 MOD 11-2）、出生日期（真实日期，1800 年至今）、省级地区码都有效
    才报告；不核对县级代码（撤销县的旧代码仍在使用）。校验位不符、日期不存在的 18 位编号（档案号、统计用代码等）
    不报告，已脱敏的号码不报告。所在栏目叫什么都一样（包括只写“编号”的栏目），有效的身份证号码都阻断发布。
    例外：同一栏目、同一编号标签下或地区码和日期相同的一组（3 个以上）同形号码，多数校验位不符时，整组是证书编号、
    档案编号等流水码，偶然通过校验的也不报告——但号码自己就在“身份证号码”等标签后或这类栏目中的，逐个判断：
    救助名单中多数号码录入有误时，有效的那个照样阻断（校验位不符的不报告）。标为“统一社会信用代码”等且是有效
    信用代码的号码是单位的，标为“卡号”且 Luhn 校验通过的按银行卡号判断。跨行断开的号码（PDF、Word 换行、
    网页 `<br>`、单元格内换行）接起来判断。
    """

    id = "id-card"
    title = "居民身份证号码（18 位，校验位有效）"
    severity = Severity.BLOCK
    basis = basis.GENERAL + "；GB 11643-1999"
    tags = ("个人隐私", "身份证件")
    words = ("cues.id_card", "cues.serial", "cues.org_code", "cues.card", "id_provinces")
    tests = ("tests/personal_info/test_pi_id_card.py", "tests/personal_info/test_pi_wrapped.py")
    scan_order = 10
    numeric = True
    wrapped = "id"
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def validate(self, value: str, scene: Scene) -> bool:
        """Check character, a real birth date no later than today, a province prefix."""
        return is_valid_id18(value, scene.today, self.kit.provinces, self.params.min_birth_year)

    def find(self, scene: Scene) -> Iterator[Detection]:
        before = self.params.windows.before
        found = []
        for m in scene.finditer(_ID18, min_len=18, first="123456789"):
            value = m.group().replace(" ", "").replace("-", "").upper()
            found.append((m, value, self.validate(value, scene)))
        codes = self._code_families(scene, found) if any(valid for *_, valid in found) else set()
        for m, value, valid in found:
            if not valid:
                continue
            if codes and not codes.isdisjoint(self._families(scene, m.start(), value)) \
                    and not self._id_labelled(scene, m.start()):
                continue
            cue = scene.nearest_before(m.start(), before, ("id_card", "org_code", "card"))
            if cue is not None and "id_card" not in cue.kinds:
                if "org_code" in cue.kinds and is_valid_uscc(value):
                    continue  # the organisation's credit code, which happens to validate as an ID
                if "card" in cue.kinds and "卡" in cue.word and luhn_ok(value):
                    continue  # a card number: the bank-card rule reports it
            yield self._detection(scene, m.start(), m.end(), value, MESSAGE)

    def find_wrapped(self, scene: Scene, number: WrappedNumber) -> Iterator[Detection]:
        if self.validate(number.digits, scene):
            yield self._detection(scene, number.start, number.end, number.digits, MESSAGE + WRAPPED)

    def _detection(self, scene: Scene, s: int, e: int, value: str, message: str) -> Detection:
        mask = self.params.masks.id_card
        return Detection(self.id, s, e, key=value, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                         message=message, suggestion=SUGGESTION, priority=30)

    def _families(self, scene: Scene, pos: int, value: str) -> list[tuple]:
        """The groups a number of ID shape belongs to: same address code and date (a run of
        serial numbers), same table column, same serial label (证书编号：, 档案号：)."""
        out: list[tuple] = [("prefix", value[:14])]
        column = scene.column(pos)
        if column is not None:
            out.append(("column", column))
        cue = scene.nearest_before(pos, self.params.windows.before, ("id_card", "serial", "org_code"))
        if cue is not None and "serial" in cue.kinds:
            out.append(("label", cue.word))
        return out

    def _code_families(self, scene: Scene, found: list) -> set[tuple]:
        """Groups of numbers of ID shape that are codes, not ID numbers (``code_families``).
        Such a group holds at least two numbers that fail the check: with fewer in the whole
        text there is none, and the groups (a cue window each) are not looked up."""
        if not may_hold_codes(valid for *_, valid in found):
            return set()
        return code_families((self._families(scene, m.start(), value), valid) for m, value, valid in found)

    def _id_labelled(self, scene: Scene, pos: int) -> bool:
        """The number stands under its own ID label: the nearest label before it on its line,
        or its column header, names an ID number (then no group of codes can claim it)."""
        cue = scene.nearest_before(pos, self.params.windows.before, ("id_card", "serial", "org_code", "card"))
        if cue is not None:
            return "id_card" in cue.kinds
        return any("id_card" in c.kinds for c in scene.header_cues(pos))
