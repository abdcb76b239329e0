"""Tables in real-looking releases: small cells, joins, suppressions and their hard negatives."""

from __future__ import annotations

from gkrules.testing import check_text

CHECKER = "unit-identifiability"


def found(text: str, name: str = "doc.txt", **kw):
    res = check_text(text, checker=CHECKER, name=name, **kw)
    assert not res.errors, res.errors
    return [(f.rule, f.location.line if f.location else None, f.severity.value) for f in res.findings
            if f.checker == CHECKER]


PARKS = """2024年桐溪县各园区规模以上工业主要指标
发布日期：2025-02-21　来源：桐溪县统计局

| 园区 | 企业单位数（个） | 工业总产值（万元） | 比上年增长（%） |
| 全县 | 58 | 2884236 | 7.4 |
| 桐溪经济开发区 | 31 | 1864250 | 9.3 |
| 青石工业园 | 7 | 312684 | 5.2 |
| 柳湾食品产业园 | 2 | 96310 | -2.4 |
| 双河物流园 | 5 | 120475 | 6.1 |
| 大坪光伏产业园 | 1 | 87190 | 31.6 |
| 园区外 | 12 | 403327 | 3.8 |
注：规模以上工业企业指年主营业务收入2000万元及以上的工业法人单位。
"""


def test_small_cells_in_a_pipe_table():
    assert found(PARKS) == [("small-cell", 8, "block"), ("small-cell", 10, "block")]


def test_rows_with_three_or_more_units_and_counts_alone_are_fine():
    text = """| 资质等级 | 企业个数（个） | 建筑业总产值（亿元） |
| 合计 | 46 | 412.37 |
| 特级 | 3 | 168.20 |
| 一级 | 9 | 121.45 |
| 二级 | 19 | 86.40 |
| 三级及以下 | 15 | 36.32 |
| #其中：国有控股 | 4 | 97.61 |

| 行业 | 法人单位（个） |
| 合计 | 14 |
| 采矿业 | 2 |
| 制造业 | 12 |
"""
    assert found(text) == []


def test_count_table_joined_with_a_value_table():
    text = """表1　2024年分行业规模以上工业企业单位数
| 行业 | 企业单位数（个） |
| 合计 | 40 |
| 纺织业 | 38 |
| 烟草制品业 | 2 |

表2　2024年分行业规模以上工业营业收入
| 行业 | 营业收入（亿元） |
| 合计 | 96.4 |
| 纺织业 | 51.2 |
| 烟草制品业 | 45.2 |
"""
    rules = found(text)
    assert rules == [("small-cell", 11, "block")]


def test_csv_end_to_end_with_bom_and_recoverable_cell():
    csv = ("\ufeff乡镇,规模以上工业企业数（个）,工业总产值（亿元）\n全县,38,182.6\n鹤城镇,21,121.3\n白沙镇,9,34.8\n"
           "桃源乡,5,18.2\n石门乡,3,…\n注：“…”表示为保护调查对象信息未予公布的数据。,,\n").encode("utf-8")
    res = check_text(csv, checker=CHECKER, name="附表.csv")
    [f] = res.findings
    assert (f.rule, f.location.line, f.severity.value) == ("recoverable-suppression", 6, "block")
    assert "8.3" in f.message and "全县" in f.evidence


SIZES = """地区,合计,大型企业,中型企业,小微企业
全市,{t},{a},{b},{c}
栖凤区,{r1},{a1},{b1},{c1}
松岚区,{r2},{a2},{b2},{c2}
白榆县,{r3},{a3},{b3},{c3}
注：“…”表示为保护调查对象信息未予公布的数据。,,,,
"""


def _sizes(cells, hidden):
    rows = [[*r, round(sum(r), 2)] for r in cells]
    total = [round(sum(r[j] for r in rows), 2) for j in range(4)]
    v = {"a": total[0], "b": total[1], "c": total[2], "t": total[3]}
    for i, r in enumerate(rows, start=1):
        v.update({f"a{i}": r[0], f"b{i}": r[1], f"c{i}": r[2], f"r{i}": r[3]})
    for k in hidden:
        v[k] = "…"
    return SIZES.format(**{k: (f"{x:.2f}" if isinstance(x, float) else x) for k, x in v.items()})


CELLS = [[312.40, 186.25, 97.63], [268.11, 143.92, 88.40], [121.36, 96.48, 71.25]]


def test_two_by_two_rectangle_protects():
    text = _sizes(CELLS, ["a2", "b2", "a3", "b3"])
    assert found(text, name="利润.csv") == []


def test_l_shape_unravels_row_by_row():
    text = _sizes(CELLS, ["a2", "b2", "a3"])
    assert sorted(found(text, name="l.csv")) == [
        ("recoverable-suppression", 4, "block"), ("recoverable-suppression", 4, "block"),
        ("recoverable-suppression", 5, "block")]


