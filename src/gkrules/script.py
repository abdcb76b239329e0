"""Traditional-script documents: checkers read simplified text, findings point at the original.

Word lists and patterns are simplified Chinese, so a 繁體 page (a Hong Kong or Macao release,
a repost on a traditional-script portal) would pass every checker unseen. OpenCC (the
maintained converter behind most Chinese input methods and wikis; ``opencc`` on PyPI ships
wheels with its dictionaries) converts the text with its phrase tables (乾隆 stays 乾隆, 乾燥
becomes 干燥). Conversions almost never change the length of a line; when one does, that line
is converted character by character so that every offset still maps both ways.

:class:`ScriptMap` maps offsets between the original text and the simplified one; the engine
converts a document once after loading and maps every finding back (offsets, lines, quoted
evidence) before the report is built.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable

import attrs
from attrs import frozen

from gkrules.model import Block, Cell, Document, Finding, Metadata, Notice, Table

CONVERTER_NAME = "OpenCC t2s"
NOTE = "繁体字文本已转换为简体字后检查（OpenCC t2s），问题位置和引文按原文标出"


def _converter():
    import opencc  # a declared dependency; imported on first use (CLI start-up stays fast)

    return opencc.OpenCC("t2s")


_CONVERT = None
#: any character that OpenCC converts on its own: most documents have none and skip the
#: conversion (a regular-expression search is several times cheaper than converting)
_TRADITIONAL = None
_TRADITIONAL_CHARS: str | None = None
_CJK_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def convert(text: str) -> str:
    """Simplified text of ``text`` (the same converter for documents and for tests)."""
    global _CONVERT
    if _CONVERT is None:
        _CONVERT = _converter().convert
    return _CONVERT(text)


def traditional_chars() -> str:
    """The characters OpenCC's t2s tables convert (built once per process from the converter
    itself: one call over every CJK code point, newline-separated so that no phrase spans two
    of them), for a character class."""
    global _TRADITIONAL_CHARS
    if _TRADITIONAL_CHARS is None:
        chars = [chr(i) for lo, hi in _CJK_RANGES for i in range(lo, hi)]
        out = convert("\n".join(chars)).split("\n")
        _TRADITIONAL_CHARS = "".join(a for a, b in zip(chars, out, strict=True) if a != b)
    return _TRADITIONAL_CHARS


def _traditional_pattern() -> re.Pattern:
    global _TRADITIONAL
    if _TRADITIONAL is None:
        _TRADITIONAL = re.compile("[" + traditional_chars() + "]")
    return _TRADITIONAL


def has_traditional(text: str, start: int = 0) -> bool:
    """Does the text hold a character OpenCC converts, at ``start`` or after?"""
    return _traditional_pattern().search(text, start) is not None


@frozen
class ScriptMap:
    """Offsets between ``original`` and its simplified form.

    Segments ``(orig_start, orig_len, norm_start, norm_len)`` cover both texts in order; a
    segment is either a run of equal length (offsets shift by a constant) or one original
    character whose conversion has another length. Equal-length documents have no segments.
    """

    original: str
    norm_length: int
    orig_starts: tuple[int, ...] = ()
    orig_lens: tuple[int, ...] = ()
    norm_starts: tuple[int, ...] = ()
    norm_lens: tuple[int, ...] = ()

    def to_original(self, offset: int, *, end: bool = False) -> int:
        return _map(offset, self.norm_starts, self.norm_lens, self.orig_starts, self.orig_lens, end,
                    len(self.original))

    def to_normalised(self, offset: int, *, end: bool = False) -> int:
        return _map(offset, self.orig_starts, self.orig_lens, self.norm_starts, self.norm_lens, end,
                    self.norm_length)


def _map(offset: int, starts, lens, other_starts, other_lens, end: bool, other_total: int) -> int:
    if not starts:
        return max(0, min(offset, other_total))
    # the segment that holds the offset; for an end, the one that ends at it
    i = (bisect.bisect_left(starts, offset) if end else bisect.bisect_right(starts, offset)) - 1
    if i < 0:
        return 0
    if lens[i] == other_lens[i]:
        return min(other_starts[i] + min(offset - starts[i], lens[i]), other_total)
    # inside a character whose conversion has another length: a span ends after it, starts at it
    return other_starts[i] + other_lens[i] if end else other_starts[i]


def to_simplified(text: str, conv: Callable[[str], str] | None = None) -> tuple[str, ScriptMap] | None:
    """The simplified text and its map, or None when the text has nothing to convert
    (``conv`` replaces OpenCC in tests of the map)."""
    if conv is None:
        if not has_traditional(text):
            return None
        conv = convert
    whole = conv(text)
    if whole == text:
        return None
    if len(whole) == len(text) and whole.count("\n") == text.count("\n"):
        lines_o, lines_n = text.split("\n"), whole.split("\n")
        if all(len(a) == len(b) for a, b in zip(lines_o, lines_n, strict=True)):
            return whole, ScriptMap(original=text, norm_length=len(whole))
    return _by_line(text, conv)


def _by_line(text: str, convert: Callable[[str], str]) -> tuple[str, ScriptMap]:
    parts: list[str] = []
    seg: list[tuple[int, int, int, int]] = []
    o = n = 0
    for line in text.splitlines(keepends=True):
        conv = convert(line)
        if len(conv) == len(line):
            seg.append((o, len(line), n, len(conv)))
            parts.append(conv)
            o += len(line)
            n += len(conv)
            continue
        for ch in line:  # the rare line whose conversion changed its length
            c = convert(ch)
            seg.append((o, 1, n, len(c)))
            parts.append(c)
            o += 1
            n += len(c)
    norm = "".join(parts)
    merged = _merge(seg)
    return norm, ScriptMap(original=text, norm_length=len(norm),
                           orig_starts=tuple(s[0] for s in merged), orig_lens=tuple(s[1] for s in merged),
                           norm_starts=tuple(s[2] for s in merged), norm_lens=tuple(s[3] for s in merged))


def _merge(seg: Iterable[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Adjacent equal-length segments as one (fewer segments, the same map)."""
    out: list[tuple[int, int, int, int]] = []
    for s in seg:
        if s[1] == 0 and s[3] == 0:
            continue
        if out and s[1] == s[3] and out[-1][1] == out[-1][3]:
            p = out[-1]
            out[-1] = (p[0], p[1] + s[1], p[2], p[3] + s[3])
        else:
            out.append(s)
    return out


