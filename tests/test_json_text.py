"""Indented report JSON written by orjson is the text the standard library writes."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gkrules.outputs.jsontext as jsontext
from gkrules import Engine, InputDocument
from gkrules.outputs.json_report import render_json
from gkrules.serialize import report_to_dict

# what a report holds (docs/report.schema.json): no floats; text of every kind, including
# characters JSON escapes, line separators, astral characters and lone surrogates
_scalars = st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.text()
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4)
                       | st.dictionaries(st.text(max_size=6), inner, max_size=4), max_leaves=25)


@settings(max_examples=400, deadline=None)
@given(_values)
def test_same_text_as_the_standard_library(value):
    assert jsontext.indented_text(value) == jsontext.stdlib_text(value)


@given(st.dictionaries(st.integers() | st.text(max_size=3), st.integers(), min_size=1, max_size=4))
def test_keys_orjson_refuses_go_to_the_standard_library(value):
    assert jsontext.indented_text(value) == jsontext.stdlib_text(value)


def test_orjson_is_the_writer_where_installed():
    """The fast path is really taken (a broken import would silently fall back)."""
    pytest.importorskip("orjson")
    assert jsontext.orjson is not None


def test_standard_library_alone_writes_the_same(monkeypatch):
    value = {"文件": [1, None, True, "第\u2028二\x00"], "n": 2**80}
    expected = jsontext.indented_text(value)
    monkeypatch.setattr(jsontext, "orjson", None)
    assert jsontext.indented_text(value) == expected == json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def test_a_real_report_is_unchanged():
    text = ("关于公布2024年统计执法检查结果的通知\n"
            "联系人：王小明，手机 13812345678，身份证号 110101199003074513。\n"
            "| 企业 | 从业人员 |\n|---|---|\n| 甲公司 | 12 |\n")
    report = Engine().check([InputDocument("通知.txt", text.encode("utf-8"))], today=dt.date(2025, 3, 1))
    data = report_to_dict(report)
    assert report.documents[0].findings
    assert render_json(report) == jsontext.stdlib_text(data)