def test_subitem_row_is_not_an_addend():
    text = """地区,限额以上单位数（个）,商品销售额（亿元）
全市,132,486.3
栖凤区,51,210.5
松岚区,44,168.2
白榆县,37,107.6
#其中：白榆经济开发区,6,…
注：“…”表示为保护调查对象信息未予公布的数据；“#其中”为白榆县的一部分，不参与合计。,,
"""
    assert found(text, name="批零.csv") == []


def test_dash_means_none_without_a_legend_but_suppressed_with_one():
    base = """| 乡镇 | 企业数（个） | 工业总产值（亿元） |
| 全县 | 38 | 182.6 |
| 鹤城镇 | 21 | 121.3 |
| 白沙镇 | 9 | 34.8 |
| 桃源乡 | 5 | 18.2 |
| 石门乡 | 3 | — |
"""
    assert found(base) == []
    legend = base + "注：“—”表示涉及单个调查对象，不予公布。\n"
    assert found(legend) == [("recoverable-suppression", 6, "block")]


def test_signed_indicator_has_no_zero_bound():
    # 利润 may be negative: a remainder of 0 over two hidden values proves nothing
    text = """| 地区 | 利润总额（亿元） |
| 全市 | 20.0 |
| 甲区 | 20.0 |
| 乙区 | … |
| 丙区 | … |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == []
    assert found(text.replace("利润总额", "营业收入")) == [
        ("recoverable-suppression", 4, "block"), ("recoverable-suppression", 5, "block")]


def test_legend_small_count_bounds_counts():
    # two hidden counts that must be 1 or 2 and sum to 2: both are 1
    text = """| 行业 | 企业数（个） |
| 合计 | 40 |
| 纺织业 | 38 |
| 烟草制品业 | … |
| 石油加工业 | … |
注：“…”表示企业数不足3家，不予公布。
"""
    assert found(text) == [("recoverable-suppression", 4, "block"), ("recoverable-suppression", 5, "block")]


def test_whole_group_attribute_in_a_table():
    text = """| 行业 | 企业单位数（个） | 亏损企业（个） | 亏损额（亿元） |
| 合计 | 40 | 9 | 2.1 |
| 造纸业 | 4 | 4 | 0.6 |
| 纺织业 | 36 | 5 | 1.5 |
"""
    assert found(text) == [("group-attribute", 3, "warn")]


def test_named_rows_in_a_table_and_enforcement_results():
    named = """企业名称,所属行业,入库时间,1—6月营业收入（万元）
青梧恒通新材料有限公司,非金属矿物制品业,2024年3月,12864
松岚区鼎丰农产品批发有限公司,农产品批发,2024年4月,31052
"""
    assert found(named, name="新增入库.csv") == [("named-unit", 2, "block"), ("named-unit", 3, "block")]
    penalty = """| 序号 | 被检查单位 | 检查结果 | 处理情况 |
| 1 | 青梧市丰禾农产品有限公司 | 2023年年报多报营业收入312万元 | 已立案查处 |
| 2 | 青梧市金秋家具有限公司 | 未发现统计违法行为 | — |
| 3 | 青梧市博远建设工程有限公司 | 2023年年报少报建筑业总产值1146万元 | 已立案查处 |
"""
    assert found(penalty) == []


def test_cross_table_identity_reveals_a_hidden_value():
    text = """表1　2024年分乡镇主要工业指标
| 乡镇 | 工业总产值（亿元） | 利润总额（亿元） |
| 全县 | 182.6 | 9.1 |
| 鹤城镇 | 121.3 | 6.0 |
| 白沙镇 | … | 2.7 |
| 石门乡 | … | 0.4 |
注：“…”表示为保护调查对象信息未予公布的数据。

表2　2024年石门乡主要指标
| 乡镇 | 工业总产值（亿元） | 从业人员（人） |
| 石门乡 | 26.5 | 1210 |
| 桃源乡 | 18.2 | 960 |
"""
    got = found(text)
    assert ("cross-table-differencing", 5, "block") in got and ("cross-table-differencing", 6, "block") in got
    # a different period is a different quantity
    assert found(text.replace("表2　2024年", "表2　2023年")) == []


def test_singleton_pair():
    text = """| 乡镇 | 企业数（个） | 工业总产值（亿元） | 利润总额（亿元） |
| 全县 | 38 | 182.6 | 9.1 |
| 鹤城镇 | 30 | 121.3 | … |
| 白沙镇 | 7 | 34.8 | 0.4 |
| 石门乡 | 1 | 26.5 | … |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    got = found(text)
    assert ("singleton-pair", 3, "block") in got
    assert ("small-cell", 5, "block") in got


def test_hierarchy_by_indentation():
    text = """| 行业 | 营业收入（亿元） |
| 合计 | 100.0 |
| 工业 | 70.0 |
|   采矿业 | 12.0 |
|   制造业 | … |
|   电力业 | 18.0 |
| 建筑业 | 30.0 |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == [("recoverable-suppression", 5, "block")]


def test_not_exhaustive_breakdown_is_not_an_equality():
    # the rows are "main industries": they do not add up to the total, so nothing is recoverable
    text = """| 行业 | 企业数（个） | 营业收入（亿元） |
