"""Rule-set parameters of the policy-interpretation checker (defaults = the national rule set).

The classification rules — which documents need an interpretation — are data here, so a
province can add its own 文种, addressee words or exemptions in its rule set.
"""

from __future__ import annotations

from attrs import field, frozen

#: 文种 of documents that need an interpretation (规章, 行政规范性文件 and policy documents)
DEFAULT_POLICY_DOCTYPES = (
    "办法", "实施办法", "管理办法", "暂行办法", "细则", "实施细则", "规定", "若干规定", "管理规定", "暂行规定",
    "规则", "意见", "若干意见", "指导意见", "实施意见", "措施", "若干措施", "条例", "规章",
    # 国办发〔2022〕27号: 行政裁量权基准 are issued as 行政规范性文件
    "裁量基准", "裁量权基准", "裁量基准清单", "裁量权基准清单", "裁量标准", "裁量权标准", "执行标准",
)
#: a 主送机关 segment that is the bureau's own units (an internal document)
DEFAULT_INTERNAL_ADDRESSEES = (
    r"^局", r"^(?:本局|机关)", r"机关各", r"各(?:处|科|股)室?$", r"各(?:处室|科室|股室)", r"局属", r"直属",
    r"^(?:中心|各中心)$", r"普查中心$", r"^各?(?:党支部|支部)$",
)
#: a 主送机关 segment that reaches the public, enterprises or other organs
DEFAULT_PUBLIC_ADDRESSEES = (
    r"企业", r"公民", r"法人", r"社会", r"调查对象", r"人民政府", r"办事处", r"街道", r"乡镇", r"部门", r"区县",
    r"县（市、区）", r"各(?:区|县|市)", r"有关单位", r"各单位", r"事业单位$", r"个体", r"居民", r"群众",
)
#: titles of documents that need no interpretation even though their 文种 would
DEFAULT_EXEMPT_TITLES = (r"(?:成立|调整|设立|组建|增补|充实)[^《》]*领导小组", r"领导小组(?:成员|组成人员)",
                         r"^[^《]*转发", r"名单", r"任免", r"废止")
#: titles of the bureau's own house rules (白榆县统计局机关考勤管理规定, 党组工作规则)
DEFAULT_INTERNAL_TITLES = (r"局机关", r"机关内部", r"内部控制", r"内部管理", r"党组", r"党支部", r"机关党委")
#: titles of interpretations (政策解读, 答记者问, 一图读懂…)
DEFAULT_INTERPRETATION_TITLES = (r"解读", r"答记者问", r"一图(?:读|看)懂")
#: forms that are interpretations only when the title names a policy (保密知识问答 is not one)
DEFAULT_NAMED_INTERPRETATION_TITLES = (r"问答", r"十问十答", r"答问", r"^图[解说]", r"吹风会", r"新闻发布会")
#: titles that look like interpretations but explain figures, not a policy
DEFAULT_NOT_INTERPRETATION_TITLES = (r"数据解读", r"解读数据", r"[《〈][^》〉]*(?:公报|年鉴|数据|快报|月报)[》〉]")


@frozen
class PolicyInterpretationParams:
    #: 文种 that make a document a policy (the title's, or that of the document a 印发 notice issues)
    policy_doctypes: tuple[str, ...] = DEFAULT_POLICY_DOCTYPES
    #: a 发文字号 of a 行政规范性文件 (××规〔2024〕1号)
    normative_number_pattern: str = r"规\s*[〔\[【(（［]\s*(?:19|20)\d{2}"
    #: 文件类型 / 文件类别 values that mark a 行政规范性文件
    normative_categories: tuple[str, ...] = ("规范性文件",)
    #: regular expressions: a 主送机关 segment that is one of the bureau's own units
    internal_addressees: tuple[str, ...] = DEFAULT_INTERNAL_ADDRESSEES
    #: regular expressions: a 主送机关 segment outside the bureau (then the document is not internal)
    public_addressees: tuple[str, ...] = DEFAULT_PUBLIC_ADDRESSEES
    #: regular expressions on the title: documents that need no interpretation
    exempt_titles: tuple[str, ...] = DEFAULT_EXEMPT_TITLES
    #: regular expressions on the title: the bureau's own house rules (internal, unless numbered 规)
    internal_titles: tuple[str, ...] = DEFAULT_INTERNAL_TITLES
    #: regular expressions on the title: the document is an interpretation
    interpretation_titles: tuple[str, ...] = DEFAULT_INTERPRETATION_TITLES
    #: regular expressions on the title: an interpretation when the title also names a policy
    #: (《X办法》十问十答)
    named_interpretation_titles: tuple[str, ...] = DEFAULT_NAMED_INTERPRETATION_TITLES
    #: regular expressions on the title: not a policy interpretation after all (数据解读)
    not_interpretation_titles: tuple[str, ...] = DEFAULT_NOT_INTERPRETATION_TITLES
    #: an interpretation may follow its policy by at most this many working days (strict: 0)
    max_lag_workdays: int = field(default=3)
    #: share of an interpretation's text copied word for word from its policy above which it is an excerpt
    max_excerpt_ratio: float = 0.8
    #: length (characters) of the runs compared when measuring copying
    excerpt_run_chars: int = 8
    #: interpretations shorter than this (characters of text) are not judged for copying
    min_excerpt_chars: int = 60
    #: how many leading characters (a place or organ name) two titles may differ by and still match
    title_prefix_slack: int = 12

    def __attrs_post_init__(self) -> None:
        if self.max_lag_workdays < 0:
            raise ValueError("max_lag_workdays 不能为负数")
        if not 0 < self.max_excerpt_ratio <= 1:
            raise ValueError("max_excerpt_ratio 应在 0 与 1 之间")
        if self.excerpt_run_chars < 2:
            raise ValueError("excerpt_run_chars 至少为 2")
