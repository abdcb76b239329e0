"""The confidential-marker checker, registered as a plugin like any third-party checker."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import ConfidentialMarkerChecker
from .params import ConfidentialMarkerParams

RULES = (
    RuleInfo(
        "secrecy-mark", "国家秘密标志（密级★保密期限）", Severity.BLOCK,
        "《中华人民共和国保守国家秘密法》（2024）第十四条、第二十条、第二十二条、第三十五条；"
        "《政府信息公开条例》第十四条；GB/T 9704-2012 第7.2.2条",
        tags=("保密", "单项否决"),
        description="版头或单独成行的绝密/机密/秘密标志（含★与保密期限、解密时间或条件），以及“密级：”栏。"
                    "正文中提及密级、列举密级、引用示例或解密清单中的原密级不属于标志。",
    ),
    RuleInfo(
        "fenhao-without-mark", "有份号无密级", Severity.WARN,
        "《党政机关公文处理工作条例》第九条第（一）项（涉密公文应当标注份号）；GB/T 9704-2012 第7.2.1条",
        tags=("保密",),
        description="版头首行有 6 位份号而无密级标志：只有涉密公文才标注份号，须核实文件是否涉密。",
    ),
    RuleInfo(
        "internal-label", "内部使用标志（内部资料、注意保存、工作秘密等）", Severity.BLOCK,
        "《中华人民共和国保守国家秘密法》（2024）第二十二条第三款、第六十四条；《政府信息公开条例》第十六条；"
        "《中华人民共和国统计法》（2024）第十一条",
        tags=("保密", "内部事务"),
        description="单独成行的内部标志或“本材料为内部资料”等指向文件自身的说明；规章、承诺书中作为义务出现的同类词语不算。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="confidential-marker",
        factory=ConfidentialMarkerChecker,
        rules=RULES,
        params=ConfidentialMarkerParams,
        description="国家秘密标志与内部使用标志",
    )
