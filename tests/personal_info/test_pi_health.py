"""Health data of named people; health words in policy prose and statistics are not."""

from __future__ import annotations

from pi_helpers import gate

AID = """青梧市统计局机关工会关于2024年度困难职工帮扶慰问名单的公示

　　经个人申请、科室推荐、工会委员会研究，拟对以下职工家庭给予帮扶慰问，现予公示：
　　1．骆振华（普查中心）：本人患尿毒症，需每周三次血液透析，拟发放帮扶金5000元。
　　2．汤雅婷（服务业统计科）：配偶确诊乳腺癌，正在治疗，拟发放帮扶金4000元。
　　3．蔡明辉（数据管理中心）：子女患先天性心脏病，拟发放帮扶金4000元。
　　公示期为2024年12月16日至12月20日。如有异议，请与机关工会联系，电话：0739-8826128。
"""


def test_one_warning_per_named_person(pi):
    fs = gate(pi(AID))
    assert [(f.rule, f.location.line, f.severity.value) for f in fs] == [
        ("health", 4, "warn"), ("health", 5, "warn"), ("health", 6, "warn")]
    spans = [AID[f.location.start:f.location.end] for f in fs]
    assert spans == ["患尿毒症，需每周三次血液透析", "确诊乳腺癌", "患先天性心脏病"]
    assert "尿毒症" not in fs[0].message and "乳腺癌" not in fs[1].message


def test_policy_prose_and_statistics(pi):
    text = """2024年青梧市卫生健康事业发展统计公报
　　全市法定传染病报告发病率为182.3/10万，住院病人手术人次增长4.1%。
　　申请人本人及配偶患有重大疾病的，可以申请大病救助。
　　全市持证残疾人3.2万人，残疾人就业率提高2个百分点。
　　八、对保密审查把关不严，导致严重后果或安全隐患的，依法处理。
　　全市医疗机构诊治患者312万人次。
"""
    assert gate(pi(text)) == []


def test_patient_in_a_table(pi):
    text = "| 序号 | 姓名 | 救助原因 |\n| 1 | 周凤英 | 患白血病住院治疗 |\n"
    assert [f.rule for f in gate(pi(text))] == ["health"]
