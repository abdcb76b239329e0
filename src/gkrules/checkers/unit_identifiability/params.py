"""Rule-set parameters of the unit-identifiability checker (defaults = the national rule set).

The parameters of the concentration rules stay here and in the rule set, never in finding
messages: the SDC handbook calls keeping them confidential essential.
"""

from __future__ import annotations

from typing import Literal

from attrs import frozen

DEFAULT_SUPPRESSION_SYMBOLS = ("…", "……", "...", "×", "*", "＊", "D", "x", "X", "不公布", "保密")
DEFAULT_LEGEND_SYMBOLS = ("—", "－", "-", "/", "空白")
DEFAULT_TOTAL_LABELS = (
    "合计", "总计", "总计中", "小计", "全部", "总体", "总量", "全国", "全省", "全市", "全州", "全盟",
    "全区", "全县", "全旗", "全镇", "全乡", "全街道", "全园区",
)
DEFAULT_COUNT_HEADERS = (
    "单位数", "个数", "家数", "户数", "企业数", "机构数", "法人数", "网点数", "商户数", "样本数",
)
DEFAULT_UNIT_NOUNS = (
    "企业", "单位", "法人单位", "产业活动单位", "产业活动", "个体经营户", "个体户", "工业企业", "规上企业",
    "调查户", "样本户", "住户", "农户", "商户", "网点", "机构", "法人",
)
DEFAULT_RATE_MARKERS = (
    "%", "％", "增长", "增速", "增幅", "比重", "占比", "百分点", "指数", "人均", "平均", "率", "比上年",
    "同比", "环比",
)
DEFAULT_SIGNED_MARKERS = ("利润", "利税", "盈亏", "增减", "净", "差额", "余额", "变动", "损益")
DEFAULT_SUBGROUP_COUNT_WORDS = ("亏损", "停产", "减产", "半停产", "外资", "关停", "歇业", "新增", "退库")
DEFAULT_CATEGORY_HEADERS = (
    "行业", "门类", "大类", "产品", "地区", "区域", "县", "区", "市", "乡", "镇", "街道", "园区", "指标",
    "项目", "登记注册类型", "经济类型", "注册类型", "规模", "分组", "组别", "类别", "类型", "按",
)
DEFAULT_UNIT_HEADERS = ("企业", "单位", "公司", "纳税人", "机构", "医院", "学校", "商户", "网点")


@frozen
class NKRule:
    """(n, k) dominance: the n largest contributions exceed k % of the cell total."""

    n: int = 2
    k: float = 85.0


@frozen
class PublicSource:
    """A figure an entity published itself (UI-04 allow list): entity, source and date."""

    entity: str
    source: str
    date: str = ""


@frozen
class UnitIdentifiabilityParams:
    #: a category with 1 <= count < min_units is a small cell (UI-01)
    min_units: int = 3
    #: review band: min_units <= count < review_units (UI-02); 0 = off
    review_units: int = 0
    #: p% rule (UI-03): X - x1 - x2 < p/100 * x1 fails
    p_percent: float = 10.0
    #: optional (n, k) dominance; null = off
    nk: NKRule | None = None
    #: ">" (handbook, tau-ARGUS, sdcTable) or ">=" (ACRO 1.0.2)
    nk_operator: Literal[">", ">="] = ">"
    #: ACRO counts a category without units as disclosive
    zeros_disclosive: bool = False
    #: ACRO 1.0.2 quirk: a cell whose contributions are all zero fails the p-ratio test
    all_zero_fails_p: bool = False
    #: UI-08: review a whole-group attribute when the group count < factor * min_units (0 = off)
    group_attribute_factor: int = 2
    #: UI-12: review-cell (only cells with negatives), abs (absolute values), review-table (ACRO)
    negative_policy: Literal["review-cell", "abs", "review-table"] = "review-cell"
    #: group the contributions of one enterprise group before the dominance rules (holdings)
    use_groups: bool = True
    #: cell symbols that mean "suppressed" even without a legend
    suppression_symbols: tuple[str, ...] = DEFAULT_SUPPRESSION_SYMBOLS
    #: symbols that mean "suppressed" only when the table's legend says so (blank = 空白)
    legend_symbols: tuple[str, ...] = DEFAULT_LEGEND_SYMBOLS
    #: a relation may be off by this many units of the last published digit per term (rounding)
    exact_tolerance_units: float = 0.5
    #: review (UI-09, warn) when a recovered interval is narrower than p_percent % of its upper end
    approx_width_review: bool = False
    #: cap on bound-propagation rounds
    max_propagation_rounds: int = 50
    #: row labels of totals
    total_labels: tuple[str, ...] = DEFAULT_TOTAL_LABELS
    #: header words of unit-count columns (企业单位数、户数…)
    count_headers: tuple[str, ...] = DEFAULT_COUNT_HEADERS
    #: nouns for respondents; a header "<noun>（个|家|户）" is a unit count
    unit_nouns: tuple[str, ...] = DEFAULT_UNIT_NOUNS
    #: header words of derived values (rates, shares, averages): figures, but not additive
    rate_markers: tuple[str, ...] = DEFAULT_RATE_MARKERS
    #: indicators that can be negative (no lower bound 0 in the audit)
    signed_markers: tuple[str, ...] = DEFAULT_SIGNED_MARKERS
    #: words of a subgroup count column (亏损企业数…) for UI-08
    subgroup_count_words: tuple[str, ...] = DEFAULT_SUBGROUP_COUNT_WORDS
    #: organisation-name suffixes (Aho-Corasick)
    org_suffixes: tuple[str, ...] = ("有限公司", "公司", "集团")
    #: words that cannot follow a suffix in a name (公司法, 厂房…)
    org_suffix_followers: tuple[str, ...] = ()
    #: generic words that are not a name before a suffix (该公司, 上市公司…)
    generic_org_words: tuple[str, ...] = ()
    #: category names (GB/T 4754 industries, products…): a suffix inside one is not a name end
    category_names: tuple[str, ...] = ()
    #: label-column header words saying the rows are categories (行业、地区、产品…), not units
    category_headers: tuple[str, ...] = DEFAULT_CATEGORY_HEADERS
    #: label-column header words saying the rows are units (企业名称、被检查单位…)
    unit_headers: tuple[str, ...] = DEFAULT_UNIT_HEADERS
    #: short names of units known to the bureau (鞍钢冷轧…), matched as whole names
    known_units: tuple[str, ...] = ()
    #: survey indicators (产值, 营业收入…) (Aho-Corasick)
    indicators: tuple[str, ...] = ("产值", "增加值", "营业收入", "利润")
    #: words that say the figure is the entity's own publication (公告, 官方网站…)
    self_published_words: tuple[str, ...] = ("公告", "官方网站")
    #: words of enforcement or penalty results (多报, 立案, 处罚…): published by rule
    enforcement_words: tuple[str, ...] = ("立案", "处罚")
    #: entities allow-listed as a public or consented source (UI-04 becomes review)
    public_sources: tuple[PublicSource, ...] = ()
    #: how many lines after a table its 注 lines may stand
    legend_window_lines: int = 8
    #: how many lines after a ranking heading its list may run (UI-06)
    ranking_window_lines: int = 12
    #: largest cell count for which a finding lists contributor details
    max_findings_per_table: int = 200
    check_text: bool = True
    check_tables: bool = True
    check_audit: bool = True
