"""The whole-text label scan (``cues.leftmost_longest``, an ahocorasick-rs DFA) finds what the
trie-shaped ``re`` pattern (``cues.alternation``) finds: the leftmost word, the longest there."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.cues import alternation, leftmost_longest
from gkrules.engine import Engine


def _by_pattern(words: list[str], text: str) -> list[tuple[int, int, str]]:
    rx = alternation(words)
    return [(m.start(), m.end(), m.group()) for m in rx.finditer(text)] if rx is not None else []


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ab住址", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="ab住址 ", max_size=40))
def test_overlapping_and_nested_words_give_the_same_hits(words, text):
    scan = leftmost_longest(words)
    assert scan is not None
    assert scan(text) == _by_pattern(words, text)


@pytest.fixture(scope="module")
def label_words() -> list[str]:
    engine = Engine("national", check_examples=False)
    kit = next(a.instance.kit for a in engine.checkers if a.spec.id == "personal-info")
    return list(kit.label_kinds)


def test_the_label_words_of_the_national_rule_set(label_words):
    scan = leftmost_longest(label_words)
    assert scan is not None

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.one_of(st.sampled_from(label_words), st.sampled_from(["现", "家", "地", "址", "住", "，", "\n", "1"])),
                    max_size=30))
    def run(parts):
        text = "".join(parts)
        assert scan(text) == _by_pattern(label_words, text)

    run()


def test_no_words_no_scan():
    assert leftmost_longest(["", ""]) is None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="ab住址", min_size=1, max_size=4), min_size=1, max_size=8),
       st.text(alphabet="ab住址 ", max_size=60), st.integers(1, 7))
def test_a_long_text_scanned_in_windows_gives_the_same_hits(words, text, chunk):
    """Texts longer than the window (here a few characters) are scanned window by window."""
    scan = leftmost_longest(words, chunk=chunk)
    assert scan is not None
    assert scan(text) == _by_pattern(words, text)
