"""Validators against the standard's vectors and, by property, against python-stdnum."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import luhn
from stdnum.cn import uscc
from stdnum.iso7064 import mod_11_2

from gkrules.checkers.personal_info.validators import (
    DEFAULT_PROVINCES,
    id_check_char,
    is_valid_id15,
    is_valid_id18,
    is_valid_uscc,
    luhn_ok,
    plausible_region,
    real_date,
    uscc_check_char,
)

TODAY = dt.date(2026, 11, 20)
digits = st.text(alphabet="0123456789", min_size=17, max_size=17)


def test_gb11643_vectors():
    assert is_valid_id18("11010519491231002X", TODAY)
    assert is_valid_id18("11010519491231002x", TODAY)  # lower-case x is accepted
    assert is_valid_id18("440524188001010014", TODAY)  # born 1880: the standard's own vector


def test_known_bad_vectors():
    assert not is_valid_id18("52010320171109002X", TODAY)  # JioNLP's docstring: the check is 0
    assert is_valid_id18("520103201711090020", TODAY)
    assert not is_valid_id18("11010519490231002X", TODAY)  # 31 February does not exist


def test_abolished_county_codes_are_kept():
    # 5136xx: a Sichuan prefecture code abolished long ago; people still carry it
    body = "51362119800101123"
    assert is_valid_id18(body + mod_11_2.calc_check_digit(body), TODAY)


def test_hong_kong_macau_taiwan_residence_permits():
    for region in ("810000", "820000", "830000"):
        body = region + "19900101123"
        assert is_valid_id18(body + mod_11_2.calc_check_digit(body), TODAY)


def test_unknown_province_future_birth_and_shape():
    body = "99010519800101123"
    assert not is_valid_id18(body + mod_11_2.calc_check_digit(body), TODAY)
    future = "11010520301231123"
    assert not is_valid_id18(future + mod_11_2.calc_check_digit(future), TODAY)
    assert not is_valid_id18("1101051949123100", TODAY)
    assert not is_valid_id18("１１０１０５１９４９１２３１００２Ｘ", TODAY)  # folding is the caller's job


@given(digits)
def test_check_character_matches_stdnum(body):
    assert id_check_char(body) == mod_11_2.calc_check_digit(body)


@given(st.integers(0, 34), st.dates(dt.date(1800, 1, 1), TODAY), st.integers(0, 999))
def test_valid_ids_validate_and_one_changed_check_does_not(p, born, seq):
    body = f"{DEFAULT_PROVINCES[p]}0102{born:%Y%m%d}{seq:03d}"
    check = mod_11_2.calc_check_digit(body)
    assert is_valid_id18(body + check, TODAY)
    wrong = next(c for c in "0123456789X" if c != check)
    assert not is_valid_id18(body + wrong, TODAY)


@given(st.dates(dt.date(1900, 1, 1), dt.date(1999, 12, 31)), st.integers(0, 999))
def test_fifteen_digit_numbers(born, seq):
    assert is_valid_id15(f"430102{born:%y%m%d}{seq:03d}", TODAY)


def test_fifteen_digit_bad_date():
    assert not is_valid_id15("430102650230211", TODAY)


@given(st.text(alphabet="0123456789", min_size=12, max_size=19))
def test_luhn_matches_stdnum(number):
    assert luhn_ok(number) == luhn.is_valid(number)


def test_luhn_rejects_non_digits():
    assert not luhn_ok("")
    assert not luhn_ok("6217 0027 3100 4521 862")


def test_uscc_vectors():
    assert is_valid_uscc("91110000600037341L")
    assert not is_valid_uscc("91350211M0000XUF46")
    assert uscc_check_char("91350211M0000XUF4") == "R"
    assert uscc_check_char("9135021IM0000XUF4") is None  # I is not in the alphabet


@given(st.text(alphabet="0123456789ABCDEFGHJKLMNPQRTUWXY", min_size=17, max_size=17))
def test_uscc_matches_stdnum(body):
    check = uscc_check_char(body)
    assert check == uscc.calc_check_digit(body)
    assert is_valid_uscc(body + check)


def test_real_dates_and_regions():
    assert real_date(2024, 2, 29) == dt.date(2024, 2, 29)
    assert real_date(2023, 2, 29) is None
    assert real_date(2023, 13, 1) is None
    assert plausible_region("513621")
    assert not plausible_region("993621")


def _check_char_as_before(first17: str) -> str:
    """The formula ``id_check_char`` used before issue 19 (a generator of int() calls)."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights, strict=True)) % 11]


@given(st.text(alphabet="0123456789", min_size=17, max_size=17))
def test_check_character_as_the_generator_computed_it(body):
    assert id_check_char(body) == _check_char_as_before(body)


@given(st.text(min_size=17, max_size=17).filter(lambda t: not (t.isascii() and t.isdigit())))
def test_check_character_refuses_anything_but_ascii_digits(body):
    with pytest.raises(ValueError):
        id_check_char(body)
