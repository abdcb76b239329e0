"""Mobile numbers: winners' lists, parties, work contacts; serial numbers and amounts."""

from __future__ import annotations

from pi_helpers import at, gate, of

WINNERS = """鹤汀县2023年统计知识网上有奖竞答获奖名单

　　本次竞答活动共有2186人参与，经随机抽取，以下3名参与者获得一等奖：
| 序号 | 姓名 | 所在乡镇 | 手机号码 |
| 1 | 林秀梅 | 鹤城镇 | 13907391256 |
| 2 | 颜晓东 | 白沙镇 | 18274019835 |
| 3 | 贺金凤 | 桃源乡 | 15173926047 |
　　请获奖者凭本人身份证到县统计局办公室领取奖品，咨询电话：0739-6225810。也可拨打12345政务服务便民热线。
"""


def test_winners_mobiles_warn_with_masked_evidence(pi):
    fs = pi(WINNERS)
    mobiles = of(fs, "mobile")
    assert [(f.location.line, f.severity.value, f.evidence) for f in mobiles] == [
        (5, "warn", "139****1256"), (6, "warn", "182****9835"), (7, "warn", "151****6047")]
    assert at(fs, 8) == []
    assert [f.evidence for f in of(fs, "person-name")] == ["林某某", "颜某某", "贺某某"]


def test_written_forms(pi):
    text = ("　　联系电话：+86 138-1234-5678；手机 0086 13912345678；手机号码：139 1234 5678。\n")
    found = [f.evidence for f in of(pi(text), "mobile")]
    assert found == ["138-****-5678", "139****5678", "139 **** 5678"]


def test_a_party_or_a_penalty_decision_blocks(pi):
    party = pi("　　当事人：吕振东，联系电话：18679034512，现住址不详。\n")
    assert [(f.rule, f.severity.value) for f in gate(party)] == [("mobile", "block")]
    penalty = pi("松岚区统计局行政处罚决定书\n当事人：松岚区鑫源建材经营部\n经营者：赖德明\n联系电话：15873920416\n")
    assert [(f.rule, f.severity.value, f.location.line) for f in gate(penalty)] == [("mobile", "block", 4)]


def test_a_work_contact_is_info(pi):
    fs = pi("　　联系人：综合科 邱明，联系电话：0739-8826135。\n　　会务联系人：石磊 13874901235\n")
    assert gate(fs) == []
    assert [(f.rule, f.severity.value) for f in of(fs, "mobile")] == [("mobile", "info")]


def test_serial_numbers_and_amounts_are_not_phones(pi):
    text = """青梧市统计局关于批准执行部门统计调查项目的公告
| 项目编号 | 项目名称 | 制定机关 |
| 15720250031 | 青梧市养老服务机构基本情况调查 | 青梧市民政局 |
| 13920250018 | 青梧市中小学校体育设施统计报表制度 | 青梧市教育局 |
　　项目编号：18620250044，流水号 13800138000。
| 指标 | 金额（元） | 比上年增长（%） |
| 一般公共预算收入 | 15938274106 | 3.2 |
| 其中：税收收入 | 13520468711 | 2.6 |
　　全年完成投资13520468711元，增长13520468711.5%不合常理但不是号码。
"""
    assert gate(pi(text)) == []


def test_unallocated_codes_iot_numbers_hotlines_and_masks(pi):
    text = ("　　手机：16412345678（164 未分配）、15412345678、19412345678；物联网卡号 1440123456789；"
            "服务热线 12345、12315、12340、400-818-2340；已脱敏 139****7721、186****0452。\n")
    assert gate(pi(text)) == []


def test_bare_number_in_prose_warns(pi):
    fs = pi("　　石磊同志 13874901235 负责联络。\n")
    assert [(f.rule, f.severity.value) for f in gate(fs)] == [("mobile", "warn")]


def test_one_very_long_line_is_checked_completely(pi):
    # a table exported as one line: every value found, no look-up walks the whole line again
    line = "，".join(f"申请人{i}手机：139{i:08d}" for i in range(1, 5001)) + "\n"
    fs = of(pi(line), "mobile")
    assert len(fs) == 5000 and all(f.severity.value == "block" for f in fs)


def test_csv_fields_web_addresses_units_and_sample_numbers(pi):
    csv = "序号,姓名,性别,普查小区,手机号码,备注\n1,邓秀英,女,白沙社区01,13874125563,\n2,邹国强,男,望城社区03,15973108842,组长\n"
    assert [(f.severity.value, f.location.line) for f in of(pi(csv, name="enumerators.csv"), "mobile")] == [
        ("warn", 2), ("warn", 3)]
    text = """相关链接
　　省统计局：https://tjj.hunan.gov.cn/tjfx/202511/t20251120_13912345678.html
　　附件下载：http://www.lizhou.gov.cn/attach/0/13874125563.pdf
　　数据查询：https://data.lizhou.gov.cn/query?code=18674502133&year=2024
　　1月用电量13856724512千瓦时；全市用电户数13572468013户；全年接待游客13876543210人次。
　　说明：联系电话填写格式如0731-84561234或13800000000。
"""
    assert gate(of(pi(text), "mobile")) == []
