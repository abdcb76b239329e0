"""Loaders turn files into Documents; the registry picks one by extension and content.

The extension says what the file claims to be, the bytes say what it is (``sniff``). When
they disagree for a format gkrules knows — a ``.docx`` that is really a PDF — the file is
refused with a message naming both, rather than read as something it is not. Legacy
extensions are the exception: a ``.xls`` that is really an HTML table or an xlsx, a ``.doc``
that is really a docx, are read as what they are, since many systems export them so.

Every load runs within the limits of ``LoadOptions``: size before reading, a wall-clock
budget, and the per-format limits the loaders enforce. Whatever goes wrong, the caller gets
an ``InputError`` with a Chinese message — never a traceback, never a partial document.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from gkrules.budget import BudgetExceeded, run_with_budget
from gkrules.errors import InputError, UnsupportedFormatError
from gkrules.loaders import sniff
from gkrules.loaders.options import LoadOptions
from gkrules.model import Document
from gkrules.specs import LoaderSpec

#: formats we know but cannot read directly: converted through LibreOffice when installed,
#: otherwise the message says what to do
LEGACY_FORMATS = {
    ".doc": "docx", ".wps": "docx", ".rtf": "docx", ".xls": "xlsx", ".et": "xlsx",
}

#: what content each well-known extension may hold
_EXPECTED = {
    ".pdf": {sniff.PDF},
    ".docx": {sniff.DOCX, sniff.ZIP}, ".docm": {sniff.DOCX, sniff.ZIP},
    ".xlsx": {sniff.XLSX, sniff.ZIP}, ".xlsm": {sniff.XLSX, sniff.ZIP},
    ".txt": {sniff.TEXT, sniff.HTML}, ".text": {sniff.TEXT, sniff.HTML}, ".csv": {sniff.TEXT},
    ".html": {sniff.HTML, sniff.TEXT}, ".htm": {sniff.HTML, sniff.TEXT}, ".shtml": {sniff.HTML, sniff.TEXT},
    ".xhtml": {sniff.HTML, sniff.TEXT},
}
#: the extension whose loader reads each kind of content
_CANONICAL = {sniff.PDF: ".pdf", sniff.DOCX: ".docx", sniff.XLSX: ".xlsx", sniff.HTML: ".html",
              sniff.TEXT: ".txt", sniff.OLE2: ".doc", sniff.RTF: ".rtf"}
_NOT_CHECKABLE = {
    sniff.IMAGE: "图片无法检查（gkrules 不做文字识别）：请提供含文字的版本，或由人工审查图片内容",
    sniff.PPTX: "暂不支持 PowerPoint 演示文稿：请导出为 PDF 后再检查",
    sniff.OFD: "暂不支持 OFD 版式文件：请转换为 PDF 后再检查",
    sniff.ODF: "暂不支持 OpenDocument 文档：请另存为 .docx 或 .xlsx 后再检查",
    sniff.OLE2_ENCRYPTED: "文件设有打开密码（已加密），无法检查其内容：请去除密码后重新检查",
    sniff.ZIP: "这是一个 ZIP 压缩包：请解压后逐个检查其中的文件",
}


def _legacy_target(ext: str, kind: str, data: bytes) -> str:
    """Which loader reads a file with a legacy extension, by what it really holds."""
    if kind in (sniff.DOCX, sniff.XLSX, sniff.PDF, sniff.HTML):
        return _CANONICAL[kind]
    if kind == sniff.TEXT:  # tab-separated "Excel" exports, plain text saved as .doc
        return ".csv" if LEGACY_FORMATS[ext] == "xlsx" else ".txt"
    return ext


class LoaderRegistry:
    def __init__(self, specs: list[LoaderSpec], options: LoadOptions | None = None):
        self.specs = list(specs)
        self.options = options or LoadOptions()

    @property
    def extensions(self) -> set[str]:
        return {e for s in self.specs for e in s.extensions}

    def by_extension(self, ext: str) -> LoaderSpec | None:
        for spec in self.specs:
            if ext in spec.extensions:
                return spec
        return None

    def pick(self, name: str, head: bytes) -> LoaderSpec:
        """The loader for a file: by its extension when the content agrees, else by content.

        ``head`` may be the whole file (a zip's member names then tell docx from xlsx)."""
        ext = os.path.splitext(name)[1].lower()
        kind = sniff.content_kind(head, max_members=self.options.max_archive_members)
        if kind == sniff.OLE2_ENCRYPTED:
            raise InputError(_NOT_CHECKABLE[kind])
        if ext in LEGACY_FORMATS:
            ext = _legacy_target(ext, kind, head)
        spec = self.by_extension(ext)
        expected = _EXPECTED.get(ext)
        if spec is not None:
            if expected is None or kind in expected:
                return spec
            if kind in (sniff.OLE2, sniff.RTF) and ext in (".docx", ".docm", ".xlsx", ".xlsm"):
                legacy = self.by_extension(".doc" if kind == sniff.RTF or ext.startswith(".doc") else ".xls")
                if legacy is not None:
                    return legacy
            label = sniff.LABELS[kind]
            label = f" {label}" if label[:1].isascii() else label
            raise InputError(f"文件扩展名为 {ext}，但内容实际是{label}：扩展名与内容不符，"
                             "请确认文件无误并改正扩展名（或重新导出）后再检查")
        if kind != sniff.TEXT and kind in _CANONICAL and (found := self.by_extension(_CANONICAL[kind])):
            return found
        if not ext and kind == sniff.TEXT and (found := self.by_extension(".txt")):
            return found  # a name without an extension ("通知"): the content says it is text
        for candidate in self.specs:
            if candidate.sniff is not None and candidate.sniff(head[:4096]):
                return candidate
        if kind in _NOT_CHECKABLE:
            raise UnsupportedFormatError(_NOT_CHECKABLE[kind])
        if ext in LEGACY_FORMATS:
            raise UnsupportedFormatError(
                f"不支持旧版 {ext} 格式：请另存为 .{LEGACY_FORMATS[ext]} 后再检查")
        known = "、".join(sorted(self.extensions))
        raise UnsupportedFormatError(f"不支持的文件格式 {ext or '（无扩展名）'}；可检查的格式：{known}")

    def load_bytes(self, name: str, data: bytes) -> Document:
        if len(data) > self.options.max_bytes:
            raise InputError(f"文件过大（{len(data)} 字节，上限 {self.options.max_bytes} 字节）")
        if not data:
            raise InputError("文件为空（0 字节）")
        spec = self.pick(name, data)
        try:
            return run_with_budget(lambda: spec.load(data, name, self.options), self.options.timeout_seconds)
        except InputError:
            raise
        except BudgetExceeded:
            raise InputError(f"读取超时（超过 {self.options.timeout_seconds:g} 秒），文件可能异常复杂或已损坏") from None
        except MemoryError:
            raise InputError("文件内容过大，读取时内存不足") from None
        except RecursionError:
            raise InputError("文件结构嵌套过深，无法读取") from None
        except Exception as exc:  # a loader bug or a hostile file: fail closed with a clear message
            # the exception's text may quote the file (an Info dictionary, a cell): never shown
            raise InputError(f"读取失败（{spec.name} 加载器，{type(exc).__name__}），文件可能已损坏或格式异常") from None

    def load_path(self, path: Path, shown: str | None = None) -> Document:
        shown = shown or str(path)
        limit = self.options.max_bytes
        try:
            # non-blocking: opening a FIFO must not wait for a writer; fstat decides below
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            raise InputError("文件不存在") from None
        except IsADirectoryError:
            raise InputError("这是一个目录，不是文件") from None
        except PermissionError:
            raise InputError("没有读取权限") from None
        except OSError as exc:
            raise InputError(_os_problem(exc)) from None
        try:
            st = os.fstat(fd)
            if stat.S_ISDIR(st.st_mode):
                raise InputError("这是一个目录，不是文件")
            if not stat.S_ISREG(st.st_mode):
                raise InputError("不是普通文件（设备、管道或套接字等），不予读取")
            if st.st_size > limit:
                raise InputError(f"文件过大（{st.st_size} 字节，上限 {limit} 字节）")
            with os.fdopen(fd, "rb", closefd=False) as fh:
                data = fh.read(limit + 1)  # the size may change while we read
            if len(data) > limit:
                raise InputError(f"文件过大（超过上限 {limit} 字节）")
        except OSError as exc:
            raise InputError(_os_problem(exc)) from None
        finally:
            os.close(fd)
        return self.load_bytes(shown, data)


def _os_problem(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "符号链接循环，无法读取"
    if exc.errno == errno.ENAMETOOLONG:
        return "文件名或路径过长，无法读取"
    if exc.errno == errno.ENXIO:
        return "不是普通文件（设备、管道或套接字等），不予读取"
    return f"无法读取文件：{exc.strerror or '读写出错'}"


__all__ = ["LEGACY_FORMATS", "LoadOptions", "LoaderRegistry"]
