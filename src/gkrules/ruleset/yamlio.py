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


#: libyaml's parser where PyYAML was built with it (the wheels are): the same node tree and
#: marks as the pure-Python one, a tenth of the time (the national rule set is read at every
#: engine start, 0.1–0.2 s of a one-file `gkrules check` before)
_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


#: the parser's problem (English, worded differently by libyaml and PyYAML) → what to fix
_PROBLEMS = (
    ("tab character", "缩进中有制表符（YAML 缩进只能用空格）"),
    ("cannot start any token", "此处的字符不能开始一项（YAML 缩进只能用空格，不能用制表符）"),
    ("expected ',' or ']'", "方括号 [ ] 没有配对，或列表项之间缺少逗号"),
    ("expected ',' or '}'", "花括号 { } 没有配对，或各项之间缺少逗号"),
    ("unexpected end of stream", "引号没有闭合，或文件在一项的中途结束"),
    ("undefined alias", "引用了未定义的锚点（*名称）"),
    ("unknown escape", "双引号字符串中有无效的转义（反斜杠后的字符）；正则表达式请放在单引号中"),
    ("mapping values are not allowed", "此处不能出现冒号（值中含冒号时请加引号）"),
    ("expected key", "缩进不一致，或缺少冒号"),
    ("block end", "缩进不一致，或缺少冒号"),
    ("found duplicate anchor", "锚点（&名称）重复定义"),
)


def syntax_problem(problem: str | None) -> str:
    """The YAML parser's complaint in Chinese (its English text is not shown)."""
    text = problem or ""
    for needle, said in _PROBLEMS:
        if needle in text:
            return said
    return "无法解析（请检查缩进、冒号、引号和括号是否配对）"


def load_yaml(path: Path, display: str | None = None) -> tuple[Any, Marks]:
    """Parse one YAML file into (data, marks). Errors are RulesetError with file and line."""
    shown = display or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RulesetError("规则集文件不存在", path=shown) from None
    except PermissionError:
        raise RulesetError("无法读取规则集文件：没有读取权限", path=shown) from None
    except IsADirectoryError:
        raise RulesetError("无法读取规则集文件：这是一个目录，应为 .yaml 文件", path=shown) from None
    except UnicodeDecodeError:
        raise RulesetError("无法读取规则集文件：不是 UTF-8 编码，请另存为 UTF-8", path=shown) from None
    except OSError:  # the library's text is not shown (English, and may name other paths)
        raise RulesetError("无法读取规则集文件：读写出错", path=shown) from None
    try:
        node = yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列：" if mark else ""
        raise RulesetError(f"YAML 语法错误：{where}{syntax_problem(exc.problem)}", path=shown,
                           line=mark.line + 1 if mark else None) from None
    except yaml.YAMLError:
        raise RulesetError(f"YAML 语法错误：{syntax_problem(None)}", path=shown) from None
    marks = Marks()
    if node is None:
        return {}, marks
    data = _build(node, (), shown, marks, _Scalars())
    return data, marks
