"""Traditional script: the offset map both ways, and findings located in the original text."""

from __future__ import annotations

import datetime as dt

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules import script
from gkrules.engine import Engine
from gkrules.inputs import InputDocument

S2T = opencc.OpenCC("s2t")
TODAY = dt.date(2024, 6, 3)

# characters whose conversion keeps the length, traditional ones among them, and newlines
ALPHABET = "統計關於辦法機關國家發佈個人資訊乾隆干燥後來著作瞭解局長的了是一二三ABC0123 ，。\n"


def _expanding(ch: str) -> str:
    """A stand-in converter whose conversion of some characters changes their length (OpenCC's
    tables almost never do; the map must still hold when one does)."""
    return {"Ａ": "AA", "Ｃ": "CCC"}.get(ch, script.convert(ch) if ch.strip() else ch)


def _fake_convert(text: str) -> str:
    return "".join(_expanding(ch) for ch in text)


@given(st.text(alphabet=ALPHABET + "ＡＣ", max_size=80))
@settings(max_examples=300, deadline=None)
def test_offsets_map_both_ways_when_lengths_change(text):
    found = script.to_simplified(text, _fake_convert)
    if found is None:
        assert _fake_convert(text) == text
        return
    norm, smap = found
    assert norm == _fake_convert(text)
    assert smap.original == text
    for i, ch in enumerate(text):
        s = smap.to_normalised(i)
        e = smap.to_normalised(i + 1, end=True)
        assert norm[s:e] == _expanding(ch) if ch.strip() else norm[s:e] == ch
        if e > s:  # a character with a conversion maps back to itself
            assert smap.to_original(s) == i
            assert smap.to_original(e, end=True) == i + 1
    assert smap.to_normalised(len(text), end=True) == len(norm)
    assert smap.to_original(len(norm), end=True) == len(text)


@given(st.text(alphabet=ALPHABET, max_size=120), st.data())
@settings(max_examples=200, deadline=None)
def test_spans_round_trip_with_opencc(text, data):
    found = script.to_simplified(text)
    if found is None:
        # left as it is only when no character converts on its own: a phrase whose characters
        # are all simplified ones too (瞭解 → 了解, but 瞭 alone stays, as in 瞭望) does not make
        # a page traditional (script.has_traditional; hypothesis found 瞭解)
        assert not script.has_traditional(text)
        assert all(script.convert(ch) == ch for ch in text)
        return
    norm, smap = found
    assert norm == script.convert(text)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    s, e = smap.to_normalised(start), smap.to_normalised(end, end=True)
    assert smap.to_original(s) <= start and smap.to_original(e, end=True) >= end
    # OpenCC keeps these lengths, so a span maps onto the same number of characters; its text
    # need not equal the span converted alone (phrases convert by context: 瞭解 → 了解, 瞭 alone stays)
    assert e - s == end - start


def test_a_phrase_of_simplified_characters_is_not_traditional_script():
    """瞭解 converts as a phrase (了解) but each of its characters is simplified too: a page
    with nothing else traditional is checked as it is; with one traditional character, the
    whole page is converted, the phrase included."""
    assert script.to_simplified("我们的瞭解") is None
    found = script.to_simplified("統計的瞭解")
    assert found is not None and found[0] == "统计的了解"


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


DOCS = [
    "关于印发《白榆县统计局统计调查项目管理办法》的通知\n各乡镇人民政府：\n现将办法印发给你们。\n本文件为工作秘密，注意保存。\n",
    "白榆县2023年规模以上工业企业情况\n全县共有两家造纸企业，其中白榆纸业有限公司产值占全县造纸业的87.5%。\n",
    "联系人：张伟，电话：13912345678\n地址：白榆县人民路1号\n",
]


@pytest.mark.parametrize("simplified", DOCS)
def test_traditional_document_gets_the_same_findings_in_its_own_characters(engine, simplified):
    traditional = S2T.convert(simplified)
    assert traditional != simplified
    a = engine.check([InputDocument("a.txt", simplified.encode())], today=TODAY)
    b = engine.check([InputDocument("a.txt", traditional.encode())], today=TODAY)
    fa = [(f.checker, f.rule, f.severity, f.location.line if f.location else None) for _, f in a.findings()]
    fb = [(f.checker, f.rule, f.severity, f.location.line if f.location else None) for _, f in b.findings()]
    assert fa == fb and fa
    for (_, x), (_, y) in zip(a.findings(), b.findings(), strict=True):
        if y.location is None or y.location.start is None:
            continue
        quoted = traditional[y.location.start:y.location.end]
        assert quoted == S2T.convert(simplified[x.location.start:x.location.end])
        if x.evidence and x.evidence == simplified[x.location.start:x.location.end]:
            assert y.evidence == quoted  # quotes the characters of the page
        if "原文：" in x.message:  # the message quotes the page in its own characters too
            piece = x.message.split("原文：", 1)[1].split("）", 1)[0]
            assert "原文：" + S2T.convert(piece) in y.message
    meta = b.documents[0].metadata
    assert meta.normalised and "OpenCC" in meta.normalised[0]
    assert not a.documents[0].metadata.normalised


def test_simplified_text_is_left_alone():
    assert script.to_simplified("关于印发统计调查项目管理办法的通知") is None
