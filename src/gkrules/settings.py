"""Settings found on their own, like ruff and Vale: ``gkrules.toml`` (or ``.gkrules.toml``)
and ``[tool.gkrules]`` in ``pyproject.toml``, looked for upward from each checked path.

Layering: every settings file from the file system root down to the checked path's folder
applies, the nearer one winning key by key (a ``gkrules.toml`` in ``政策文件/`` can name a
stricter rule set and inherit the rest from the site's ``gkrules.toml``). ``root = true``
stops the upward search there. In one folder ``gkrules.toml`` is read before
``.gkrules.toml`` before ``pyproject.toml``, and only the first one that has settings counts
(a ``pyproject.toml`` without ``[tool.gkrules]`` is not a settings file). Command-line
options win over every file.

Paths in a file (``ruleset`` when it names a file, ``baseline``, ``exclude`` patterns) are
relative to the folder of the file that names them.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs
from attrs import frozen

from gkrules.errors import UsageError
from gkrules.model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

#: file names looked for in each folder, in this order
FILE_NAMES = ("gkrules.toml", ".gkrules.toml", "pyproject.toml")
#: default excludes (version control, virtual environments, build output), like ruff's
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", ".tox", "node_modules", "__pycache__",
                   "build", "dist", "site-packages")
SEVERITIES = tuple(s.value for s in Severity)
DEFAULT = "默认值"
COMMAND_LINE = "命令行"


@frozen
class Setting:
    """One value and where it came from (a file, the command line or the default)."""

    value: Any
    source: str = DEFAULT


#: key → (check of the raw value, default); keys are spelled as in the file (kebab-case)
def _str(v: Any) -> bool:
    return isinstance(v, str) and bool(v.strip())


def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_str(x) for x in v)


def _severity(v: Any) -> bool:
    return v in SEVERITIES


def _jobs(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and v >= 1


def _bool(v: Any) -> bool:
    return isinstance(v, bool)


KEYS: dict[str, tuple[Any, Any, str]] = {
    "ruleset": (_str, "national", "规则集标识或文件"),
    "baseline": (_str, None, "审查记录文件"),
    "exclude": (_str_list, list(DEFAULT_EXCLUDE), "不检查的文件或目录（glob，替换默认值）"),
    "extend-exclude": (_str_list, [], "在 exclude 之外再排除"),
    "force-exclude": (_bool, False, "命令行直接列出的文件也按 exclude 排除（供 pre-commit 使用）"),
    "select": (_str_list, [], "只报告这些规则（检查器或 检查器/规则；空为全部）"),
    "extend-select": (_str_list, [], "在 select 之外再报告"),
    "ignore": (_str_list, [], "不报告这些规则"),
    "fail-on": (_severity, None, "失败级别：block | warn | info（默认取规则集设定，一般为 block）"),
    "min-severity": (_severity, "info", "显示级别：低于它的意见不输出（不影响退出码）"),
    "jobs": (_jobs, None, "并行进程数（默认为可用的 CPU 核数）"),
    "output-format": (_str, "text", "输出格式"),
    "root": (_bool, False, "到此为止，不再向上查找设置文件"),
}
#: keys whose value is a path (or holds paths) relative to the file that names it
PATH_KEYS = ("baseline",)


@frozen
class SettingsFile:
    path: Path
    values: dict[str, Any]

    @property
    def label(self) -> str:
        return f"{_shown(self.path)}" + (" [tool.gkrules]" if self.path.name == "pyproject.toml" else "")


def _shown(path: Path) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return str(path) if rel.startswith("..") else rel


def read_settings_file(path: Path) -> SettingsFile | None:
    """The settings in one file, or None when it holds none (pyproject without the table)."""
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise UsageError(f"无法读取设置文件 {_shown(path)}：{exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"设置文件 {_shown(path)} 不是有效的 TOML：{exc}") from None
    if path.name == "pyproject.toml":
        section = data.get("tool", {}).get("gkrules")
        if section is None:
            return None
        data = section
    if not isinstance(data, dict):
        raise UsageError(f"设置文件 {_shown(path)} 中 [tool.gkrules] 应为表")
    problems = []
    for key, value in data.items():
        if key not in KEYS:
            hint = "、".join(KEYS)
            problems.append(f"未知的设置 {key!r}（可用：{hint}）")
        elif not KEYS[key][0](value):
            problems.append(f"设置 {key} 的值 {value!r} 无效（{KEYS[key][2]}）")
    if problems:
        raise UsageError(f"设置文件 {_shown(path)} 有误：" + "；".join(problems))
    return SettingsFile(path.resolve(), dict(data))


def find_settings_files(start: Path) -> list[SettingsFile]:
    """Settings files that apply to ``start`` (a file or folder), farthest first."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    found: list[SettingsFile] = []
    for d in (folder, *folder.parents):
        for name in FILE_NAMES:
            candidate = d / name
            if candidate.is_file():
                sf = read_settings_file(candidate)
                if sf is not None:
                    found.append(sf)
                    break
        if found and found[-1].path.parent == d and found[-1].values.get("root"):
            break
    return list(reversed(found))


