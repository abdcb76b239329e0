"""Documents whose tables are all inert skip table reading (a speed measure): the findings
must be exactly those of reading every table."""

from __future__ import annotations

import datetime as dt
import unicodedata
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.unit_identifiability.tables import TableReader
from gkrules.context import CheckContext
from gkrules.engine import Engine
from gkrules.inputs import InputDocument

TODAY = dt.date(2025, 11, 20)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine("national", check_examples=False)


def _both(engine: Engine, text: str) -> tuple[list, list, bool]:
    active = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    doc = engine.prepare(InputDocument("doc.txt", text))
    ctx = CheckContext(doc, TODAY, active.setup, active.rules)
    fast = list(active.instance.check(ctx))
    kit = active.instance.rules[0].kit  # what the checker compiled, shared by its rules
    skipped = bool(doc.tables) and all(
        kit.reader.inert(doc, t, kit.p.legend_window_lines, kit.prose.name_guard)
        for t in doc.tables)
    with mock.patch.object(TableReader, "profile", lambda *a, **k: (True, True)):
        # a fresh context: the tables read are per-document facts, kept with the first one
        full = list(active.instance.check(CheckContext(doc, TODAY, active.setup, active.rules)))
    return fast, full, skipped


HEADERS = ["行业", "地区", "企业名称", "指标", "企业单位数（个）", "单位数", "户数", "营业收入（亿元）", "产值（万元）",
           "比上年增长（%）", "占比（%）", "利润总额（万元）", "亏损企业数（个）", "调查户（户）", "单位（家）", "计量单位"]
CELLS = ["合计", "全县", "制造业", "采矿业", "其中：", "＃电力", "青梧钢铁有限公司", "鹤汀纸业厂", "企业单位数",
         "规上企业", "农户", "1", "2", "3", "12", "57", "-", "—", "…", "*", "x", "D", "/", "", " ", "保密", "12.3",
         "-4.5", "178.72", "5.21", "个", "家", "1．2", "３"]
NOTES = ["", "注：“…”表示数据保密。", "注：“-”表示涉及单个企业数据，不予公布。", "注：空白表示涉及调查对象，未公布。",
         "注：“—”表示无此项。", "说明：“x”表示不足3家企业，数据保密。"]


def _row(cells) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


@st.composite
def random_table(draw) -> list[str]:
    width = draw(st.integers(2, 5))
    out = [_row(draw(st.lists(st.sampled_from(HEADERS), min_size=width, max_size=width)))]
    for _ in range(draw(st.integers(1, 6))):
        n = draw(st.integers(max(1, width - 1), width))
        out.append(_row(draw(st.lists(st.sampled_from(CELLS), min_size=n, max_size=n))))
    return out


@st.composite
def additive_table(draw) -> list[str]:
    """A total row over its parts with one or two entries replaced by a symbol: what the
    differencing audit reads."""
    cols = draw(st.integers(1, 3))
    labels = draw(st.lists(st.sampled_from(["制造业", "批发业", "零售业", "住宿业", "餐饮业", "建筑业"]),
                           min_size=2, max_size=4, unique=True))
    values = [[draw(st.integers(1, 900)) for _ in range(cols)] for _ in labels]
    rows = [["合计", *[sum(v[c] for v in values) for c in range(cols)]], *[[lab, *v] for lab, v in zip(labels, values,
                                                                                                      strict=True)]]
    for _ in range(draw(st.integers(1, 2))):
        r, c = draw(st.integers(0, len(rows) - 1)), draw(st.integers(1, cols))
        rows[r][c] = draw(st.sampled_from(["…", "x", "*", "-", "—", "", "保密", "D"]))
    header = ["行业", *draw(st.lists(st.sampled_from(["营业收入（万元）", "产值（万元）", "利润总额（万元）"]),
                                   min_size=cols, max_size=cols))]
    return [_row(header), *(_row(r) for r in rows)]


@st.composite
def long_table(draw) -> list[str]:
    """Indicators down the rows, one of them a unit count (企业单位数 | 个 | 2)."""
    areas = draw(st.integers(1, 3))
    label = draw(st.sampled_from(["企业单位数", "规上企业", "调查户", "单位", "从业人员"]))
    unit = draw(st.sampled_from(["个", "户", "家", "人"]))
    return [_row(["指标", "计量单位", *["甲区", "乙区", "丙区"][:areas]]),
            _row([label, unit, *draw(st.lists(st.integers(1, 6), min_size=areas, max_size=areas))]),
            _row(["营业收入", "万元", *draw(st.lists(st.integers(10, 900), min_size=areas, max_size=areas))])]


AREAS = ["城关镇", "石桥镇", "桃源乡", "柳湾乡", "双河镇"]


