"""YAML reading that remembers where every value came from.

``load_yaml(path)`` returns plain Python data plus a ``Marks`` table mapping each value's
path (a tuple of keys and indexes) to ``(file, line, column)``, so that validation errors can
name the file and line. Duplicate keys are errors (PyYAML silently keeps the last one).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from gkrules.errors import RulesetError

PathKey = tuple[Any, ...]
Mark = tuple[str, int, int]


class Marks(dict):
    """path → (file, line, column); ``lookup`` finds the closest known ancestor."""

    def lookup(self, path: PathKey) -> Mark | None:
        p = tuple(path)
        while True:
            if p in self:
                return self[p]
            if not p:
                return None
            p = p[:-1]

    def rebase(self, prefix: PathKey) -> Marks:
        out = Marks()
        for k, v in self.items():
            out[tuple(prefix) + k] = v
        return out

    def drop_under(self, prefix: PathKey) -> None:
        n = len(prefix)
        for k in [k for k in self if k[:n] == tuple(prefix)]:
            del self[k]


class _Scalars(SafeConstructor):
    pass


def _build(node: Node, path: PathKey, file: str, marks: Marks, ctor: _Scalars) -> Any:
    marks[path] = (file, node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, MappingNode):
        out: dict[Any, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == "tag:yaml.org,2002:merge":
                raise RulesetError("不支持 YAML 合并键 <<，请直接写出各项", path=file, line=knode.start_mark.line + 1)
            key = ctor.construct_object(knode, deep=True)
            if isinstance(key, list | dict):
                raise RulesetError("键必须是简单值", path=file, line=knode.start_mark.line + 1)
            if key in out:
                raise RulesetError(f"重复的键 {key!r}", path=file, line=knode.start_mark.line + 1)
            out[key] = _build(vnode, (*path, key), file, marks, ctor)
        return out
    if isinstance(node, SequenceNode):
        return [_build(v, (*path, i), file, marks, ctor) for i, v in enumerate(node.value)]
    if isinstance(node, ScalarNode):
        return ctor.construct_object(node, deep=True)
    raise RulesetError(f"无法识别的 YAML 节点 {node.tag}", path=file, line=node.start_mark.line + 1)


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, Marks]:
    """Parse one YAML file into (data, marks). Errors are RulesetError with file and line."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RulesetError("规则集文件不存在", path=shown) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RulesetError(f"无法读取规则集文件：{exc}", path=shown) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise RulesetError(f"YAML 语法错误：{exc.problem or exc}", path=shown, line=line) from None
    except yaml.YAMLError as exc:
        raise RulesetError(f"YAML 语法错误：{exc}", path=shown) from None
    marks = Marks()
    if node is None:
        return {}, marks
    data = _build(node, (), shown, marks, _Scalars())
    return data, marks
