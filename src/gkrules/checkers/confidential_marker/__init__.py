"""confidential-marker: 国家秘密标志 and internal-use labels on a document to be published,
registered as a plugin like any third-party checker. Each rule is a module of ``rules/``."""

from __future__ import annotations

from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker

from .kit import Kit
from .params import ConfidentialMarkerParams
from .rules import RULES

SPEC = rule_checker("confidential-marker", RULES, params=ConfidentialMarkerParams, prepare=Kit,
                    description="国家秘密标志与内部使用标志")


@hookimpl
def gkrules_checkers():
    yield SPEC
