"""Masks: same length, separators kept, never more visible than asked, idempotent."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gkrules.checkers.personal_info.masking import mask_email, mask_value, pseudonym

values = st.text(alphabet="0123456789Xx -·ＡＥ湘", min_size=1, max_size=24)
counts = st.integers(0, 5)


@given(values, counts, counts)
def test_mask_keeps_length_and_shows_at_most_head_and_tail(raw, head, tail):
    masked = mask_value(raw, head, tail)
    assert len(masked) == len(raw)
    shown = [c for c, r in zip(masked, raw, strict=True) if c == r and r.isalnum()]
    assert len(shown) <= head + tail
    assert all(m == r for m, r in zip(masked, raw, strict=True) if not r.isalnum())
    if sum(c.isalnum() for c in raw) > head + tail:  # long enough to keep anything: stable
        assert mask_value(masked, head, tail) == masked


def test_documented_forms():
    assert mask_value("13812345678", 3, 4) == "138****5678"
    assert mask_value("138-1234-5678", 3, 4) == "138-****-5678"
    assert mask_value("35020319730515526X", 2, 3) == "35*************26X"
    assert mask_value("湘E·7Q25B", 2, 0) == "湘E·*****"
    assert mask_value("123", 3, 4) == "***"
    assert mask_email("hexiaoyu2001@126.com", 1) == "h***********@126.com"
    assert pseudonym("欧阳倩", 2) == "欧阳某" and pseudonym("林秀梅", 1) == "林某某"
