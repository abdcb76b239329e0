"""Folding full-width characters and removing zero-width ones, with offsets kept."""

from __future__ import annotations

from gkrules.checkers.personal_info.textview import TextView


def test_plain_text_is_not_copied():
    text = "　　联系电话：0739-8826150。1．办法"
    view = TextView(text)
    assert view.text is text and view.identity


def test_full_width_folds_one_for_one():
    view = TextView("手机：１３８１２３４５６７８，邮箱ａｂｃ＠ｑｑ．ｃｏｍ")
    assert view.text == "手机：13812345678，邮箱abc@qq.com"
    assert view.identity and view.span(3, 14) == (3, 14)


def test_zero_width_characters_are_removed_and_mapped_back():
    text = "号码1381\u200b2345\u200d678。"
    view = TextView(text)
    assert view.text == "号码13812345678。"
    s, e = view.span(2, 13)
    assert text[s:e] == "1381\u200b2345\u200d678"
    assert not view.identity
