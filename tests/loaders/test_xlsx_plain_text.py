"""The xlsx loader takes a string cell as it is when render() would not change it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.loaders.xlsx import _PLAIN_TEXT, render

#: the characters render() treats specially, mixed with ordinary text
_TRICKY = st.sampled_from(["\t", "\n", "\r", "\r\n", "\x0b", "\x0c", "\x00", "\x1f", "\x7f", "\ufffe", "\uffff",
                           " ", "\u3000", "\xa0", "\x85", "\u2028", "\x1c"])
_TEXT = st.lists(st.one_of(st.text(max_size=4), _TRICKY, st.sampled_from(["统计", "12.5", "A1"])),
                 max_size=8).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXT)
def test_the_plain_text_shortcut_gives_what_render_gives(value):
    if _PLAIN_TEXT(value):
        assert render(value) == value


def test_the_shortcut_applies_to_ordinary_cells():
    for value in ("统计局", "乡镇12", "a b", "青梧市　统计"):
        assert _PLAIN_TEXT(value)
    for value in (" 统计", "统计\t", "统\n计", "", "\u3000"):
        assert not _PLAIN_TEXT(value)
