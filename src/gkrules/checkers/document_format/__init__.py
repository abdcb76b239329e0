"""document-format: GB/T 9704-2012 conformance of the document's own 发文字号, 成文日期 and
附注 (info by default), registered as a plugin like any third-party checker. Each rule is a
module of ``rules/``."""

from __future__ import annotations

from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker

from .kit import Kit
from .params import DocumentFormatParams
from .rules import RULES

SPEC = rule_checker("document-format", RULES, params=DocumentFormatParams, prepare=Kit,
                    description="公文格式（GB/T 9704-2012）：发文字号、成文日期、附注")


@hookimpl
def gkrules_checkers():
    yield SPEC