@st.composite
def count_table(draw) -> list[str]:
    """Unit counts per area, with or without the areas' figures in the same rows."""
    areas = draw(st.lists(st.sampled_from(AREAS), min_size=2, max_size=4, unique=True))
    figures = draw(st.booleans())
    rows = [_row(["地区", "企业单位数（个）", *(["营业收入（万元）"] if figures else [])])]
    for a in areas:
        rows.append(_row([a, draw(st.integers(1, 6)), *([draw(st.integers(10, 900))] if figures else [])]))
    return rows


@st.composite
def figure_table(draw) -> list[str]:
    """Figures per area without counts: what a small count elsewhere joins to."""
    areas = draw(st.lists(st.sampled_from(AREAS), min_size=2, max_size=4, unique=True))
    return [_row(["地区", "营业收入（万元）", "比上年增长（%）"]),
            *(_row([a, draw(st.integers(10, 900)), draw(st.sampled_from(["5.2", "-1.3", "12.0"]))]) for a in areas)]


@st.composite
def documents(draw) -> str:
    out = ["2024年鹤汀县规模以上工业主要指标", ""]
    for _ in range(draw(st.integers(1, 3))):
        out.extend(draw(st.one_of(random_table(), additive_table(), long_table(), count_table(), figure_table(),
                                  figure_table())))
        out.append(draw(st.sampled_from(NOTES)))
        out.append("")
    return "\n".join(out) + "\n"


@settings(max_examples=300, deadline=None)
@given(documents())
def test_skipping_inert_tables_gives_the_same_findings(engine, text):
    fast, full, _ = _both(engine, text)
    assert fast == full


def test_the_shortcut_is_taken_and_rules_still_fire(engine):
    plain = ("| 指标 | 营业收入（亿元） | 比上年增长（%） |\n| 合计 | 178.72 | 5.2 |\n| 制造业 | 173.51 | 4.8 |\n"
             "| 批发业 | 5.21 | -1.2 |\n")
    fast, full, skipped = _both(engine, plain)
    assert skipped and fast == full == []
    small = "| 行业 | 企业单位数（个） | 营业收入（亿元） |\n| 合计 | 59 | 178.72 |\n| 租赁和商务服务业 | 2 | 5.21 |\n"
    fast, full, skipped = _both(engine, small)
    assert not skipped and fast == full and [f.rule for f in fast] == ["small-cell"]


def test_seed_documents_give_the_same_findings(engine):
    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        fast, full, _ = _both(engine, p.read_text(encoding="utf-8"))
        assert fast == full


def _profile_cell_by_cell(reader: TableReader, doc, table, legend_window: int, name_guard) -> tuple[bool, bool]:
    """profile() written cell by cell, as the rules read each cell."""
    from gkrules.checkers.unit_identifiability.layout import logical
    from gkrules.checkers.unit_identifiability.legend import parse_legend
    from gkrules.checkers.unit_identifiability.tables import _header_text, mentions_counts, nearby_notes

    table = logical(table)
    if not table.body or max(len(r) for r in table.rows) < 2:
        return False, False
    width = max(len(r) for r in table.rows)
    active = any(reader.is_count_header(unicodedata.normalize("NFKC", _header_text(table, j))) for j in range(width))
    active = active or mentions_counts((table.caption or "") + "".join(c.text for row in table.header for c in row))
    symbols = {*reader.p.suppression_symbols, *reader.p.legend_symbols}
    suppressions = blank = False
    for row in table.body:
        blank = blank or len(row) < width
        for cell in row:
            t = "".join(cell.text.split())
            if not t:
                blank = True
            elif t in symbols:
                suppressions = True
            elif t.endswith(reader.unit_nouns) or any(w in t for w in reader.count_headers):
                active = True
            if name_guard is not None and name_guard.search(doc.text, cell.start, cell.end):
                active = True
    if blank and not suppressions:
        legend = parse_legend([*table.notes, *nearby_notes(doc, table, legend_window)])
        suppressions = ("空白" in legend.suppressed or "空格" in legend.suppressed) and "空白" in reader.p.legend_symbols
    return active, suppressions


@settings(max_examples=300, deadline=None)
@given(documents())
def test_profile_is_the_cell_by_cell_look(engine, text):
    active = next(a for a in engine.checkers if a.spec.id == "unit-identifiability")
    checker = active.instance.rules[0].kit
    doc = engine.prepare(InputDocument("doc.txt", text))
    for t in doc.tables:
        args = (doc, t, checker.p.legend_window_lines, checker.prose.name_guard)
        assert checker.reader.profile(*args) == _profile_cell_by_cell(checker.reader, *args)


@given(st.text(alphabet="0123456789.,-% \t\x1c１．－，", max_size=12))
def test_decimals_without_normalising_ascii_is_the_same(text):
    import re as _re

    from gkrules.checkers.unit_identifiability.tables import _decimals
    from gkrules.numbers import normalise_number_text

    m = _re.search(r"\.(\d+)", normalise_number_text(text))
    assert _decimals(text) == (len(m.group(1)) if m else 0)
