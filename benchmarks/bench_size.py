"""Time and memory against document size: one document of 1, 4, 16 … MB in each shape of
``benchmarks/shapes.py`` (plain prose, thousands of small tables, one giant table) through
``Engine.check`` in this process (``limits=None``), the national rule set.

    python benchmarks/bench_size.py                         # 1, 4, 16 MB, every shape
    python benchmarks/bench_size.py --mb 1 4 16 40 --shape tables --repeat 2
    python benchmarks/bench_size.py --memory                # also peak memory per input byte

Time is the CPU time of this process (the minimum of ``--repeat`` runs); memory is the peak
of what a fresh child process allocates while it checks the document (tracemalloc, started
after the engine is built and the input bytes are read), per input byte.
MB = 10^6 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.shapes import SHAPES, make  # noqa: E402

TODAY = dt.date(2025, 11, 20)
#: well above what any shape takes per checker at 40 MB: the timing must not be cut short
TIMEOUT = 600.0


def _load_options():
    import attrs

    from gkrules.loaders import LoadOptions

    return attrs.evolve(LoadOptions(), timeout_seconds=None)


LOAD_OPTIONS = _load_options()


def engine():
    from gkrules import Engine

    return Engine("national", check_examples=False, timeout=TIMEOUT, load_options=LOAD_OPTIONS)


def check_seconds(eng, data: bytes) -> tuple[float, object]:
    """CPU seconds of one Engine.check of ``data`` as one .txt document, and the report."""
    from gkrules import InputDocument

    gc.collect()
    started = time.process_time()
    report = eng.check([InputDocument("size.txt", data)], today=TODAY)
    return time.process_time() - started, report


_CHILD = """
import datetime as dt, sys, tracemalloc
from gkrules import Engine, InputDocument
import attrs
from gkrules.loaders import LoadOptions
eng = Engine("national", check_examples=False, timeout=600.0,
             load_options=attrs.evolve(LoadOptions(), timeout_seconds=None))
eng.check([InputDocument("tiny.txt", "关于印发办法的通知\\n".encode())], today=dt.date(2025, 11, 20))
data = open(sys.argv[1], "rb").read()
tracemalloc.start()
base = tracemalloc.get_traced_memory()[0]
report = eng.check([InputDocument("size.txt", data)], today=dt.date(2025, 11, 20))
print(base, tracemalloc.get_traced_memory()[1], len(report.documents[0].errors), report.documents[0].errors)
"""


def memory_per_byte(data: bytes) -> float:
    """Peak memory a fresh process allocates while checking ``data`` (tracemalloc: every
    allocation through Python's allocators, the report included), per input byte."""
    with tempfile.NamedTemporaryFile(suffix=".txt") as fh:
        fh.write(data)
        fh.flush()
        out = subprocess.run([sys.executable, "-c", _CHILD, fh.name], capture_output=True, text=True,
                             check=True, cwd=ROOT).stdout.split()
    base, peak, errors = map(int, out[:3])
    if errors:
        raise RuntimeError(f"the document was not checked completely: {' '.join(out[3:])}")
    return (peak - base) / len(data)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, nargs="+", default=[1, 4, 16])
    ap.add_argument("--shape", choices=SHAPES, nargs="+", default=list(SHAPES))
    ap.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts")
    ap.add_argument("--memory", action="store_true",
                    help="also measure peak memory per input byte (sizes up to --memory-mb)")
    ap.add_argument("--memory-mb", type=float, default=4.0,
                    help="largest size whose memory is measured (tracemalloc is slow; default 4)")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)
    eng = engine()
    rows = []
    print(f"load: {Path('/proc/loadavg').read_text().split()[:3]}")
    for shape in args.shape:
        base = None
        for mb in args.mb:
            data = make(shape, int(mb * 1e6)).encode("utf-8")
            best, report = min((check_seconds(eng, data) for _ in range(args.repeat)), key=lambda r: r[0])
            doc = report.documents[0]
            per_mb = best / (len(data) / 1e6)
            base = base or per_mb
            row = {"shape": shape, "mb": len(data) / 1e6, "cpu_s": best, "s_per_mb": per_mb,
                   "ratio_to_first": per_mb / base, "findings": len(doc.findings), "complete": not doc.errors,
}
            if args.memory and mb <= args.memory_mb:
                row["bytes_per_byte"] = memory_per_byte(data)
            rows.append(row)
            mem = f"  memory {row['bytes_per_byte']:.0f} B/B" if "bytes_per_byte" in row else ""
            print(f"{shape:<7} {row['mb']:6.1f} MB  {best:7.2f} s  {per_mb:6.3f} s/MB ({1 / per_mb:5.2f} MB/s)  "
                  f"×{row['ratio_to_first']:.2f}  findings {row['findings']}  "
                  f"{'complete' if row['complete'] else 'INCOMPLETE'}{mem}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
