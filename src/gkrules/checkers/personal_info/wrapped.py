"""ID, bank-card and mobile numbers broken across two lines (``公民身份号码：4403051988⏎12034625``,
``银行卡号：6222 0212 3456⏎7890 128``), as PDF and Word extraction, a ``<br>`` in a page or a
line break typed in a spreadsheet cell leave them when a number reaches the end of a line.

Only the break itself is joined: the digits (in the groups they were written in) at the end
of one line and those at the start of the next. The joined value must stand on its own (no
letter or digit around it), keep a layout people write it in (contiguous, or the groups of
an unbroken one: 6-8-4 for an ID, 3-4-4 for a mobile, fours for a card) and pass the same
tests as an unbroken one: an ID number its check character, date and province; a card the
Luhn check and a card label (on the first line or as its column header); a mobile an
allocated network code and a phone label. A table cell whose whole text is one number
written in two pieces (a spreadsheet turns the break into a space) is joined the same way,
in tables with an ID, card or phone column.

This module only finds such numbers and tells their kind by their layout, once per document;
the rule of that kind judges each (``PersonalRule.find_wrapped``: id-card, mobile, bank-card
and org-bank-account).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from attrs import frozen

from .card_pattern import CARD
from .validators import luhn_ok

# a line break followed by two characters of a number: a cheap literal search (the rest is
# checked by hand; a line that starts with one digit is mostly a list item, 1．…)
_BREAK = re.compile(r"\n(?=[ \t\u3000]*\d[\dXx])")
_DIGITS = frozenset("0123456789")
_BEFORE = frozenset("0123456789 \t\r")
_ALNUM = frozenset("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz*")
_SEP = " -"
_MAX_DIGITS = 19
# the layouts an unbroken number is written in (after the break is joined)
_ID_LAYOUT = re.compile(r"\d{18}|\d{17}[Xx]|\d{6}[ -]\d{8}[ -]\d{3}[\dXx]")
_MOBILE_LAYOUT = re.compile(r"\d{11}|\d{3}[ -]\d{4}[ -]\d{4}")
# a cell holding one number in two pieces (xlsx writes a typed line break as a space)
_SPLIT_CELL = re.compile(r"[0-9][0-9 \-]{8,30}[0-9Xx]")
_CELL_BREAK = re.compile(r"\s+")
#: what a message adds about a wrapped number
NOTE = "，号码跨行断开"


@frozen
class WrappedNumber:
    """A number written across a line break (or in two pieces in one cell) at [start, end)."""

    #: "id" (an ID number's layout), "mobile" or "card" (a card's layout, Luhn-valid)
    kind: str
    start: int
    end: int
    #: the joined value: digits (an ID number's check character upper-case)
    digits: str


def _back(text: str, i: int) -> int:
    """Start of the number that ends at ``i``: digits and single separators between digits."""
    j, digits = i, 0
    while j > 0 and digits < _MAX_DIGITS:
        c = text[j - 1]
        if c in _DIGITS:
            digits += 1
            j -= 1
        elif c in _SEP and j < i and j > 1 and text[j - 2] in _DIGITS:
            j -= 1
        else:
            break
    return j


def _ahead(text: str, k: int, n: int) -> int:
    """End of the number that starts at ``k``."""
    e, digits = k, 0
    while e < n and digits < _MAX_DIGITS:
        c = text[e]
        if c in _DIGITS:
            digits += 1
            e += 1
        elif c in _SEP and e > k and e + 1 < n and text[e + 1] in _DIGITS:
            e += 1
        else:
            break
    if digits == 17 and e < n and text[e] in "Xx":
        e += 1
    return e


def wrapped_numbers(scene) -> Iterator[WrappedNumber]:
    """Every number of ID, mobile or card layout written across a line break or split in one
    table cell, in text order (cells after the text). The detection pass reads them once and
    hands each to the rules of its kind."""
    text = scene.text
    n = len(text)
    for m in _BREAK.finditer(text):
        nl = m.start()
        if nl == 0 or text[nl - 1] not in _BEFORE:
            continue  # most lines that start with a digit follow a line of words (1．…)
        i = nl
        while i > 0 and text[i - 1] in " \t\r":
            i -= 1
        j = _back(text, i)
        while j < i and text[j] in _SEP:
            j += 1
        if j == i or (j > 0 and text[j - 1] in _ALNUM):
            continue
        k = m.end()
        while k < n and text[k] in " \t\u3000":
            k += 1
        e = _ahead(text, k, n)
        if e < n and text[e] in _ALNUM:
            continue
        number = _kind(j, e, text[j:i], text[k:e])
        if number is not None:
            yield number
    if scene.doc.tables:
        yield from _split_cells(scene)


def _split_cells(scene) -> Iterator[WrappedNumber]:
    text, view, kit = scene.text, scene.view, scene.kit
    for table in scene.doc.tables:
        # only tables with an ID, card or phone column (figures tables are skipped whole)
        kinds = {k for r in table.header for c in r for h in kit.header_cues(c.text) for k in h.kinds}
        if kinds.isdisjoint(("id_card", "card", "phone")):
            continue
        for row in table.body:
            for cell in row:
                core = cell.text.strip()
                if not (11 <= len(core) <= 32) or _SPLIT_CELL.fullmatch(core) is None:
                    continue
                pieces = _CELL_BREAK.split(core)
                if len(pieces) != 2:
                    continue
                s, e = view.to_view(cell.start), view.to_view(cell.end)
                if text[s:e].strip() != core:
                    continue
                s += text[s:e].index(core)
                number = _kind(s, s + len(core), pieces[0], pieces[1])
                if number is not None:
                    yield number


def _kind(s: int, e: int, head: str, tail: str) -> WrappedNumber | None:
    """The number written as ``head`` + break + ``tail`` at [s, e), if its layout is one of
    an unbroken ID, mobile or card number."""
    for joined in (head + tail, head + " " + tail):
        digits = joined.replace(" ", "").replace("-", "").upper()
        if len(digits) == 18 and _ID_LAYOUT.fullmatch(joined):
            return WrappedNumber("id", s, e, digits)
        if len(digits) == 11 and _MOBILE_LAYOUT.fullmatch(joined):
            return WrappedNumber("mobile", s, e, digits)
        if 16 <= len(digits) <= 19 and digits.isdigit() and CARD.fullmatch(joined) and luhn_ok(digits):
            return WrappedNumber("card", s, e, digits)
    return None


__all__ = ["NOTE", "WrappedNumber", "wrapped_numbers"]