# -- documents ------------------------------------------------------------------------------


def normalise_document(doc: Document) -> Document:
    """``doc`` with simplified text (and its spans mapped), carrying the map back; unchanged
    when there is nothing to convert."""
    found = to_simplified(doc.text)
    if found is None:
        return doc
    norm, smap = found

    def span(s: int, e: int) -> tuple[int, int]:
        return smap.to_normalised(s), smap.to_normalised(e, end=True)

    def block(b: Block) -> Block:
        s, e = span(b.start, b.end)
        return attrs.evolve(b, start=s, end=e)

    def cell(c: Cell) -> Cell:
        s, e = span(c.start, c.end)
        return attrs.evolve(c, text=convert(c.text), start=s, end=e)

    def table(t: Table) -> Table:
        s, e = span(t.start, t.end)
        return attrs.evolve(t, rows=tuple(tuple(cell(c) for c in row) for row in t.rows), start=s, end=e,
                            caption=convert(t.caption) if t.caption else t.caption,
                            notes=tuple(convert(x) for x in t.notes))

    def notice(n: Notice) -> Notice:
        if n.start is None:
            return n
        return attrs.evolve(n, start=smap.to_normalised(n.start),
                            end=smap.to_normalised(n.end, end=True) if n.end is not None else None)

    meta = doc.metadata
    meta = attrs.evolve(meta, fields={k: convert(v) for k, v in meta.fields.items()},
                        normalised=(*meta.normalised, NOTE))
    return attrs.evolve(doc, text=norm, blocks=tuple(block(b) for b in doc.blocks),
                        tables=tuple(table(t) for t in doc.tables), notices=tuple(notice(n) for n in doc.notices),
                        source_lines=tuple((smap.to_normalised(o), line) for o, line in doc.source_lines),
                        metadata=meta, script=smap)


