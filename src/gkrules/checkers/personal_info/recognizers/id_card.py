"""居民身份证号码: 18 digits (GB 11643-1999) and the 15-digit first generation (GB 11643-1989).

An 18-digit number counts only if its check character, birth date and province prefix are
all valid; then it is personal wherever it stands (in a column headed only 编号, too) and
blocks publication — unless it is one of a group of numbers of the same shape (a table
column, numbers with the same address code and date, numbers after the same serial label)
most of which fail the check: such a group is a run of serial codes (证书编号, 档案编号) and
the one in eleven that passes by chance is a code too. A number under its own ID label
(公民身份号码：…, a 身份证号码 column) is judged alone: in a relief list where most numbers
were mistyped, each valid one is still somebody's ID number (a mistyped one, failing its
check character, is not reported: personal-info.md §6). A number labelled as an
organisation code that is also a valid 统一社会信用代码 is the organisation's. Fifteen digits
carry no check character, so they count only next to an ID label.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..detection import Detection
from ..masking import mask_value
from ..validators import is_valid_id15, is_valid_id18, is_valid_uscc, luhn_ok

_DATE = r"(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
# 6 + 8 + 4, contiguous or in those groups with one space or hyphen (PDF and Word splits)
_ID18 = regex.compile(rf"(?<![0-9A-Za-z*])[1-9]\d{{5}}[ -]?(?:18|19|20)\d{{2}}{_DATE}[ -]?\d{{3}}[\dXx](?![0-9A-Za-z*])")
_ID15 = regex.compile(rf"(?<![0-9A-Za-z*])[1-9]\d{{7}}{_DATE}\d{{3}}(?![0-9A-Za-z*])")

_FAMILY = 3  # the smallest group of ID-shaped numbers whose check characters say something

MESSAGE = "居民身份证号码（校验位、出生日期、地区码均有效），属个人信息，公开发布将泄露本人身份"
SUGGESTION = "发布前删除该号码；确需保留的，按规定脱敏（如证据所示只保留首尾几位）。"
LEGACY_MESSAGE = "15 位（第一代）居民身份证号码（出生日期、地区码有效），属个人信息"


class IdCardRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("id-card", "id-card-legacy")
    rule = "id-card"
    #: looks only inside numeric runs (nothing to do without one)
    numeric = True

    def __init__(self, kit):
        p = kit.params
        self.kit = kit
        self.provinces = frozenset(p.id_provinces)
        self.min_year = p.min_birth_year
        self.mask = p.masks.id_card
        self.mask15 = p.masks.id_card_legacy

    def _families(self, scene, pos: int, value: str) -> list[tuple]:
        """The groups a number of ID shape belongs to: same address code and date (a run of
        serial numbers), same table column, same serial label (证书编号：, 档案号：)."""
        out: list[tuple] = [("prefix", value[:14])]
        column = scene.column(pos)
        if column is not None:
            out.append(("column", column))
        cue = scene.nearest_before(pos, self.kit.params.windows.before, ("id_card", "serial", "org_code"))
        if cue is not None and "serial" in cue.kinds:
            out.append(("label", cue.word))
        return out

    def _code_families(self, scene, found) -> set[tuple]:
        """Groups of numbers of ID shape that are codes, not ID numbers: three or more of
        them of which fewer than half pass the check character (a list of real ID numbers
        all pass; serial numbers that happen to have the shape pass one time in eleven)."""
        count: dict[tuple, list[int]] = {}
        for m, value, valid in found:
            for fam in self._families(scene, m.start(), value):
                c = count.setdefault(fam, [0, 0])
                c[0] += 1
                c[1] += valid
        return {fam for fam, (n, ok) in count.items() if n >= _FAMILY and ok * 2 < n}

    def _id_labelled(self, scene, pos: int) -> bool:
        """The number stands under its own ID label: the nearest label before it on its line,
        or its column header, names an ID number (then no group of codes can claim it)."""
        cue = scene.nearest_before(pos, self.kit.params.windows.before, ("id_card", "serial", "org_code", "card"))
        if cue is not None:
            return "id_card" in cue.kinds
        return any("id_card" in c.kinds for c in scene.header_cues(pos))

    def find(self, scene) -> Iterator[Detection]:
        before = self.kit.params.windows.before
        found = []
        for m in scene.finditer(_ID18, min_len=18, first="123456789"):
            value = m.group().replace(" ", "").replace("-", "").upper()
            found.append((m, value, is_valid_id18(value, scene.today, self.provinces, self.min_year)))
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
                    continue  # a card number: the bank-card recognizer reports it
            yield Detection(self.rule, m.start(), m.end(), key=value,
                            masked=mask_value(scene.raw(m.start(), m.end()), self.mask.keep_head, self.mask.keep_tail),
                            message=MESSAGE, suggestion=SUGGESTION, priority=30)
        for m in scene.finditer(_ID15, min_len=15, first="123456789"):
            if not is_valid_id15(m.group(), scene.today, self.provinces):
                continue
            cue = scene.nearest_before(m.start(), before, ("id_card", "serial", "org_code", "card", "phone"))
            header = scene.header(m.start())
            labelled = (cue is not None and "id_card" in cue.kinds) or (
                header is not None and any("id_card" in c.kinds for c in self.kit.header_cues(header)))
            if not labelled:
                continue
            yield Detection("id-card-legacy", m.start(), m.end(), key=m.group(),
                            masked=mask_value(scene.raw(m.start(), m.end()), self.mask15.keep_head, self.mask15.keep_tail),
                            message=LEGACY_MESSAGE, suggestion=SUGGESTION, priority=25)
