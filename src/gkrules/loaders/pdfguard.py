"""Bounded stream decoding for pdfminer.six.

pdfminer inflates a stream with ``zlib.decompress`` in one call (and LZW and RunLength with
no bound either), so a 1 MB stream can become gigabytes in memory. While gkrules loads a
PDF, ``limits`` is active in the loading thread and the decoders pdfminer calls are bounded
versions: a stream larger than ``max_member_bytes``, or streams adding up to more than
``max_unpacked_bytes``, stop the load with a clear error. Outside a gkrules load (another
user of pdfminer in the same process) they behave exactly like the originals.
"""

from __future__ import annotations

import contextlib
import io
import threading
import zlib
from collections.abc import Iterator

from gkrules.errors import InputError

_state = threading.local()
_CHUNK = 1 << 20


class StreamLimitExceeded(InputError):
    code = "input"


class _Budget:
    def __init__(self, per_stream: int, total: int):
        self.per_stream = per_stream
        self.left = total
        self.exceeded: StreamLimitExceeded | None = None
        #: streams that could not be decoded in full (corrupt data, truncated, unsupported
        #: filter): their content is missing from the text, so the page cannot be called checked
        self.undecodable = 0

    def take(self, n: int) -> None:
        self.left -= n
        if self.left < 0:
            self.fail("PDF 中数据流解压后的总大小超过上限，疑似恶意构造的文件（上限可在规则集 engine 部分调整）")

    def fail(self, message: str) -> None:
        self.exceeded = StreamLimitExceeded(message)
        raise self.exceeded


def _budget() -> _Budget | None:
    return getattr(_state, "budget", None)


@contextlib.contextmanager
def limits(per_stream: int, total: int) -> Iterator[_Budget]:
    """Bound every stream pdfminer decodes in this thread, for the duration of the block."""
    budget = _Budget(per_stream, total)
    previous = _budget()
    _state.budget = budget
    try:
        yield budget
    finally:
        _state.budget = previous


def _inflate(data: bytes, budget: _Budget) -> bytes:
    try:
        out = _inflate_whole(data, budget)
    except zlib.error:
        budget.undecodable += 1  # pdfminer recovers what it can; the rest is lost
        raise
    return out


def _inflate_whole(data: bytes, budget: _Budget) -> bytes:
    d = zlib.decompressobj()
    out = io.BytesIO()
    size = 0
    chunk = d.decompress(data, _CHUNK)
    while True:
        size += len(chunk)
        if size > budget.per_stream:
            budget.fail(f"PDF 中有数据流解压后超过单个上限 {budget.per_stream // (1 << 20)} MiB，"
                        "疑似“压缩炸弹”，已拒绝读取")
        budget.take(len(chunk))
        out.write(chunk)
        if d.eof or not d.unconsumed_tail:
            break
        chunk = d.decompress(d.unconsumed_tail, _CHUNK)
    if not d.eof and size == 0 and data:
        # nothing came out: let pdfminer's own recovery (decompress_corrupted) handle it
        return zlib.decompress(data)
    if not d.eof and data:  # the stream stops before its end: the rest of the page is missing
        budget.undecodable += 1
    return out.getvalue()


class _BoundedZlib:
    """Stands in for the ``zlib`` module inside ``pdfminer.pdftypes``."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, *args, **kwargs) -> bytes:
        budget = _budget()
        if budget is None or args or kwargs:
            return zlib.decompress(data, *args, **kwargs)
        return _inflate(data, budget)


def _bounded_lzw(data: bytes) -> bytes:
    from pdfminer.lzw import LZWDecoder

    budget = _budget()
    if budget is None:
        return b"".join(LZWDecoder(io.BytesIO(data)).run())
    out = io.BytesIO()
    size = 0
    for piece in LZWDecoder(io.BytesIO(data)).run():
        size += len(piece)
        if size > budget.per_stream:
            budget.fail("PDF 中有 LZW 数据流解码后超过单个上限，疑似恶意构造的文件，已拒绝读取")
        out.write(piece)
    budget.take(size)
    return out.getvalue()


def _bounded_runlength(data: bytes) -> bytes:
    """RunLengthDecode (PDF 1.7 §7.4.5) into a bytearray, bounded."""
    budget = _budget()
    limit = budget.per_stream if budget is not None else None
    out = bytearray()
    i, n = 0, len(data)
    while i < n:
        length = data[i]
        i += 1
        if length == 128:
            break
        if length < 128:
            out += data[i:i + length + 1]
            i += length + 1
        elif i < n:
            out += bytes([data[i]]) * (257 - length)
            i += 1
        if limit is not None and len(out) > limit:
            budget.fail("PDF 中有 RunLength 数据流解码后超过单个上限，已拒绝读取")  # type: ignore[union-attr]
    if budget is not None:
        budget.take(len(out))
    return bytes(out)


_installed = False


def install() -> None:
    """Put the bounded decoders into pdfminer (once per process)."""
    global _installed
    if _installed:
        return
    from pdfminer import pdftypes

    pdftypes.zlib = _BoundedZlib()  # type: ignore[assignment]
    original = pdftypes.PDFStream.decode

    def decode(self) -> None:
        """An undecodable stream (unsupported filter, bad ASCII85…) is counted and left empty,
        so that the page it belongs to is reported unreadable and the rest is still read."""
        try:
            original(self)
        except StreamLimitExceeded:
            raise
        except Exception:
            budget = _budget()
            if budget is None:
                raise
            budget.undecodable += 1
            self.data, self.rawdata = b"", None

    pdftypes.PDFStream.decode = decode  # type: ignore[method-assign]
    pdftypes.lzwdecode = _bounded_lzw
    pdftypes.rldecode = _bounded_runlength
    _installed = True


__all__ = ["StreamLimitExceeded", "install", "limits"]
