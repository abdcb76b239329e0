"""居民身份证号码 in real-looking documents: lists, prose, penalty notices; hard negatives."""

from __future__ import annotations

from pi_helpers import at, gate, make_id, of

INSURANCE_LIST = """栖凤区统计局关于2023年住户调查辅助调查员意外伤害保险投保情况的公示

　　为保障辅助调查员入户调查期间的人身安全，我局为全区辅助调查员统一投保了意外伤害保险。投保人员如下：
| 序号 | 姓名 | 所在街道 | 公民身份号码 |
| 1 | 宋立群 | 梅林街道 | 33010619720805078X |
| 2 | 柯文斌 | 丹桂街道 | 330110198503124170 |
　　理赔咨询请拨打承保公司客服电话95519，或联系区统计局住户调查股，电话：0739-8231406。
"""


def test_insurance_list_blocks_each_id_with_masked_evidence(pi):
    fs = pi(INSURANCE_LIST)
    ids = of(fs, "id-card")
    assert [f.location.line for f in ids] == [5, 6]
    assert all(f.severity.value == "block" for f in ids)
    assert [f.evidence for f in ids] == ["33*************78X", "33*************170"]
    assert "33010619720805078X" not in " ".join(f.message + (f.evidence or "") for f in fs)
    assert at(fs, 7) == []  # the insurer's service number and the office landline


def test_standard_vectors_in_prose(pi):
    text = ("　　经核查，申请人身份证号码为11010519491231002X，其父身份证号码为440524188001010014，"
            "现予公示。\n")
    ids = of(pi(text), "id-card")
    assert len(ids) == 2 and all(f.severity.value == "block" for f in ids)


def test_id_in_a_column_headed_only_bianhao(pi):
    text = ("| 序号 | 姓名 | 工作单位 | 编号 |\n"
            "| 1 | 韦丽 | 白榆县宏达建材有限公司 | 430121199207134523 |\n"
            "\n　　考试批次：2024051800012　　考点：白榆县职业中专\n")
    fs = pi(text)
    assert [f.location.line for f in of(fs, "id-card")] == [2]
    assert at(fs, 4) == []


def test_abolished_county_code_still_blocks(pi):
    value = make_id("51362119800101123")
    fs = pi(f"　　户主：李国华，身份证号码：{value}，家庭人口4人。\n")
    assert [f.rule for f in gate(fs)] == ["id-card"]


def test_split_full_width_and_zero_width_forms(pi):
    split = pi("　　身份证号码：110105 19491231 002X\n")
    assert len(of(split, "id-card")) == 1
    text = "　　身份证号码：１１０１０５１９４９１２３１００２Ｘ，特此说明。\n"
    wide = of(pi(text), "id-card")
    assert len(wide) == 1
    loc = wide[0].location
    assert text[loc.start:loc.end] == "１１０１０５１９４９１２３１００２Ｘ"
    assert wide[0].evidence == "１１*************０２Ｘ"
    zw = "　　身份证号码：110105194912\u200b31002X。\n"
    found = of(pi(zw), "id-card")
    assert len(found) == 1 and zw[found[0].location.start:found[0].location.end] == "110105194912\u200b31002X"


def test_hard_negatives_look_like_ids(pi):
    wrong_check = "339901198104172260"           # check digit should not be 0
    feb31 = make_id("11010519490231002")          # check digit right, date impossible
    month13 = make_id("33990120241301063")
    future = make_id("11010520301231123")
    text = (f"　　审批档案号：{wrong_check}\n"
            f"| 339901202403150410 | {feb31} | {month13} | {future} |\n"
            "　　调查范围为全市各街道（统计用区划代码339901001000至339925112000）。\n"
            "　　统一社会信用代码：913399210684235082\n"
            "　　JioNLP 文档示例号码 52010320171109002X 的校验位不正确。\n"
            "　　合同编号：AB11010519491231002X、11010519491231002X7。\n"
            "　　已脱敏：430102********2516、35*************123、1101**********123X。\n")
    assert gate(pi(text)) == []


def test_legacy_fifteen_digits_need_a_label(pi):
    labelled = pi("　　户主：王建国，身份证号码：430102650312211。\n")
    assert [(f.rule, f.severity.value) for f in gate(labelled)] == [("id-card-legacy", "warn")]
    assert gate(pi("　　登记序号：430102650312211。\n")) == []
    table = pi("| 姓名 | 身份证号 |\n| 王建国 | 430102650312211 |\n")
    assert [f.rule for f in gate(table)] == ["id-card-legacy"]


def test_legal_representative_id_in_dishonesty_notice(pi):
    text = ("青梧市统计局统计严重失信企业信息公示\n"
            "　　企业名称：青梧市恒远建筑工程有限公司\n"
            "　　统一社会信用代码：91339902MA2C4HN81F\n"
            "　　法定代表人：尹国栋　　身份证号码：330102196801193757\n")
    fs = pi(text)
    assert [(f.rule, f.location.line) for f in gate(fs)] == [("id-card", 4)]
    names = of(fs, "person-name")
    assert [f.evidence for f in names] == ["尹某某"] and names[0].severity.value == "info"


def test_fingerprint_is_keyed_on_the_value_not_the_place(pi):
    a = of(pi("　　身份证号码：11010519491231002X\n"), "id-card")[0]
    b = of(pi("\n\n前文有改动。\n　　证件号码 11010519491231002x 。\n"), "id-card")[0]
    c = of(pi("　　身份证号码：440524188001010014\n"), "id-card")[0]
    assert a.fingerprint == b.fingerprint != c.fingerprint
    assert "11010519491231002X" not in a.fingerprint


def test_serial_codes_of_id_shape_are_not_ids(pi):
    # certificate and archive numbers: address code + date + serial. One in eleven passes the
    # check character by chance; the rest of its column, label or run says it is a code
    rows = "".join(f"| {i} | 周丽华 | 市统计局 | 4301002024101200{i:02d} |\n" for i in range(1, 13))
    table = pi("表彰名单\n| 序号 | 姓名 | 单位 | 证书编号 |\n" + rows)
    assert of(table, "id-card") == []
    lines = "".join(f"　　档案编号：43010020250115{i:04d}\n" for i in range(101, 113))
    assert of(pi("价格监测档案\n" + lines), "id-card") == []


def test_a_list_of_real_ids_still_blocks_even_of_one_family(pi):
    # twins: same address code and birth date, all check characters valid
    twins = [make_id(f"43010219860315{s}") for s in ("241", "263", "285")]
    text = "| 姓名 | 编号 |\n" + "".join(f"| 王{n} | {v} |\n" for n, v in zip("甲乙丙", twins, strict=True))
    assert [f.severity.value for f in of(pi(text), "id-card")] == ["block"] * 3
    one = pi(f"　　审批编号：{make_id('43010020250115010')}\n")   # a single number: no group to judge by
    assert [f.severity.value for f in of(one, "id-card")] == ["block"]
