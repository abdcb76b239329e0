"""Metadata given from outside the document: a ``<file>.meta.json`` sidecar next to it, or
the host (API and HTTP callers). Both override what was read from the document itself."""

from __future__ import annotations

import datetime as dt
import errno
import json
import re
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import frozen

from gkrules.errors import InputError, RulesetError
from gkrules.ruleset.convert import CONVERTER as _STRICT
from gkrules.ruleset.convert import format_path, iter_problems

SIDECAR_SUFFIX = ".meta.json"

Disclosure = Literal["主动公开", "依申请公开", "不予公开"]
Kind = Literal["policy", "interpretation", "notice", "penalty", "statistics", "other"]


@frozen
class MetadataOverride:
    """The keys of design §5 (plus a few that catalogues carry)."""

    title: str | None = None
    doc_number: str | None = None
    issuer: str | None = None
    publisher: str | None = None
    index_no: str | None = None
    formed: dt.date | None = None
    published: dt.date | None = None
    changed: dt.date | None = None
    disclosure: Disclosure | None = None
    kind: Kind | None = None
    interprets: str | None = None
    url: str | None = None
    deadline_workdays: int | None = None


def sidecar_path(document: Path) -> Path:
    return document.with_name(document.name + SIDECAR_SUFFIX)


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)


def parse_override(data: Any, where: str) -> MetadataOverride:
    """Strictly structure a mapping; unknown keys and wrong types are InputErrors."""
    if not isinstance(data, dict):
        raise InputError(f"{where}：元数据必须是 JSON 对象")
    try:
        return _STRICT.structure(data, MetadataOverride)
    except Exception as exc:  # cattrs exception groups
        problems = "；".join(f"{format_path(p)}: {m}" for p, m in iter_problems(exc))
        raise InputError(f"{where} 无效：{problems}") from None


#: a sidecar is a few lines of JSON; anything larger is not one
MAX_SIDECAR_BYTES = 1024 * 1024


def read_sidecar(document: Path) -> MetadataOverride | None:
    path = sidecar_path(document)
    shown = display_name(path.name)
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            raw = fh.read(MAX_SIDECAR_BYTES + 1)
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:  # the document's own name is near the limit
            raise InputError("文件名过长，无法配套元数据文件（<文件名>.meta.json 超过系统的文件名长度上限）；"
                             "请缩短文件名") from None
        raise InputError(f"无法读取元数据文件 {shown}：{exc.strerror or '读写出错'}") from None
    if len(raw) > MAX_SIDECAR_BYTES:
        raise InputError(f"元数据文件 {shown} 过大（上限 {MAX_SIDECAR_BYTES} 字节）")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"元数据文件 {shown} 不是 UTF-8 编码") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"元数据文件 {shown} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列）") from None
    except (RecursionError, ValueError):
        raise InputError(f"元数据文件 {shown} 无效：JSON 嵌套过深或数字过长") from None
    try:
        return parse_override(data, f"元数据文件 {shown}")
    except RecursionError:
        raise InputError(f"元数据文件 {shown} 无效：JSON 嵌套过深") from None


def display_name(name: str) -> str:
    """A file name as reports show it: bytes that are not UTF-8 as ``\\xNN``, control
    characters escaped (a name must not forge lines of a text report or a terminal)."""
    text = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if _CONTROL.search(text):
        text = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return text


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def override_fields(o: MetadataOverride) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(o, recurse=False).items() if v is not None}


__all__ = [
    "SIDECAR_SUFFIX",
    "MetadataOverride",
    "RulesetError",
    "display_name",
    "is_sidecar",
    "override_fields",
    "parse_override",
    "read_sidecar",
    "sidecar_path",
]
