"""E-mail: personal mailboxes (also glued to Chinese text) versus office mailboxes."""

from __future__ import annotations

from pi_helpers import at, gate, of

NOTICE = """松岚区统计局关于表扬2024年度住户调查优秀辅助调查员的通报
松统字〔2025〕2号

各街道办事处：
　　经研究，决定对以下3名同志予以通报表扬：
　　何晓雨（荷塘街道，联系邮箱hexiaoyu2001@126.com）
　　庞志远（丹桂街道）
　　黎小婉（府前街道，个人邮箱：lxw_1996@qq.com）
　　联系人：区统计局住户调查股，邮箱sltjj_zhdc@163.com，电话0739-8231406。
　　请于12月3日前将回执发送至综合科邮箱qwtjjzhk@163.com，或投稿邮箱tougao@126.com。
电子邮箱：qwtjj@qingwu.gov.cn　联系邮箱tjj@stats.gov.cn欢迎来信
"""


def test_personal_and_office_mailboxes(pi):
    fs = pi(NOTICE)
    mails = gate(of(fs, "email"))
    assert [(f.location.line, f.severity.value, f.evidence) for f in mails] == [
        (6, "warn", "h***********@126.com"), (8, "warn", "l*******@qq.com")]
    assert at(fs, 9) == [] and at(fs, 10) == [] and at(fs, 11) == []


def test_glued_address_has_exact_boundaries(pi):
    text = "　　有问题请写信至zhangsan1990@163.com谢谢，或lisi.w@qq.com。\n"
    fs = of(pi(text), "email")
    assert [text[f.location.start:f.location.end] for f in fs] == ["zhangsan1990@163.com", "lisi.w@qq.com"]


def test_other_domains_are_info_and_parties_block(pi):
    work = of(pi("　　项目联系人王立，邮箱wangli@qwdata.com.cn。\n"), "email")
    assert [f.severity.value for f in work] == ["info"]
    penalty = pi("行政处罚决定书\n当事人：赖德明，电子邮箱：laideming@qq.com\n")
    assert [(f.rule, f.severity.value) for f in gate(penalty)] == [("email", "block")]


def test_masked_mailbox_is_not_found_again(pi):
    assert of(pi("　　个人邮箱：h***********@126.com\n"), "email") == []


GUIDE = """澧州市统计局政府信息公开指南
　　（一）受理机构：澧州市统计局办公室
　　办公地址：澧州市城东区府前路1号市政府大院7栋
　　联系电话：0731-84561200
　　传真号码：0731-84561201
　　电子邮箱：lztjjbgs@163.com
　　报名方式：将报名表发送至报名邮箱lzjp2025@163.com。
"""


def test_office_mailboxes_on_free_mail_in_a_guide_or_a_footer(pi):
    assert of(pi(GUIDE), "email") == []  # the block is the 受理机构's
    fs = pi(GUIDE.replace("　　（一）受理机构：澧州市统计局办公室\n", ""))
    assert gate(fs) == []
    assert [(f.location.line, f.severity.value) for f in of(fs, "email")] == [(5, "info")]
    footer = pi("<html><body><p>正文。</p><p>联系电话：0731-84563219，电子邮箱：lzstjzf@163.com</p></body></html>",
                name="list.html")
    assert gate(footer) == []


def test_an_address_ending_in_shi_is_not_a_unit(pi):
    # 501室 ends like 办公室: the mailbox after it is still the applicant's
    text = "　　申请人王建军，通讯地址：澧州市城西区望城路18号2单元501室，电子邮箱：wjj1979@qq.com。\n"
    assert [(f.rule, f.severity.value) for f in gate(of(pi(text), "email"))] == [("email", "block")]
