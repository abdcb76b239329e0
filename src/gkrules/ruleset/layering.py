"""Reading a rule set with its includes, word-list files and the rule sets it extends.

Merge rules (child over parent, file over its includes):

* mappings merge key by key;
* any other value is replaced;
* ``key+: [...]`` appends to the parent's list ``key`` (duplicates dropped);
* ``key-: [...]`` removes items from the parent's list ``key``.

Inside ``checkers.<id>.params`` a mapping ``{file: words.txt}`` stands for the lines of that
text file (relative to the YAML file; blank lines and ``#`` comments skipped), so long word
lists stay plain text files that non-programmers edit.
"""

from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any

from gkrules.errors import RulesetError
from gkrules.ruleset.yamlio import Marks, PathKey, load_yaml

LEAF_ONLY_KEYS = ("id", "version", "extends", "description", "include")


def display_path(path: Path) -> str:
    """A short path for messages: relative to the working directory when below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return str(path)
    return rel if not rel.startswith("..") else str(path)


def _merge(base: Any, over: Any, path: PathKey, marks: Marks, over_marks: Marks) -> Any:
    if not (isinstance(base, dict) and isinstance(over, dict)):
        marks.drop_under(path)
        marks.update({k: v for k, v in over_marks.items() if k[: len(path)] == path})
        return over
    out = dict(base)
    for key, value in over.items():
        kpath = (*path, key)
        if isinstance(key, str) and key[-1:] in "+-" and len(key) > 1:
            target = key[:-1]
            tpath = (*path, target)
            current = out.get(target, [])
            if not isinstance(value, list) or not isinstance(current, list):
                mark = over_marks.lookup(kpath)
                raise RulesetError(f"{key} 只能用于列表：在上级规则集的列表 {target} 上追加（+）或删除（-）条目",
                                   path=mark[0] if mark else None, line=mark[1] if mark else None)
            if key.endswith("+"):
                start = len(current)
                added = [v for v in value if v not in current]
                out[target] = current + added
                for i, v in enumerate(value):
                    if v in added:
                        m = over_marks.lookup((*kpath, i))
                        if m:
                            key = (*tpath, start + added.index(v))
                            marks[key] = m
            else:
                out[target] = [v for v in current if v not in value]
            if target not in base:
                m = over_marks.lookup(kpath)
                if m:
                    marks[tpath] = m
            continue
        if key in out:
            out[key] = _merge(out[key], value, kpath, marks, over_marks)
        else:
            out[key] = value
            marks.update({k: v for k, v in over_marks.items() if k[: len(kpath)] == kpath})
    return out


def merge(base: dict, base_marks: Marks, over: dict, over_marks: Marks) -> tuple[dict, Marks]:
    marks = Marks(base_marks)
    merged = _merge(base, over, (), marks, over_marks)
    return merged, marks


def _read_word_file(path: Path, shown: str, marks: Marks, at: PathKey) -> list[str]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise RulesetError(f"无法读取词表文件 {path.name}：{exc.strerror or exc}", path=shown) from None
    words: list[str] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key = (*at, len(words))
        marks[key] = (display_path(path), n, 1)
        words.append(line)
    return words


def _expand_files(data: Any, base_dir: Path, shown: str, marks: Marks, path: PathKey) -> Any:
    if isinstance(data, dict):
        if set(data) == {"file"} and isinstance(data["file"], str):
            target = (base_dir / data["file"]).resolve()
            return _read_word_file(target, shown, marks, path)
        return {k: _expand_files(v, base_dir, shown, marks, (*path, k)) for k, v in data.items()}
    if isinstance(data, list):
        return [_expand_files(v, base_dir, shown, marks, (*path, i)) for i, v in enumerate(data)]
    return data


def _expand_params_files(data: dict, base_dir: Path, shown: str, marks: Marks) -> dict:
    checkers = data.get("checkers")
    if isinstance(checkers, dict):
        for cid, section in checkers.items():
            if isinstance(section, dict) and "params" in section:
                section["params"] = _expand_files(section["params"], base_dir, shown, marks,
                                                  ("checkers", cid, "params"))
    return data


def read_layer(path: Path) -> tuple[dict, Marks]:
    """One rule-set file with its includes and word-list files resolved (no ``extends``)."""
    shown = display_path(path)
    data, marks = load_yaml(path, shown)
    if not isinstance(data, dict):
        raise RulesetError("规则集文件的顶层必须是映射（键: 值）", path=shown, line=1)
    data = _expand_params_files(data, path.parent, shown, marks)
    includes = data.get("include", [])
    if isinstance(includes, str):
        includes = [includes]
    if not isinstance(includes, list):
        return data, marks  # reported by schema validation
    merged: dict = {}
    merged_marks = Marks()
    for i, pattern in enumerate(includes):
        if not isinstance(pattern, str):
            continue
        files = sorted(glob.glob(str(path.parent / pattern)))
        if not files:
            mark = marks.lookup(("include", i))
            raise RulesetError(f"include 找不到文件：{pattern}", path=shown, line=mark[1] if mark else None)
        for f in files:
            inc, inc_marks = load_yaml(Path(f), display_path(Path(f)))
            if not isinstance(inc, dict):
                raise RulesetError("被包含的文件顶层必须是映射", path=display_path(Path(f)), line=1)
            for key in LEAF_ONLY_KEYS:
                if key in inc:
                    m = inc_marks.lookup((key,))
                    raise RulesetError(f"被包含的文件中不能写 {key}（只能写在主规则集文件中）",
                                       path=display_path(Path(f)), line=m[1] if m else None)
            inc = _expand_params_files(inc, Path(f).parent, display_path(Path(f)), inc_marks)
            merged, merged_marks = merge(merged, merged_marks, inc, inc_marks)
    own = dict(data)
    merged, merged_marks = merge(merged, merged_marks, own, marks)
    return merged, merged_marks


def layer_files(marks: Marks) -> frozenset[str]:
    """The files (as shown in messages) that one layer was read from: its own, its includes
    and its word lists."""
    return frozenset(m[0] for m in marks.values())


def resolve_chain(path: Path, lookup, seen: tuple[Path, ...] = ()) -> tuple[dict, Marks, list[tuple[str, str, Path]]]:
    """Read ``path`` and every rule set it extends; return the merged data, its marks and the
    chain [(id, version, file)] from the base to this file. ``lookup(ref, relative_to)`` turns
    an ``extends`` value into a file path."""
    data, marks, chain, _ = resolve_layers(path, lookup, seen)
    return data, marks, chain


def resolve_layers(path: Path, lookup, seen: tuple[Path, ...] = ()
                   ) -> tuple[dict, Marks, list[tuple[str, str, Path]], list[frozenset[str]]]:
    """Like :func:`resolve_chain`, also returning the files of each layer of the chain."""
    path = path.resolve()
    if path in seen:
        names = " → ".join(display_path(p) for p in (*seen, path))
        raise RulesetError(f"规则集的 extends 形成了循环：{names}")
    data, marks = read_layer(path)
    chain_entry = (str(data.get("id", "?")), str(data.get("version", "?")), path)
    own_files = layer_files(marks) | {display_path(path)}
    parent_ref = data.get("extends")
    if parent_ref is None:
        return data, marks, [chain_entry], [own_files]
    if not isinstance(parent_ref, str):
        m = marks.lookup(("extends",))
        raise RulesetError("extends 应为规则集标识或文件路径（字符串）", path=display_path(path),
                           line=m[1] if m else None)
    parent_path = lookup(parent_ref, path.parent, (display_path(path), (marks.lookup(("extends",)) or (None, None))[1]))
    pdata, pmarks, chain, files = resolve_layers(parent_path, lookup, (*seen, path))
    # the leaf's identity keys replace the parent's, they are never merged
    for key in LEAF_ONLY_KEYS:
        pdata.pop(key, None)
        pmarks.drop_under((key,))
    merged, merged_marks = merge(pdata, pmarks, data, marks)
    return merged, merged_marks, [*chain, chain_entry], [*files, own_files]
