"""Pure validators of Chinese identifiers: no context, no I/O, no side effects.

* 公民身份号码 (GB 11643-1999): ISO 7064 MOD 11-2 check character, a real birth date between
  1800 and today, a plausible province prefix. Only the province is checked, never today's
  county list: people keep the codes of abolished counties (5136xx in Sichuan and many more).
* 15-digit numbers (GB 11643-1989): no check character; year 19YY and a real date.
* Bank cards: Luhn (mod 10).
* 统一社会信用代码 (GB 32100-2015): mod-31 check character over the 31-symbol alphabet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from operator import mul

from gkrules import clock

#: province-level prefixes of GB/T 2260 plus 71 (Taiwan), 81/82 (Hong Kong, Macau) and 83
#: (Taiwan residents' residence permits)
DEFAULT_PROVINCES: tuple[str, ...] = (
    "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
    "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
    "71", "81", "82", "83",
)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_ZERO = ord("0") * sum(_ID_WEIGHTS)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_VALUE = {c: i for i, c in enumerate(USCC_ALPHABET)}
_USCC_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28

MIN_BIRTH_YEAR = 1800


def real_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February, month 13…)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def id_check_char(first17: str) -> str:
    """The GB 11643 check character of the first 17 digits (ISO 7064 MOD 11-2)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("需要 17 位数字")
    # the weighted sum over the ASCII codes, less 48 times the sum of the weights: map and
    # sum stay in C (a generator of int() calls was a tenth of the ID rule's time)
    return _ID_CHECK[(sum(map(mul, first17.encode("ascii"), _ID_WEIGHTS)) - _ID_ZERO) % 11]


def plausible_region(code: str, provinces: Iterable[str] = DEFAULT_PROVINCES) -> bool:
    """A 6-digit address code whose province prefix exists (county codes are not checked)."""
    return len(code) >= 2 and code[:2] in provinces


def _birth_ok(born: dt.date | None, today: dt.date, min_year: int) -> bool:
    return born is not None and min_year <= born.year and born <= today


def id18_birth_date(value: str) -> dt.date | None:
    if len(value) != 18 or not value[:17].isdigit():
        return None
    return real_date(int(value[6:10]), int(value[10:12]), int(value[12:14]))


def is_valid_id18(value: str, today: dt.date | None = None, provinces: Iterable[str] = DEFAULT_PROVINCES,
                  min_year: int = MIN_BIRTH_YEAR) -> bool:
    """An 18-character 公民身份号码: shape, province, real birth date, check character."""
    if len(value) != 18 or not value.isascii():
        return False
    body, check = value[:17], value[17].upper()
    if not body.isdigit() or not (check.isdigit() or check == "X"):
        return False
    if not plausible_region(body, provinces):
        return False
    if not _birth_ok(id18_birth_date(value), today or clock.today(), min_year):
        return False
    return id_check_char(body) == check


def is_valid_id15(value: str, today: dt.date | None = None, provinces: Iterable[str] = DEFAULT_PROVINCES) -> bool:
    """A 15-digit first-generation number: province and a real birth date 19YYMMDD."""
    if len(value) != 15 or not value.isascii() or not value.isdigit():
        return False
    if not plausible_region(value, provinces):
        return False
    born = real_date(1900 + int(value[6:8]), int(value[8:10]), int(value[10:12]))
    return _birth_ok(born, today or clock.today(), 1900)


def luhn_ok(digits: str) -> bool:
    """Luhn (mod 10) over a string of ASCII digits."""
    if not digits or not digits.isascii() or not digits.isdigit():
        return False
    total = 0
    for i, c in enumerate(reversed(digits)):
        d = ord(c) - 48
        if i % 2:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def uscc_check_char(first17: str) -> str | None:
    """The GB 32100 check character, or None if a character is outside the alphabet."""
    if len(first17) != 17:
        return None
    total = 0
    for c, w in zip(first17, _USCC_WEIGHTS, strict=True):
        v = _USCC_VALUE.get(c)
        if v is None:
            return None
        total += v * w
    return USCC_ALPHABET[(31 - total % 31) % 31]


def is_valid_uscc(value: str) -> bool:
    """An 18-character 统一社会信用代码 with a correct check character."""
    value = value.upper()
    return len(value) == 18 and uscc_check_char(value[:17]) == value[17]


#: card-scheme prefixes of personal payment cards: UnionPay 62, Visa 4, Mastercard 51–55 and
#: 22–27, JCB 35, old domestic debit cards 9, UnionPay co-branded 60/65/81
CARD_PREFIXES: tuple[str, ...] = ("62", "4", "51", "52", "53", "54", "55", "22", "23", "24", "25", "26", "27",
                                  "35", "9", "60", "65", "81")


def card_scheme(digits: str, prefixes: Iterable[str] = CARD_PREFIXES) -> bool:
    return any(digits.startswith(p) for p in prefixes)
