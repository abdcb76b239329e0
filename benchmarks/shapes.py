"""Documents of a given size in three shapes, for the linearity tests and benchmarks.

* ``prose`` — plain bureau prose (``benchmarks.corpus`` sentences), no tables;
* ``tables`` — short paragraphs each followed by a small pipe table (4 columns, 3–6 rows;
  every third one counts units per industry, some cells with one or two units): thousands of
  tables per document;
* ``giant`` — one pipe table of units by county, town and industry (单位数, 营业收入, 从业人员;
  about 3% of rows have one or two units) with as many rows as the size needs.

The same seed gives the same text; a larger size is the same kind of content, longer, so
that time per MB can be compared across sizes.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import CITIES, COUNTIES, INDICATORS, INDUSTRIES, TOWNS, _paragraph  # noqa: E402

SHAPES = ("prose", "tables", "giant")


def _fill(target: int, piece, rng: random.Random) -> str:
    parts: list[str] = []
    size = 0
    while size < target:
        p = piece(rng)
        parts.append(p)
        size += len(p.encode("utf-8"))
    return "".join(parts)


def _prose_piece(rng: random.Random) -> str:
    return _paragraph(rng, rng.choice(CITIES)) + "\n"


def _units(rng: random.Random) -> int:
    """A count of units: now and then one or two (a cell that identifies a respondent)."""
    return rng.randint(1, 2) if rng.random() < 0.03 else rng.randint(3, 900)


def _table_piece(rng: random.Random) -> str:
    city = rng.choice(CITIES)
    year = rng.randint(2019, 2025)
    lines = [_paragraph(rng, city, (1, 2)), ""]
    if rng.random() < 1 / 3:
        lines += [f"表{rng.randint(1, 9)}　{year}年{rng.choice(COUNTIES)}规模以上企业分行业情况",
                  "| 行业 | 单位数（个） | 营业收入（万元） | 从业人员（人） |", "| --- | ---: | ---: | ---: |"]
        for industry in rng.sample(INDUSTRIES, rng.randint(3, 6)):
            lines.append(f"| {industry} | {_units(rng)} | {rng.uniform(100, 999999):.1f} | {rng.randint(10, 90000)} |")
    else:
        lines += [f"表{rng.randint(1, 9)}　{year}年主要指标",
                  f"| 指标 | 计量单位 | {year}年 | 比上年增长（%） |", "| --- | --- | ---: | ---: |"]
        for name, unit in rng.sample(INDICATORS, rng.randint(3, 6)):
            value = f"{rng.uniform(10, 99999):,.1f}" if unit != "%" else f"{rng.uniform(98, 104):.1f}"
            lines.append(f"| {name} | {unit} | {value} | {rng.uniform(-5, 15):.1f} |")
    return "\n".join(lines) + "\n\n"


def _row_piece(rng: random.Random) -> str:
    return (f"| {rng.choice(COUNTIES)} | {rng.choice(TOWNS)} | {rng.choice(INDUSTRIES)} | {_units(rng)} | "
            f"{rng.uniform(100, 999999):.1f} | {rng.randint(10, 90000)} |\n")


def make(shape: str, nbytes: int, seed: int = 0) -> str:
    """About ``nbytes`` bytes of UTF-8 (a little more: whole pieces) of the given shape."""
    rng = random.Random(seed)
    title = "青梧市统计局关于印发统计资料的通知\n\n"
    if shape == "prose":
        return title + _fill(nbytes, _prose_piece, rng)
    if shape == "tables":
        return title + _fill(nbytes, _table_piece, rng)
    if shape == "giant":
        head = ("表1　规模以上企业分地区分行业情况\n"
                "| 县（市、区） | 乡镇（街道） | 行业 | 单位数（个） | 营业收入（万元） | 从业人员（人） |\n"
                "| --- | --- | --- | ---: | ---: | ---: |\n")
        return title + head + _fill(nbytes, _row_piece, rng)
    raise ValueError(shape)
