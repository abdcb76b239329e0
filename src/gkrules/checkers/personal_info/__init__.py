"""The personal-info checker (个人隐私), registered as a plugin like any third-party checker.

Each rule is one kind of personal data, one module of ``rules/`` (a ``PersonalRule``: its
declaration, messages, candidate pattern, validation and context judgement); the checker's
one detection pass (``detect``) runs them over a document once and resolves overlaps between
them. A finding's evidence is the masked value and its fingerprint hashes the normalised
value, so no output ever carries a raw personal value.
"""

from __future__ import annotations

from gkrules.context import CheckerSetup
from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker

from .kit import Kit
from .params import PersonalInfoParams
from .recognizer import PersonalInfoRunner
from .rules import RULES


def _kit(setup: CheckerSetup) -> Kit:
    return Kit(setup, RULES)


SPEC = rule_checker("personal-info", RULES, params=PersonalInfoParams, prepare=_kit, runner=PersonalInfoRunner,
                    description="个人信息（个人隐私）：身份证号码、手机号码、银行卡号、邮箱、证件、号牌、住址、健康信息等")


@hookimpl
def gkrules_checkers():
    yield SPEC
