"""Planning a run matches each folder's parts against the exclude patterns once and resolves
only folders: the same decisions and identities as matching and resolving every file."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules.batches import plan
from gkrules.inputs import collect_paths, file_identity
from gkrules.settings import FolderExcludes, is_excluded


def reference_is_excluded(path: Path, patterns, root=None, resolve=Path.resolve) -> bool:
    """The matcher before folders were matched once (kept as the reference)."""
    def relative_parts(base):
        resolved = resolve(path.parent) / path.name
        for folder in (base, root, Path.cwd()):
            if folder is None:
                continue
            try:
                return resolved.relative_to(resolve(folder)).parts
            except ValueError:
                continue
        return tuple(p for p in path.parts if p not in ("/", "\\") and not p.endswith((":\\", ":/")))

    parts_below = {}
    for pattern, base in patterns:
        pat = pattern.strip().rstrip("/").removeprefix("./")
        if not pat or pat.startswith("#"):
            continue
        parts = parts_below.get(base)
        if parts is None:
            parts = parts_below[base] = relative_parts(base)
        if "/" not in pat:
            if any(fnmatch.fnmatchcase(part, pat) for part in parts):
                return True
            continue
        pat = pat.lstrip("/")
        if any(fnmatch.fnmatchcase("/".join(parts[: i + 1]), pat) for i in range(len(parts))):
            return True
    return False


NAMES = ["统计", "草稿", "a", "b.txt", "c.bak", "公报2024.txt", "venv", "x"]
PATTERNS = st.sampled_from(["草稿", "*.bak", "统计/*", "/统计/草稿", "./a", "a/", "*", "# 注释", "",
                            "统计/a/*.txt", "b.*", "*/x", "venv", "公报*", "a/b.txt", "  草稿  "])
TREE = st.lists(st.lists(st.sampled_from(NAMES), min_size=1, max_size=4), min_size=1, max_size=12)


def build(tmp: Path, paths: list[list[str]]) -> list[Path]:
    """Files at the given relative paths (a name used as a folder elsewhere stays a folder)."""
    files = []
    for parts in paths:
        folder = tmp.joinpath(*parts[:-1])
        try:
            folder.mkdir(parents=True, exist_ok=True)
            f = folder / (parts[-1] if parts[-1].endswith((".txt", ".bak")) else parts[-1] + ".txt")
            f.write_text("文", encoding="utf-8")
        except (FileExistsError, NotADirectoryError, IsADirectoryError):
            continue
        files.append(f)
    return files


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TREE, st.lists(PATTERNS, max_size=5), st.sampled_from(["root", "sub", "outside"]))
def test_folder_matching_decides_as_each_file(tmp_path_factory, paths, patterns, where):
    tmp = tmp_path_factory.mktemp("tree")
    root = tmp / "站点"
    root.mkdir()
    files = build(root, paths)
    base = {"root": root, "sub": root / "统计", "outside": tmp}[where]
    rules = [(p, base) for p in patterns] + [("*.bak", root)]
    for f in files:
        assert FolderExcludes(f.parent, rules, root).excludes(f.name) == reference_is_excluded(f, rules, root)
        assert is_excluded(f, rules, root) == reference_is_excluded(f, rules, root)


def test_identity_is_resolve_for_files_links_and_loops(tmp_path):
    (tmp_path / "真").mkdir()
    real = tmp_path / "真" / "公报.txt"
    real.write_text("文", encoding="utf-8")
    (tmp_path / "链.txt").symlink_to(real)
    (tmp_path / "目录链").symlink_to(tmp_path / "真", target_is_directory=True)
    (tmp_path / "环1.txt").symlink_to(tmp_path / "环2.txt")
    (tmp_path / "环2.txt").symlink_to(tmp_path / "环1.txt")
    (tmp_path / "断.txt").symlink_to(tmp_path / "无.txt")
    cases = [real, tmp_path / "链.txt", tmp_path / "目录链" / "公报.txt", tmp_path / "断.txt",
             tmp_path / "真" / ".." / "真" / "公报.txt", tmp_path / "环1.txt"]
    for f in cases:
        try:
            expected = f.resolve()
        except (OSError, RuntimeError):
            expected = f.absolute()
        assert file_identity(f) == expected, f


def test_plan_takes_each_file_once_and_leaves_out_the_excluded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    site = tmp_path / "站点"
    (site / "草稿").mkdir(parents=True)
    (site / "公开").mkdir()
    (site / "公开" / "公报.txt").write_text("文", encoding="utf-8")
    (site / "公开" / "旧.bak.txt").write_text("文", encoding="utf-8")
    (site / "草稿" / "稿.txt").write_text("文", encoding="utf-8")
    (site / "链接").symlink_to(site / "公开", target_is_directory=True)
    (site / "同一份.txt").symlink_to(site / "公开" / "公报.txt")
    (site / "gkrules.toml").write_text('extend-exclude = ["草稿", "*.bak.txt"]\n', encoding="utf-8")
    the_plan = plan([str(site), str(site / "公开" / "公报.txt")], {".txt"}, {})
    items = [Path(i) for b in the_plan.batches for i in b.items]
    expected = [f for f in collect_paths([site], {".txt"})
                if not reference_is_excluded(f, [("草稿", site), ("*.bak.txt", site)], site)]
    keys = {os.path.realpath(f) for f in expected}
    assert sorted(items) == sorted(f for f in expected if f != site / "同一份.txt")
    assert the_plan.excluded == 2
    assert len(keys) == len(items)
