"""unit-identifiability: published statistics from which a single respondent can be identified
or inferred (统计法第二十八条、实施条例第二十九条), registered as a plugin like any third-party
checker, with the bundled ``acro-compat`` rule set. Each rule is a module of ``rules/``; the
analyses they share (the tables read, the contributions, the differencing audit, the prose
scan) are computed once per document in ``analyses.py`` and ``table_names.py``."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker
from gkrules.ruleset.bundled import bundled_rulesets_dir
from gkrules.specs import CheckerSpec, RulesetSource

from .kit import Kit
from .params import UnitIdentifiabilityParams
from .rules import RULES
from .runner import UnitRunner

SPEC = rule_checker("unit-identifiability", RULES, params=UnitIdentifiabilityParams, prepare=Kit, runner=UnitRunner,
                    description="统计调查对象可识别性：小单元格、集中度、点名单位、隐藏数据的差分审计")


@hookimpl
def gkrules_checkers() -> Iterator[CheckerSpec]:
    yield SPEC


@hookimpl
def gkrules_rulesets() -> Iterator[RulesetSource]:
    yield RulesetSource(id="acro-compat", path=bundled_rulesets_dir() / "acro-compat",
                        description="与 ACRO 1.0.2 判定一致的统计保密参数（阈值 10、NK(2,0.90)、p 0.10、零值敏感、负值整表复核）")
