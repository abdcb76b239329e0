"""policy-interpretation (batch): 三同步 of policies and their interpretations across a release
batch and the host's catalogue (国办发〔2016〕80号 §二), registered as a plugin like any
third-party checker. Each rule is a module of ``rules/``; they read one analysis of the batch
(``batch.py``): which documents are policies and interpretations, and which cites which."""

from __future__ import annotations

from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker

from .kit import Kit
from .params import PolicyInterpretationParams
from .rules import RULES

SPEC = rule_checker("policy-interpretation", RULES, params=PolicyInterpretationParams, prepare=Kit, scope="batch",
                    description="政策文件与政策解读“三同步”：缺少解读、解读滞后、解读找不到原文、解读摘抄原文")


@hookimpl
def gkrules_checkers():
    yield SPEC
