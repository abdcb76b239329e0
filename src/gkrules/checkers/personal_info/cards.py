"""Card and account numbers next to a card label, judged once per document for the two rules
that report them: ``bank-card`` (a person's card) and ``org-bank-account`` (an
organisation's account in a published penalty decision).

A candidate is 16–19 digits (contiguous, or in groups of four), Luhn-valid, next to a card
label (银行卡号, 卡号, 账号, 开户行…, in the line before it or as its column header). A number
without a card-scheme prefix (62, 4, 5…) counts only when its label names a card (…卡…): a
bare 账号 of another shape is an account, usually an organisation's. Whose account it is
(户名 + a unit's name, 对公账户…) decides which rule reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from attrs import frozen

from .card_pattern import CARD
from .scene import Scene
from .validators import card_scheme, is_valid_id18, luhn_ok

if TYPE_CHECKING:
    from .wrapped import WrappedNumber

# who holds the account: 户名 …, 收款单位 …, or the payee of 汇至/缴至 …
# (a look-ahead: ``汇至：户名：某某学会`` holds two overlapping candidates)
_HOLDER = re.compile(r"(?=(?:户名|账户名称|帐户名称|开户名称|收款人|收款单位|汇至|汇入|缴至|缴入|转入|汇款至)[：:\s]*"
                     r"(?P<name>[^\s；;，,。:：]{2,40}))")


@frozen
class Card:
    """A Luhn-valid number under a card label at [start, end)."""

    start: int
    end: int
    digits: str
    #: the card label that makes it a card number (a word of ``cues.card``)
    label: str
    #: why the account is an organisation's (None: a person's card)
    org: str | None
    #: what the message adds (a number wrapped across lines)
    note: str = ""


def cards(scene: Scene) -> list[Card]:
    """The card numbers of the document, in text order (computed once per document)."""
    return scene.shared("cards", lambda: list(_cards(scene)))


def _cards(scene: Scene) -> Iterator[Card]:
    for m in scene.finditer(CARD, min_len=16):
        digits = m.group().replace(" ", "").replace("-", "")
        if 16 <= len(digits) <= 19 and luhn_ok(digits):
            card = judge(scene, m.start(), m.end(), digits)
            if card is not None:
                yield card


def wrapped_card(scene: Scene, number: WrappedNumber, note: str) -> Card | None:
    """A card number written across a line break (``note`` says so), judged once for both
    rules."""
    memo = scene.shared("wrapped-cards", dict)
    key = (number.start, number.end)
    if key not in memo:
        memo[key] = judge(scene, number.start, number.end, number.digits, note=note)
    return memo[key]


def judge(scene: Scene, s: int, e: int, digits: str, *, note: str = "") -> Card | None:
    """Luhn-valid ``digits`` written at [s, e) as a card, or None when its context makes it
    no card number."""
    label = _label(scene, s)
    if label is None:
        return None
    if not card_scheme(digits, scene.kit.card_prefixes) and "卡" not in label:
        return None
    if len(digits) == 18 and is_valid_id18(digits, scene.today, scene.kit.provinces) and "卡" not in label:
        return None  # an ID number labelled only 账号 is still an ID: the id-card rule has it
    return Card(s, e, digits, label, _org_holder(scene, s), note)


def _label(scene: Scene, start: int) -> str | None:
    """The card label that makes this number a card number."""
    for c in scene.header_cues(start):
        if "card" in c.kinds:
            return c.word
        if "id_card" in c.kinds:
            return None
        if c.kinds & {"phone", "serial", "org_code"}:
            # no phone has 16–19 digits: a card number under another header is a row whose
            # cells ran together (PDF extraction) in a table with a card column
            return _table_card_word(scene, start) if "phone" in c.kinds else None
    cue = scene.nearest_before(start, scene.kit.params.windows.before,
                               ("card", "id_card", "phone", "serial", "org_code"))
    if cue is not None and "card" in cue.kinds:
        return cue.word
    return None


def _table_card_word(scene: Scene, start: int) -> str | None:
    for h in scene.row_headers(start):
        for c in scene.kit.header_cues(h):
            if "card" in c.kinds:
                return c.word
    return None


def _org_holder(scene: Scene, start: int) -> str | None:
    party = scene.kit.params.windows.party
    ls = scene.line_start(start)
    line_before = scene.text[max(ls, start - party):start]
    for c in scene.cues_before(start, party):
        if "org_account" in c.kinds:
            return f"标注为“{c.word}”"
    for m in _HOLDER.finditer(line_before):
        name = m.group("name").rstrip("）)")
        if scene.kit.is_org_name(name):
            return "户名为单位"
    return None


__all__ = ["CARD", "Card", "cards", "judge", "wrapped_card"]
