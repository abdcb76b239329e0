"""Dates as Chinese documents print them: 2024年7月8日, 2024-07-08, 2024/7/8, 20240708,
二〇二四年七月八日, with full-width digits and stray spaces."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_CN_DIGIT = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "o": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_YEAR = "〇零○ＯOo一二三四五六七八九"
_CN_NUM = "一二三四五六七八九十"

ARABIC_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
                         r"|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))")
COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
CHINESE_DATE = re.compile(rf"(?P<y>[{_CN_YEAR}]{{4}})\s*年\s*(?P<m>[{_CN_NUM}]{{1,2}})\s*月\s*(?P<d>[{_CN_NUM}]{{1,3}})\s*日")


def cn_small(s: str) -> int | None:
    """一 … 三十一."""
    if not s:
        return None
    if s == "十":
        return 10
    if "十" in s:
        tens, _, ones = s.partition("十")
        t = _CN_DIGIT.get(tens, None) if tens else 1
        o = _CN_DIGIT.get(ones, None) if ones else 0
        if t is None or o is None:
            return None
        return t * 10 + o
    if len(s) == 1:
        return _CN_DIGIT.get(s)
    return None


def _make(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def normalise(s: str) -> str:
    return unicodedata.normalize("NFKC", s)


def search_date(s: str, *, allow_compact: bool = False) -> tuple[dt.date, int, int] | None:
    """The first complete date in ``s`` with its span (in the NFKC-normalised string, which
    keeps the length of the original for the characters concerned)."""
    t = normalise(s)
    best = None
    for pattern in (ARABIC_DATE, CHINESE_DATE) + ((COMPACT_DATE,) if allow_compact else ()):
        m = pattern.search(t)
        if m is None:
            continue
        value = _from_match(m, pattern)
        if value is not None and (best is None or m.start() < best[1]):
            best = (value, m.start(), m.end())
    return best


def _from_match(m: re.Match, pattern: re.Pattern) -> dt.date | None:
    if pattern is CHINESE_DATE:
        y = "".join(str(_CN_DIGIT[c]) for c in m.group("y"))
        mo, d = cn_small(m.group("m")), cn_small(m.group("d"))
        if mo is None or d is None:
            return None
        return _make(int(y), mo, d)
    if pattern is COMPACT_DATE:
        return _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    mo = m.group("m1") or m.group("m2")
    d = m.group("d1") or m.group("d2")
    return _make(int(m.group("y")), int(mo), int(d))


def parse_date(s: str | None) -> dt.date | None:
    """A field value that is a date (and little else), or None."""
    if not s:
        return None
    t = normalise(s).strip()
    found = search_date(t, allow_compact=True)
    if found is None:
        return None
    return found[0]


def is_date_line(line: str) -> bool:
    """A line that holds only a complete date (a signature date)."""
    t = "".join(normalise(line).split())
    found = search_date(t)
    return found is not None and found[1] == 0 and found[2] == len(t)
