"""The host's catalogue of documents already published (``--catalog FILE``).

JSON Lines (one object per line), a JSON array, or CSV with a header row. Keys: ``title``,
``doc_number``, ``kind``, ``formed``, ``published``, ``url``, ``interprets``, ``disclosure``,
``deadline_workdays``; CSV headers may also be the Chinese labels (标题, 文号, 类型, 成文日期,
发布日期, 链接, 解读对象, 公开属性, 时限). Batch checkers see the catalogue next to the batch.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping
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
#: kinds as Chinese CMSes export them (类型：政策解读)
_KIND_NAMES = {
    "政策文件": "policy", "政策": "policy", "规范性文件": "policy", "行政规范性文件": "policy", "规章": "policy",
    "政策解读": "interpretation", "解读": "interpretation", "通知": "notice", "通知公告": "notice",
    "公告": "notice", "行政处罚": "penalty", "处罚": "penalty", "行政处罚决定": "penalty", "统计数据": "statistics",
    "统计信息": "statistics", "数据发布": "statistics", "统计公报": "statistics", "其他": "other",
}


def _date(value: Any, raw_key: Any, where: str) -> dt.date:
    # fast path for the ISO dates that systems export; parse_date for everything people write
    if isinstance(value, str) and len(value) == 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    d = parse_date(str(value))
    if d is None:
        raise UsageError(f"{where}：{raw_key} 不是有效日期：{value!r}")
    return d


def _workdays(value: Any, raw_key: Any, where: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 250:
        raise UsageError(f"{where}：{raw_key} 应为 1 到 250 之间的整数工作日：{value!r}")
    return value


def entry_from_mapping(data: Mapping[str, Any], where: str) -> CatalogEntry:
    if not isinstance(data, Mapping):
        raise UsageError(f"{where}：目录条目必须是对象")
    values: dict[str, Any] = {}
    for raw_key, value in data.items():
        key = raw_key if raw_key in _KEYS else _ALIASES.get(str(raw_key).strip(), str(raw_key).strip())
        if key not in _KEYS:
            raise UsageError(f"{where}：未知的目录字段 {raw_key!r}（可用：{'、'.join(sorted(_KEYS))}）")
        if value is None or value == "":
            continue
        if key == "formed" or key == "published":
            value = _date(value, raw_key, where)
        elif key == "deadline_workdays":
            value = _workdays(value, raw_key, where)
        elif key == "kind":
            value = _KIND_NAMES.get(str(value).strip(), value)
            if value not in _KINDS:
                raise UsageError(f"{where}：kind 取值无效 {value!r}（可选：{'、'.join(sorted(_KINDS))}，或中文：{'、'.join(_KIND_NAMES)}）")
        else:
            value = str(value).strip()
        values[key] = value
    return CatalogEntry(**values)


def parse_catalog(data: Iterable[Mapping[str, Any]]) -> tuple[CatalogEntry, ...]:
    return tuple(entry_from_mapping(d, f"目录第 {i} 条") for i, d in enumerate(data, start=1))


def iter_records(path: str | os.PathLike, what: str = "目录") -> Iterator[tuple[str, Any]]:
    """(where, record) for each record of a JSON Lines file, a JSON array or a CSV file with a
    header row; ``where`` names the file and line (or item) for messages and reports."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise UsageError(f"无法读取{what}文件 {path}：{exc.strerror or exc}") from None
    text, _ = decode_text(raw) if raw else ("", "utf-8")
    name = p.name
    if p.suffix.lower() == ".csv":
        for i, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            yield f"{name} 第 {i} 行", row
        return
    stripped = text.strip()
    if stripped.startswith("["):
        try:
            items = json.loads(stripped)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{name} 不是有效的 JSON：第 {exc.lineno} 行 {exc.msg}") from None
        for i, item in enumerate(items, start=1):
            yield f"{name} 第 {i} 条", item
        return
    numbered = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    try:  # one parse for the whole file is several times faster than one per line
        items = json.loads("[" + ",".join(line for _, line in numbered) + "]")
    except json.JSONDecodeError:
        items = None
    if items is None or len(items) != len(numbered):  # find the bad line
        items = []
        for n, line in numbered:
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise UsageError(f"{name} 第 {n} 行不是有效的 JSON：{exc.msg}") from None
    for (n, _), item in zip(numbered, items, strict=True):
        yield f"{name} 第 {n} 行", item


def read_catalog_entries(path: str | os.PathLike) -> list[tuple[str, CatalogEntry]]:
    """The catalogue with where each entry is (``catalog.jsonl 第 3 行``)."""
    return [(where, entry_from_mapping(item, where)) for where, item in iter_records(path)]


def read_catalog(path: str | Path) -> tuple[CatalogEntry, ...]:
    return tuple(entry for _, entry in read_catalog_entries(path))
