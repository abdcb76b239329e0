"""Whose contact is it: the issuing office's contact line is not the punished person's, even in
a penalty notice; parties, work contacts and organisations are read from the line, the whole
sentence, or the form-like block the value stands in."""

from __future__ import annotations

from pi_helpers import gate, make_id, of
from stdnum.cn import uscc


def _uscc(first17: str) -> str:
    return first17 + uscc.calc_check_digit(first17)


PENALTY_PUBLICITY = f"""行政处罚信息公示
澧州市统计局行政处罚决定书（澧统罚决字〔2025〕第7号）
当事人名称：澧州市恒达建材有限公司
统一社会信用代码：{_uscc("91430104MA4QX8N2K")}
法定代表人：周德胜
住所：澧州市城东区建设北路188号
违法事实：该公司在2024年统计年报中虚报营业收入2836万元。
处罚内容：警告，并处罚款人民币3万元。
联系人：执法科 陈敏，电话：0731-88231456，邮箱：lzstjzf@163.com
"""


def test_the_offices_contact_line_in_a_penalty_notice_is_no_block(pi):
    fs = pi(PENALTY_PUBLICITY)
    assert gate(fs) == []
    mails = of(fs, "email")
    assert [(f.location.line, f.severity.value) for f in mails] == [(9, "info")]
    assert "工作联系人" in mails[0].message


def test_the_offices_contact_mobile_in_a_penalty_is_info_but_the_partys_blocks(pi):
    text = """行政处罚决定书
澧统罚决字〔2025〕第11号
当事人：澧州市中南工程机械有限公司
法定代表人：罗建平，联系电话：13975112233
　　经查，当事人在2024年统计年报中虚报工业总产值。
　　联系人：执法科 李丹，电话：0731-84561220，手机：13787311234
信息公开联系人：李丹　电话：0731-84561220　传真：0731-84561221　邮箱：lztjj_zf@126.com
"""
    fs = pi(text)
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(fs)] == [("mobile", "block", 4)]
    assert [(f.rule, f.location.line) for f in fs if f.severity.value == "info" and f.rule != "person-name"] == [
        ("mobile", 6), ("email", 7)]


def test_a_partys_own_contact_person_in_a_penalty_still_blocks(pi):
    # 联系人 with no sign of the office (no unit, no office line): the party's data
    fs = pi("行政处罚决定书\n当事人：张某某\n联系人：张某某\n联系电话：13812345670\n")
    assert [(f.rule, f.severity.value) for f in gate(fs)] == [("mobile", "block")]
    inline = pi("行政处罚决定书\n当事人：张某某，联系人：李某（其妻），手机：13812345670\n")
    assert [(f.rule, f.severity.value) for f in gate(inline)] == [("mobile", "block")]


def test_the_authoritys_mailbox_after_its_name_in_a_penalty(pi):
    text = ("行政处罚信息公示\n当事人：赵某某（个体工商户经营者），电子邮箱：zhaomm1980@126.com\n"
            "处罚机关：澧州市统计局　联系邮箱：lztjj@163.com\n")
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(pi(text))] == [("email", "block", 2)]


def test_an_organisation_party_is_not_a_natural_person(pi):
    text = ("行政处罚信息公示\n当事人：澧州市中南工程机械有限公司，联系电话：0731-85012345，邮箱：znjx@znjx.com.cn\n"
            "法定代表人：罗建平，手机：13975112233\n")
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(pi(text))] == [("mobile", "block", 3)]


APPLICANT_BLOCK = """政府信息公开申请答复（公开文本）
一、申请人信息
申请人：王建军
联系电话：0731-88234567
电子邮箱：wjj1979@qq.com
通讯地址：澧州市城西区白沙街道望城路18号2单元501室
二、答复内容
　　经查，您申请的信息属于主动公开范围。
　　承办人：李丹，联系电话：0731-84561200
"""


