"""Documents unlike the dev corpus that exposed false positives and misses: industry, region
and product tables, multi-level and two-column labels, long-format tables, shares beside
hidden values, household surveys, name boundaries in prose and ranked name lists."""

from __future__ import annotations

import io

from gkrules.testing import check_text

CHECKER = "unit-identifiability"


def found(text: str | bytes, name: str = "doc.txt", **kw):
    res = check_text(text, checker=CHECKER, name=name, **kw)
    assert not res.errors, res.errors
    return [(f.rule, f.location.line if f.location else None, f.severity.value)
            for f in res.findings if f.checker == CHECKER]


def messages(text: str | bytes, name: str = "doc.txt") -> list[str]:
    res = check_text(text, checker=CHECKER, name=name)
    return [f.message for f in res.findings if f.checker == CHECKER]


# -- industry, region and product names are categories, not units ------------------------

INDUSTRY_TABLE = """表1　2024年分行业规模以上工业主要指标

| 行业 | 企业单位数（个） | 营业收入（亿元） | 比上年增长（%） |
|---|---|---|---|
| 总计 | 412 | 1286.4 | 5.8 |
| 煤炭开采和洗选业 | 9 | 88.6 | -3.2 |
| 非金属矿采选业 | 6 | 12.3 | 4.1 |
| 纺织业 | 28 | 67.0 | 2.4 |
| 非金属矿物制品业 | 52 | 143.8 | -1.5 |
| 其他行业 | 317 | 974.7 | 7.1 |
"""


def test_industry_rows_with_ore_in_their_names_are_not_named_units():
    assert found(INDUSTRY_TABLE) == []


def test_industry_rows_without_a_category_header_and_by_code():
    text = """|  | 企业单位数（个） | 营业收入（亿元） |
|---|---|---|
| 全市 | 412 | 1286.4 |
| 非金属矿物制品业 | 52 | 143.8 |
| 稀土矿采选业 | 4 | 8.6 |
| 其他 | 356 | 1134.0 |

| 行业代码及名称 | 企业单位数（个） | 营业收入（亿元） |
|---|---|---|
| 总计 | 130 | 688.4 |
| 10 非金属矿采选业 | 3 | 14.7 |
| 30 非金属矿物制品业 | 127 | 673.7 |
"""
    assert found(text) == []


def test_csv_industry_table_keeps_the_small_cell_and_drops_the_false_name():
    text = ("行业,企业单位数（个）,营业收入（亿元）\n合计,86,412.3\n黑色金属矿采选业,2,18.6\n"
            "有色金属矿采选业,5,22.4\n非金属矿采选业,7,14.1\n煤炭开采和洗选业,72,357.2\n")
    assert found(text, name="分行业.csv") == [("small-cell", 3, "block")]


def test_region_and_product_rows_are_not_units():
    text = """表2　2024年主要工业产品产量

| 产品名称 | 单位 | 产量 | 比上年增长（%） |
|---|---|---|---|
| 原煤 | 万吨 | 412.6 | -4.3 |
| 铁矿石原矿 | 万吨 | 86.4 | 2.1 |
| 铁精矿 | 万吨 | 31.2 | 1.4 |
| 瓶装矿泉水 | 万吨 | 12.7 | 9.8 |

表3　2024年1—6月分县（区）规模以上工业

| 县（区） | 企业数（个） | 营业收入（亿元） |
|---|---|---|
| 全市 | 418 | 642.7 |
| 松岚矿区 | 98 | 168.9 |
| 青梧经济技术开发区 | 64 | 121.6 |
| 桃源镇工业园区 | 256 | 352.2 |
"""
    assert found(text) == []


def test_whole_cell_names_in_unit_tables_are_still_named():
    text = """表3　2024年重点企业主要经济指标

| 企业名称 | 所属行业 | 工业总产值（万元） |
|---|---|---|
| 青梧钢铁有限公司 | 黑色金属冶炼和压延加工业 | 1865400 |
| 鹤汀水泥厂 | 非金属矿物制品业 | 126300 |
| 松岚第二煤矿 | 煤炭开采和洗选业 | 84210 |
| 白榆县人民医院 | 卫生 | 62300 |
"""
    assert found(text) == [("named-unit", n, "block") for n in (5, 6, 7, 8)]


