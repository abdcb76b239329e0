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
LEGACY_NOTE = "文字编码已修复：{name} 编码的文字曾被按 Latin-1 误读成乱码，已按 {name} 还原后检查"

# GBK/GB18030 or Big5 bytes read as Latin-1: runs of Latin-1 letters and signs (À-ÿ, ¡-¿)
_LATIN = re.compile("[\u00a1-\u00ff]")
_CJK = re.compile("[\u4e00-\u9fff]")
#: the most frequent characters of Chinese government text: a correct decoding is full of them,
#: a wrong one (Big5 bytes as GBK) is not
_COMMON = frozenset("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产"
                    "种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从"
                    "业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又么利"
                    "比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文"
                    "总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别手角期根论运农指几九区强放决西被干做"
                    "必战先回则任取据处府思队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油术极交受联认六共权"
                    "收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信"
                    "马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容须际商非验连断"
                    "深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构称太准精值号率族维划选标写存候毛"
                    "亲快效院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严统計統發個")
_LEGACY_ENCODINGS = (("gb18030", "GBK/GB18030"), ("big5", "Big5"))


def _legacy_suspect(text: str) -> bool:
    head = text[:20000]
    latin = len(_LATIN.findall(head))  # a Chinese page has next to none: the CJK count is rarely needed
    return latin >= 8 and latin > 2 * len(_CJK.findall(head))


def _common_share(text: str) -> float:
    cjk = _CJK.findall(text)
    return sum(c in _COMMON for c in cjk) / len(cjk) if len(cjk) >= 4 else 0.0


def repair_legacy(text: str) -> tuple[str, str | None]:
    """(text, encoding name): GBK or Big5 text read as Latin-1, decoded again when exactly one
    of the two reads as ordinary Chinese (a third of its characters among the most common)."""
    if not _legacy_suspect(text):
        return text, None
    try:
        raw = text.encode("latin-1")
    except UnicodeEncodeError:
        return text, None  # mixed with real CJK characters: not one misread
    readings = []
    for codec, name in _LEGACY_ENCODINGS:
        try:
            decoded = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        readings.append((_common_share(decoded), decoded, name))
    readings.sort(reverse=True)
    if not readings or readings[0][0] < 0.35 or (len(readings) > 1 and readings[1][0] >= 0.35):
        return text, None
    return readings[0][1], readings[0][2]


def _config():
    from ftfy import TextFixerConfig  # a declared dependency; imported only for suspect text

    return TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, fix_encoding=True,
                           restore_byte_a0=True, replace_lossy_sequences=False, decode_inconsistent_utf8=True,
                           fix_c1_controls=False, fix_latin_ligatures=False, fix_character_width=False,
                           uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False,
                           remove_control_chars=False, normalization=None, explain=True)


def _has_lost(text: str) -> bool:
    # substring searches: the alternation of _LOST costs a regex attempt at every position
    return "锟斤拷" in text or "\ufffd\ufffd" in text


def has_latin(text: str, start: int = 0) -> bool:
    """Does the text hold a Latin-1 letter or sign (U+00A1–U+00FF) at ``start`` or after?"""
    # encoding to Latin-1 drops every CJK character in one C loop, about four times cheaper
    # than a regex search for the class; ASCII left means no character in U+0080–U+00FF at all
    if text.encode("latin-1", "ignore").isascii():
        return False
    return _LATIN.search(text, start) is not None


def suspect(text: str, start: int = 0) -> bool:
    """Does the text hold mojibake or lost characters at all (regular-expression searches)?
    ``start``: the text before it is known to hold no Latin-1 letter, U+FFFD or 锟."""
    if _has_lost(text):
        return True
    if _LATIN.search(text, start) is None:  # UTF-8 and legacy mojibake both need Latin-1 letters
        return False
    return _SIGN.search(text) is not None or _legacy_suspect(text)


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


_LATIN_RUN = re.compile("[\u00a1-\u00ff][\u00a1-\u00ff\x21-\x7e]*")


def repair_text(text: str) -> tuple[str, str | None]:
    """(text, note): the text with whichever certain repair applies, and the note saying so."""
    if not has_latin(text):  # both kinds need Latin-1 letters: most pages have none
        return text, None
    fixed, repaired = repair(text)
    if repaired:
        return fixed, REPAIRED_NOTE
    fixed, name = repair_legacy(text)
    if name:
        return fixed, LEGACY_NOTE.format(name=name)
    return text, None


def unreadable_spans(text: str) -> list[tuple[int, int]]:
    """Where the text is mojibake or lost characters, as (start, end) spans in order."""
    spans = [m.span() for m in _RUN.finditer(text)]
    if _has_lost(text):
        spans += [m.span() for m in _LOST.finditer(text)]
    if not spans and _legacy_suspect(text):
        spans = [m.span() for m in _LATIN_RUN.finditer(text)]
    return sorted(spans)


__all__ = ["LEGACY_NOTE", "REPAIRED_NOTE", "has_latin", "repair", "repair_legacy", "repair_text", "suspect", "unreadable_spans"]
