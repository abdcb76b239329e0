"""The unit-identifiability checker (statistical disclosure control on published documents),
registered as a plugin like any third-party checker, with the bundled ``acro-compat`` rule set."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.ruleset.bundled import bundled_rulesets_dir
from gkrules.specs import CheckerSpec, RuleInfo, RulesetSource

from .checker import UnitIdentifiabilityChecker
from .params import UnitIdentifiabilityParams

LAW = "《中华人民共和国统计法》（2024）第二十八条、第四十二条第（三）项"
REG = "《中华人民共和国统计法实施条例》第二十九条"
BASIS_AGG = f"{LAW}；{REG}第（三）项（可以推断单个统计调查对象身份的汇总资料）"
BASIS_NAMED = f"{LAW}；{REG}第（一）项（直接标明单个统计调查对象身份的资料）"
BASIS_REVIEW = f"{LAW}；{REG}；《中华人民共和国统计法》（2024）第二十九条（依法应当保密的除外）"


def _r(rid: str, ui: str, title: str, severity: Severity, basis: str, description: str) -> RuleInfo:
    return RuleInfo(rid, title, severity, basis, tags=("统计保密", ui), description=description)


RULES = (
    _r("small-cell", "UI-01", "单位数过少的类别公布了数据", Severity.BLOCK, BASIS_AGG,
       "类别（表格单元格）只含 1 至 min_units−1 个单位，且同一文件公布了该类别的总量、速度或比重"
       "（同一行，或按标签关联的另一张表）。只公布单位数不算。"),
    _r("small-cell-review", "UI-02", "单位数偏少的类别（复核）", Severity.WARN, BASIS_REVIEW,
       "单位数不少于 min_units 但少于 review_units 的类别公布了数据（默认关闭）。"),
    _r("dominance", "UI-03", "类别由少数单位主导（p% 规则或 (n,k) 规则）", Severity.BLOCK, BASIS_AGG,
       "已知最大单位的贡献（单位贡献数据，或文中“最大企业占X%”“前两位分别占X%和Y%”的表述）时，"
       "其余单位之和小于最大单位的 p%，或（启用时）前 n 位之和超过 k%。"),
    _r("named-unit", "UI-04", "点名单位并公布其调查数据", Severity.BLOCK, BASIS_NAMED,
       "正文或表格点名企业等调查对象并公布其产值、营业收入、增速、比重、排名数值或对增长的拉动。"
       "执法检查与处罚结果、文中注明由企业自行公开的数据不在此列。"),
    _r("named-unit-public", "UI-04", "点名单位的数据已登记为其自行公开（复核）", Severity.WARN, BASIS_REVIEW,
       "单位在允许清单 public_sources 中登记为自行公开或同意公开的来源：请核实来源并注明出处。"),
    _r("small-count-text", "UI-05", "文中写明仅有一两家单位并公布其数据", Severity.BLOCK, BASIS_AGG,
       "“仅有1家…实现营业收入X亿元”“只有2家企业…增长Y%”等：单位数少于 min_units 且同一句给出数据。"),
    _r("small-count-mention", "UI-05", "文中写明仅有一两家单位（无数据，提示）", Severity.INFO, BASIS_REVIEW,
       "单位数少于 min_units 的表述，同一句未见该类别的数据：请确认其他位置没有公布。"),
    _r("top-n-list", "UI-06", "排名名单公布各单位数据", Severity.BLOCK, BASIS_NAMED,
       "“营业收入前三位”“十强企业”等排名名单逐一列出单位名称及其数值。"),
    _r("top-n-names", "UI-06", "按调查指标排名的单位名单（无数值，复核）", Severity.WARN, BASIS_REVIEW,
       "“营业收入前五位的企业依次为……”等按调查指标排名的名单只列出单位名称和名次、不列数值："
       "名次透露了单位之间的大小关系，需确认数据来源。"),
    _r("exclusion", "UI-07", "剔除特定单位后的数据（可相减推算）", Severity.BLOCK, BASIS_AGG,
       "“剔除XX公司影响后增长5%”等表述与总量同时公布，相减即得该单位的数据。"),
    _r("group-attribute", "UI-08", "小组别全部具有同一属性", Severity.WARN, BASIS_REVIEW,
       "“5家企业全部亏损”，或表中亏损企业数等于企业数，且组别单位数少于 2×min_units。"),
    _r("recoverable-suppression", "UI-09", "隐藏的数据可由合计关系精确推算", Severity.BLOCK, BASIS_AGG,
       "对表内全部加总关系（合计行、合计列、层级）作精确差分审计：单个隐藏值、L 形隐藏、非负约束下"
       "余额为零等情形可精确还原隐藏值。"),
    _r("narrow-interval", "UI-09", "隐藏的数据可推算到很窄的区间（复核）", Severity.WARN, BASIS_REVIEW,
       "启用 approx_width_review 时，隐藏值的可行区间宽度小于上界的 p%。"),
    _r("cross-table-differencing", "UI-10", "隐藏的数据可结合其他表格推算", Severity.BLOCK, BASIS_AGG,
       "同一文件中标签与期别相同的表格互相印证，或跨表合计关系使隐藏值可被精确推算。"),
    _r("singleton-pair", "UI-11", "单一单位可反推同一关系中的另一个隐藏值", Severity.BLOCK, BASIS_AGG,
       "同一加总关系中只有两个隐藏值且其中一个只有 1 个单位：该单位用合计减去自身数据即得另一个。"),
    _r("negative-contributions", "UI-12", "含负值贡献的单元格（复核）", Severity.WARN, BASIS_REVIEW,
       "单位贡献含负值时集中度规则不成立，按 negative_policy 标记需人工复核的单元格。"),
    _r("table-not-understood", "UI-13", "看起来是表格但未能读懂（未检查，提示）", Severity.INFO, BASIS_REVIEW,
       "几行内容或一张表格看起来公布了数字（多行、每行多个数字），但没有识别出单位数所在的列或行结构，"
       "小单元格规则未能检查这部分内容：请人工核对其中是否有只含一两个单位的类别。"),
    _r("contributions-unmatched", "UI-03", "单位贡献数据未能对应到表格（提示）", Severity.INFO, BASIS_REVIEW,
       "提供了单位贡献数据，但没有一条能按表、行、列标签对应到本文件的表格。"),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="unit-identifiability",
        factory=UnitIdentifiabilityChecker,
        rules=RULES,
        params=UnitIdentifiabilityParams,
        description="统计调查对象可识别性：小单元格、集中度、点名单位、隐藏数据的差分审计",
    )


@hookimpl
def gkrules_rulesets():
    yield RulesetSource(id="acro-compat", path=bundled_rulesets_dir() / "acro-compat",
                        description="与 ACRO 1.0.2 判定一致的统计保密参数（阈值 10、NK(2,0.90)、p 0.10、零值敏感、负值整表复核）")