def test_a_form_block_belongs_to_the_party_heading_it(pi):
    fs = pi(APPLICANT_BLOCK)
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(fs)] == [
        ("landline", "block", 4), ("email", "block", 5), ("home-address", "block", 6)]


def test_a_block_headed_by_a_heading_or_a_name_field(pi):
    heading = pi(f"申请人基本信息\n姓名：王建军\n证件号码：{make_id('43062419790822003')}\n联系电话：13807314567\n")
    assert [(f.rule, f.severity.value) for f in gate(heading)] == [("id-card", "block"), ("mobile", "block")]
    # a reply slip: the mailbox is the named person's, though an office phone is next to it
    slip = pi("会议回执\n姓名：王芳\n单位：城东区统计局\n电话：0731-84562230\n邮箱：wangfang88@qq.com\n")
    assert [(f.rule, f.severity.value) for f in gate(slip)] == [("email", "warn")]


def test_a_party_enumeration_runs_to_the_end_of_its_sentence(pi):
    text = (f"　　本机关收到您的申请（申请人：王建军，身份证号：{make_id('43062419790822003')}，联系电话：13807314567，"
            "通讯地址：澧州市城西区白沙街道望城路18号2单元501室，电子邮箱：wjj1979@qq.com）。\n")
    assert [(f.rule, f.severity.value) for f in gate(pi(text))] == [
        ("id-card", "block"), ("mobile", "block"), ("home-address", "block"), ("email", "block")]


def test_office_labelled_and_organisation_mobiles_are_work_numbers(pi):
    text = """关于开展2025年人口变动情况抽样调查的公告
　　咨询电话：0731-84561230或13907315566（张老师）。
　　值班电话：13807310001
　　采购代理机构：湖南中信招标有限公司　联系方式：0731-85012345，15073112345
"""
    fs = pi(text)
    assert gate(fs) == []
    assert [f.severity.value for f in of(fs, "mobile")] == ["info", "info", "info"]


def test_a_table_of_work_contacts_is_info_a_table_of_people_warns(pi):
    contacts = pi("""各区县（市）统计局联络员名单
| 单位 | 联系人 | 办公电话 | 手机 |
| 城东区统计局 | 李丹 | 0731-84561220 | 13907311234 |
| 城西区统计局 | 王芳 | 0731-84562230 | 13807312345 |
""")
    assert gate(contacts) == []
    people = pi("""学员通讯录
| 序号 | 姓名 | 单位 | 手机 | 邮箱 |
| 1 | 周丽华 | 城东区统计局 | 13874125561 | zlh1986@qq.com |
""")
    assert [(f.rule, f.severity.value) for f in gate(people)] == [("mobile", "warn"), ("email", "warn")]


def test_a_unit_in_parentheses_after_a_person_is_where_they_work(pi):
    text = ("　　周丽华（市统计局综合科，邮箱：zlh1986@qq.com，手机：13874125561）\n"
            "　　经营者刘建华（城东区鸿运副食经营部），手机13974512368\n"
            "　　综合科（邮箱：lztjzhk@163.com）\n")
    assert [(f.rule, f.location.line) for f in gate(pi(text))] == [("email", 1), ("mobile", 1), ("mobile", 2)]


def test_an_organisation_heading_a_block_owns_its_lines(pi):
    text = "政府信息公开申请登记回执\n申请人：王建军\n联系电话：13807314567\n受理机关：澧州市统计局\n联系电话：13907310000\n"
    fs = pi(text)
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(fs)] == [("mobile", "block", 3)]
    assert [(f.severity.value, f.location.line) for f in of(fs, "mobile")] == [("block", 3), ("info", 5)]


def test_the_credit_china_format_of_a_natural_persons_penalty(pi):
    text = (f"行政处罚信息（双公示）\n行政相对人名称：谭某某\n行政相对人类别：自然人\n"
            f"证件号码：{make_id('43010219750612351')}\n联系电话：13807311111\n")
    assert [(f.rule, f.severity.value) for f in gate(pi(text))] == [("id-card", "block"), ("mobile", "block")]
