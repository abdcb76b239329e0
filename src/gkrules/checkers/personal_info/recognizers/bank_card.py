"""Bank card numbers: 16–19 digits (contiguous, or in groups of four), Luhn-valid, next to a
card label (银行卡号, 卡号, 账号, 开户行…, in the line before it or as its column header).

A number without a card-scheme prefix (62, 4, 5…) counts only when its label names a card
(…卡…): a bare 账号 of another shape is an account, usually an organisation's. An account
whose holder is an organisation (户名 + a unit's name, 对公账户…) is not personal data; in a
published penalty decision it must still be hidden (浙江办法第七条第二项) and is reported as
``org-bank-account``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from ..detection import Detection
from ..masking import mask_value
from ..validators import card_scheme, is_valid_id18, luhn_ok

_CARD = regex.compile(r"(?<![0-9A-Za-z*])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{10,13})"
                      r"(?![0-9A-Za-z*])")
# who holds the account: 户名 …, 收款单位 …, or the payee of 汇至/缴至 …
# (a look-ahead: ``汇至：户名：某某学会`` holds two overlapping candidates)
_HOLDER = re.compile(r"(?=(?:户名|账户名称|帐户名称|开户名称|收款人|收款单位|汇至|汇入|缴至|缴入|转入|汇款至)[：:\s]*"
                     r"(?P<name>[^\s；;，,。:：]{2,40}))")
# fines and fees paid in: the account is the collecting authority's (国库、财政非税专户), public
# on every payment notice, not the penalised organisation's
_PAY_IN = re.compile(r"缴至|缴入|缴纳至|缴款至|上缴至|汇缴至")

MESSAGE = "银行卡号（Luhn 校验通过，{why}），属个人金融账户信息（敏感个人信息），不得公开"
SUGGESTION = "发布前删除卡号；确需保留的，只保留末 4 位。"
ORG_MESSAGE = "单位银行账号（{why}）：行政处罚结果公开时，法人和其他组织的银行账号也应隐去"
ORG_SUGGESTION = "在处罚决定公开文本中隐去该账号。"


class BankCardRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("bank-card", "org-bank-account")
    rule = "bank-card"
    #: looks only inside numeric runs (nothing to do without one)
    numeric = True

    def __init__(self, kit):
        self.kit = kit
        self.prefixes = tuple(kit.params.card_prefixes)
        self.provinces = frozenset(kit.params.id_provinces)
        self.mask = kit.params.masks.bank_card

    def _label(self, scene, start: int):
        """The card label that makes this number a card number: (word, from header?)."""
        for c in scene.header_cues(start):
            if "card" in c.kinds:
                return c.word
            if "id_card" in c.kinds:
                return None
            if c.kinds & {"phone", "serial", "org_code"}:
                # no phone has 16–19 digits: a card number under another header is a row whose
                # cells ran together (PDF extraction) in a table with a card column
                return self._table_card_word(scene, start) if "phone" in c.kinds else None
        cue = scene.nearest_before(start, self.kit.params.windows.before,
                                   ("card", "id_card", "phone", "serial", "org_code"))
        if cue is not None and "card" in cue.kinds:
            return cue.word
        return None

    def _table_card_word(self, scene, start: int) -> str | None:
        for h in scene.row_headers(start):
            for c in self.kit.header_cues(h):
                if "card" in c.kinds:
                    return c.word
        return None

    def _org_holder(self, scene, start: int) -> str | None:
        ls = scene.line_start(start)
        line_before = scene.text[max(ls, start - self.kit.params.windows.party):start]
        for c in scene.cues_before(start, self.kit.params.windows.party):
            if "org_account" in c.kinds:
                return f"标注为“{c.word}”"
        for m in _HOLDER.finditer(line_before):
            name = m.group("name").rstrip("）)")
            if self.kit.is_org_name(name):
                return "户名为单位"
        return None

    def _paid_in(self, scene, start: int) -> bool:
        ls = scene.line_start(start)
        return _PAY_IN.search(scene.text, max(ls, start - self.kit.params.windows.party), start) is not None

    def find(self, scene) -> Iterator[Detection]:
        for m in scene.finditer(_CARD, min_len=16):
            digits = m.group().replace(" ", "").replace("-", "")
            if 16 <= len(digits) <= 19 and luhn_ok(digits):
                d = self.judge(scene, m.start(), m.end(), digits)
                if d is not None:
                    yield d

    def judge(self, scene, s: int, e: int, digits: str, *, note: str = "") -> Detection | None:
        """The finding for Luhn-valid ``digits`` written at [s, e) (a number wrapped across
        lines, too: ``note`` says so), or None when its context makes it no personal card."""
        label = self._label(scene, s)
        if label is None:
            return None
        if not card_scheme(digits, self.prefixes) and "卡" not in label:
            return None
        if len(digits) == 18 and is_valid_id18(digits, scene.today, self.provinces) and "卡" not in label:
            return None  # an ID number labelled only 账号 is still an ID: the ID recognizer has it
        masked = mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail)
        org = self._org_holder(scene, s)
        if org is not None:
            if scene.is_penalty and not self._paid_in(scene, s):
                return Detection("org-bank-account", s, e, key=digits, masked=masked,
                                 message=ORG_MESSAGE.format(why=org + note), suggestion=ORG_SUGGESTION, priority=35)
            return None
        return Detection(self.rule, s, e, key=digits, masked=masked,
                         message=MESSAGE.format(why=f"标注为“{label}”{note}"), suggestion=SUGGESTION, priority=35)
