"""Loaders turn files into Documents; the registry picks one by extension or content."""

from __future__ import annotations

import os
from pathlib import Path

from gkrules.errors import InputError, UnsupportedFormatError
from gkrules.loaders.options import LoadOptions
from gkrules.model import Document
from gkrules.specs import LoaderSpec

#: formats we know but cannot read: the message says what to do
LEGACY_FORMATS = {
    ".doc": "docx", ".wps": "docx", ".rtf": "docx", ".xls": "xlsx", ".et": "xlsx",
}


class LoaderRegistry:
    def __init__(self, specs: list[LoaderSpec], options: LoadOptions | None = None):
        self.specs = list(specs)
        self.options = options or LoadOptions()

    @property
    def extensions(self) -> set[str]:
        return {e for s in self.specs for e in s.extensions}

    def pick(self, name: str, head: bytes) -> LoaderSpec:
        ext = os.path.splitext(name)[1].lower()
        for spec in self.specs:
            if ext in spec.extensions:
                return spec
        for spec in self.specs:
            if spec.sniff is not None and spec.sniff(head):
                return spec
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
        spec = self.pick(name, data[:4096])
        try:
            return spec.load(data, name, self.options)
        except InputError:
            raise
        except MemoryError:
            raise InputError("文件内容过大，读取时内存不足") from None
        except RecursionError:
            raise InputError("文件结构嵌套过深，无法读取") from None
        except Exception as exc:  # a loader bug or a hostile file: fail closed with a clear message
            raise InputError(f"读取失败（{spec.name} 加载器）：{type(exc).__name__}: {exc}") from None

    def load_path(self, path: Path, shown: str | None = None) -> Document:
        shown = shown or str(path)
        try:
            size = path.stat().st_size
            if size > self.options.max_bytes:
                raise InputError(f"文件过大（{size} 字节，上限 {self.options.max_bytes} 字节）")
            data = path.read_bytes()
        except FileNotFoundError:
            raise InputError("文件不存在") from None
        except IsADirectoryError:
            raise InputError("这是一个目录，不是文件") from None
        except PermissionError:
            raise InputError("没有读取权限") from None
        except OSError as exc:
            raise InputError(f"无法读取文件：{exc.strerror or exc}") from None
        return self.load_bytes(shown, data)


__all__ = ["LEGACY_FORMATS", "LoadOptions", "LoaderRegistry"]
