"""confidential-marker: real markings block, mentions never do."""

from __future__ import annotations

import datetime as dt

import pytest

from gkrules.model import Severity
from gkrules.testing import cached_engine, check_text, lines_of

TODAY = dt.date(2024, 4, 8)


def cm(text, today=TODAY, **kw):
    return check_text(text, checker="confidential-marker", today=today, **kw).findings


HEAD_2012 = """000047
秘密★3年
加急

青梧市统计局文件

青统报〔2024〕6号　　　　　　　　　　　　签发人：蒋文涛

青梧市统计局关于2023年度区县高质量发展综合绩效评价测算结果的报告

市人民政府：
　　按照市委、市政府部署，我局会同市发展改革委等部门进行了测算。现将测算结果报告如下。

青梧市统计局
2024年3月29日
"""


def test_gbt9704_2012_head_blocks_on_the_mark_line():
    (f,) = cm(HEAD_2012)
    assert (f.rule, f.severity, f.location.line, f.evidence) == ("secrecy-mark", Severity.BLOCK, 2, "秘密★3年")
    assert "密级：秘密" in f.message and "3年" in f.message and "至 2027-03-29" in f.message
    assert "保守国家秘密法" in f.basis


def test_1999_top_right_layout_on_the_fenhao_line():
    text = ("00012                                        机  密\n"
            "                                             特  急\n"
            "国家统计局青梧调查队文件\n青调发〔2019〕21号\n\n关于2019年上半年城乡居民收支主要数据的报告\n")
    (f,) = cm(text, today=dt.date(2019, 7, 22))
    assert (f.rule, f.location.line) == ("secrecy-mark", 1)
    assert "未标注保密期限" in f.message and "20 年" in f.message


def test_fenhao_and_mark_run_together_by_pdf_extraction():
    (f,) = cm("000215　机密★1年\n青梧市统计局\n关于2020年一季度群众评价调查结果的报告\n")
    assert (f.rule, f.location.line, f.evidence) == ("secrecy-mark", 1, "机密★1年")


def test_bare_level_after_fenhao():
    (f,) = cm("000003\n绝密\n特急\n\n国家统计局青梧调查队\n关于报送夏粮产量预审结果的函\n")
    assert (f.rule, f.location.line) == ("secrecy-mark", 2)


def test_oa_secrecy_field():
    text = "标　　题：关于重点项目投资统计核查情况的报告\n发文字号：青统报〔2024〕31号\n密　　级：机密\n保密期限：1年\n"
    (f,) = cm(text)
    assert (f.rule, f.location.line) == ("secrecy-mark", 3)


def test_full_width_period_in_an_annex_head():
    (f,) = cm("附件1\n秘密★６个月\n\n2024年一季度重点指标预计数\n")
    assert (f.location.line, f.evidence) == (2, "秘密★６个月")
    assert "6个月" in f.message


def test_marked_annex_further_down_the_same_file():
    text = "关于报送材料的通知\n\n各单位：\n　　请报送。\n\n附件\n\n机密★5年\n\n关于核查结果的报告\n"
    assert lines_of(cm(text)) == [8]


def test_expired_period_still_blocks_and_asks_for_declassification():
    # 2028 is beyond the working-day calendar: release-deadline would (rightly) stop the document
    (f,) = cm(HEAD_2012, today=dt.date(2028, 1, 1), engine=cached_engine("national", block=("release-deadline",)))
    assert f.severity == Severity.BLOCK
    assert "已于 2027-03-29 届满" in f.message and "解密" in f.message


def test_period_over_the_statutory_cap_is_said():
    (f,) = cm("000001\n秘密★15年\n\n青梧市统计局文件\n")
    assert "超过秘密最长 10 年的法定期限" in f.message


@pytest.mark.parametrize("mark", ["绝密★长期", "机密★2025年12月31日", "秘密★公开发布后解密"])
def test_period_forms(mark):
    (f,) = cm(f"000002\n{mark}\n\n青梧市统计局文件\n")
    assert f.rule == "secrecy-mark"


