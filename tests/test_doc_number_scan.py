"""``gbt9704.find_doc_number`` rules out long lines before it searches them (issue 19): it finds
what the search of every line holding 号 found, since a number on a line of 80 or more
characters was never taken."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.metadata import gbt9704
from gkrules.metadata.gbt9704 import Span, _number_line, search_doc_number
from gkrules.metadata.scan import lines_with


def _as_before(text: str, max_lines: int = 20) -> Span | None:
    """``find_doc_number`` before issue 19: the search first, the length afterwards."""
    for s, e in lines_with(text, ("号",)):
        if text.count("\n", 0, s) >= max_lines:
            return None
        line = text[s:e]
        m = search_doc_number(line)
        if m and len(line.strip()) < 80 and _number_line(line, m):
            return Span(s + m.start(), s + m.end(), m.group(0).strip())
    return None


_pieces = st.sampled_from(["张掖统罚字〔2023〕31号", "甘统发〔2024〕7号", "（2025）", "第3号", "号", "〔", "〕",
                           "关于统计工作的通知说明事项", "统计局", "统计局统计局统计局统计局", "，", "。", " ", "\t", "a",
                           "12345"])
_lines = st.lists(st.lists(_pieces, max_size=12).map("".join), max_size=6).map("\n".join)


@settings(max_examples=2000, deadline=None)
@given(_lines)
def test_the_same_number_as_searching_every_line(text):
    assert gbt9704.find_doc_number(text) == _as_before(text)


def test_a_number_on_a_line_of_79_characters_is_found():
    text = "标题\n" + "统" * 68 + "甘统发〔2024〕7号" + "\n正文"  # 79 characters
    assert gbt9704.find_doc_number(text) == _as_before(text) is not None