| 合计 | 60 | 300.0 |
| 纺织业 | 20 | 100.0 |
| 化工业 | 15 | … |
| 食品业 | 12 | 60.0 |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == []


# -- robustness: whatever a table holds, the checker answers (never a checker-error) --------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CELLS = st.one_of(
    st.integers(-50, 500).map(str), st.floats(0, 999, allow_nan=False).map(lambda x: f"{x:.2f}"),
    st.sampled_from(["…", "—", "", "x", "*", "合计", "全县", "#其中：园区", "  制造业", "青梧钢铁有限公司", "12.3%"]),
)
_HEADERS = st.lists(st.sampled_from(["企业单位数（个）", "营业收入（亿元）", "利润总额（亿元）", "增长（%）", "合计",
                                     "亏损企业（个）", "从业人员（人）", "备注"]), min_size=1, max_size=4)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_HEADERS, st.lists(st.lists(_CELLS, min_size=1, max_size=5), min_size=1, max_size=7), st.booleans())
def test_any_table_is_checked_without_error(headers, rows, legend):
    lines = ["| 地区 | " + " | ".join(headers) + " |"]
    for i, r in enumerate(rows):
        lines.append(f"| {'全县' if i == 0 else f'乡镇{i}'} | " + " | ".join(r) + " |")
    text = "\n".join(lines) + "\n" + ("注：“…”“—”表示为保护调查对象信息未予公布的数据。\n" if legend else "")
    res = check_text(text, checker=CHECKER)
    assert not res.errors
    n_lines = text.count("\n") + 1
    assert all(f.checker == CHECKER and 1 <= f.location.line <= n_lines for f in res.findings if f.location)


def test_registration_types_are_not_firm_names_and_projects_are_not_units():
    text = """| 登记注册类型 | 企业单位数（个） | 营业收入（亿元） |
| 合计 | 120 | 456.7 |
| 国有独资公司 | 14 | 120.5 |
| 其他有限责任公司 | 60 | 200.1 |
| 股份有限公司 | 20 | 80.0 |
| 私营企业 | 26 | 56.1 |

| 地区 | 施工项目个数（个） | 完成投资（亿元） |
| 全县 | 40 | 80.2 |
| 甲镇 | 38 | 78.0 |
| 乙镇 | 2 | 2.2 |
"""
    assert found(text) == []


def test_hierarchy_by_industry_codes():
    text = """| 行业 | 营业收入（亿元） |
| 合计 | 100.0 |
| B 采矿业 | 20.0 |
| 06 煤炭开采和洗选业 | 12.0 |
| 08 黑色金属矿采选业 | … |
| C 制造业 | 80.0 |
| 13 农副食品加工业 | 50.0 |
| 14 食品制造业 | 30.0 |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == [("recoverable-suppression", 5, "block")]


def test_narrow_interval_review_when_enabled(tmp_path):
    from gkrules.engine import Engine

    text = """| 地区 | 合计 | 大型企业 | 中型企业 |
| 全市 | 20.6 | 10.5 | 10.1 |
| 甲区 | 10.0 | … | … |
| 乙区 | 0.6 | … | … |
| 丙区 | 10.0 | 0.0 | 10.0 |
注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == []
    rs = tmp_path / "ruleset.yaml"
    rs.write_text("id: strict\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n"
                  "    params:\n      approx_width_review: true\n", encoding="utf-8")
    res = check_text(text, checker=CHECKER, engine=Engine(str(rs)))
    got = [(f.rule, f.location.line, f.severity.value) for f in res.findings]
    assert got == [("narrow-interval", 3, "warn")]
    assert "[9.9, 10.0]" in res.findings[0].message


def test_legend_parsing():
    from gkrules.checkers.unit_identifiability.legend import parse_legend

    lg = parse_legend(["说明：空格表示该项数据涉及单个企业，不予公布；“—”表示无此项。"])
    assert lg.suppressed == {"空白"} and lg.not_suppressed == {"—"}
    assert parse_legend(["注：“…”表示企业数不足3家，不予公布。"]).small_count_below == 3
    # prose that merely mentions protection defines no symbol
    assert parse_legend(["注：本表数据为保护调查对象隐私已作处理。"]).suppressed == frozenset()
    assert parse_legend(["注：“#其中”为白榆县的一部分，不参与合计。"]).subitems_not_additive


def test_blank_cells_count_only_when_the_legend_says_so():
    base = """| 乡镇 | 企业数（个） | 工业总产值（亿元） |
| 全县 | 38 | 182.6 |
| 鹤城镇 | 21 | 121.3 |
| 白沙镇 | 9 | 34.8 |
| 桃源乡 | 5 | 18.2 |
| 石门乡 | 3 |  |
"""
    assert found(base) == []
    assert found(base + "说明：空格表示该项数据涉及单个企业，不予公布。\n") == [("recoverable-suppression", 6, "block")]
