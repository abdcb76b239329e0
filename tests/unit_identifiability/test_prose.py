"""Prose rules on real-looking releases, with hard negatives."""

from __future__ import annotations

from gkrules.testing import check_text

CHECKER = "unit-identifiability"


def found(text: str, **kw):
    res = check_text(text, checker=CHECKER, **kw)
    assert not res.errors, res.errors
    return [(f.rule, f.location.line, f.severity.value) for f in res.findings if f.checker == CHECKER]


MONTHLY = """2024年1—11月鹤汀县经济运行情况
发布机构：鹤汀县统计局　发布日期：2024-12-20

　　1—11月，全县规模以上工业增加值同比增长8.3%，增速比1—10月加快0.4个百分点。
　　重点企业支撑有力。鹤汀纸业有限公司1—11月实现产值18.7亿元，同比增长21.4%，拉动全县规模以上工业产值增长3.2个百分点。
　　宏盛纺织、鹤汀食品等重点企业订单饱满，生产保持稳定。
　　青梧钛业股份有限公司8月在证券交易所网站公告，公司上半年营业收入为8.9亿元；该公司设在我县的生产基地二期项目已投产。
　　1—11月，全县固定资产投资同比增长5.1%，社会消费品零售总额增长6.0%。
"""


def test_named_firm_with_survey_figure_but_not_names_alone_or_own_publication():
    assert found(MONTHLY) == [("named-unit", 5, "block")]


def test_joint_figure_of_a_name_list():
    text = "　　青梧钢铁有限公司、白榆化工有限公司、松岚电子有限公司合计拉动全市规模以上工业总产值增长3.0个百分点。\n"
    rules = found(text)
    assert len(rules) == 3 and {r[0] for r in rules} == {"named-unit"}


def test_public_source_allow_list_turns_block_into_review(tmp_path):
    from gkrules.engine import Engine

    rs = tmp_path / "ruleset.yaml"
    rs.write_text("id: local\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n    params:\n"
                  "      public_sources: [{entity: 鹤汀造纸有限公司, source: 公司2024年三季度报告, date: '2024-10-28'}]\n",
                  encoding="utf-8")
    res = check_text(MONTHLY.replace("鹤汀纸业", "鹤汀造纸"), checker=CHECKER, engine=Engine(str(rs)))
    assert [(f.rule, f.severity.value) for f in res.findings] == [("named-unit-public", "warn")]


def test_small_counts_with_and_without_figures():
    text = """2023年桐溪县规模以上服务业发展情况

　　2023年，全县规模以上服务业企业67家，实现营业收入42.6亿元，同比增长7.9%。
　　分行业看，信息传输、软件和信息技术服务业仅有1家规模以上企业，全年实现营业收入1.86亿元。
　　租赁和商务服务业只有2家企业纳入统计，合计实现营业收入0.43亿元，同比下降6.5%。
　　交通运输、仓储和邮政业企业38家，实现营业收入22.9亿元。
　　在2023年统计年报中，全县仅有1家企业未按期报送，报送率达98.5%。
　　2018年14户新增企业营业收入增长176.4%。
"""
    assert found(text) == [("small-count-text", 4, "block"), ("small-count-text", 5, "block"),
                           ("small-count-mention", 7, "info")]


def test_stated_dominance():
    text = """　　化学纤维制造业实现营业收入47.3亿元，同比增长12.5%，行业内规模最大的企业营业收入占全行业的91.6%。
　　汽车制造业实现营业收入210.4亿元，同比增长9.1%，规模最大的企业营业收入占全行业的38.2%。
　　造纸和纸制品业4家企业合计实现营业收入6.82亿元，其中营业收入居前两位的企业分别占该行业的60.1%和34.9%。
　　家具制造业7家企业合计实现营业收入3.15亿元，营业收入居前两位的企业分别占31.0%和22.5%。
"""
    assert found(text) == [("dominance", 1, "block"), ("dominance", 3, "block")]


def test_top_n_list_with_values_but_not_the_aggregate_line():
    text = """2024年青梧市规模以上工业企业营业收入前三位

　　根据2024年规模以上工业统计年报，全市营业收入居前三位的企业如下：
　　1．青梧重型装备有限公司　营业收入86.4亿元
　　2．栖凤精密机械有限公司　营业收入52.7亿元
　　3．白榆化工有限公司　营业收入41.3亿元
　　以上3家企业合计占全市规模以上工业营业收入的14.0%。
"""
    assert found(text) == [("top-n-list", 4, "block"), ("top-n-list", 5, "block"), ("top-n-list", 6, "block")]


def test_exclusion_statement_but_not_price_deflation():
    text = """　　全县规模以上工业增加值增长3.2%，剔除青梧钢铁有限公司影响后增长5.1%。
　　全县工业品出厂价格下降1.2%，扣除价格因素后规模以上工业增加值增长5.1%。
　　除个别企业外，各行业生产总体平稳，增长4.6%。
"""
    assert found(text) == [("exclusion", 1, "block")]


def test_whole_group_attribute_in_prose():
    text = "　　造纸和纸制品业5家企业全部亏损，亏损额合计0.8亿元。\n　　全县58家规模以上工业企业中，43家实现增长。\n"
    assert found(text) == [("group-attribute", 1, "warn")]


def test_penalty_and_inspection_results_naming_firms():
    text = """青梧市统计局行政处罚决定书
　　青梧市丰禾农产品有限公司在2023年统计年报中多报营业收入312万元，违反《中华人民共和国统计法》第七条，我局决定处以罚款2万元。
"""
    assert found(text) == []


def test_honours_and_visits_without_figures():
    text = """　　6月10日，市统计局党组书记、局长蒋文涛带队赴青梧港务集团、青梧钛业股份有限公司开展调研。
　　在青梧港务集团，调研组了解到，据该集团在官方网站发布的经营数据，今年1—5月集团完成货物吞吐量7260万吨，同比增长6.3%。
　　青梧钛业股份有限公司去年被评为澜江省统计诚信示范企业。
　　统计部门将依法保护企业的商业秘密和统计资料，持续减轻企业报表负担。上市公司、国有企业集团要带头依法统计。
"""
    assert found(text) == []


def test_small_count_with_an_award_is_not_survey_data():
    text = ("　　全市共有2家企业入选国家级绿色工厂名单，各获得奖励资金200万元。\n"
            "　　该行业只有2家企业，营业收入同比增长12.4%。\n")
    assert found(text) == [("small-count-mention", 1, "info"), ("small-count-text", 2, "block")]


def test_small_count_phrasings():
    text = ("　　全区规模以上工业企业中，烟草制品业仅1户，实现产值12.3亿元，同比增长4.1%。\n"
            "　　仅1个项目未开工，其余项目完成投资5亿元。\n"
            "　　全市仅有2家医院开展该项服务，服务人次增长12%。\n")
    assert found(text) == [("small-count-text", 1, "block")]
