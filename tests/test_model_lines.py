"""Document line/column look-ups: the counted answers of the first look-ups and the line
index agree everywhere (the index is what ``line_span`` and reports rely on)."""

from __future__ import annotations

import bisect

from hypothesis import given
from hypothesis import strategies as st

from gkrules.model import Document, _line_starts


def _doc(text: str) -> Document:
    return Document(source="mem.txt", text=text, sha256="0" * 64, format="txt")


def _by_index(text: str, offset: int) -> tuple[int, int]:
    starts = _line_starts(text)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


@given(st.text(alphabet="统计局\n\r 1２", max_size=60), st.lists(st.integers(0, 70), max_size=20))
def test_counted_and_indexed_line_col_agree(text, offsets):
    doc = _doc(text)
    for offset in offsets:  # the first eight are counted, the rest come from the index
        assert doc.line_col(offset) == _by_index(text, offset)


def test_a_location_in_a_real_notice():
    text = "关于开展统计执法检查的通知\n各区县统计局：\n联系人：李丹，电话：0739-8826103。\n"
    doc = _doc(text)
    at = text.index("0739")
    loc = doc.location(at, at + 12)
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (3, 11, 3, 23)  # end column is exclusive
    assert doc.line_of(at) == 3 and doc.line_text(3) == "联系人：李丹，电话：0739-8826103。"


@given(st.text(alphabet="统计\n 1", max_size=40), st.integers(0, 45), st.integers(0, 8))
def test_location_end_matches_a_second_look_up(text, start, length):
    doc = _doc(text)
    end = start + length
    loc = doc.location(start, end)
    end_line, end_col = _by_index(text, max(start, end - 1))
    assert (loc.line, loc.column) == _by_index(text, start)
    assert (loc.end_line, loc.end_column) == (end_line, end_col + 1 if end > start else end_col)
