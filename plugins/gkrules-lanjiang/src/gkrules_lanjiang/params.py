"""Rule-set parameters of lanjiang-data-status (defaults = the lanjiang rule set)."""

from __future__ import annotations

from attrs import field, frozen

#: labels that say a figure is not final (a qualifier: 初步数, 快报数…)
DEFAULT_STATUS_LABELS = ("初步数", "快报数", "预计数", "预估数", "估计数", "匡算数", "测算数")
#: phrases that are statements about a figure's review status by themselves
DEFAULT_STATUS_STATEMENTS = ("未经审定", "未经核定", "尚未审定", "尚未核定", "尚未定案", "未定案", "待审定", "待定案")
#: longer phrases that contain a status word but do not mark a figure
DEFAULT_EXEMPT_TERMS = (
    "预计数万", "预计数千", "预计数百", "预计数十", "预计数亿", "预计数量", "预计数额",
    "估计数万", "估计数千", "估计数百", "估计数十", "估计数量", "测算数据模型",
)
#: a sentence with one of these states a duty or a definition, not a figure's status
DEFAULT_DUTY_CUES = (
    "不得", "严禁", "禁止", "不能", "不予", "不宜", "不应", "应当", "必须", "须经", "一律",
    "分为", "包括", "是指", "指的是", "区分", "如何", "什么是",
)
#: a status statement counts only in a sentence about data
DEFAULT_DATA_NOUNS = ("数据", "数字", "指标", "统计", "资料", "结果", "数值", "本表", "上表", "下表", "表中", "增速", "总量")


@frozen
class DataStatusParams:
    status_labels: tuple[str, ...] = DEFAULT_STATUS_LABELS
    status_statements: tuple[str, ...] = DEFAULT_STATUS_STATEMENTS
    exempt_terms: tuple[str, ...] = DEFAULT_EXEMPT_TERMS
    duty_cues: tuple[str, ...] = DEFAULT_DUTY_CUES
    data_nouns: tuple[str, ...] = DEFAULT_DATA_NOUNS
    #: a label right after one of these (…数据为快报数) marks the figures before it
    copulas: tuple[str, ...] = field(default=("为", "系", "是", "属", "属于", "按", "采用", "使用"))
