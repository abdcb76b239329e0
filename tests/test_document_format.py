"""document-format: GB/T 9704-2012 发文字号, 成文日期 and 附注 (hints by default)."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkrules.model import Severity
from gkrules.testing import check_text

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def fmt(text):
    result = check_text(text, checker="document-format")
    return [(f.rule, f.location.line if f.location else None, f.message) for f in result.findings]


@pytest.mark.parametrize("number,problem", [
    ("鄂统计文【2024】51号", "六角括号"),
    ("青统字[2024]6号", "六角括号"),
    ("白统函（2023）3号", "六角括号"),
    ("青统字〔2024〕第6号", "“第”"),
    ("青统字〔2024〕06号", "虚位"),
])
def test_own_doc_number_format(number, problem):
    [(rule, line, message)] = fmt(f"青梧市统计局文件\n{number}\n\n青梧市统计局关于开展统计开放日活动的通知\n")
    assert (rule, line) == ("doc-number", 2) and problem in message


def test_header_field_number_and_clean_numbers():
    [(rule, line, _)] = fmt("发文字号：青统字[2024]6号\n标　　题：青梧市统计局关于开展统计开放日活动的通知\n")
    assert (rule, line) == ("doc-number", 1)
    assert fmt("青梧市统计局文件\n青统字〔2024〕6号\n\n青梧市统计局关于开展统计开放日活动的通知\n") == []


def test_cited_numbers_and_enforcement_instruments_are_not_judged():
    cited = ("三亚市统计局关于印发实施方案的通知\n三统字〔2023〕50号\n\n"
             "　　根据《关于印发工作方案的通知》（三府办函[2023]112号）要求，制定本方案。\n")
    assert fmt(cited) == []
    assert fmt("青梧市统计局\n行政处罚决定书\n青统罚决字〔2023〕第15号\n") == []


def test_formed_date_form():
    for bad in ("二〇二一年九月二十二日", "2024年07月08日", "2024-07-08"):
        [(rule, line, message)] = fmt(f"　　特此通知。\n\n青梧市统计局\n{bad}\n（此件主动公开）\n")
        assert (rule, line) == ("formed-date", 4) and bad in message
    assert fmt("　　特此通知。\n\n青梧市统计局\n2024年7月8日\n（此件主动公开）\n") == []
    assert fmt("成文日期：2023-08-08\n发布日期：2023-08-08\n") == []  # portal fields are not the 公文's own


def test_annotation_brackets_and_place():
    [(rule, line, message)] = fmt("　　特此通知。\n\n青梧市统计局\n2024年7月8日\n(此件主动公开)\n")
    assert (rule, line) == ("annotation", 5) and "全角" in message
    [(rule, line, message)] = fmt("　　特此通知。\n（此件主动公开）\n\n青梧市统计局\n2024年7月8日\n")
    assert (rule, line) == ("annotation", 2) and "之后" in message
    [(rule, _, message)] = fmt("青梧市统计局\n2024年7月8日\n\n　　附件：名单\n（此件主动公开）\n")
    assert "下一行" in message
    assert fmt("　　特此通知。\n\n青梧市统计局\n2024年7月8日\n\n（此件主动公开）\n") == []


def test_all_hints_by_default():
    result = check_text("青梧市统计局文件\n鄂统计文【2024】51号\n\n青梧市统计局\n2024年07月08日\n(此件主动公开)\n",
                        checker="document-format")
    assert {f.severity for f in result.findings} == {Severity.INFO} and len(result.findings) == 3


def test_seed_000_gets_only_hints():
    # its own number 三统字〔2023〕50号 is right; the cited 三府办函[2023]112 is not its own;
    # its 附注 "(此件主动公开)" uses half-width brackets
    text = (SEEDS / "000_74c5ceab56ebcdc9.txt").read_bytes()
    result = check_text(text, checker="document-format", name="page.txt")
    assert [(f.rule, f.location.line, f.severity) for f in result.findings] == [("annotation", 33, Severity.INFO)]
