"""Unit-level contributions, the side input of pre-publication runs (issue 4, §5.5).

CSV columns: ``table, row, col, unit, value`` and optionally ``group`` (the enterprise group
of the unit, for holdings). Chinese headers are accepted too (表, 行, 列, 单位, 数值, 集团).
``table`` is the table's number in the document (1, 表1) or its caption; empty or ``*``
means any table with those labels. Through the API pass ``extras={"contributions": ...}``
with a :class:`Contributions`, a path, or an iterable of mappings or tuples.
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, NoReturn

from attrs import frozen

from gkrules.errors import UsageError
from gkrules.numbers import parse_number

_HEADERS = {
    "table": ("table", "表", "表格", "表号"),
    "row": ("row", "行", "行标签", "行名"),
    "col": ("col", "column", "列", "列标签", "列名", "指标"),
    "unit": ("unit", "单位", "单位代码", "调查对象", "unit_id"),
    "value": ("value", "数值", "值", "取值"),
    "group": ("group", "集团", "企业集团", "控股集团", "holding"),
}
REQUIRED = ("row", "col", "unit", "value")


@frozen
class Contribution:
    table: str
    row: str
    col: str
    unit: str
    value: float
    group: str = ""


@frozen
class Contributions:
    """Contributions stored by column (200,000 records are six lists, not 200,000 objects)."""

    tables: tuple[str, ...]
    rows: tuple[str, ...]
    cols: tuple[str, ...]
    units: tuple[str, ...]
    values: tuple[float, ...]
    groups: tuple[str, ...]
    source: str = "<contributions>"

    def __len__(self) -> int:
        return len(self.values)

    @property
    def records(self) -> list[Contribution]:
        return list(map(Contribution, self.tables, self.rows, self.cols, self.units, self.values, self.groups))

    @classmethod
    def from_records(cls, records: Iterable[Contribution], source: str = "<contributions>") -> Contributions:
        recs = list(records)
        if not recs:
            return cls((), (), (), (), (), (), source)
        tables, rows, cols, units, values, groups = zip(
            *((r.table, r.row, r.col, r.unit, r.value, r.group) for r in recs), strict=True)
        return cls(tables, rows, cols, units, values, groups, source)


def _column_map(header: list[str], source: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, h in enumerate(header):
        key = h.strip().lstrip("\ufeff").lower()
        for name, aliases in _HEADERS.items():
            if key in aliases and name not in found:
                found[name] = i
    missing = [n for n in REQUIRED if n not in found]
    if missing:
        raise UsageError(f"贡献数据 {source} 缺少列：{'、'.join(missing)}（需要 table、row、col、unit、value，"
                         f"可选 group；也可用中文列名 表、行、列、单位、数值、集团）")
    return found


def parse_csv_text(text: str, source: str = "<contributions>") -> Contributions:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise UsageError(f"贡献数据 {source} 为空") from None
    cols = _column_map(header, source)
    width = max(len(header), max(cols.values()) + 1)
    records = [rec if len(rec) >= width else rec + [""] * (width - len(rec))
               for rec in reader if rec and "".join(rec).strip()]
    if not records:
        return Contributions((), (), (), (), (), (), source)
    columns = list(zip(*records, strict=False))

    def col(name: str) -> tuple[str, ...]:
        i = cols.get(name)
        return tuple(map(str.strip, columns[i])) if i is not None else ("",) * len(records)

    units = col("unit")
    raw = columns[cols["value"]]
    try:
        values: tuple[float, ...] = tuple(map(float, raw))  # the common case at C speed
    except ValueError:
        parsed = tuple(parse_number(x) for x in raw)
        if None in parsed:
            _locate_error(text, cols, source)
        values = tuple(v for v in parsed if v is not None)  # all of them (None raised above)
    if not all(units) or not all(map(math.isfinite, values)):
        _locate_error(text, cols, source)
    return Contributions(col("table"), col("row"), col("col"), units, values, col("group"), source)


def _locate_error(text: str, cols: dict[str, int], source: str) -> NoReturn:
    """Slow path, only for a bad file: the line of the first bad record, for the message."""
    reader = csv.reader(io.StringIO(text))
    next(reader)
    for rec in reader:
        if not rec or not any(x.strip() for x in rec):
            continue
        rec = rec + [""] * (max(cols.values()) + 1 - len(rec))
        raw = rec[cols["value"]]
        v = parse_number(raw)
        if v is None or not math.isfinite(v) or raw.strip().lower() in ("nan", "inf", "-inf"):
            raise UsageError(f"贡献数据 {source} 第 {reader.line_num} 行的数值无效：{raw[:20]!r}")
        if not rec[cols["unit"]].strip():
            raise UsageError(f"贡献数据 {source} 第 {reader.line_num} 行缺少单位标识（unit）")
    # called only when some record is bad: never let a bad file through unnamed
    raise UsageError(f"贡献数据 {source} 中有无效的数值或缺少单位标识（unit）")


def load_contributions(path: str | os.PathLike) -> Contributions:
    """Read a contributions CSV (UTF-8, UTF-8 with BOM or GB18030); errors are UsageError."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"贡献数据文件不存在：{path}") from None
    except OSError as exc:
        raise UsageError(f"无法读取贡献数据文件 {path}：{exc.strerror or exc}") from None
    for enc in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:  # pragma: no cover - gb18030 decodes any byte string
        raise UsageError(f"贡献数据文件 {path} 的编码无法识别（请使用 UTF-8）")
    return parse_csv_text(text, str(path))


def coerce(value: Any) -> Contributions:
    """Whatever the API caller passed as ``extras["contributions"]``."""
    if isinstance(value, Contributions):
        return value
    if isinstance(value, str | os.PathLike):
        return load_contributions(value)
    if isinstance(value, Iterable):
        out = []
        for i, item in enumerate(value, start=1):
            if isinstance(item, Contribution):
                out.append(item)
                continue
            if isinstance(item, Mapping):
                try:
                    v = item["value"]
                    out.append(Contribution(str(item.get("table", "")), str(item["row"]), str(item["col"]),
                                            str(item["unit"]), float(v), str(item.get("group", "") or "")))
                except (KeyError, TypeError, ValueError) as exc:
                    raise UsageError(f"贡献数据第 {i} 条无效（{exc}）：需要 row、col、unit、value") from None
                continue
            if isinstance(item, tuple | list) and len(item) in (5, 6):
                try:
                    out.append(Contribution(str(item[0]), str(item[1]), str(item[2]), str(item[3]),
                                            float(item[4]), str(item[5]) if len(item) == 6 else ""))
                except (TypeError, ValueError) as exc:
                    raise UsageError(f"贡献数据第 {i} 条无效（{exc}）") from None
                continue
            raise UsageError(f"贡献数据第 {i} 条无效：应为映射或 (table, row, col, unit, value[, group])")
        return Contributions.from_records(out)
    raise UsageError("extras['contributions'] 应为 Contributions、CSV 文件路径或记录列表")
