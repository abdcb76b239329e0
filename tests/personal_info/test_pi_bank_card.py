"""Bank cards: fee sheets, refunds; organisations' accounts; Luhn failures; no label."""

from __future__ import annotations

from pi_helpers import gate, make_card

FEE_SHEET = ("\ufeff序号,姓名,工作单位,身份证号码,开户银行,银行卡号,评审天数,评审费（元）\n"
             "1,覃海燕,澜江财经学院,430102196602143267,中国农业银行青梧分行,6228480712038155222,2,1600\n"
             "2,梁志刚,青梧市律师协会,430104197909305133,中国建设银行青梧支行,6217003610042881711,2,1600\n"
             "合计,,,,,,4,3200\n")


def test_fee_sheet_csv_two_blocks_per_row(pi):
    fs = gate(pi(FEE_SHEET.encode("utf-8"), name="评审费发放表.csv"))
    assert sorted((f.location.line, f.rule) for f in fs) == [
        (2, "bank-card"), (2, "id-card"), (3, "bank-card"), (3, "id-card")]
    assert {f.evidence for f in fs if f.rule == "bank-card"} == {"***************5222", "***************1711"}


def test_refund_card_in_groups_of_four_and_the_bureaus_own_account(pi):
    text = """青梧市统计局关于退还多缴统计资料工本费的公告

　　吕振东同志多缴工本费160元。我局已将多缴款项原路退回至其本人银行卡（卡号6217 0027 3100 4521 862），请注意查收。
　　今后购买统计资料，请将款项汇至：户名 青梧市统计局；开户行 中国工商银行青梧府前支行；账号 1906020109000123457。
　　培训费请汇至：青梧市统计学会，开户银行：中国工商银行青梧分行，账号：6222022400034855908。
"""
    fs = gate(pi(text))
    assert [(f.rule, f.location.line, f.severity.value) for f in fs] == [("bank-card", 3, "block")]
    assert fs[0].evidence == "**** **** **** ***1 862"


def test_organisation_account_in_a_penalty_decision(pi):
    account = make_card("622202240003485590")
    text = (f"青梧市统计局行政处罚决定书\n当事人：青梧市鑫泰物流有限公司\n"
            f"户名：青梧市鑫泰物流有限公司，开户行：中国银行青梧分行，银行账号：{account}\n")
    assert [(f.rule, f.severity.value) for f in gate(pi(text))] == [("org-bank-account", "warn")]


def test_luhn_failure_missing_label_and_other_numbers(pi):
    good = make_card("622848071203815522")
    bad = good[:-1] + str((int(good[-1]) + 1) % 10)
    text = (f"　　银行卡号：{bad}（校验位不符）\n"
            f"　　批次号 {good}，登记序号 {good}。\n"
            f"| 指标 | 2024年 |\n| 地区生产总值（元） | {good} |\n")
    assert gate(pi(text)) == []


def test_card_without_scheme_prefix_needs_a_card_label(pi):
    account = make_card("190602010900012345")
    assert gate(pi(f"　　账号：{account}\n")) == []
    assert [f.rule for f in gate(pi(f"　　申请人银行卡号：{account}\n"))] == ["bank-card"]


def test_account_holders_behind_a_payment_verb_and_fine_collection_accounts(pi):
    account = make_card("622260012000456789")
    fees = pi(f"关于缴纳统计培训费的通知\n　　请将培训费汇至：户名：澧州市统计学会；开户行：中国建设银行澧州府前支行；账号：{account}。\n")
    assert gate(fees) == []
    fine = pi(f"行政处罚决定书\n当事人：澧州市中南工程机械有限公司\n"
              f"　　罚款缴至：户名：澧州市财政局非税收入汇缴结算户；账号：{account}\n"
              f"　　当事人开户银行：中国银行澧州分行，户名：澧州市中南工程机械有限公司，银行账号：{account}\n")
    assert [(f.rule, f.location.line) for f in gate(fine)] == [("org-bank-account", 4)]