def test_xlsx_sheet_of_industries_and_sheet_of_firms():
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for row in (["行业", "企业单位数（个）", "营业收入（亿元）"], ["合计", 86, 412.3], ["黑色金属矿采选业", 12, 18.6],
                ["非金属矿采选业", 7, 14.1], ["煤炭开采和洗选业", 67, 379.6]):
        ws.append(row)
    ws2 = wb.create_sheet("重点企业")
    for row in (["企业名称", "营业收入（万元）"], ["青梧钢铁有限公司", 1865400], ["白榆矿业有限责任公司", 84210]):
        ws2.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    rules = found(buf.getvalue(), name="指标.xlsx")
    assert [r[0] for r in rules] == ["named-unit", "named-unit"]
    assert all("矿采选" not in m for m in messages(buf.getvalue(), name="指标.xlsx"))


def test_industry_and_generic_class_names_in_prose():
    text = """　　全年规模以上工业中，非金属矿物制品业增加值下降1.5%，其他采矿业增长3.2%，瓶装矿泉水产量增长9.8%。
　　全市农民专业合作社达到1234家，实现经营收入5.6亿元。市属国有企业集团实现营业收入612.4亿元。
　　房地产开发公司完成投资218.4亿元，境内外上市公司实现营业收入842.1亿元。
　　全年限额以上酒店营业额增长8.6%，大型连锁超市销售额增长4.1%，购物中心和大型商场销售额下降2.3%。
　　电信公司业务总量增长21.3%。全市中小学校教职工从业人员3.2万人。
"""
    assert found(text) == []


# -- names in prose: boundaries, indicators, frames -------------------------------------

def test_name_boundaries_indicators_and_frames():
    text = """　　全年新投产的青梧新能源电池有限公司完成产值46.2亿元。
　　青梧钢铁有限公司产值占全市规上工业的15.2%。
　　栖凤区明珠大酒店营业额2860万元，同比增长12%。青梧卷烟厂全年实现税利86.4亿元。
　　市领导调研了青梧汽车股份有限公司，该公司今年1—5月产量增长23.4%。
　　在青梧汽车股份有限公司带动下，全市汽车制造业增加值增长14.8%。
　　受青梧钢铁有限公司检修影响，全市黑色金属冶炼和压延加工业增加值下降5.3%。
　　剔除青梧钢铁有限公司停产检修因素，全市规上工业增加值增长7.6%。
"""
    assert found(text) == [("named-unit", 1, "block"), ("named-unit", 2, "block"), ("named-unit", 3, "block"),
                           ("named-unit", 3, "block"), ("named-unit", 4, "block"), ("exclusion", 7, "block")]
    msgs = messages(text)
    assert "“青梧新能源电池有限公司”" in msgs[0] and "“青梧汽车股份有限公司”" in msgs[4]


def test_enforcement_prose_names_firms_with_amounts():
    text = ("　　经查，青梧市鸿运机械制造有限公司2023年营业收入实际为4812万元，虚报2136万元，已依法处以罚款5万元。"
            "栖凤区明珠大酒店2023年年报营业额与财务报表相差318万元，责令改正。\n")
    assert found(text) == []


# -- small counts in prose ----------------------------------------------------------------

def test_small_count_phrasings_beyond_only():
    text = """　　全市仅有的1家规上烟草制品企业全年工业增加值增长3.1%。
　　白沙镇规上工业企业2家，完成工业总产值3.1亿元，同比增长4.2%。
　　石门乡有规模以上工业企业1家，全年实现产值0.8亿元。
　　全区只有两家企业出口交货值超过10亿元。
　　全年新增规上工业企业2家，全县规上工业企业达到58家，实现营业收入86.4亿元。
　　全县仅有1家企业未按期报送，全县规上工业营业收入增长5.1%。
　　全市新认定专精特新企业2家，奖励资金200万元。
　　全县2家规上企业营业收入增长12%。全县12家规上企业营业收入增长9%。
　　全年新培育2家国家级专精特新企业，全市规上工业增加值增长6.8%。
"""
    assert found(text) == [("small-count-text", 1, "block"), ("small-count-text", 2, "block"),
                           ("small-count-text", 3, "block"), ("small-count-mention", 4, "info"),
                           ("small-count-mention", 6, "info"), ("small-count-text", 8, "block")]


