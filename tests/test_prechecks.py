"""The cheap whole-text pre-checks give the same answer as the plain searches they replace.

Each pre-check decides whether a costlier step runs at all (mojibake repair, OpenCC conversion,
the single-space table reader, the pipe-row test); a wrong "no" would let a document through
unread, so each is held against the straightforward regular expression over generated text
built from the characters that matter to it.
"""

from __future__ import annotations

import re

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.loaders import mojibake, tailtables, texttables
from gkrules.model import Document, Metadata
from gkrules.normalise import normalise, unreadable_notice
from gkrules.script import has_traditional, normalise_document, traditional_chars

# digits of several scripts (\d is any Unicode decimal digit), signs, spaces, line ends, CJK
_TABLE_ALPHABET = "0123456789０１٢३ +-\n\t,.中年x…"
# Latin-1 letters and signs, C1 controls, NBSP, lost characters, traditional and simplified CJK
_SCRIPT_ALPHABET = "aZ \n\u0080\u009f\u00a0\u00a1·×é\u00ffå°\ufffd锟斤拷中国發國门們這这乾隆"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_TABLE_ALPHABET, max_size=40))
def test_single_space_table_precheck_is_the_plain_search(text):
    assert (tailtables._QUICK.search(text) is not None) == (re.search(r"\d [-+]?\d", text) is not None)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="|｜ a，。；！？\t中", max_size=12))
def test_pipe_row_test_is_unchanged(line):
    st_ = line.strip()
    bars = line.count("|") + line.count("｜")
    expected = ("|" in line or "｜" in line) and len(st_) > 1 and (
        st_[0] in "|｜" or (st_[-1] in "|｜" and bars >= 2)
        or (bars >= 2 and not re.search(r"[。；，！？]", st_)))
    assert texttables._is_pipe_row(line) == expected


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_SCRIPT_ALPHABET, max_size=40), st.integers(0, 40))
def test_latin_precheck_is_the_plain_search(text, start):
    assert mojibake.has_latin(text, start) == (re.compile("[\u00a1-\u00ff]").search(text, start) is not None)


def _doc(text: str) -> Document:
    return Document(source="t.txt", text=text, sha256="0", format="txt", metadata=Metadata(format="txt"))


def _reference_normalise(doc: Document) -> Document:
    """What normalise did before its single search: both steps on every document."""
    notice = unreadable_notice(doc)
    if notice is not None:
        doc = attrs.evolve(doc, notices=(*doc.notices, notice))
    return normalise_document(doc)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_SCRIPT_ALPHABET, max_size=60))
def test_normalise_with_one_search_is_both_steps(text):
    doc = _doc(text)
    assert normalise(doc) == _reference_normalise(doc)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_SCRIPT_ALPHABET, max_size=40), st.integers(0, 40))
def test_traditional_from_an_offset(text, start):
    expected = any(c in traditional_chars() for c in text[start:])
    assert has_traditional(text, start) == expected


_OPENING_PIECES = ["现公布", "现将", "公布", "本报告", "本年度报告", "根据", "《中华人民共和国政府信息公开条例》",
                   "《政府信息公开条例》", "政府信息公开工作年度报告", "政府信息公开年度报告", "2019年", "宣城市统计局",
                   "。", "\n", "关于", "通知"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_OPENING_PIECES), max_size=14))
def test_periodic_opening_precheck_changes_nothing(pieces):
    from gkrules.deadlines.params import ReleaseDeadlineParams
    from gkrules.deadlines.rules import RuleResolver

    resolver = RuleResolver(ReleaseDeadlineParams())
    text = "".join(pieces)
    expected = None
    for item, _needles, rx in resolver._periodic_body:  # the regular expressions alone
        if (m := rx.search(text[:800])) is not None:
            expected = (item, m.start(), m.end())
            break
    found = resolver.periodic_in_body(text)
    assert (None if found is None else (found[0], found[2], found[3])) == expected
