"""Benchmark of ``gkrules deadlines`` over a large catalogue (run by hand; figures go to
docs/benchmarks.md, section 发布时限监测).

    python benchmarks/bench_deadlines.py                 # 100,000 items, JSON Lines and CSV
    python benchmarks/bench_deadlines.py -n 200000 --repeat 5

It writes a synthetic catalogue (formation dates spread over 2024–2026, a mix of kinds, half
of the last 40 days' items and 3 % of older ones unpublished, 5 % with their own period) and times the whole command in a fresh process,
import and rule-set loading included, then the phases in process.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TODAY = dt.date(2026, 11, 23)
KINDS = ["notice", "policy", "penalty", "statistics", "other", None]
TITLES = ["青梧市统计局关于开展第{n}次统计调查的通知", "行政处罚决定书（青统罚决字〔2026〕第{n}号）",
          "2026年{m}月主要统计指标", "关于印发统计工作规则第{n}号的通知", "“双随机、一公开”抽查结果第{n}期"]


def make_catalog(n: int, seed: int = 7) -> list[dict]:
    rnd = random.Random(seed)
    start = dt.date(2024, 1, 2)
    span = (TODAY - start).days
    items = []
    for i in range(n):
        formed = start + dt.timedelta(days=rnd.randrange(span))
        item = {"title": rnd.choice(TITLES).format(n=i, m=rnd.randint(1, 12)), "doc_number": f"青统字〔2026〕{i}号",
                "formed": formed.isoformat()}
        kind = rnd.choice(KINDS)
        if kind:
            item["kind"] = kind
        # recent items are often still to publish; a few old ones were forgotten (overdue)
        recent = (TODAY - formed).days < 40
        if rnd.random() < (0.5 if recent else 0.97):
            item["published"] = min(TODAY, formed + dt.timedelta(days=rnd.randrange(0, 32))).isoformat()
        if rnd.random() < 0.05:
            item["deadline_workdays"] = 5
        items.append(item)
    return items


def write(items: list[dict], folder: Path) -> tuple[Path, Path]:
    jl = folder / "catalog.jsonl"
    jl.write_text("".join(json.dumps(it, ensure_ascii=False) + "\n" for it in items), encoding="utf-8")
    cp = folder / "catalog.csv"
    with cp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["title", "doc_number", "kind", "formed", "published", "deadline_workdays"])
        w.writeheader()
        w.writerows(items)
    return jl, cp


def time_cli(path: Path, fmt: str, repeat: int) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU (user + system) seconds of each run. On a shared machine the CPU
    time is the figure to compare with the goal: wall time also counts waiting for a core."""
    cmd = [sys.executable, "-m", "gkrules", "deadlines", "--catalog", str(path), "--today", TODAY.isoformat(),
           "--format", fmt, "--output", str(path.with_suffix(f".out.{fmt}"))]
    wall, cpu = [], []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        wall.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        if proc.returncode not in (0, 1):
            raise SystemExit(f"gkrules deadlines failed ({proc.returncode}): {proc.stderr}")
    return wall, cpu


def phases(path: Path) -> dict[str, float | int]:
    """CPU seconds (process time) of each phase, in this process."""
    from gkrules.catalog import read_catalog_entries
    from gkrules.deadlines import calendar_provider, params_of, run_monitor
    from gkrules.deadlines.render import render_json
    from gkrules.plugins import PluginManager
    from gkrules.ruleset import load_ruleset

    out: dict[str, float | int] = {}
    clock = time.process_time
    t0 = clock()
    pm = PluginManager()
    rs = load_ruleset("national", pm.rulesets())
    params = params_of(rs)
    out["plugins + rule set"] = clock() - t0
    t0 = clock()
    entries = read_catalog_entries(path)
    out["read catalogue"] = clock() - t0
    t0 = clock()
    report = run_monitor(params=params, calendar=calendar_provider(rs, pm), today=TODAY, entries=entries)
    out["evaluate"] = clock() - t0
    t0 = clock()
    render_json(report)
    out["render JSON"] = clock() - t0
    out["rows listed"] = len(report.rows)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        jl, cp = write(make_catalog(args.n), Path(tmp))
        print(f"{args.n:,} catalogue items, --today {TODAY}")
        for path, fmt in ((jl, "json"), (jl, "text"), (cp, "csv")):
            wall, cpu = time_cli(path, fmt, args.repeat)
            print(f"  gkrules deadlines --catalog {path.name} --format {fmt}: wall median {statistics.median(wall):.2f} s "
                  f"(best {min(wall):.2f} s), CPU median {statistics.median(cpu):.2f} s ({args.repeat} runs)")
        print(f"  load average at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
        for name, value in phases(jl).items():
            print(f"  {name}: {value:.3f} s CPU" if isinstance(value, float) else f"  {name}: {value:,}")


if __name__ == "__main__":
    main()