def test_first_of_its_kind():
    text = """　　全县首家规上数字经济企业全年实现营业收入2.1亿元。
　　全县首家数字经济产业园一季度入驻企业12家。
　　青梧汽车股份有限公司成为全市首家营业收入超百亿元的民营企业，全年实现营业收入103.6亿元。
"""
    assert found(text) == [("small-count-text", 1, "block"), ("named-unit", 3, "block")]


def test_household_survey_small_groups():
    text = """　　全县共抽选调查户340户，其中农户286户，农村居民人均可支配收入21346元。
　　石门乡样本户仅2户，人均可支配收入18236元；桃源乡调查户54户，人均可支配收入19872元。
　　在调查户中，只有1户从事个体经营，全年经营净收入4.2万元。
"""
    assert found(text) == [("small-count-text", 2, "block"), ("small-count-text", 3, "block")]


# -- table structure ----------------------------------------------------------------------

def test_rowspan_group_labels_name_the_inner_row():
    html = """<html><body><p>表5　2024年分门类、大类规模以上工业企业主要指标</p><table border="1">
<tr><th>门类</th><th>大类</th><th>企业单位数（个）</th><th>营业收入（亿元）</th></tr>
<tr><td colspan="2">总计</td><td>130</td><td>688.4</td></tr>
<tr><td rowspan="3">采矿业</td><td>小计</td><td>9</td><td>94.8</td></tr>
<tr><td>煤炭开采和洗选业</td><td>7</td><td>80.1</td></tr>
<tr><td>非金属矿采选业</td><td>2</td><td>14.7</td></tr>
<tr><td rowspan="3">制造业</td><td>小计</td><td>115</td><td>549.9</td></tr>
<tr><td>农副食品加工业</td><td>37</td><td>94.2</td></tr>
<tr><td>非金属矿物制品业</td><td>78</td><td>455.7</td></tr>
<tr><td colspan="2">电力、热力、燃气及水生产和供应业</td><td>6</td><td>43.7</td></tr>
</table></body></html>"""
    assert [r[0] for r in found(html, name="t.html")] == ["small-cell"]
    assert "“采矿业/非金属矿采选业”只有2个单位" in messages(html, name="t.html")[0]


def test_blank_group_labels_and_a_subtotal_relation():
    text = """表7　2024年分门类、大类规模以上工业企业主要指标

| 门类 | 大类 | 企业单位数（个） | 营业收入（亿元） |
|---|---|---|---|
| 总计 |  | 130 | 688.4 |
| 采矿业 | 小计 | 9 | 94.8 |
|  | 煤炭开采和洗选业 | 7 | 80.1 |
|  | 非金属矿采选业 | 2 | … |
| 制造业 | 小计 | 121 | 593.6 |
|  | 农副食品加工业 | 37 | 94.2 |
|  | 非金属矿物制品业 | 84 | 499.4 |

注：“…”表示企业数不足3家，数据不予公布。
"""
    assert found(text) == [("recoverable-suppression", 8, "block")]
    assert "约 14.7亿元" in messages(text)[0]


MULTI_HEADER = """<html><body><p>表8　2024年分县（区）、分规模规模以上工业营业收入</p><table border="1">
<tr><th rowspan="2">县（区）</th><th colspan="4">营业收入（亿元）</th></tr>
<tr><th>合计</th><th>大型企业</th><th>中型企业</th><th>小微企业</th></tr>
<tr><td>全市</td><td>1298.0</td><td>540.6</td><td>381.2</td><td>376.2</td></tr>
<tr><td>栖凤区</td><td>512.3</td><td>301.2</td><td>120.4</td><td>90.7</td></tr>
<tr><td>松岚区</td><td>413.2</td><td>211.4</td><td>…</td><td>98.6</td></tr>
<tr><td>白榆县</td><td>212.2</td><td>…</td><td>…</td><td>113.2</td></tr>
<tr><td>鹤汀县</td><td>160.3</td><td>…</td><td>78.6</td><td>…</td></tr>
</table><p>注：“…”表示为保护调查对象信息未予公布的数据。</p></body></html>"""


def test_total_column_under_a_colspan_header():
    rules = found(MULTI_HEADER, name="t.html")
    assert [r[0] for r in rules] == ["recoverable-suppression"] * 5
    msgs = messages(MULTI_HEADER, name="t.html")
    assert any("松岚区" in m and "约 103.2亿元" in m for m in msgs)


