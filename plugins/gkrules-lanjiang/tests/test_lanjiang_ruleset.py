"""The lanjiang rule set: layering over national (appended internal labels, tightened 份号 rule)."""

from __future__ import annotations

from gkrules_lanjiang.plugin import RULESET_DIR

from gkrules.model import Severity
from gkrules.ruleset import load_ruleset

CM = "confidential-marker"


def test_appends_provincial_labels_to_the_national_list():
    national = load_ruleset("national").data["checkers"][CM]["params"]["internal_labels"]
    lanjiang = load_ruleset("lanjiang").data["checkers"][CM]["params"]["internal_labels"]
    assert lanjiang[: len(national)] == national  # appended, not replaced
    added = lanjiang[len(national):]
    words = [w.strip() for w in (RULESET_DIR / "words" / "internal-labels-lanjiang.txt").read_text("utf-8").splitlines()
             if w.strip() and not w.startswith("#")]
    assert added == words and "澜统内参" in added


def test_provincial_label_blocks_only_under_lanjiang(gkrules_check):
    doc = "澜统内参\n\n2025年前三季度全省规模以上工业运行情况\n\n　　前三季度，全省规模以上工业增加值同比增长6.2%。\n"
    lanjiang = gkrules_check(doc, checker=CM, ruleset="lanjiang").findings
    assert [(f.rule, f.severity, f.location.line) for f in lanjiang] == [("internal-label", Severity.BLOCK, 1)]
    assert gkrules_check(doc, checker=CM, ruleset="national").findings == ()


def test_label_used_as_a_common_noun_is_not_a_marking(gkrules_check):
    doc = "　　各地要把统计内参作为服务决策的重要载体，不断提高编报质量。\n"
    assert gkrules_check(doc, checker=CM, ruleset="lanjiang").findings == ()


def test_fenhao_without_mark_is_tightened_to_block(gkrules_check):
    doc = "000123\n特急\n\n澜江省统计局文件\n\n澜统字〔2025〕18号\n"
    national = gkrules_check(doc, checker=CM, ruleset="national").findings
    lanjiang = gkrules_check(doc, checker=CM, ruleset="lanjiang").findings
    assert [f.severity for f in national] == [Severity.WARN]
    assert [f.severity for f in lanjiang] == [Severity.BLOCK]


def test_chain_and_identity():
    rs = load_ruleset("lanjiang")
    assert rs.id == "lanjiang"
    assert [c[0] for c in rs.chain] == ["national", "lanjiang"]
