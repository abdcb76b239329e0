"""bank-card: a person's bank card number (Luhn-valid, under a card label)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..cards import Card, cards, wrapped_card
from ..detection import Detection
from ..masking import mask_value
from ..recognizer import PersonalRule
from ..scene import Scene
from ..wrapped import NOTE, WrappedNumber

MESSAGE = "银行卡号（Luhn 校验通过，{why}），属个人金融账户信息（敏感个人信息），不得公开"
SUGGESTION = "发布前删除卡号；确需保留的，只保留末 4 位。"


class BankCard(PersonalRule):
    """16–19 位、Luhn 校验通过、有“银行卡号”“卡号”“账号”“开户行”等标签（同一行或所在栏目）的卡号。没有银行卡
    组织前缀（62、4、5…）的号码只在标签写明“卡”时才算：只写“账号”的其他号码是账户，通常属于单位。户名为单位
    或标注对公账户的账号不是个人信息（行政处罚公开中按 org-bank-account 报告）。跨行断开（含按 4 位分组书写的）、
    单元格内断成两段的号码接起来判断。
    """

    id = "bank-card"
    title = "个人银行卡号"
    severity = Severity.BLOCK
    basis = basis.GENERAL + basis.SENSITIVE
    tags = ("个人隐私", "金融账户")
    words = ("cues.card", "cues.org_account", "cues.org_suffix", "card_prefixes")
    tests = ("tests/personal_info/test_pi_bank_card.py", "tests/personal_info/test_pi_table_formats.py")
    scan_order = 20
    numeric = True
    wrapped = "card"
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        for card in cards(scene):
            if card.org is None:
                yield self._detection(scene, card)

    def find_wrapped(self, scene: Scene, number: WrappedNumber) -> Iterator[Detection]:
        card = wrapped_card(scene, number, NOTE)
        if card is not None and card.org is None:
            yield self._detection(scene, card)

    def _detection(self, scene: Scene, card: Card) -> Detection:
        mask = self.params.masks.bank_card
        s, e = card.start, card.end
        return Detection(self.id, s, e, key=card.digits,
                         masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                         message=MESSAGE.format(why=f"标注为“{card.label}”{card.note}"), suggestion=SUGGESTION,
                         priority=35)
