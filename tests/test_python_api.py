"""The Python API as a caller uses it: one path as a str or Path, lists, one text, names
without an extension."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import gkrules
from gkrules import Engine, InputDocument, UsageError

TODAY = dt.date(2024, 5, 6)
MARKED = "000047\n机密★10年\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n"
ENGINE = Engine("national")


def _sources(report) -> list[str]:
    return [d.source for d in report.documents]


def test_a_str_is_one_path_like_a_path_or_a_list(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(MARKED, encoding="utf-8")
    as_str = gkrules.check(str(tmp_path), today=TODAY)
    assert len(as_str.documents) == 2
    assert _sources(as_str) == _sources(gkrules.check(tmp_path, today=TODAY))
    assert _sources(as_str) == _sources(gkrules.check([str(tmp_path)], today=TODAY))
    one = gkrules.check(str(tmp_path / "a.txt"), today=TODAY)
    assert "secrecy-mark" in {f.rule for _, f in one.findings()}
    assert len(ENGINE.check(InputDocument("x.txt", MARKED), today=TODAY).documents) == 1


def test_missing_path_is_a_usage_error_not_characters():
    with pytest.raises(UsageError, match="路径不存在"):
        gkrules.check("没有这个目录/", today=TODAY)


def test_check_text():
    report = gkrules.check_text(MARKED, today=TODAY)
    assert report.complete and "secrecy-mark" in {f.rule for _, f in report.findings()}
    named = gkrules.check_text(MARKED, name="通知", today=TODAY, engine=ENGINE)
    assert _sources(named) == ["通知"]
    meta = gkrules.check_text("关于某事的通知\n", name="通知.txt", today=TODAY, metadata={"disclosure": "主动公开"},
                              engine=ENGINE)
    assert meta.documents[0].metadata.disclosure is not None
    with pytest.raises(UsageError, match="需要字符串"):
        gkrules.check_text(MARKED.encode("utf-8"))  # type: ignore[arg-type]


def test_html_without_an_extension_is_read_as_html():
    report = ENGINE.check([InputDocument("页面", "<html><body><p>机密★10年</p><p>通知</p></body></html>")], today=TODAY)
    assert report.complete
    assert "<p>" not in next(iter(ENGINE.check_documents([InputDocument("页面", "<html><body><p>正文</p></body></html>")],
                                                          today=TODAY)[1])).text


_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.text(_CJK, min_size=1, max_size=8), body=st.text(_CJK | st.sampled_from("，。\n 0123456789"), min_size=1,
                                                             max_size=200))
def test_a_name_without_extension_is_sniffed_like_txt(name, body):
    """Any text under a bare name gives the same findings as under name.txt."""
    text = MARKED + body
    bare = ENGINE.check([InputDocument(name, text)], today=TODAY)
    dotted = ENGINE.check([InputDocument(name + ".txt", text)], today=TODAY)
    assert bare.complete
    assert [(f.rule, f.location) for _, f in bare.findings()] == [(f.rule, f.location) for _, f in dotted.findings()]


def test_py_typed_ships_with_the_package():
    assert (Path(gkrules.__file__).parent / "py.typed").is_file()
