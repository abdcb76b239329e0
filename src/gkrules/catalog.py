"""The host's catalogue of documents already published (``--catalog FILE``).

JSON Lines (one object per line), a JSON array, or CSV with a header row. Keys: ``title``,
``doc_number``, ``kind``, ``formed``, ``published``, ``url``, ``interprets``, ``disclosure``,
``deadline_workdays``; CSV headers may also be the Chinese labels (标题, 文号, 类型, 成文日期,
发布日期, 链接, 解读对象, 公开属性, 时限). Batch checkers see the catalogue next to the batch.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from gkrules.errors import UsageError
from gkrules.loaders.encoding import decode_text
from gkrules.metadata.dates import parse_date
from gkrules.model import CatalogEntry

_ALIASES = {
    "标题": "title", "名称": "title", "文号": "doc_number", "发文字号": "doc_number", "类型": "kind",
    "文件类型": "kind", "成文日期": "formed", "发布日期": "published", "链接": "url", "网址": "url",
    "解读对象": "interprets", "公开属性": "disclosure", "公开方式": "disclosure", "时限": "deadline_workdays",
    "公开时限": "deadline_workdays",
}
_KEYS = {"title", "doc_number", "kind", "formed", "published", "url", "interprets", "disclosure",
         "deadline_workdays"}
_KINDS = {"policy", "interpretation", "notice", "penalty", "statistics", "other"}


def entry_from_mapping(data: Mapping[str, Any], where: str) -> CatalogEntry:
    if not isinstance(data, Mapping):
        raise UsageError(f"{where}：目录条目必须是对象")
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = _ALIASES.get(str(raw_key).strip(), str(raw_key).strip())
        if key not in _KEYS:
            raise UsageError(f"{where}：未知的目录字段 {raw_key!r}（可用：{'、'.join(sorted(_KEYS))}）")
        if value is None or value == "":
            continue
        if key in ("formed", "published"):
            d = parse_date(str(value))
            if d is None:
                raise UsageError(f"{where}：{raw_key} 不是有效日期：{value!r}")
            value = d
        elif key == "deadline_workdays":
            try:
                value = int(value)
            except (TypeError, ValueError):
                raise UsageError(f"{where}：{raw_key} 应为整数工作日：{value!r}") from None
        elif key == "kind" and value not in _KINDS:
            raise UsageError(f"{where}：kind 取值无效 {value!r}（可选：{'、'.join(sorted(_KINDS))}）")
        else:
            value = str(value).strip()
        values[key] = value
    return CatalogEntry(**values)


def parse_catalog(data: Iterable[Mapping[str, Any]]) -> tuple[CatalogEntry, ...]:
    return tuple(entry_from_mapping(d, f"目录第 {i} 条") for i, d in enumerate(data, start=1))


def read_catalog(path: str | Path) -> tuple[CatalogEntry, ...]:
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise UsageError(f"无法读取目录文件 {path}：{exc.strerror or exc}") from None
    text, _ = decode_text(raw) if raw else ("", "utf-8")
    name = p.name
    if p.suffix.lower() == ".csv":
        rows = csv.DictReader(io.StringIO(text))
        return tuple(entry_from_mapping(r, f"{name} 第 {i} 行") for i, r in enumerate(rows, start=2))
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{name} 不是有效的 JSON：第 {exc.lineno} 行 {exc.msg}") from None
        return tuple(entry_from_mapping(d, f"{name} 第 {i} 条") for i, d in enumerate(items, start=1))
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{name} 第 {n} 行不是有效的 JSON：{exc.msg}") from None
        out.append(entry_from_mapping(item, f"{name} 第 {n} 行"))
    return tuple(out)
