"""The numeric recognizers' searches (issue 19): the mobile and ID patterns in stdlib ``re``
find what the ``regex``-module patterns they replace found, and ``Scene.finditer`` (one
search per match) yields what one ``finditer`` per numeric run yielded."""

from __future__ import annotations

import datetime as dt

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.kit import RUN_LOOKBACK
from gkrules.checkers.personal_info.rules.id_card import _ID18, DATE
from gkrules.checkers.personal_info.rules.mobile import _MOBILE
from gkrules.checkers.personal_info.scene import Scene
from gkrules.engine import Engine
from gkrules.model import Document

# the patterns as they were (regex module)
_OLD_MOBILE = regex.compile(r"(?<![0-9A-Za-z*]|\d\.)(?:(?:\+|00)86[ -]?)?(?P<core>1[3-9]\d[ -]?\d{4}[ -]?\d{4})"
                            r"(?![0-9A-Za-z*]|\.\d)")
_OLD_ID18 = regex.compile(rf"(?<![0-9A-Za-z*])[1-9]\d{{5}}[ -]?(?:18|19|20)\d{{2}}{DATE}[ -]?\d{{3}}[\dXx](?![0-9A-Za-z*])")

_pieces = st.sampled_from(["13812345678", "138 1234 5678", "138-1234-5678", "+86", "0086 ", "86-",
                           "110105194912310021", "11010519491231002X", "110105 19491231 0021", "1", "9", "0", " ",
                           "-", ".", "*", "a", "X", "号", "，", "\n", "3.", "１", "١"])


def _spans(rx, text, pos=0, end=None):
    end = len(text) if end is None else end
    return [(m.span(), m.groupdict()) for m in rx.finditer(text, pos, end)]


@settings(max_examples=1500, deadline=None)
@given(st.lists(_pieces, max_size=14), st.integers(0, 30), st.integers(0, 30))
def test_re_patterns_find_what_the_regex_patterns_found(pieces, a, b):
    text = "".join(pieces)
    pos, end = sorted((min(a, len(text)), min(b, len(text))))
    for p, e in ((0, len(text)), (pos, end)):  # the whole text, and a window of it
        assert _spans(_MOBILE, text, p, e) == _spans(_OLD_MOBILE, text, p, e)
        assert _spans(_ID18, text, p, e) == _spans(_OLD_ID18, text, p, e)


_KIT = next(a.instance.kit for a in Engine("national", check_examples=False).checkers
            if a.spec.id == "personal-info")


def _finditer_per_run(scene: Scene, rx, min_len: int, first: str):
    """``Scene.finditer`` as it was: a ``finditer`` per numeric run."""
    text, n = scene.text, len(scene.text)
    runs = [(s, e) for s, e in scene.runs() if e - s >= min_len and text[s] in first]
    last = 0
    for s, e in runs:
        for m in rx.finditer(text, max(last, s - RUN_LOOKBACK), min(n, e + 1)):
            last = m.end()
            yield m


@settings(max_examples=800, deadline=None)
@given(st.lists(_pieces, max_size=20))
def test_one_search_per_match_yields_what_a_finditer_per_run_did(pieces):
    text = "".join(pieces)
    scene = Scene(Document(source="t.txt", text=text, sha256="", format="txt"), dt.date(2026, 11, 20), _KIT)
    for rx, min_len, first in ((_MOBILE, 11, "108"), (_ID18, 18, "123456789"), (_OLD_MOBILE, 11, "108")):
        new = [m.span() for m in scene.finditer(rx, min_len=min_len, first=first)]
        assert new == [m.span() for m in _finditer_per_run(scene, rx, min_len, first)]