@frozen
class Settings:
    """The effective settings for one path, each with its source."""

    values: dict[str, Setting]
    files: tuple[SettingsFile, ...] = ()
    #: patterns of .gkrulesignore files, each with its folder
    ignore_patterns: tuple[tuple[str, Path], ...] = ()

    def __getitem__(self, key: str) -> Any:
        return self.values[key].value

    def source(self, key: str) -> str:
        return self.values[key].source

    def key(self) -> tuple:
        """What decides how a file is checked: files with equal keys are one engine's batch."""
        return (self["ruleset"], self["baseline"], self["fail-on"])

    def excludes(self) -> list[tuple[str, Path]]:
        """(pattern, folder it is relative to) of ``exclude`` and ``extend-exclude``."""
        out: list[tuple[str, Path]] = []
        for key in ("exclude", "extend-exclude"):
            base = self._base_of(key)
            out.extend((p, base) for p in self[key])
        return out + list(self.ignore_patterns)

    def _base_of(self, key: str) -> Path:
        for sf in reversed(self.files):
            if sf.label == self.source(key):
                return sf.path.parent
        return Path.cwd()


def _resolve_path_value(key: str, value: Any, base: Path) -> Any:
    if key in PATH_KEYS and isinstance(value, str):
        return str((base / value).resolve()) if not Path(value).is_absolute() else value
    if key == "ruleset" and isinstance(value, str) and ("/" in value or value.endswith((".yaml", ".yml"))
                                                         or (base / value).exists()):
        return str((base / value).resolve())  # a file; a bare id stays an id
    return value


def effective_settings(start: Path, overrides: Mapping[str, Any] | None = None, *,
                       isolated: bool = False) -> Settings:
    """The settings for ``start``: defaults, then each file from the farthest to the nearest,
    then the command line (``overrides``: values that are not None). ``isolated``: no file."""
    values = {k: Setting(default) for k, (_, default, _) in KEYS.items()}
    files = [] if isolated else find_settings_files(start)
    for sf in files:
        for key, value in sf.values.items():
            values[key] = Setting(_resolve_path_value(key, value, sf.path.parent), sf.label)
    for key, value in (overrides or {}).items():
        if value is not None:
            values[key] = Setting(value, COMMAND_LINE)
    ignored = () if isolated else tuple(ignore_file_patterns(start))
    return Settings(values, tuple(files), ignored)


def _folder_parts(folder: Path, base: Path | None, root: Path | None,
                  resolve: Callable[[Path], Path] = Path.resolve) -> tuple[str, ...]:
    """The parts of ``folder`` below ``base`` (the settings file's folder), else below the
    folder being walked, else below the working directory, else as written: a pattern never
    matches the folders above the project (``/home/x/build/site``) unless the user wrote them.
    A file's parts are its folder's plus its name as written (a symlink loop cannot be
    resolved, and a file found by a walk is never one of those folders itself)."""
    resolved = resolve(folder)
    for f in (base, root, Path.cwd()):
        if f is None:
            continue
        try:
            return resolved.relative_to(resolve(f)).parts
        except ValueError:
            continue
    return tuple(p for p in folder.parts if p not in ("/", "\\") and not p.endswith((":\\", ":/")))


