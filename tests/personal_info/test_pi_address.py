"""Home addresses: masked below the township or sub-district; offices and companies are public."""

from __future__ import annotations

from pi_helpers import at, gate, of

VISITS = """青梧市统计局2025年春节走访慰问离退休干部安排

　　根据局党组安排，春节前由局领导带队走访慰问离退休干部。具体安排如下：
　　1．1月20日上午，局长蒋文涛走访邵文博同志，家庭住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室，联系电话：18679034512。
　　2．1月21日上午，副局长程丽华走访卢桂芬同志，家庭住址：青梧市栖凤区丹桂路18号3栋2单元501室，联系电话：13574902268。
　　请办公室做好慰问品准备，联系人：谭晓，电话：0739-8826117。
"""


def test_retirees_addresses_and_mobiles(pi):
    fs = pi(VISITS)
    assert sorted((f.location.line, f.rule) for f in gate(fs)) == [
        (4, "home-address"), (4, "mobile"), (5, "home-address"), (5, "mobile")]
    addr = of(fs, "home-address")
    kept = [VISITS[:f.location.start].rsplit("：", 1)[-1] for f in addr]
    assert kept == ["青梧市松岚区荷塘街道", "青梧市栖凤区"]  # what may stay: down to 街道 / 区
    assert [VISITS[f.location.start:f.location.end] for f in addr] == ["翠微花园5幢1单元802室", "丹桂路18号3栋2单元501室"]
    assert all(set(f.evidence) == {"*"} for f in addr)
    # officials in their roles are not names of data subjects; the visited retirees are
    assert [f.evidence for f in of(fs, "person-name")] == ["邵某某", "卢某某"]
    assert at(fs, 6) == []


def test_rural_address_and_township_only(pi):
    text = ("　　二、韩秋月，白沙镇桃源村统计信息员，家庭住址：鹤汀县白沙镇桃源村五组23号。\n"
            "　　三、路建业，家庭住址：鹤汀县鹤城镇。\n"
            "　　四、户籍地：鹤汀县白沙镇桃源村。\n")
    fs = gate(pi(text))
    assert [(f.rule, f.location.line) for f in fs] == [("home-address", 1)]
    assert text[fs[0].location.start:fs[0].location.end] == "桃源村五组23号"


def test_offices_companies_and_masked_addresses(pi):
    text = ("办公地址：青梧市松岚区府前大道9号市行政中心3号楼\n"
            "住所：青梧市栖凤区物流园路16号\n"
            "　　经营场所：青梧市栖凤区物流园路16号2栋\n"
            "　　家庭住址：青梧市松岚区荷塘街道*************。\n")
    assert gate(pi(text)) == []


def test_party_address_in_a_penalty_blocks(pi):
    text = "行政处罚决定书\n当事人：赖德明，住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室\n"
    assert [(f.rule, f.severity.value) for f in gate(pi(text))] == [("home-address", "block")]


def test_an_applicants_postal_address_and_the_residence_of_a_decision(pi):
    reply = pi("　　王建军：本机关收到您的申请（申请人：王建军，通讯地址：澧州市城西区白沙街道望城路18号2单元501室）。\n"
               "　　本机关通讯地址：澧州市城东区府前路1号，联系电话：0731-84561200。\n")
    assert [(f.rule, f.severity.value, f.evidence) for f in gate(reply)] == [
        ("home-address", "block", "*" * len("望城路18号2单元501室"))]
    decision = pi("行政处罚决定书\n当事人：谭某某，男，汉族，住湖南省澧州市城东区迎宾街道建设路8号。\n"
                  "当事人刘某军身份证号码430102197506123512住澧州市城西区白沙街道桃源路12号联系电话18674521039\n"
                  "本机关联系地址：澧州市城东区府前路1号，联系电话：0731-84561220。\n")
    addresses = of(decision, "home-address")
    assert [(f.severity.value, f.location.line, f.evidence) for f in addresses] == [
        ("block", 2, "*****"), ("block", 3, "******")]  # 建设路8号, 桃源路12号: glued text stops at the number


def test_words_with_zhu_and_companies_registered_seats(pi):
    text = """2025年住户调查工作情况
　　今年，住户调查覆盖全市6个区县1200户，住房面积人均42.3平方米。
　　各乡镇（街道）、住建局、市场监管局按职责分工配合，住宿和餐饮业增加值增长5.1%。
行政处罚信息公示
当事人名称：澧州市恒达建材有限公司
法定代表人：周德胜
住所：澧州市城东区建设北路188号
"""
    assert of(pi(text), "home-address") == []


def test_counts_of_households_are_not_house_numbers(pi):
    text = "第七次全国人口普查公报\n　　全市居住在城镇的家庭户为1563200户，居住在乡村的家庭户为986400户。\n"
    assert of(pi(text), "home-address") == []