def original_document(doc: Document) -> Document:
    """The document as loaded (its original text) for formatters that show the text."""
    smap = doc.script
    if smap is None or not smap.orig_starts:
        return doc if smap is None else attrs.evolve(doc, text=smap.original, script=None)
    return attrs.evolve(doc, text=smap.original, blocks=(), tables=(), script=None,
                        source_lines=tuple((smap.to_original(o), line) for o, line in doc.source_lines))


def original_metadata(doc: Document, meta: Metadata) -> Metadata:
    """``meta`` with the values read from the text (title, 文号, 主送…) in the original
    characters and their spans in the original text, for the report."""
    smap = doc.script
    if smap is None:
        return meta
    changes: dict = {}
    spans = {}
    for key, (s, e) in meta.spans.items():
        o_s, o_e = smap.to_original(s), smap.to_original(e, end=True)
        spans[key] = (o_s, o_e)
        value = getattr(meta, key, None)
        if isinstance(value, str) and value == doc.text[s:e]:
            changes[key] = smap.original[o_s:o_e]
    return attrs.evolve(meta, spans=spans, **changes)


def relocate(doc: Document, findings: Iterable[Finding]) -> list[Finding]:
    """Findings on the simplified text, pointed at and quoting the original characters."""
    smap = doc.script
    if smap is None:
        return list(findings)
    orig = original_document(doc)
    norm = doc.text
    title, title_orig = doc.metadata.title, None
    if title and "title" in doc.metadata.spans:
        s_, e_ = doc.metadata.spans["title"]
        if norm[s_:e_] == title:
            title_orig = smap.original[smap.to_original(s_):smap.to_original(e_, end=True)]
    out = []
    for f in findings:
        loc = f.location
        if loc is None or loc.start is None:
            out.append(f)
            continue
        s = smap.to_original(loc.start)
        e = smap.to_original(loc.end if loc.end is not None else loc.start, end=True)
        new = orig.location(s, e)
        new = attrs.evolve(new, page=loc.page, ref=loc.ref, hidden=loc.hidden)
        changes: dict = {"location": new}
        if f.evidence:
            changes["evidence"] = _quote(f.evidence, norm, smap, loc.start, loc.end)
        changes["message"] = _quote_all(f.message, norm, smap, loc.start, loc.end)
        if title and title_orig and title in changes["message"]:  # （标题：…） in the page's own characters
            changes["message"] = changes["message"].replace(title, title_orig)
        out.append(attrs.evolve(f, **changes))
    return out


def _quote(piece: str, norm: str, smap: ScriptMap, start: int, end: int | None) -> str:
    """``piece`` as the original characters, when it is text of the document near the finding."""
    lo = max(0, start - len(piece) - 200)
    hi = min(len(norm), (end if end is not None else start) + len(piece) + 200)
    at = norm.find(piece, lo, hi)
    if at < 0:
        return piece
    return smap.original[smap.to_original(at):smap.to_original(at + len(piece), end=True)]


_QUOTES = (("“", "”"), ("「", "」"), ("原文：", "）"))


def _quote_all(message: str, norm: str, smap: ScriptMap, start: int, end: int | None) -> str:
    """Every quoted piece of a message («“…”», «「…」», «原文：…）») in the original characters
    when it is text of the document near the finding (a word-list label stays as it is)."""
    out, i = [], 0
    while i < len(message):
        pair = next(((o, c) for o, c in _QUOTES if message.startswith(o, i)), None)
        if pair is None:
            out.append(message[i])
            i += 1
            continue
        opener, closer = pair
        j = message.find(closer, i + len(opener))
        if j < 0:
            out.append(message[i:])
            break
        out.append(opener + _quote(message[i + len(opener):j], norm, smap, start, end) + closer)
        i = j + len(closer)
    return "".join(out)


__all__ = ["CONVERTER_NAME", "ScriptMap", "convert", "has_traditional", "normalise_document", "original_document",
           "original_metadata", "relocate", "to_simplified", "traditional_chars"]
