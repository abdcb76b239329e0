"""Social-security and medical-insurance numbers: only after their label; IDs win."""

from __future__ import annotations

from pi_helpers import gate


def test_labelled_numbers_warn_and_an_id_is_an_id(pi):
    text = ("　　参保人：刘桂兰，社保卡号：A12345678。\n"
            "　　医保卡号 3301234567890。\n"
            "　　社会保障号码：11010519491231002X。\n")
    fs = gate(pi(text))
    assert [(f.rule, f.location.line) for f in fs] == [
        ("social-security", 1), ("social-security", 2), ("id-card", 3)]


def test_prose_about_social_security_cards(pi):
    text = "　　全市社保卡持卡人数达到312万人，医保卡号段调整工作于2024年完成。\n"
    assert gate(pi(text)) == []
