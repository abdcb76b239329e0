"""The cue words of a window read from one scan of its line (``cues.LineCues``) are those a scan
of the window itself finds (``CueBook.hits``), for any window inside a line, whatever words
cross its edges, and for lines too long to be scanned whole."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info import cues
from gkrules.checkers.personal_info.cues import CueBook, LineCues
from gkrules.engine import Engine

# nested and overlapping words, so that windows cut words and shorter words hide in longer ones
_SMALL = CueBook({"a": ["电话", "联系电话", "话费", "手机", "手机号码", "号码", "机号"], "b": ["当事人", "人员", "事人"]})
_PIECES = ["联", "系", "电", "话", "费", "手", "机", "号", "码", "当", "事", "人", "员", "1", "，", "\n"]


def _windows(text: str, picks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Windows inside one line, from arbitrary (start, length) picks."""
    out = []
    for a, n in picks:
        if not text:
            break
        s = a % (len(text) + 1)
        le = text.find("\n", s)
        le = len(text) if le == -1 else le
        out.append((s, min(le, s + n)))
    return out


def _same(book: CueBook, text: str, picks) -> None:
    lines = LineCues(book, text)
    for s, e in _windows(text, picks):
        assert lines.window(s, e) == book.hits(text[s:e], s), (s, e)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["联系电话", "手机号码", "当事人"]), max_size=60),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30)), min_size=1, max_size=12))
def test_windows_of_nested_words(pieces, picks):
    _same(_SMALL, "".join(pieces), picks)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + ["联系电话", "手机号码"]), max_size=80),
       st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30)), min_size=1, max_size=8))
def test_long_lines_are_scanned_window_by_window(pieces, picks):
    old = cues.LONGEST_LINE
    cues.LONGEST_LINE = 8  # every line of a few words is "long"
    try:
        _same(_SMALL, "".join(pieces), picks)
    finally:
        cues.LONGEST_LINE = old


@pytest.fixture(scope="module")
def national_book() -> CueBook:
    engine = Engine("national", check_examples=False)
    kit = next(a.instance.kit for a in engine.checkers if a.spec.id == "personal-info")
    return kit.book


def test_the_cue_words_of_the_national_rule_set(national_book):
    words = sorted({w for ws in national_book.words.values() for w in ws})
    fragments = sorted({w[i:j] for w in words for i in range(len(w)) for j in range(i + 1, len(w) + 1)})[:400]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(words), st.sampled_from(fragments),
                              st.sampled_from(["1", "，", "：", "\n", "138 1234 5678"])), max_size=40),
           st.lists(st.tuples(st.integers(0, 600), st.integers(0, 70)), min_size=1, max_size=10))
    def run(pieces, picks):
        _same(national_book, "".join(pieces), picks)

    run()


def test_a_window_across_lines_is_scanned_itself():
    text = "联系电话\n手机号码"
    lines = LineCues(_SMALL, text)
    assert lines.window(0, len(text)) == _SMALL.hits(text, 0)
