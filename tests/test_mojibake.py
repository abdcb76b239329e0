"""Mojibake: repaired when certain (and said so), otherwise an engine/unreadable-content finding."""

from __future__ import annotations

import datetime as dt

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.loaders.mojibake import REPAIRED_NOTE, repair, repair_text, suspect
from gkrules.outputs.text import render_text

TODAY = dt.date(2024, 6, 3)
S2T = opencc.OpenCC("s2t")
POLICY = ("关于印发《白榆县统计调查项目管理办法》的通知\n各乡镇人民政府：\n现将《白榆县统计调查项目管理办法》印发给你们，"
          "请认真贯彻执行。\n白榆县统计局\n2024年5月27日\n（此件主动公开）\n")
CHINESE = st.text(alphabet=st.sampled_from("统计局关于印发管理办法的通知各乡镇人民政府现将给你们请认真贯彻执行，。：《》（）0123456789\n"),
                  min_size=1, max_size=200)


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


def _check(engine, name: str, data: bytes):
    return engine.check([InputDocument(name, data)], today=TODAY)


@given(CHINESE)
@settings(max_examples=300, deadline=None)
def test_latin1_mojibake_is_never_repaired_wrongly(text):
    garbled = text.encode("utf-8").decode("latin-1")
    if garbled == text:
        return
    assert suspect(garbled)
    fixed, repaired = repair(garbled)
    assert (repaired and fixed == text) or (not repaired and fixed == garbled)
    # ftfy declines only the shortest strings (a lone 贯 → è´¯ is ambiguous); then the
    # engine reports the text as unreadable instead
    if sum(ord(c) > 127 for c in text) >= 6:
        assert repaired


@given(CHINESE)
@settings(max_examples=200, deadline=None)
def test_chinese_text_is_never_touched(text):
    assert not suspect(text)
    assert repair(text) == (text, False)


@pytest.mark.parametrize("text", ["Direcção dos Serviços de Estatística e Censos", "Café résumé naïve",
                                  "Größe", "© 2024 澳门特别行政区政府", "温度 25°C，湿度 60%"])
def test_foreign_letters_are_not_mojibake(text):
    assert repair(text) == (text, False)


@pytest.mark.parametrize("name, wrap", [("policy.txt", lambda t: t),
                                        ("policy.html", lambda t: "<html><head><meta charset='utf-8'><title>"
                                         + t.split("\n")[0] + "</title></head><body><p>"
                                         + t.replace("\n", "</p><p>") + "</p></body></html>")])
def test_repaired_page_is_checked_and_says_so(engine, name, wrap):
    clean = _check(engine, name, wrap(POLICY).encode())
    garbled = wrap(POLICY).encode("utf-8").decode("latin-1").encode("utf-8")
    report = _check(engine, name, garbled)
    rules = sorted((f.checker, f.rule) for _, f in report.findings())
    assert rules == sorted((f.checker, f.rule) for _, f in clean.findings())
    meta = report.documents[0].metadata
    assert REPAIRED_NOTE in meta.normalised
    assert meta.title == clean.documents[0].metadata.title
    assert "说明：文字编码已修复" in render_text(report)


def test_lossy_mojibake_is_unreadable_and_never_clean(engine):
    # Windows-1252 has no character for some UTF-8 bytes: that text cannot be restored
    garbled = POLICY.encode("utf-8").decode("cp1252", errors="replace").encode("utf-8")
    report = _check(engine, "policy.txt", garbled)
    found = [f for _, f in report.findings() if f.rule == "unreadable-content"]
    assert len(found) == 1 and found[0].checker == "engine"
    assert "乱码" in found[0].message and "全文大部分" in found[0].message
    assert "å" not in found[0].message  # names the problem, never quotes the garbled text
    assert engine.exit_code(report) != 0
    assert REPAIRED_NOTE not in report.documents[0].metadata.normalised
    assert "未发现问题" not in render_text(report)


def test_a_garbled_fragment_in_a_clean_page_is_reported(engine):
    page = POLICY + "附件：" + "印发".encode().decode("cp1252", errors="replace") + "说明\n"
    report = _check(engine, "policy.txt", page.encode())
    assert [f for _, f in report.findings() if f.rule == "unreadable-content"]


@pytest.mark.parametrize("codec, name", [("gbk", "GBK/GB18030"), ("big5", "Big5")])
def test_legacy_encodings_read_as_latin1_are_repaired(engine, codec, name):
    text = S2T.convert(POLICY) if codec == "big5" else POLICY
    garbled = text.encode(codec).decode("latin-1")
    assert suspect(garbled)
    fixed, note = repair_text(garbled)
    assert fixed == text and name in note
    clean = _check(engine, "policy.txt", POLICY.encode())
    report = _check(engine, "policy.txt", garbled.encode("utf-8"))
    assert sorted(f.rule for _, f in report.findings()) == sorted(f.rule for _, f in clean.findings())
    assert any(name in n for n in report.documents[0].metadata.normalised)


def test_latin1_letters_that_read_as_no_chinese_are_unreadable(engine):
    # bytes that neither GBK nor Big5 turn into ordinary Chinese: flagged, never "repaired"
    garbled = "".join(chr(0xC0 + (i * 7) % 60) for i in range(120))
    assert repair_text(garbled) == (garbled, None)
    report = _check(engine, "x.txt", garbled.encode("utf-8"))
    assert [f for _, f in report.findings() if f.rule == "unreadable-content"]
