"""Real pages published by government sites, labelled by hand (tests/data/real/personal_info/
labels.json): every labelled value found, nothing else above ``info``, only the allowed
``info`` findings. Plus the two judgements of issue 14 item 5: each valid ID number in a
list stands on its own, and the legal basis fits the kind of document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pi_helpers import TODAY, findings, gate, make_id, of

from gkrules.engine import Engine

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "personal_info"
LABELS = json.loads((REAL / "labels.json").read_text(encoding="utf-8"))
ENGINE = Engine()


def _score():
    tp = fp = fn = 0
    for page in LABELS:
        result = ENGINE.check([REAL / page["file"]], today=TODAY).documents[0]
        assert not result.errors
        doc = ENGINE.prepare(REAL / page["file"])
        fs = [f for f in result.findings if f.checker == "personal-info"]
        got = {(f.rule, doc.text[f.location.start:f.location.end]) for f in gate(fs)}
        want = {(p["rule"], p["text"]) for p in page["positives"]}
        tp += len(got & want)
        fp += len(got - want)
        fn += len(want - got)
        allowed = {i["rule"] for i in page["allowed_info"]}
        assert {f.rule for f in fs if f.severity.value == "info"} <= allowed | {"person-name"}, page["file"]
    return tp, fp, fn


def test_labelled_real_pages():
    assert len(LABELS) >= 10 and all(p["url"].startswith("http") and ".gov.cn" in p["url"] for p in LABELS)
    tp, fp, fn = _score()
    assert fp == 0 and fn == 0, (tp, fp, fn)


# -- each valid ID number stands on its own ---------------------------------------------------

VALID = make_id("43010219860315241")
MISTYPED = ("430102197001011234", "430103198807072345")   # check characters fail


@pytest.mark.parametrize("header", ["身份证号码", "公民身份号码", "证件号码"])
def test_relief_list_one_valid_two_mistyped(pi, header):
    text = ("2025年第三季度临时救助对象公示\n"
            f"| 序号 | 户主姓名 | {header} | 救助金额（元） |\n"
            f"| 1 | 王建国 | {MISTYPED[0]} | 800 |\n| 2 | 李秀英 | {VALID} | 800 |\n| 3 | 张桂兰 | {MISTYPED[1]} | 600 |\n")
    ids = of(pi(text), "id-card")
    assert [(f.location.line, f.severity.value, f.evidence) for f in ids] == [(4, "block", "43*************412")]


def test_labelled_ids_in_prose_each_stand_alone(pi):
    text = "".join(f"　　申请人{n}，公民身份号码：{v}。\n" for n, v in zip("甲乙丙", (MISTYPED[0], VALID, MISTYPED[1]),
                                                                   strict=True))
    assert [f.location.line for f in of(pi(text), "id-card")] == [2]


def test_serial_codes_still_claim_their_lucky_member(pi):
    # the other side: a certificate column with one number that passes by chance stays a code
    rows = "".join(f"| {i} | 周丽华 | 4301002024101200{i:02d} |\n" for i in range(1, 13))
    assert of(pi("| 序号 | 姓名 | 证书编号 |\n" + rows), "id-card") == []


# -- the basis fits the document ----------------------------------------------------------------

ID = make_id("33010619720805078")
PARTY = f"当事人：赖德明，联系电话：15873920416，身份证号码：{ID}，住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室。\n"


def _bases(text, **kw):
    return {f.rule: f.basis for f in gate(findings(text, **kw))}


def test_penalty_decision_cites_the_penalty_publication_rule():
    bases = _bases("松岚区统计局行政处罚决定书\n松统罚决字〔2025〕3号\n" + PARTY)
    assert set(bases) >= {"id-card", "mobile", "home-address"}
    for basis in bases.values():
        assert "第十五条" in basis and "个人信息保护法" in basis and "浙江省行政处罚结果信息网上公开暂行办法" in basis


@pytest.mark.parametrize("head", [
    "松岚区统计局政府信息公开申请答复书\n赖德明：\n　　你于2025年3月2日申请公开松岚区统计局作出的行政处罚决定书，现答复如下。\n",
    "《青梧市统计行政处罚裁量基准》政策解读\n　　一、制定背景\n",
    "青梧市统计局关于印发《行政处罚信息公示办法（暂行）》的通知\n局各科室：\n",
    "青梧市2025年临时救助对象公示\n",
])
def test_reply_letters_interpretations_and_rules_cite_the_general_basis(head):
    bases = _bases(head + PARTY)
    assert set(bases) >= {"id-card", "mobile"}
    for basis in bases.values():
        assert "第十五条" in basis and "个人信息保护法" in basis and "浙江" not in basis
