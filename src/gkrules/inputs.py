"""What a caller hands in: paths (files and folders) or in-memory documents."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from attrs import field, frozen

from gkrules.errors import UsageError
from gkrules.loaders import LEGACY_FORMATS
from gkrules.metadata.sidecar import display_name, is_sidecar

#: files a folder walk takes even though no loader reads them, so that they are reported as
#: unreadable instead of being skipped in silence (attachments are where leaks hide)
DOCUMENT_LIKE = set(LEGACY_FORMATS) | {".docx", ".pdf", ".xlsx", ".xlsm", ".pptx", ".ppt", ".odt", ".ods",
                                       ".ofd", ".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".zip", ".rar"}


@frozen
class InputDocument:
    """A document given in memory (API, HTTP service): its name, its bytes or text, and
    metadata from the host (same keys as a sidecar)."""

    name: str
    content: bytes | str
    metadata: dict[str, Any] = field(factory=dict)

    @property
    def data(self) -> bytes:
        return self.content.encode("utf-8") if isinstance(self.content, str) else self.content


@frozen
class PathProblem:
    """A path found but not readable as a document (a folder that cannot be listed, a name
    that cannot be resolved): it gets its own error entry in the report."""

    name: str
    message: str


def collect_paths(paths: Iterable[str | os.PathLike], extensions: set[str]) -> list[Path | PathProblem]:
    """Files named, plus documents found in folders named (sorted, sidecars and hidden
    files left out). A path that does not exist is a usage error; a folder that cannot be
    read, or a file whose name cannot be resolved, is an error entry of its own."""
    out: list[Path | PathProblem] = []
    seen: set[Path] = set()
    folders: dict[Path, Path] = {}

    def resolve_folder(folder: Path) -> Path:
        if folder not in folders:
            folders[folder] = folder.resolve()
        return folders[folder]

    for raw in paths:
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            raise UsageError(f"路径不存在：{display_name(str(raw))}")
        if p.is_dir():
            problems: list[PathProblem] = []
            found = _walk(p, extensions, problems)
            out.extend(problems)
            candidates = sorted(found)
        elif is_sidecar(p):
            continue  # sidecars describe documents, they are not documents
        else:
            candidates = [p]
        for f in candidates:
            if (key := file_identity(f, resolve_folder)) not in seen:
                seen.add(key)
                out.append(f)
    return out


def file_identity(f: Path, resolve_folder: Callable[[Path], Path] = Path.resolve) -> Path:
    """``f.resolve()``, the file's identity for de-duplication, with its folder resolved by
    ``resolve_folder`` (a caller that meets many files of a folder passes one that remembers):
    a file that is not a symlink resolves to its folder resolved plus its name, one system
    call instead of one per part of the path. A symlink loop cannot be resolved: loading the
    file reports that problem as its own."""
    try:
        return f.resolve() if f.is_symlink() else resolve_folder(f.parent) / f.name
    except (OSError, RuntimeError):
        return f.absolute()


def _walk(top: Path, extensions: set[str], problems: list[PathProblem]) -> list[Path]:
    def onerror(exc: OSError) -> None:
        where = display_name(str(exc.filename or top))
        reason = "没有读取权限" if isinstance(exc, PermissionError) else (exc.strerror or "无法读取")
        problems.append(PathProblem(where, f"目录无法读取（{reason}），其中的文件未检查"))

    found = []
    for root, dirs, files in os.walk(top, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            f = Path(root) / name
            if name.startswith(".") or is_sidecar(f):
                continue
            ext = f.suffix.lower()
            if ext in extensions or ext in DOCUMENT_LIKE:
                found.append(f)
    return found
