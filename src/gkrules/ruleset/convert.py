"""A strict cattrs converter for rule-set data, and Chinese error messages with file:line.

* unknown keys are errors (``forbid_extra_keys``), with a "did you mean" hint;
* scalars are never coerced: ``"false"`` is not ``True``, ``"3"`` is not ``3``;
* enums and ``Literal`` values list the allowed choices.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import functools
import typing
from collections import abc
from collections.abc import Iterator
from typing import Any, Literal

import attrs
import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, override

from gkrules.errors import RulesetError
from gkrules.ruleset.yamlio import Marks, PathKey


class StrictValueError(ValueError):
    """A value of the wrong type or outside its choices; the message is Chinese."""


_TYPE_NAMES = {str: "字符串", int: "整数", float: "数字", bool: "布尔值（true/false）",
               dt.date: "日期（YYYY-MM-DD）"}


def _shown(v: Any) -> str:
    if isinstance(v, str):
        return f"字符串 {v!r}"
    if isinstance(v, bool):
        return f"布尔值 {str(v).lower()}"
    if v is None:
        return "空值"
    if isinstance(v, dict):
        return "映射"
    if isinstance(v, list):
        return "列表"
    if isinstance(v, int | float):
        return f"数字 {v!r}"
    return f"{type(v).__name__} {v!r}"


def _wrong(expected: type, v: Any) -> StrictValueError:
    return StrictValueError(f"值类型错误：应为{_TYPE_NAMES.get(expected, expected.__name__)}，实际为{_shown(v)}")


def _str(v: Any, _: Any) -> str:
    if not isinstance(v, str):
        raise _wrong(str, v)
    return v


def _int(v: Any, _: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise _wrong(int, v)
    return v


def _float(v: Any, _: Any) -> float:
    if isinstance(v, bool) or not isinstance(v, int | float):
        raise _wrong(float, v)
    return float(v)


def _bool(v: Any, _: Any) -> bool:
    if not isinstance(v, bool):
        raise _wrong(bool, v)
    return v


def _date(v: Any, _: Any) -> dt.date:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str):
        try:
            return dt.date.fromisoformat(v)
        except ValueError:
            pass
    raise _wrong(dt.date, v)


def _enum_aware(base: type, hook):
    def structure(v: Any, cl: Any) -> Any:
        if cl is not base and isinstance(cl, type) and issubclass(cl, enum.Enum):
            return _enum_hook(v, cl)
        return hook(v, cl)

    return structure


def _choices_error(v: Any, choices: list[str]) -> StrictValueError:
    hint = difflib.get_close_matches(str(v), choices, n=1)
    msg = f"取值无效：{_shown(v)}，可选值：{'、'.join(choices)}"
    if hint:
        msg += f"（是否应为 {hint[0]!r}？）"
    return StrictValueError(msg)


def _enum_hook(v: Any, cls: type[enum.Enum]) -> enum.Enum:
    for member in cls:
        if (v == member.value and type(v) is type(member.value)) or v is member:
            return member
    raise _choices_error(v, [str(m.value) for m in cls])


def _is_literal(t: Any) -> bool:
    return typing.get_origin(t) is Literal


def _literal_hook_factory(t: Any):
    values = typing.get_args(t)

    def hook(v: Any, _: Any) -> Any:
        for allowed in values:
            if v == allowed and type(v) is type(allowed):
                return v
        raise _choices_error(v, [str(x) for x in values])

    return hook


def _is_attrs(t: Any) -> bool:
    return isinstance(t, type) and attrs.has(t)


def make_converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    # class hooks (cattrs' own scalar hooks are class hooks too, and would win over predicates);
    # they also see subclasses, so an enum that is a str (Severity) is sent on to the enum hook
    for cls, hook in ((str, _str), (int, _int), (float, _float), (bool, _bool)):
        conv.register_structure_hook(cls, _enum_aware(cls, hook))
    conv.register_structure_hook(dt.date, _date)
    conv.register_structure_hook_func(lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook)
    conv.register_structure_hook_factory(_is_literal, _literal_hook_factory)

    # every attrs class: rename fields with a trailing underscore (pass_ → pass)
    def attrs_factory(cls: type) -> Any:
        renames = {a.name: override(rename=a.name.rstrip("_")) for a in attrs.fields(cls)
                   if a.name.endswith("_")}
        return make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True, **renames)  # type: ignore[arg-type]

    conv.register_structure_hook_factory(_is_attrs, attrs_factory)

    # sequences and mappings: no silent iteration over a string, element errors keep their index
    conv.register_structure_hook_factory(_is_homogeneous_sequence, functools.partial(_sequence_hook, conv))
    conv.register_structure_hook_factory(lambda t: typing.get_origin(t) in (dict, abc.Mapping),
                                         functools.partial(_mapping_hook, conv))
    return conv


def _with_note(exc: Exception, note: IterableValidationNote) -> Exception:
    """``exc`` with ``note`` after the notes it has (PEP 678 notes, set by hand on 3.10)."""
    exc.__notes__ = [*getattr(exc, "__notes__", []), note]  # type: ignore[attr-defined]  # no __notes__ on 3.10
    return exc


def _sequence_hook(conv: cattrs.Converter, t: Any) -> Any:
    """A list (or tuple, set) of ``t``'s element type; a string is not a list of characters."""
    origin, args = typing.get_origin(t), typing.get_args(t)
    elem = args[0] if args else Any
    build = tuple if origin is tuple else (frozenset if origin is frozenset else
                                           (set if origin is set else list))

    def hook(v: Any, _: Any) -> Any:
        if not isinstance(v, list | tuple):
            raise StrictValueError(f"值类型错误：应为列表，实际为{_shown(v)}")
        out, errors = [], []
        for i, x in enumerate(v):
            try:
                out.append(conv.structure(x, elem))
            except Exception as exc:
                errors.append(_with_note(exc, IterableValidationNote(f"@ index {i}", i, elem)))
        if errors:
            raise IterableValidationError("invalid list", errors, t)
        return build(out)

    return hook


