"""Parsing the numbers printed in Chinese statistical tables and prose."""

from __future__ import annotations

import re
import unicodedata

_MINUS = str.maketrans({"−": "-", "－": "-", "—": "-", "–": "-"})
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_NUMBER = re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")


def normalise_number_text(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).translate(_MINUS)
    return "".join(t.split()).replace("，", ",")


def parse_number(text: str) -> float | None:
    """The value of a cell such as ``2,884,236``, ``-2.4``, ``７.4``, ``12.3%``; None for text,
    blanks and symbols (…, —, x, *)."""
    if text.isascii():  # already NFKC, no full-width minus or comma: only white space to drop
        if _NUMBER.fullmatch(text):  # the usual figure: no white space or % to drop, one regex call
            return float(text.replace(",", ""))
        t = "".join(text.split())
    elif "\u4e00" <= text < "\ua000" or _IDEOGRAPH.search(text):
        # an ideograph survives NFKC and is never part of a number (亿元, 合计…). Most labels
        # start with one: two string comparisons (the first character in U+4E00–U+9FFF, no
        # character object made) decide them without a regex call, which costs more than the rest
        return None
    else:
        t = normalise_number_text(text)
    if t.endswith("%"):
        t = t[:-1]
    if not t or not _NUMBER.fullmatch(t):
        return None
    try:
        return float(t.replace(",", ""))
    except ValueError:
        return None
