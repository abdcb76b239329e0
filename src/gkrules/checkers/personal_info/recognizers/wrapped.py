"""ID, bank-card and mobile numbers broken across two lines (``公民身份号码：4403051988⏎12034625``,
``银行卡号：6222 0212 3456⏎7890 128``), as PDF and Word extraction, a ``<br>`` in a page or a
line break typed in a spreadsheet cell leave them when a number reaches the end of a line.

Only the break itself is joined: the digits (in the groups they were written in) at the end
of one line and those at the start of the next. The joined value must stand on its own (no
letter or digit around it), keep a layout people write it in (contiguous, or the groups of
an unbroken one: 6-8-4 for an ID, 3-4-4 for a mobile, fours for a card) and pass the same
tests as an unbroken one: an ID number its check character, date and province; a card the
Luhn check and a card label (on the first line or as its column header); a mobile an
allocated network code and a phone label. A table cell whose whole text is one number
written in two pieces (a spreadsheet turns the break into a space) is joined the same way,
in tables with an ID, card or phone column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..detection import Detection
from ..masking import mask_value
from ..owner import owner_of
from ..validators import is_valid_id18, luhn_ok
from . import id_card, mobile
from .bank_card import _CARD, BankCardRecognizer

# a line break followed by two characters of a number: a cheap literal search (the rest is
# checked by hand; a line that starts with one digit is mostly a list item, 1．…)
_BREAK = re.compile(r"\n(?=[ \t\u3000]*\d[\dXx])")
_DIGITS = frozenset("0123456789")
_BEFORE = frozenset("0123456789 \t\r")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*")
_SEP = " -"
_MAX_DIGITS = 19
# the layouts an unbroken number is written in (after the break is joined)
_ID_LAYOUT = re.compile(r"\d{18}|\d{17}[Xx]|\d{6}[ -]\d{8}[ -]\d{3}[\dXx]")
_MOBILE_LAYOUT = re.compile(r"\d{11}|\d{3}[ -]\d{4}[ -]\d{4}")
# a cell holding one number in two pieces (xlsx writes a typed line break as a space)
_SPLIT_CELL = re.compile(r"[0-9][0-9 \-]{8,30}[0-9Xx]")
_CELL_BREAK = re.compile(r"\s+")
_NOTE = "，号码跨行断开"


def _back(text: str, i: int) -> int:
    """Start of the number that ends at ``i``: digits and single separators between digits."""
    j, digits = i, 0
    while j > 0 and digits < _MAX_DIGITS:
        c = text[j - 1]
        if c in _DIGITS:
            digits += 1
            j -= 1
        elif c in _SEP and j < i and j > 1 and text[j - 2] in _DIGITS:
            j -= 1
        else:
            break
    return j


def _ahead(text: str, k: int, n: int) -> int:
    """End of the number that starts at ``k``."""
    e, digits = k, 0
    while e < n and digits < _MAX_DIGITS:
        c = text[e]
        if c in _DIGITS:
            digits += 1
            e += 1
        elif c in _SEP and e > k and e + 1 < n and text[e + 1] in _DIGITS:
            e += 1
        else:
            break
    if digits == 17 and e < n and text[e] in "Xx":
        e += 1
    return e


class WrappedNumberRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("id-card", "mobile", "bank-card")

    def __init__(self, kit):
        p = kit.params
        self.kit = kit
        self.provinces = frozenset(p.id_provinces)
        self.mobile_prefixes = frozenset(p.mobile_prefixes)
        self.cards = BankCardRecognizer(kit)

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
            j = _back(text, i)
            while j < i and text[j] in _SEP:
                j += 1
            if j == i or (j > 0 and text[j - 1] in _ALNUM):
                continue
            k = m.end()
            while k < n and text[k] in " \t\u3000":
                k += 1
            e = _ahead(text, k, n)
            if e < n and text[e] in _ALNUM:
                continue
            yield from self._judge(scene, j, e, text[j:i], text[k:e])
        if scene.doc.tables:
            yield from self._split_cells(scene)

    def _split_cells(self, scene) -> Iterator[Detection]:
        text, view, kit = scene.text, scene.view, self.kit
        for table in scene.doc.tables:
            # only tables with an ID, card or phone column (figures tables are skipped whole)
            kinds = {k for r in table.header for c in r for h in kit.header_cues(c.text) for k in h.kinds}
            if kinds.isdisjoint(("id_card", "card", "phone")):
                continue
            for row in table.body:
                for cell in row:
                    core = cell.text.strip()
                    if not (11 <= len(core) <= 32) or _SPLIT_CELL.fullmatch(core) is None:
                        continue
                    pieces = _CELL_BREAK.split(core)
                    if len(pieces) != 2:
                        continue
                    s, e = view.to_view(cell.start), view.to_view(cell.end)
                    if text[s:e].strip() != core:
                        continue
                    s += text[s:e].index(core)
                    yield from self._judge(scene, s, s + len(core), pieces[0], pieces[1])

    def _judge(self, scene, s: int, e: int, head: str, tail: str) -> Iterator[Detection]:
        """The number written as ``head`` + break + ``tail`` at [s, e)."""
        for joined in (head + tail, head + " " + tail):
            digits = joined.replace(" ", "").replace("-", "").upper()
            if len(digits) == 18 and _ID_LAYOUT.fullmatch(joined):
                yield from self._id(scene, s, e, digits)
                return
            if len(digits) == 11 and _MOBILE_LAYOUT.fullmatch(joined):
                yield from self._mobile(scene, s, e, digits)
                return
            if 16 <= len(digits) <= 19 and digits.isdigit() and _CARD.fullmatch(joined) and luhn_ok(digits):
                d = self.cards.judge(scene, s, e, digits, note=_NOTE)
                if d is not None:
                    yield d
                return

    def _id(self, scene, s: int, e: int, value: str) -> Iterator[Detection]:
        if not is_valid_id18(value, scene.today, self.provinces, self.kit.params.min_birth_year):
            return
        mask = self.kit.params.masks.id_card
        yield Detection("id-card", s, e, key=value, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                        message=id_card.MESSAGE + "（号码跨行断开）", suggestion=id_card.SUGGESTION, priority=30)

    def _mobile(self, scene, s: int, e: int, digits: str) -> Iterator[Detection]:
        if digits[:3] not in self.mobile_prefixes or mobile.placeholder(digits):
            return
        header = scene.header(s)
        hcue = next((c for c in scene.header_cues(s) if "phone" in c.kinds), None) if header else None
        cue = hcue or scene.nearest_before(s, self.kit.params.windows.before,
                                           ("phone", "serial", "amount", "card", "id_card"))
        if cue is None or "phone" not in cue.kinds:
            return
        owner = owner_of(scene, s)
        why = f"标注为“{cue.word}”{_NOTE}" + ("，" + owner.why if owner.why else "")
        message = (mobile.ORG_MESSAGE if owner.kind == "org" else
                   mobile.CONTACT_MESSAGE if owner.kind == "contact" else mobile.MESSAGE)
        mask = self.kit.params.masks.mobile
        yield Detection("mobile", s, e, key=digits, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                        message=message.format(why=why), severity=owner.severity, suggestion=mobile.SUGGESTION,
                        priority=20)
