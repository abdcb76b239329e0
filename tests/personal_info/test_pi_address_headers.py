"""home-address reads a table's headers only when a header cell holds a word of an address
label (a speed measure): the detections must be those of reading every table's headers."""

from __future__ import annotations

import copy
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.scene import Scene
from gkrules.engine import Engine

HEADERS = ["姓名", "家庭住址", "住址", "现住址", "户籍地", "通讯地址", "地址", "住所", "办公地址", "职务", "单位名称",
           "申请人", "户主", "居民人均收入", "所得税", "联系电话", "备注", "家庭 住址"]
CELLS = ["王建军", "澧州市城西区人民路12号", "青梧县桥头镇五组23号", "市统计局", "3200", "住澧州市城西区人民路8号",
         "家庭住址", "现住址：", "科员", "13812345678"]


@pytest.fixture(scope="module")
def rule_and_kit():
    engine = Engine("national", check_examples=False)
    runner = next(a.instance for a in engine.checkers if a.spec.id == "personal-info")
    rule = next(r for r in runner.rules if r.id == "home-address")
    return engine, rule, runner.kit


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(HEADERS), min_size=2, max_size=4, unique=True),
       st.lists(st.lists(st.sampled_from(CELLS), min_size=4, max_size=4), min_size=1, max_size=4))
def test_headers_without_an_address_word_give_what_reading_them_gives(rule_and_kit, headers, rows):
    engine, rule, kit = rule_and_kit
    width = len(headers)
    lines = ["| " + " | ".join(headers) + " |"] + ["| " + " | ".join(r[:width]) + " |" for r in rows]
    doc = engine.loaders.load_bytes("t.txt", ("名单\n" + "\n".join(lines) + "\n").encode("utf-8"))
    every = copy.copy(rule)
    every._header_words = None  # read every table's headers
    today = dt.date(2025, 11, 20)
    assert list(rule._tables(Scene(doc, today, kit))) == list(every._tables(Scene(doc, today, kit)))


def test_an_address_column_is_still_read(rule_and_kit):
    engine, rule, kit = rule_and_kit
    doc = engine.loaders.load_bytes("t.txt", "名单\n| 姓名 | 家庭住址 |\n| 王建军 | 澧州市城西区人民路12号 |\n".encode())
    assert [d.rule for d in rule._tables(Scene(doc, dt.date(2025, 11, 20), kit))] == ["home-address"]