def _mapping_hook(conv: cattrs.Converter, t: Any) -> Any:
    """A mapping of ``t``'s key and value types, each error under its key."""
    args = typing.get_args(t)
    ktype, vtype = (args[0], args[1]) if len(args) == 2 else (Any, Any)

    def hook(v: Any, _: Any) -> Any:
        if not isinstance(v, dict):
            raise _wrong_mapping(v)
        out, errors = {}, []
        for k, x in v.items():
            try:
                kk = conv.structure(k, ktype) if ktype is not Any else k
                out[kk] = conv.structure(x, vtype) if vtype is not Any else x
            except Exception as exc:
                errors.append(_with_note(exc, IterableValidationNote(f"@ key {k!r}", k, vtype)))
        if errors:
            raise IterableValidationError("invalid mapping", errors, t)
        return out

    return hook


def _is_homogeneous_sequence(t: Any) -> bool:
    origin, args = typing.get_origin(t), typing.get_args(t)
    if origin in (list, set, frozenset):
        return True
    return origin is tuple and len(args) == 2 and args[1] is Ellipsis


CONVERTER = make_converter()


def _field_names(cls: Any) -> list[str]:
    if _is_attrs(cls):
        return [a.name.rstrip("_") for a in attrs.fields(cls)]
    return []


def iter_problems(exc: BaseException, path: PathKey = (), cls: Any = None) -> Iterator[tuple[PathKey, str]]:
    """Flatten a cattrs validation error into (path, Chinese message) pairs."""
    if isinstance(exc, ClassValidationError | IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            if hasattr(note, "name"):  # AttributeValidationNote
                name = note.name.rstrip("_")
                yield from iter_problems(sub, (*path, name), getattr(note, "type", None))
            else:  # IterableValidationNote (lists) or mapping values
                yield from iter_problems(sub, (*path, note.index), getattr(note, "type", None))
        for sub in without:
            if isinstance(sub, ForbiddenExtraKeysError):
                known = _field_names(sub.cl)
                for key in sorted(sub.extra_fields, key=str):
                    hint = difflib.get_close_matches(str(key), known, n=1)
                    msg = f"未知的键 {key!r}"
                    msg += f"（是否应为 {hint[0]!r}？）" if hint else f"（可用的键：{'、'.join(known)}）"
                    yield (*path, key), msg
            else:
                yield from iter_problems(sub, path, cls)
    elif isinstance(exc, ForbiddenExtraKeysError):
        known = _field_names(exc.cl)
        for key in sorted(exc.extra_fields, key=str):
            hint = difflib.get_close_matches(str(key), known, n=1)
            yield (*path, key), f"未知的键 {key!r}" + (f"（是否应为 {hint[0]!r}？）" if hint else "")
    elif isinstance(exc, StrictValueError):
        yield path, str(exc)
    elif isinstance(exc, KeyError):
        yield path, f"缺少必填的键 {exc.args[0]!r}"
    elif isinstance(exc, TypeError | AttributeError) and "mapping" in str(exc).lower():
        yield path, "值类型错误：应为映射（键: 值）"
    else:
        yield path, f"值无效：{type(exc).__name__}: {exc}"


def format_path(path: PathKey) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (("." if out else "") + str(p))
    return out or "（顶层）"


def structure(data: Any, cls: Any, marks: Marks, *, prefix: PathKey = (), what: str = "规则集") -> Any:
    """Structure ``data`` into ``cls`` or raise RulesetError listing every problem with file:line."""
    try:
        if _is_attrs(cls) and not isinstance(data, dict):
            raise _wrong_mapping(data)
        return CONVERTER.structure(data, cls)
    except StrictValueError as exc:
        raise to_ruleset_error([(prefix, str(exc))], marks, what) from None
    except Exception as exc:  # cattrs raises exception groups; flatten them all
        problems = [((*prefix, *p), m) for p, m in iter_problems(exc)]
        raise to_ruleset_error(problems, marks, what) from None


def _wrong_mapping(v: Any) -> StrictValueError:
    return StrictValueError(f"值类型错误：应为映射（键: 值），实际为{_shown(v)}")


def locate(path: PathKey, marks: Marks) -> str:
    mark = marks.lookup(path)
    if mark is None:
        return "<规则集>"
    file, line, _col = mark
    return f"{file}:{line}"


def to_ruleset_error(problems: list[tuple[PathKey, str]], marks: Marks, what: str = "规则集") -> RulesetError:
    lines = [f"{locate(p, marks)}: {m}（字段 {format_path(p)}）" for p, m in problems]
    first = marks.lookup(problems[0][0]) if problems else None
    return RulesetError(f"{what}无效，共 {len(lines)} 处问题：", problems=lines,
                        path=first[0] if first else None, line=first[1] if first else None)
