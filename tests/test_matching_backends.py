"""The two keyword engines give the same hits in the same order (hypothesis over word lists and
texts drawn from a small alphabet, where words overlap and nest often)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules import matching

pytestmark = pytest.mark.skipif(matching.ahocorasick_rs is None, reason="ahocorasick-rs 未安装")

_ALPHABET = "秘密商业国家内部资料ab"
_words = st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=5), min_size=0, max_size=12)


@settings(max_examples=300, deadline=None)
@given(words=_words, text=st.text(alphabet=_ALPHABET + "，。\n", max_size=80))
def test_rust_and_c_engines_agree(words, text):
    payloads = {w: i for i, w in enumerate(words)}
    c = [(h.start, h.end, h.word, h.payload) for h in matching.AhoCorasickMatcher(payloads).iter(text)]
    rs = [(h.start, h.end, h.word, h.payload) for h in matching.RustAhoCorasickMatcher(payloads).iter(text)]
    assert rs == c
    assert len(matching.RustAhoCorasickMatcher(payloads)) == len(matching.AhoCorasickMatcher(payloads))


def test_the_default_engine_is_the_rust_one_when_installed():
    assert isinstance(matching.make_matcher(["秘密"]), matching.RustAhoCorasickMatcher)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=_words, text=st.text(alphabet=_ALPHABET + "，。\n", max_size=80), window=st.integers(1, 9))
def test_a_long_text_scanned_in_windows_gives_the_hits_of_one_scan(monkeypatch, words, text, window):
    """Windows of a few characters, so that words straddle every boundary."""
    payloads = {w: i for i, w in enumerate(words)}
    whole = [(h.start, h.end, h.word) for h in matching.RustAhoCorasickMatcher(payloads).iter(text)]
    with monkeypatch.context() as m:
        m.setattr(matching, "WINDOW", window)
        windowed = [(h.start, h.end, h.word) for h in matching.RustAhoCorasickMatcher(payloads).iter(text)]
    assert windowed == whole