def _rules(patterns: Iterable[tuple[str, Path]]) -> list[tuple[str, Path, bool]]:
    """(pattern, its folder, whether it names a path) of the patterns that are not blank or
    comments: a pattern without ``/`` matches any file or folder name."""
    out = []
    for pattern, base in patterns:
        pat = pattern.strip().rstrip("/").removeprefix("./")
        if not pat or pat.startswith("#"):
            continue
        out.append((pat.lstrip("/"), base, True) if "/" in pat else (pat, base, False))
    return out


def _parts_excluded(parts: tuple[str, ...], pat: str, names_path: bool) -> bool:
    if not names_path:
        return any(fnmatch.fnmatchcase(part, pat) for part in parts)
    return any(fnmatch.fnmatchcase("/".join(parts[: i + 1]), pat) for i in range(len(parts)))


def is_excluded(path: Path, patterns: Iterable[tuple[str, Path]], root: Path | None = None,
                resolve: Callable[[Path], Path] = Path.resolve) -> bool:
    """True when ``path`` or one of its folders matches a pattern: a pattern without ``/``
    matches any file or folder name (``草稿``, ``*.bak``); one with ``/`` matches the path
    relative to the folder of the settings file that names it (``统计数据/2019/*``).
    ``root``: the folder being walked (for patterns given on the command line). ``resolve``
    resolves a folder (a caller that walks many files passes one that remembers)."""
    return FolderExcludes(path.parent, patterns, root, resolve).excludes(path.name)


class FolderExcludes:
    """``is_excluded`` for the files of one folder: the folder's parts are found and matched
    once, each file's name alone after that (a walk of 2,000 files matched every folder part
    of every file against every pattern: a third of the time to plan a run)."""

    def __init__(self, folder: Path, patterns: Iterable[tuple[str, Path]], root: Path | None = None,
                 resolve: Callable[[Path], Path] = Path.resolve):
        self._rules = _rules(patterns)
        self._parts: dict[Path, tuple[str, ...]] = {}  # patterns of one settings file share a folder
        for _, base, _ in self._rules:
            if base not in self._parts:
                self._parts[base] = _folder_parts(folder, base, root, resolve)
        self._folder_excluded = any(_parts_excluded(self._parts[base], pat, names_path)
                                    for pat, base, names_path in self._rules)

    def excludes(self, name: str) -> bool:
        """Whether the file ``name`` of this folder is left out."""
        if self._folder_excluded:
            return True
        if not name:  # the root folder itself: nothing below its folder's parts
            return False
        for pat, base, names_path in self._rules:
            if fnmatch.fnmatchcase("/".join((*self._parts[base], name)) if names_path else name, pat):
                return True
        return False


IGNORE_FILE = ".gkrulesignore"


def ignore_file_patterns(start: Path) -> list[tuple[str, Path]]:
    """Patterns of every ``.gkrulesignore`` from ``start``'s folder upward (one per line,
    ``#`` comments; same meaning as ``exclude``, relative to the file's folder)."""
    folder = start.resolve()
    if not folder.is_dir():
        folder = folder.parent
    out: list[tuple[str, Path]] = []
    for d in (folder, *folder.parents):
        f = d / IGNORE_FILE
        if f.is_file():
            try:
                lines = f.read_text(encoding="utf-8-sig").splitlines()
            except OSError as exc:
                raise UsageError(f"无法读取 {_shown(f)}：{exc.strerror or exc}") from None
            out.extend((ln.strip(), d) for ln in lines if ln.strip() and not ln.lstrip().startswith("#"))
    return out


def default_jobs() -> int:
    """The cores this process may use (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # pragma: no cover - Windows, macOS
        return max(1, os.cpu_count() or 1)


def with_value(settings: Settings, key: str, value: Any, source: str) -> Settings:
    return attrs.evolve(settings, values={**settings.values, key: Setting(value, source)})
