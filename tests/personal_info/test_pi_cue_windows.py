"""The cue words of a window (``CueBook.hits``, an ahocorasick-rs DFA since issue 19) are those
the trie-shaped ``re`` pattern it replaced finds: the leftmost word, the longest there, then on
after it — for nested and overlapping words and for the national rule set's cue words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.cues import Cue, CueBook
from gkrules.engine import Engine


def _by_pattern(book: CueBook, window: str, offset: int) -> list[Cue]:
    """What ``hits`` returned before: the trie pattern's matches."""
    rx = book._rx
    if rx is None or not window:
        return []
    return [Cue(m.start() + offset, m.end() + offset, m.group(), book._kinds[m.group()]) for m in rx.finditer(window)]


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["a", "b", "c"]),
                       st.lists(st.text(alphabet="电话手机号码人", min_size=1, max_size=4), max_size=6), max_size=3),
       st.text(alphabet="电话手机号码人，1\n", max_size=50), st.integers(0, 1000))
def test_nested_and_overlapping_words(lists, window, offset):
    book = CueBook(lists)
    assert book.hits(window, offset) == _by_pattern(book, window, offset)


@pytest.fixture(scope="module")
def national_book() -> CueBook:
    engine = Engine("national", check_examples=False)
    kit = next(a.instance.kit for a in engine.checkers if a.spec.id == "personal-info")
    return kit.book


def test_the_cue_words_of_the_national_rule_set(national_book):
    words = sorted(national_book._kinds)
    fragments = sorted({w[i:j] for w in words for i in range(len(w)) for j in range(i + 1, len(w) + 1)})

    @settings(max_examples=400, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(words), st.sampled_from(fragments),
                              st.sampled_from(["1", "，", "：", "\n", "138 1234 5678", "a@b.cn"])), max_size=30),
           st.integers(0, 5000))
    def run(pieces, offset):
        window = "".join(pieces)
        assert national_book.hits(window, offset) == _by_pattern(national_book, window, offset)

    run()
