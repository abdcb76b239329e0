"""The hooks of the 澜江省 plugin (entry point ``lanjiang`` in the ``gkrules`` group)."""

from __future__ import annotations

from pathlib import Path

from gkrules import hookimpl
from gkrules.model import Severity
from gkrules.specs import CheckerSpec, RuleInfo, RulesetSource

from . import __version__
from .checker import RULE, DataStatusChecker
from .params import DataStatusParams

RULESET_DIR = Path(__file__).resolve().parent / "ruleset"

RULES = (
    RuleInfo(
        RULE, "数据状态未定案（初步数、快报数、预计数、未经审定）", Severity.WARN,
        "《中华人民共和国统计法实施条例》第二十八条（统计资料公布前不得违反规定对外提供）、第二十六条"
        "（已公布数据修订须说明依据和情况）；《中华人民共和国统计法》（2024）第二十六条（2009年版第二十三条）；"
        "澜江省统计局统计数据发布审查要求（定案或已公布的数据方可发布；“定案”一词本身无法律条文）",
        tags=("统计数据", "数据状态"),
        description="待发布文件中以括注、表格、注释或“为……数”等方式标明数据为初步数、快报数、预计数，"
                    "或说明数据未经审定、尚未定案。规章条文、名词解释、引号中的术语和“初步核算”（国家统计局"
                    "地区生产总值初步核算数即为正式发布的数据）不报告。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="lanjiang-data-status",
        factory=DataStatusChecker,
        rules=RULES,
        params=DataStatusParams,
        description="数据状态闸口：未定案数据不发布（澜江省）",
        version=__version__,
        # off unless a rule set turns it on: a server hosting several provinces runs it only
        # for the lanjiang rule set, and national results stay exactly as they were
        enabled_by_default=False,
    )


@hookimpl
def gkrules_rulesets():
    yield RulesetSource(id="lanjiang", path=RULESET_DIR,
                        description="澜江省统计局规则集：全国基线 + 本省内部标志词 + 有份号即阻断 + 数据状态检查")
