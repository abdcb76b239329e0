"""Latency of one document through the public API, as a CMS calls it before publishing a page:
``Engine.check([InputDocument(name, bytes)])`` for one document at a time, the engine built
once, the whole ``national`` rule set (issue 19: a 50 KB document in ≤ 10 ms p99).

    python benchmarks/bench_latency.py --kb 50 --docs 300 --repeat 3

Documents: consecutive documents of the generated corpus (benchmarks/corpus.py) joined until
each holds at least ``--kb`` KB of UTF-8, so a 50 KB document is a notice, a release with
tables, a penalty decision and a plan in one file (the corpus's own documents are 3–30 KB).
Each check is timed with the wall clock (``perf_counter``) and the process CPU clock; the
table gives p50, p90, p99 and max over all checks of all repeats, and the machine's load.
``--freeze``: the host calls ``gc.freeze()`` once the engine is built (docs/index.md).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402
from gkrules import Engine, InputDocument  # noqa: E402

TODAY = dt.date(2025, 11, 20)


def documents(kb: float, count: int) -> list[bytes]:
    """``count`` documents of at least ``kb`` KB each, from the generated corpus."""
    target = int(kb * 1000)
    parts = generate(kb * count / 1000 * 1.2 + 1, 0)
    out: list[bytes] = []
    joined: list[str] = []
    size = 0
    for _name, text in parts:
        joined.append(text)
        size += len(text.encode("utf-8"))
        if size >= target:
            out.append("\n\n".join(joined).encode("utf-8"))
            joined, size = [], 0
            if len(out) == count:
                break
    return out


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="单个文件经 Engine.check 的延迟（p50/p99，整个规则集）")
    ap.add_argument("--kb", type=float, default=50.0, help="每个文件的大小（KB，默认 50）")
    ap.add_argument("--docs", type=int, default=300, help="文件数（默认 300）")
    ap.add_argument("--repeat", type=int, default=3, help="重复轮数（默认 3）")
    ap.add_argument("--ruleset", default="national")
    ap.add_argument("--freeze", action="store_true",
                    help="建好引擎后调用 gc.freeze()，如 docs/index.md 建议逐篇检查的宿主那样")
    args = ap.parse_args(argv)
    docs = documents(args.kb, args.docs)
    engine = Engine(args.ruleset)
    if args.freeze:
        gc.collect()
        gc.freeze()
    for data in docs[:10]:  # warm-up: lazy imports, first-use tables
        engine.check([InputDocument("warm.txt", data)], today=TODAY)
    walls: list[float] = []
    cpus: list[float] = []
    loads = [os.getloadavg()[0]]
    for _ in range(args.repeat):
        for i, data in enumerate(docs):
            c0, w0 = time.process_time(), time.perf_counter()
            engine.check([InputDocument(f"doc{i}.txt", data)], today=TODAY)
            walls.append((time.perf_counter() - w0) * 1000)
            cpus.append((time.process_time() - c0) * 1000)
        loads.append(os.getloadavg()[0])
    sizes = [len(d) for d in docs]
    frozen = "，宿主 gc.freeze()" if args.freeze else ""
    print(f"{len(docs)} 个文件，每个 {min(sizes) / 1000:.1f}–{max(sizes) / 1000:.1f} KB，"
          f"{args.repeat} 轮，负载 {min(loads):.2f}–{max(loads):.2f}{frozen}")
    print(f"{'':<6} {'p50 ms':>8} {'p90 ms':>8} {'p99 ms':>8} {'max ms':>8} {'mean ms':>8}")
    for label, values in (("wall", walls), ("cpu", cpus)):
        print(f"{label:<6} {percentile(values, 50):>8.2f} {percentile(values, 90):>8.2f} "
              f"{percentile(values, 99):>8.2f} {max(values):>8.2f} {statistics.fmean(values):>8.2f}")
    mb = sum(sizes) * args.repeat / 1e6
    print(f"平均 {mb / (sum(walls) / 1000):.2f} MB/s（墙钟）")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
