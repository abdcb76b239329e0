"""Metadata given from outside the document: a ``<file>.meta.json`` sidecar next to it, or
the host (API and HTTP callers). Both override what was read from the document itself."""

from __future__ import annotations

import datetime as dt
import json
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


def read_sidecar(document: Path) -> MetadataOverride | None:
    path = sidecar_path(document)
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"无法读取元数据文件 {path.name}：{exc}") from None
    except json.JSONDecodeError as exc:
        raise InputError(f"元数据文件 {path.name} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）") from None
    return parse_override(data, f"元数据文件 {path.name}")


def override_fields(o: MetadataOverride) -> dict[str, Any]:
    return {k: v for k, v in attrs.asdict(o, recurse=False).items() if v is not None}


__all__ = ["SIDECAR_SUFFIX", "MetadataOverride", "RulesetError", "is_sidecar", "override_fields",
           "parse_override", "read_sidecar", "sidecar_path"]
