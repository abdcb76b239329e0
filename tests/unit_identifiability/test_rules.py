"""The rules of one table over many generated variants: every row is reported by exactly the
rule its unit count calls for (small-cell below min_units, small-cell-review in the review
band, nothing above), each with its one wording."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.engine import Engine
from gkrules.testing import check_text

CHECKER = "unit-identifiability"
TODAY = dt.date(2025, 11, 20)
CAPTION = "表1（表1\u30002024年分乡镇规模以上工业企业主要指标）"  # the caption line as printed
NAMES = ["鹤城镇", "白沙镇", "石门乡", "桃源乡", "松岚镇", "栖凤乡"]


@pytest.fixture(scope="module")
def review_engine(tmp_path_factory) -> Engine:
    rs = tmp_path_factory.mktemp("ruleset") / "ruleset.yaml"
    rs.write_text("id: review\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n"
                  "    params:\n      review_units: 5\n", encoding="utf-8")
    return Engine(str(rs), check_examples=False)


def _table(counts: list[int], with_figures: bool) -> str:
    head = "| 乡镇 | 企业单位数（个） | 营业收入（亿元） |\n" if with_figures else "| 乡镇 | 企业单位数（个） |\n"
    total = sum(counts) + 40
    lines = [head, f"| 全县 | {total} |" + (" 612.4 |" if with_figures else "") + "\n",
             "| 城关镇 | 40 |" + (" 380.2 |" if with_figures else "") + "\n"]
    for name, n in zip(NAMES, counts, strict=False):
        lines.append(f"| {name} | {n} |" + (f" {n * 11.3:.1f} |" if with_figures else "") + "\n")
    return "表1　2024年分乡镇规模以上工业企业主要指标\n" + "".join(lines)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(1, 12), min_size=2, max_size=len(NAMES)), st.booleans())
def test_each_row_gets_the_rule_its_count_calls_for(review_engine, counts, with_figures):
    res = check_text(_table(counts, with_figures), checker=CHECKER, engine=review_engine, today=TODAY)
    assert not res.errors
    got = sorted((f.rule, f.message) for f in res.findings if f.rule in ("small-cell", "small-cell-review"))
    expected = []
    if with_figures:
        for name, n in zip(NAMES, counts, strict=False):
            if n < 3:
                expected.append(("small-cell", f"{CAPTION}“{name}”只有{n}个单位，"
                                               "却公布了该类别的数据，可直接推断单个调查对象的数据"))
            elif n < 5:
                expected.append(("small-cell-review", f"{CAPTION}“{name}”只有{n}个单位，"
                                                      "请复核是否存在占主导地位的单位"))
    assert got == sorted(expected)


def test_small_cell_review_is_off_in_the_national_rule_set():
    res = check_text(_table([4, 9], True), checker=CHECKER, today=TODAY)
    assert not [f for f in res.findings if f.rule == "small-cell-review"]
