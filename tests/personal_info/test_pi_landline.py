"""Landlines: a person's home phone is reported; office lines, fax and hotlines are public."""

from __future__ import annotations

from pi_helpers import gate, of

GUIDE = """青梧市统计局政府信息公开指南（2025年修订）
　　（一）受理机构：青梧市统计局办公室，办公地址：青梧市松岚区府前大道9号，邮政编码：423000，联系电话：0739-8826103，传真：0739-8826109。
　　（二）监督电话：(0739)8826121；政务服务投诉建议请拨打12345。
　　联系人：综合科 邱明，电话：0739 8826135。
"""


def test_public_guide_has_no_finding(pi):
    assert pi(GUIDE) == []


def test_home_phone_warns_and_a_party_in_a_penalty_blocks(pi):
    home = pi("　　举报人：王某某，家庭电话：0739-8231406。\n")
    assert [(f.rule, f.severity.value, f.evidence) for f in gate(home)] == [("landline", "block", "0739-*****06")]
    plain = pi("　　退休干部卢桂芬，住宅电话：0739-8231406。\n")
    assert [(f.rule, f.severity.value) for f in gate(plain)] == [("landline", "warn")]
    penalty = pi("行政处罚决定书\n当事人：赖德明，电话：0739-8231406\n处罚机关：松岚区统计局，咨询电话：0739-8826150\n")
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(penalty)] == [("landline", "block", 2)]


def test_company_phone_in_a_penalty_is_not_personal(pi):
    text = ("行政处罚信息公示\n当事人名称：白榆县宏达建材有限公司\n联系电话：0739-5310266\n")
    assert of(pi(text), "landline") == []
