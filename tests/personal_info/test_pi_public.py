"""Public by rule (条例第二十条): officials in their roles, office contacts, hotlines,
organisations in penalty notices, statistics. None of it is a personal-info warning."""

from __future__ import annotations

from pathlib import Path

import pytest
from pi_helpers import gate

LEADERSHIP = """青梧市统计局领导分工
更新日期：2025-02-17

局长、党组书记：蒋文涛
　　主持市统计局全面工作，分管办公室、综合科。
副局长、党组成员：程丽华
总统计师：欧阳倩
办公地址：青梧市松岚区府前大道9号市行政中心3号楼
办公电话：0739-8826100　传真：0739-8826109
电子邮箱：qwtjj@qingwu.gov.cn
"""

PENALTY_COMPANY = """行政处罚决定书文号：青统罚决字〔2024〕第12号
违法企业名称：青梧市鑫泰物流有限公司
统一社会信用代码：91339901MA2B7KQ307
法定代表人：温志坚
住所：青梧市栖凤区物流园路16号
主要违法事实：该公司在2023年统计年报中填报营业收入8672万元，经核实实际为5314万元。
处罚内容：警告，并处罚款人民币2.5万元
处罚机关：青梧市统计局
"""

PENALTY_INDIVIDUAL_BUSINESS = """松岚区统计局行政处罚决定书
松统罚决字〔2025〕第6号

当事人：松岚区鑫源建材经营部（个体工商户）
统一社会信用代码：92339902MA2K3R5W77
经营者：赖德明
　　经查，当事人未按规定时间报送2024年统计资料。本局决定对当事人给予警告。
"""

ALL_DIGIT_USCC = """行政处罚信息公示
当事人名称：白榆县宏达建材有限公司
统一社会信用代码：913399210684235082
处罚决定：警告，并处罚款人民币1万元
"""

SERVICE_PAGE = """青梧市统计局便民服务联系方式
　　统计数据查询：0739-8826150（数据管理中心）
　　联网直报平台技术支持：400-818-2340
　　接到自称统计部门的电话调查，可通过统计部门专用号码“12340”核实。
　　政务服务投诉建议请拨打12345，消费投诉请拨打12315，纳税服务12366。
索 引 号：11339900MB2085431T/2022-00087
"""

STATISTICS = """白榆县第五次全国经济普查公报（第二号）
| 行业 | 法人单位（个） | 从业人员（人） | 营业收入（元） |
| 合计 | 3126 | 58402 | 139876543210 |
| 制造业 | 412 | 21864 | 18620250044 |
　　调查范围为全县各乡镇（统计用区划代码339921001000至339921112000），共有3126个法人单位。
　　本公报数据审批号：13920250018，项目编号15720250031。
"""


@pytest.mark.parametrize("text", [LEADERSHIP, PENALTY_COMPANY, PENALTY_INDIVIDUAL_BUSINESS, ALL_DIGIT_USCC,
                                  SERVICE_PAGE, STATISTICS],
                         ids=["leadership", "penalty-company", "penalty-individual-business", "all-digit-uscc",
                              "service-page", "statistics"])
def test_public_documents_have_no_warning(pi, text):
    assert gate(pi(text)) == []


def test_a_natural_persons_data_inside_a_penalty_notice_blocks(pi):
    text = PENALTY_INDIVIDUAL_BUSINESS + "经营者身份证号码：430102196602143267，联系电话：13907391256。\n"
    fs = gate(pi(text))
    assert sorted((f.rule, f.severity.value) for f in fs) == [("id-card", "block"), ("mobile", "block")]


SEEDS = sorted((Path(__file__).resolve().parents[1] / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_real_bureau_pages_have_no_block_or_warn(pi, path):
    assert gate(pi(path.read_bytes(), name=path.name)) == []
