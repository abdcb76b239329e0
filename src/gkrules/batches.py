"""Which files a ``gkrules check`` call checks, and with which settings.

Each file gets the settings found from its own folder upward (``gkrules.settings``); files
left out by ``exclude`` are dropped; the rest are grouped by what needs its own engine
(rule set, baseline, fail level). Each group is checked as one batch.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from attrs import frozen

from gkrules.errors import UsageError
from gkrules.inputs import InputDocument, PathProblem, collect_paths, file_identity
from gkrules.settings import FolderExcludes, Settings, effective_settings, is_excluded

STDIN = "-"


@frozen
class Batch:
    settings: Settings
    items: tuple[Path | InputDocument | PathProblem, ...]


@frozen
class Plan:
    batches: tuple[Batch, ...]
    #: run-wide settings (display level, output format, jobs): those of the first path
    settings: Settings
    excluded: int = 0


class _SettingsCache:
    """Settings per folder within one run (many files share a folder), and each folder
    resolved once: resolving a path costs a system call per component, and the exclude
    patterns of every file are matched against resolved folders (once per pattern before)."""

    def __init__(self, overrides: Mapping[str, Any], isolated: bool):
        self.overrides = overrides
        self.isolated = isolated
        self._by_folder: dict[Path, Settings] = {}
        self._resolved: dict[Path, Path] = {}
        self._excludes: dict[tuple[Path, Path], FolderExcludes] = {}

    def resolve(self, folder: Path) -> Path:
        resolved = self._resolved.get(folder)
        if resolved is None:
            resolved = self._resolved[folder] = folder.resolve()
        return resolved

    def for_path(self, path: Path) -> Settings:
        return self.for_folder(path.resolve() if path.is_dir() else self.resolve(path.parent))

    def excluded(self, f: Path, root: Path) -> bool:
        """``is_excluded`` for a file found by walking ``root``, its folder matched once."""
        key = (f.parent, root)
        if key not in self._excludes:
            self._excludes[key] = FolderExcludes(f.parent, self.for_file(f).excludes(), root, self.resolve)
        return self._excludes[key].excludes(f.name)

    def key(self, f: Path) -> Path:
        """A file's identity for de-duplication (its folder resolved once per run)."""
        return file_identity(f, self.resolve)

    def for_file(self, path: Path) -> Settings:
        """A file found by walking a folder (known not to be a folder itself)."""
        return self.for_folder(self.resolve(path.parent))

    def for_folder(self, folder: Path) -> Settings:
        # a file's settings are its folder's (as named, not where a symlink points: a link
        # loop cannot be resolved, and loading it reports that as the file's own error)
        if folder not in self._by_folder:
            self._by_folder[folder] = effective_settings(folder, self.overrides, isolated=self.isolated)
        return self._by_folder[folder]


def plan(paths: Sequence[str], extensions: set[str], overrides: Mapping[str, Any], *, isolated: bool = False,
         stdin: InputDocument | None = None, stdin_filename: str | None = None) -> Plan:
    cache = _SettingsCache(overrides, isolated)
    groups: dict[tuple, list[Path | InputDocument | PathProblem]] = {}
    settings_of: dict[tuple, Settings] = {}
    excluded = 0
    first: Settings | None = None

    def add(settings: Settings, item: Path | InputDocument | PathProblem) -> None:
        key = settings.key()
        settings_of.setdefault(key, settings)
        groups.setdefault(key, []).append(item)

    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            if stdin is None:
                raise UsageError("标准输入只能用一次（PATH 中的 - ）")
            where = Path(stdin_filename) if stdin_filename else Path.cwd()
            settings = cache.for_path(where)
            first = first or settings
            if stdin_filename and settings["force-exclude"] and is_excluded(where, settings.excludes()):
                excluded += 1
            else:
                add(settings, stdin)
            stdin = None
            continue
        path = Path(raw)
        if not path.exists():
            raise UsageError(f"路径不存在：{raw}")
        first = first or cache.for_path(path)
        if path.is_dir():
            for f in collect_paths([path], extensions):
                if isinstance(f, PathProblem):  # an unreadable folder, a bad name: reported, never skipped
                    add(cache.for_path(path), f)
                    continue
                if cache.excluded(f, root=path):
                    excluded += 1
                elif (key := cache.key(f)) not in seen:
                    seen.add(key)
                    add(cache.for_file(f), f)
            continue
        settings = cache.for_path(path)
        if settings["force-exclude"] and is_excluded(path, settings.excludes()):
            excluded += 1
            continue
        for f in collect_paths([path], extensions):  # a sidecar named directly is not a document
            if isinstance(f, PathProblem):
                add(settings, f)
            elif (key := cache.key(f)) not in seen:
                seen.add(key)
                add(settings, f)
    if first is None:
        first = cache.for_path(Path.cwd())
    batches = tuple(Batch(settings_of[k], tuple(v)) for k, v in groups.items())
    return Plan(batches, first, excluded)
