"""Unit-level contributions as side input: through the API (extras) and the CLI option."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gkrules.checkers.unit_identifiability.contributions import load_contributions, parse_csv_text
from gkrules.cli import main
from gkrules.errors import UsageError
from gkrules.inputs import InputDocument
from gkrules.testing import cached_engine

TABLE = """2024年分行业规模以上工业营业收入
| 行业 | 营业收入（亿元） | 利润总额（亿元） |
| 合计 | 96.0 | 7.0 |
| 纺织业 | 40.0 | 3.0 |
| 化工业 | 30.0 | 2.5 |
| 食品业 | 26.0 | 1.5 |
"""


def rows(spec):
    """[(row, col, [values])] → contribution mappings, one unit per value."""
    out = []
    n = 0
    for row, col, values in spec:
        for v in values:
            n += 1
            out.append({"table": "1", "row": row, "col": col, "unit": f"U{n}", "value": v})
    return out


def run(contribs, text=TABLE):
    report = cached_engine().check([InputDocument("doc.txt", text)], today=dt.date(2025, 3, 1),
                                   extras={"contributions": contribs})
    d = report.documents[0]
    assert not d.errors, d.errors
    return sorted((f.rule, f.location.line if f.location else None) for f in d.findings
                  if f.checker == "unit-identifiability")


def test_small_cell_dominance_and_negatives_from_contributions():
    contribs = rows([
        ("纺织业", "营业收入（亿元）", [10, 10, 10, 10]),  # 4 units, even: safe
        ("化工业", "营业收入（亿元）", [28.5, 1.0, 0.5]),   # 3 units, the rest < 10 % of the largest
        ("食品业", "营业收入（亿元）", [20, 6]),            # 2 units
        ("纺织业", "利润总额（亿元）", [2.0, 1.5, -0.5]),   # a loss: dominance undefined
    ])
    # two units always fail the p% rule too (the rest is 0)
    assert run(contribs) == [("dominance", 5), ("dominance", 6), ("negative-contributions", 4), ("small-cell", 6)]


def test_holdings_group_units_of_one_enterprise_group():
    safe = rows([("纺织业", "营业收入（亿元）", [10, 10, 10, 10])])
    assert run(safe) == []
    for i, rec in enumerate(safe):  # three of the four units belong to one group
        rec["group"] = "G1" if i < 3 else ""
    assert run(safe) == [("dominance", 4), ("small-cell", 4)]


def test_unmatched_contributions_are_reported_not_ignored():
    contribs = rows([("采矿业", "营业收入（亿元）", [1, 2])])
    assert run(contribs) == [("contributions-unmatched", None)]


def test_bad_contributions_fail_closed():
    report = cached_engine().check([InputDocument("doc.txt", TABLE)], today=dt.date(2025, 3, 1),
                                   extras={"contributions": [{"row": "纺织业"}]})
    d = report.documents[0]
    assert not report.complete
    assert any(f.rule == "checker-error" and "贡献数据" in f.message for f in d.findings)


def test_csv_parsing_with_chinese_headers_and_errors(tmp_path):
    c = parse_csv_text("表,行,列,单位,数值,集团\n1,纺织业,营业收入（亿元）,A01,12.5,G1\n")
    assert c.records[0].group == "G1" and c.records[0].value == 12.5
    with pytest.raises(UsageError, match="缺少列"):
        parse_csv_text("row,col,value\n纺织业,产值,1\n")
    with pytest.raises(UsageError, match="第 2 行的数值无效"):
        parse_csv_text("row,col,unit,value\n纺织业,产值,A,abc\n")
    with pytest.raises(UsageError, match="不存在"):
        load_contributions(tmp_path / "missing.csv")
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("行,列,单位,数值\n纺织业,营业收入（亿元）,A,1\n".encode("gb18030"))
    assert load_contributions(gbk).records[0].row == "纺织业"


def test_cli_option(tmp_path, capsys):
    doc = tmp_path / "分行业.txt"
    doc.write_text(TABLE, encoding="utf-8")
    csv = tmp_path / "contrib.csv"
    csv.write_text("table,row,col,unit,value\n1,食品业,营业收入（亿元）,A,20\n1,食品业,营业收入（亿元）,B,6\n",
                   encoding="utf-8")
    code = main(["check", str(doc), "--format", "json", "--today", "2025-03-01", "--contributions", str(csv)])
    out = json.loads(capsys.readouterr().out)
    rules = [f["rule"] for d in out["documents"] for f in d["findings"] if f["checker"] == "unit-identifiability"]
    assert code == 1 and sorted(rules) == ["dominance", "small-cell"]
    # without the side input the same document is clean
    assert main(["check", str(doc), "--format", "json", "--today", "2025-03-01"]) == 0
    capsys.readouterr()
    code = main(["check", str(doc), "--contributions", str(tmp_path / "nope.csv")])
    err = capsys.readouterr().err
    assert code == 2 and "贡献数据文件不存在" in err and "Traceback" not in err