def test_fenhao_without_mark_is_a_warning():
    (f,) = cm("000123\n特急\n\n青梧市统计局文件\n\n关于报送数据的通知\n")
    assert (f.rule, f.severity, f.location.line) == ("fenhao-without-mark", Severity.WARN, 1)


@pytest.mark.parametrize(("text", "line"), [
    ("2024年青梧市乡镇统计资料汇编\n内部资料　注意保存\n青梧市统计局　编印\n", 2),
    ("内部文件\n\n鹤汀县统计局督办通知单\n督办编号：2022-07\n", 1),
    ("统计专报\n（注意保密）\n2021年第15期\n", 2),
    ("工作秘密\n\n青梧市统计局办公室\n关于做好统计业务技能比武试题命制工作的通知\n", 1),
    ("上半年形势分析\n\n　　（本材料为内部资料，仅供领导参阅）\n", 3),
    ("区县,失业率（%）\n全市,5.1\n注：本表为依据劳动力调查样本推算的区县数据，仅供内部工作参考，不得外传。,\n", 3),
    ("关于报送材料的通知\n\n正文。\n\n（此件不得翻印）\n", 5),
    ("统计分析\n内部资料，免费交流\n准印证号：青内资准字（2024）第12号\n", 2),
])
def test_internal_labels(text, line):
    name = "表.csv" if "," in text else "a.txt"
    (f,) = cm(text, name=name)
    assert (f.rule, f.severity, f.location.line) == ("internal-label", Severity.BLOCK, line)


HARD_NEGATIVES = [
    # a regulation listing the levels
    "第九条 下列政务信息不予公开：\n(一)个人隐私;\n(二)商业秘密;\n(三)国家秘密;\n"
    "1.标有密级(秘密、机密、绝密)文件内容,保密期限是否期满;\n",
    # the label words quoted in a review rule
    "3.未经批准,标注有“内部文件(资料)”和“注意保存”(保管、保密)等警示字样的信息;\n",
    # Q&A with list headings and an example in quotation marks
    "保密知识问答（第三期）\n\n　　问：国家秘密分为哪几个密级？\n（一）绝密级\n　　泄露会使国家安全和利益遭受特别严重的损害。\n"
    "（二）机密级\n（三）秘密级\n　　答：一般标注在公文首页版心左上角第二行，例如“机密★5年”。\n",
    # a declassification list with the former markings in a table
    "澜江省统计局关于部分文件解密的公告\n\n| 序号 | 文件名称 | 原密级和保密期限 | 解密日期 |\n"
    "| 1 | 关于2019年全省主要统计指标初步测算情况的报告 | 秘密★1年 | 2021年1月8日 |\n"
    "| 2 | 2019年全省农村住户调查样本轮换方案 | 机密★1年 | 2021年2月1日 |\n",
    # a pledge template: duties, not labels
    "　　一、对在统计调查中知悉的国家秘密、工作秘密严格保密。\n"
    "　　二、对调查对象的商业秘密、个人信息，不得外传，不得用于统计以外的目的。\n"
    "　　三、对标注“内部资料”的统计材料，不擅自复制、转发或者上传互联网。\n",
    # a non-secret field, and 内部 in a rule title
    "密　　级：非密\n公开方式：主动公开\n",
    "栖凤区统计局关于印发《栖凤区统计局内部控制管理制度》的通知\n\n栖凤区统计局内部控制管理制度\n第一章　总则\n",
    # duties in a work notice
    "　　一、供稿要求。请注意保存原始数据和计算底稿，以备核查。\n　　二、编纂人员对尚未公布的数据负有保密义务，不得外传。\n",
    # slogans and law titles
    "做到“涉密不上网，上网不涉密”。认真学习《中华人民共和国保守国家秘密法》。\n",
    "四、注意保密\n　　参加人员不得泄露会议内容。\n",
    "工作秘密管理办法\n第一条 为加强工作秘密管理，制定本办法。\n",
]


@pytest.mark.parametrize("text", HARD_NEGATIVES)
def test_mentions_are_not_markings(text):
    assert cm(text) == ()


def test_the_real_seed_pages_get_nothing(seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        assert cm(path.read_bytes(), name=path.name) == (), path.name
