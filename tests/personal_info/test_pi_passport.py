"""Passports and travel permits: only after their label."""

from __future__ import annotations

from pi_helpers import gate

APPROVAL = """澜江省统计局涉外社会调查项目审批结果公告（2024年第3期）
| 序号 | 项目名称 | 承办机构 | 批准文号 |
| 1 | 澜江省城市居民出行方式调查 | 澜江众言市场研究有限公司 | 澜统涉调〔2024〕11号 |
　　项目2委托方联系人：方嘉怡，护照号码：E73920416。
　　项目3外方代表：John Smith，护照号：G12345678；港方联系人陈家豪，回乡证号码：H0123456701。
　　台方联系人：林志明，台胞证：01234567；往来港澳通行证：CA1234567。
　　咨询电话：0715-5201146（省统计局统计设计管理处）。
"""


def test_labelled_documents_warn(pi):
    fs = gate(pi(APPROVAL))
    assert [(f.rule, f.location.line, f.evidence) for f in fs] == [
        ("passport", 4, "E******16"), ("passport", 5, "G******78"), ("travel-permit", 5, "H********01"),
        ("travel-permit", 6, "0*****67"), ("travel-permit", 6, "C******67")]
    assert all(f.severity.value == "warn" for f in fs)


def test_codes_without_a_label_are_not_documents(pi):
    text = ("　　设备型号E73920416，批准文号澜统涉调〔2024〕12号，样本编号G12345678。\n"
            "　　请为以下人员的私家车办理临时通行证：\n"
            "　　护照办理指南：因私护照由出入境管理部门签发。\n")
    assert gate(pi(text)) == []


def test_numbers_in_a_column_headed_by_the_label(pi):
    text = """境外来澧参加统计交流活动人员名单
| 序号 | 姓名 | 国籍 | 护照号码 |
| 1 | 王芳 | 中国 | E73920416 |
| 2 | 陈家豪 | 中国 | EA1234567 |
| 3 | 林志明 | 中国 | 待补充 |
"""
    assert [(f.rule, f.location.line) for f in gate(pi(text))] == [("passport", 3), ("passport", 4)]
