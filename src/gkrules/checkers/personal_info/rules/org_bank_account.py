"""org-bank-account: an organisation's bank account in a published penalty decision."""

from __future__ import annotations

import re
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

# fines and fees paid in: the account is the collecting authority's (国库、财政非税专户), public
# on every payment notice, not the penalised organisation's
_PAY_IN = re.compile(r"缴至|缴入|缴纳至|缴款至|上缴至|汇缴至")

MESSAGE = "单位银行账号（{why}）：行政处罚结果公开时，法人和其他组织的银行账号也应隐去"
SUGGESTION = "在处罚决定公开文本中隐去该账号。"


class OrgBankAccount(PersonalRule):
    """户名为单位、标注对公账户的银行账号（识别同 bank-card），只在行政处罚决定、处罚信息公示中报告；其他文件中的
    单位收款账号不报告，罚没款缴入的国库、财政非税专户账号也不报告。
    """

    id = "org-bank-account"
    title = "行政处罚公开中的单位银行账号"
    severity = Severity.WARN
    basis = basis.ORG_ACCOUNT
    tags = ("行政处罚公开",)
    words = ("cues.card", "cues.org_account", "cues.org_suffix")
    tests = ("tests/personal_info/test_pi_bank_card.py",)
    scan_order = 21
    numeric = True
    wrapped = "card"
    belongs_to_person = False

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        for card in cards(scene):
            if card.org is not None and scene.is_penalty and not self._paid_in(scene, card.start):
                yield self._detection(scene, card, card.org)

    def find_wrapped(self, scene: Scene, number: WrappedNumber) -> Iterator[Detection]:
        card = wrapped_card(scene, number, NOTE)
        if card is not None and card.org is not None and scene.is_penalty and not self._paid_in(scene, card.start):
            yield self._detection(scene, card, card.org)

    def _paid_in(self, scene: Scene, start: int) -> bool:
        ls = scene.line_start(start)
        return _PAY_IN.search(scene.text, max(ls, start - self.params.windows.party), start) is not None

    def _detection(self, scene: Scene, card: Card, org: str) -> Detection:
        mask = self.params.masks.bank_card
        s, e = card.start, card.end
        return Detection(self.id, s, e, key=card.digits,
                         masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                         message=MESSAGE.format(why=org + card.note), suggestion=SUGGESTION, priority=35)
