"""What the engine does to a loaded document before any checker reads it.

Two steps, in order: text that is still mojibake after loading (loaders repair what they can
repair for certain, see ``gkrules.loaders.mojibake``) gets an ``engine/unreadable-content``
notice, so a page the checkers could not read is never reported as clean; then traditional
script is converted to simplified (``gkrules.script``), the findings being mapped back later.
"""

from __future__ import annotations

import re

import attrs

from gkrules.loaders.mojibake import suspect, unreadable_spans
from gkrules.model import Document, Notice
from gkrules.script import has_traditional, normalise_document, traditional_chars

#: fewer garbled characters than this are left alone: one CJK character garbled is three
#: (è´¯), a stray "Ã©" in a foreign name two
MIN_GARBLED = 3


_WATCHED: re.Pattern | None = None


def _watched() -> re.Pattern:
    """Every character either step looks for, as one class: a Latin-1 letter or sign (both
    kinds of mojibake need one), U+FFFD and 锟 (lost characters: ``\ufffd\ufffd``, 锟斤拷), a
    character OpenCC converts. Built once per process."""
    global _WATCHED
    if _WATCHED is None:
        _WATCHED = re.compile("[\u00a1-\u00ff\ufffd锟" + traditional_chars() + "]")
    return _WATCHED


def prepare() -> None:
    """Build the patterns now: the engine calls this when it is built, before any worker or
    the start-up example check is forked (building them means asking OpenCC about every CJK
    code point, ~30 ms that each of those processes would otherwise pay on its first
    document)."""
    _watched()
    _ = has_traditional("")


def unreadable_notice(doc: Document, start: int = 0) -> Notice | None:
    """A notice for the mojibake left in the text, or None. The message names the problem and
    its extent, never the garbled text itself. ``start``: the text before it is known to hold
    no Latin-1 letter, U+FFFD or 锟."""
    if not suspect(doc.text, start):
        return None
    spans = unreadable_spans(doc.text)
    garbled = sum(e - s for s, e in spans)
    if garbled < MIN_GARBLED:
        return None
    share = garbled / max(1, len(doc.text))
    extent = "全文大部分" if share >= 0.5 else f"约 {garbled} 个字符（占全文 {share:.0%}）"
    message = (f"文字乱码：{extent}是编码被误读后的乱码（如 UTF-8 文字曾被按 Latin-1/Windows-1252 读取，"
               "或已丢失的字符），无法可靠还原，这部分内容未能检查；请从原系统重新导出 UTF-8 文本后再检查")
    return Notice(rule="unreadable-content", message=message, start=spans[0][0], end=spans[0][1])


def normalise(doc: Document) -> Document:
    # one search over the text for both steps: most documents hold none of these characters,
    # and the text before the first one need not be searched again
    first = _watched().search(doc.text)
    if first is None:
        return doc
    notice = unreadable_notice(doc, first.start())
    if notice is not None:
        doc = attrs.evolve(doc, notices=(*doc.notices, notice))
    if not has_traditional(doc.text, first.start()):
        return doc
    return normalise_document(doc)


__all__ = ["MIN_GARBLED", "normalise", "prepare", "unreadable_notice"]
