"""Mojibake: UTF-8 text that was once decoded as Latin-1 or Windows-1252 (``å°å‘`` for 印发).

A CMS that stored such text serves it as valid UTF-8, so no decoder notices: every checker
then reads Latin letters and finds nothing. ftfy (the maintained library for exactly this)
detects and undoes it; only its encoding fix is used (no width, quote or line-break changes,
which would move the offsets of a Chinese document for no reason).

A repair counts only when it is certain: ftfy undid an encode/decode pair without dropping
bytes (Windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90, 0x9D, so text that went
through it has lost those bytes and cannot be restored), no trace of mojibake is left and no
replacement character was added. Otherwise the text stays as it is and
:func:`unreadable_spans` tells the engine where it cannot read.
"""

from __future__ import annotations

import re

# a UTF-8 lead byte of a CJK character (E2–EF) read as Latin-1/cp1252, then a continuation byte
# read the same way (0x80–0xBF: C1 controls, the cp1252 letters and punctuation in that range,
# or U+FFFD where cp1252 has no character)
_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201a" \
        "\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd"
_SIGN = re.compile(f"[\u00e2-\u00ef][{_CONT}]")
# a run of such characters (with the odd plain letter a lost byte leaves behind)
_RUN = re.compile(f"(?:[\u00c2-\u00ef][{_CONT}]+[\u00a0-\u00ff]?)+")
# GBK bytes of U+FFFD (锟斤拷) and replacement characters: text already lost before it reached us
_LOST = re.compile("(?:锟斤拷)+|\ufffd{2,}")

REPAIRED_NOTE = "文字编码已修复：UTF-8 文字曾被按 Latin-1/Windows-1252 误读成乱码（如“å°å‘”），已由 ftfy 还原后检查"


def _config():
    from ftfy import TextFixerConfig  # a declared dependency; imported only for suspect text

    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
                           restore_byte_a0=True, replace_lossy_sequences=False, decode_inconsistent_utf8=True,
                           fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
                           uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
                           remove_control_chars=False, normalization=None, explain=True)


def suspect(text: str) -> bool:
    """Does the text hold mojibake or lost characters at all (one regular-expression search)?"""
    return _SIGN.search(text) is not None or _LOST.search(text) is not None


def repair(text: str) -> tuple[str, bool]:
    """(text, repaired): the repaired text when the repair is certain, else the text unchanged."""
    if _SIGN.search(text) is None:
        return text, False
    from ftfy import fix_and_explain

    fixed, steps = fix_and_explain(text, config=_config())
    if fixed == text or _SIGN.search(fixed) or fixed.count("\ufffd") > text.count("\ufffd"):
        return text, False
    names = {name for _, name in (steps or ())}
    if not names & {"latin-1", "sloppy-windows-1252", "windows-1252", "utf-8"} or "replace_lossy_sequences" in names:
        return text, False
    return fixed, True


def unreadable_spans(text: str) -> list[tuple[int, int]]:
    """Where the text is mojibake or lost characters, as (start, end) spans in order."""
    spans = [m.span() for m in _RUN.finditer(text)]
    spans += [m.span() for m in _LOST.finditer(text)]
    return sorted(spans)


__all__ = ["REPAIRED_NOTE", "repair", "suspect", "unreadable_spans"]
