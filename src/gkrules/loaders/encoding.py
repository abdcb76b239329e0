"""Decoding the bytes of text files as Chinese bureaus produce them.

Order: BOM (UTF-8, UTF-16) → strict UTF-8 → GBK / GB18030 (checked for plausibility) →
charset-normalizer's best guess. The name of the encoding used goes into the document's
metadata, so a reviewer can see that a GBK file was read as GBK.
"""

from __future__ import annotations

import codecs

from gkrules.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _plausible_chinese(text: str) -> bool:
    """GB18030 decodes almost any byte string; real Chinese text is mostly common CJK,
    ASCII and CJK punctuation."""
    if not text:
        return True
    good = 0
    for ch in text[:20000]:
        o = ord(ch)
        if o < 0x80 or 0x4E00 <= o <= 0x9FFF or 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF:
            good += 1
    return good / min(len(text), 20000) > 0.9


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    return b"\x00" in head


def decode_text(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise InputError."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                raise InputError(f"文件以 {name} 字节序标记开头，但内容无法按 {name} 解码") from None
    if looks_binary(data):
        raise InputError("文件含有二进制内容，不是文本文件（请确认文件格式与扩展名一致）")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # a file cut in the middle of its last character is still UTF-8
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data.decode("utf-8", errors="replace"), "utf-8"
    for name in ("gbk", "gb18030"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible_chinese(text):
            return text, name
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - a declared dependency
        from_bytes = None  # type: ignore[assignment]
    if from_bytes is not None:
        best = from_bytes(data).best()
        if best is not None and best.encoding:
            return str(best), best.encoding
    raise InputError("无法识别文件的字符编码（已尝试 UTF-8、GBK、GB18030）；请另存为 UTF-8 后重试")


def normalise_newlines(text: str) -> str:
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text