def test_share_beside_a_hidden_value_gives_it_back():
    text = """表9　2024年各乡镇规模以上工业营业收入及占全县比重

| 乡镇 | 营业收入（亿元） | 占全县比重（%） | 比上年增长（%） |
|---|---|---|---|
| 全县 | 186.4 | 100.0 | 5.2 |
| 城关镇 | 92.3 | 49.5 | 6.1 |
| 白沙镇 | 41.6 | 22.3 | 4.8 |
| 桃源乡 | … | 15.4 | 3.9 |
| 石门乡 | … | 12.8 | -2.2 |

注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == [("recoverable-suppression", 8, "block"), ("recoverable-suppression", 9, "block")]
    assert "约 28.7亿元" in messages(text)[0]


def test_a_share_of_something_else_is_not_used():
    # 高技术产业占比 is a share within the row, not of the column total
    text = """| 乡镇 | 营业收入（亿元） | 高技术产业占比（%） |
|---|---|---|
| 全县 | 186.4 | 12.1 |
| 城关镇 | 92.3 | 18.5 |
| 白沙镇 | 41.6 | 6.2 |
| 桃源乡 | … | 5.4 |
| 石门乡 | … | 3.8 |

注：“…”表示为保护调查对象信息未予公布的数据。
"""
    assert found(text) == []


def test_long_format_table_with_a_count_row():
    text = """表1　2024年青梧高新区规模以上工业主要指标

| 指标 | 单位 | 2024年 | 比上年增长（%） |
|---|---|---|---|
| 企业单位数 | 个 | 2 | 0.0 |
| 工业总产值 | 亿元 | 5.6 | 3.1 |
| 营业收入 | 亿元 | 5.2 | 2.7 |
| 亏损企业数 | 个 | 1 | 0.0 |

表2　2024年白沙镇规模以上工业主要指标

| 指标 | 单位 | 2024年 |
|---|---|---|
| 企业单位数 | 个 | 14 |
| 亏损企业数 | 个 | 2 |
| 工业总产值 | 亿元 | 18.6 |
"""
    assert found(text) == [("small-cell", 5, "block")]


# -- ranked name lists without values (UI-06, review) ---------------------------------------

def test_ranked_names_without_values_are_reviewed_once_per_list():
    text = """　　根据规模以上工业统计年报，全市营业收入前五位的工业企业依次为：青梧烟草有限公司、青梧钢铁有限公司、青梧汽车股份有限公司。
　　全市营业收入前十位的企业合计实现营业收入612.3亿元，占全市规上工业的47.6%。
　　青梧汽车股份有限公司被评为省级智能工厂，栖凤电缆厂获评省级绿色工厂。

　　全市营业收入居前三位的企业如下：
　　1．青梧重型装备有限公司
　　2．栖凤精密机械有限公司
　　3．鹤汀新材料有限公司

　　确定青梧钢铁有限公司等50家企业为2025年度全市重点工业企业。
"""
    assert found(text) == [("top-n-names", 1, "warn"), ("top-n-names", 6, "warn")]


def test_ranking_table_without_values():
    text = """2024年全市规模以上工业企业营业收入前十位名单

| 名次 | 企业名称 | 所在县（区） |
|---|---|---|
| 1 | 青梧烟草有限公司 | 栖凤区 |
| 2 | 青梧钢铁有限公司 | 松岚区 |
| 3 | 栖凤电缆厂 | 栖凤区 |

附件：2025年度全市重点工业企业名单

| 序号 | 企业名称 | 所在县（区） |
|---|---|---|
| 1 | 青梧钢铁有限公司 | 栖凤区 |
| 2 | 鹤汀水泥厂 | 鹤汀县 |
"""
    assert found(text) == [("top-n-names", 5, "warn")]


def test_self_publication_stated_after_the_table_but_not_a_closing_formula():
    table = """2024年度全市纳税百强企业（前三位）

| 排名 | 企业名称 | 纳税额（亿元） |
|---|---|---|
| 1 | 青梧烟草有限公司 | 42.6 |
| 2 | 青梧钢铁有限公司 | 18.3 |
| 3 | 青梧汽车股份有限公司 | 12.1 |

"""
    assert found(table + "　　以上数据均由各企业在年度报告中自行披露。\n") == []
    assert [r[0] for r in found(table + "　　特此公告。\n")] == ["top-n-list"] * 3
