"""The checker's runner skips the rules on a document where the shared analyses leave them
nothing to read (a speed measure): its findings must be exactly those of asking every rule."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.unit_identifiability.runner import UnitRunner
from gkrules.context import CheckContext
from gkrules.engine import Engine
from gkrules.facts import DocumentFacts
from gkrules.rule import RuleRunner

from .test_prose_guards import FRAGMENTS

TODAY = dt.date(2025, 11, 20)
TABLES = [
    "表1　2024年分乡镇规模以上工业企业主要指标\n| 乡镇 | 企业单位数（个） | 营业收入（亿元） |\n| 全县 | 45 | 612.4 |\n"
    "| 城关镇 | 40 | 380.2 |\n| 鹤城镇 | 2 | 22.6 |\n| 白沙镇 | 3 | 33.9 |\n",
    "| 指标 | 2024年 | 增长（%） |\n| 地区生产总值（亿元） | 312.5 | 5.2 |\n| 一般公共预算收入（亿元） | 21.3 | 3.1 |\n",
    "| 企业名称 | 营业收入（万元） |\n| 鹤汀纸业有限公司 | 3200 |\n| 青梧钢铁有限公司 | … |\n| 合计 | 5100 |\n",
    "| 单位 | 地址 |\n| 市统计局 | 澧州市城西区人民路12号 |\n",
]
#: one cell a line without a row pattern: lines the text loader could not read as a table
UNREAD = "表1　按地区分组的法人单位\n企业法人(个) |\n" + "\n".join(
    f"{x} |" for x in (3000, 2700, 200, 100, 40, 35, 3, 2, 7, 9, 11, 13)) + "\n"
CONTRIBUTIONS = [{"table": "1", "row": "鹤城镇", "col": "营业收入（亿元）", "unit": f"U{i}", "value": v}
                 for i, v in enumerate((20.1, 2.5))]


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine("national", check_examples=False)


def _findings(engine: Engine, runner: RuleRunner, text: str, extras: dict) -> list:
    a = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    doc = engine.loaders.load_bytes("doc.txt", text.encode("utf-8"))
    ctx = CheckContext(doc, TODAY, a.setup, a.rules, facts=DocumentFacts(doc), extras=extras)
    return list(runner.check(ctx))


#: sentences each prose rule reports (random fragments seldom make one)
SENTENCES = [
    "全县规上工业企业2家，完成产值3.1亿元。", "烟草制品业仅1家企业。", "3家企业全部亏损。",
    "造纸业营业收入居前两位的企业分别占该行业的60.1%和34.9%。", "鹤汀纸业有限公司营业收入增长12.5%。",
    "剔除鹤汀纸业有限公司影响后，全县产值增长5.2%。", "排名前十的企业名单如下：\n1. 鹤汀纸业有限公司\n2. 青梧钢铁有限公司\n",
]
PROSE = st.one_of(st.lists(st.sampled_from(FRAGMENTS), max_size=20).map("".join), st.sampled_from(SENTENCES))


@settings(max_examples=200, deadline=None)
@given(st.lists(PROSE, min_size=1, max_size=3), st.lists(st.sampled_from([*TABLES, UNREAD]), max_size=2),
       st.booleans())
def test_the_runner_gives_what_asking_every_rule_gives(engine, prose, blocks, given_contributions):
    a = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    runner = a.instance
    assert isinstance(runner, UnitRunner)
    plain = RuleRunner(runner.rules, runner.kit)
    # prose, then each table on lines of its own, then prose again (an empty file is refused
    # before any checker runs: the text ends with a full stop at least)
    text = "\n".join(p + "\n" + b for p, b in zip(prose, [*blocks, *[""] * len(prose)], strict=False)) + "。\n"
    extras = {"contributions": CONTRIBUTIONS} if given_contributions else {}
    assert _findings(engine, runner, text, extras) == _findings(engine, plain, text, extras)


def test_the_generated_documents_reach_every_kind_of_input(engine):
    """The property above sees findings from prose alone and from unread lines alone."""
    a = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    runner = a.instance
    assert {f.rule for f in _findings(engine, runner, "全县规上工业企业2家，完成产值3.1亿元。\n", {})} == {
        "small-count-text"}
    assert {f.rule for f in _findings(engine, runner, "说明\n" + UNREAD, {})} == {"table-not-understood"}
