"""Every benchmark behind docs/benchmarks.md, one after the other, in one run.

    python benchmarks/all.py --dense /tmp/pii_dense --log all.log
    python benchmarks/all.py --quick                    # smaller corpora, for a first look

Runs each script in its own process with this interpreter (run it from the environment that
has presidio-analyzer and acro installed — ``tox -e bench`` or a throwaway venv — or those
comparisons are skipped) and writes one log: the command, the machine's load average before
and after, and the script's output. ``--dense`` is a folder written by the anchor harness
(``../shared/bench/presidio/run_presidio.py generate DIR --size-mb 5 --seed 20240601``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def steps(args) -> list[list[str]]:
    mb = "2" if args.quick else "5"
    out = [
        ["run.py", "--mb", mb, "--repeat", "1" if args.quick else "3"],
        ["bench_size.py", "--mb", "1", "4", *([] if args.quick else ["16"]), "--repeat", "2", "--memory"],
        ["bench_personal_info.py", "--mb", mb, "--rounds", "3" if args.quick else "5",
         *(["--dense", args.dense] if args.dense else [])],
        ["bench_loaders.py", "--rounds", "3"],
        ["bench_unit_identifiability.py"],
        ["bench_deadlines.py", "--repeat", "3"],
        ["bench_server.py", "--requests", "1500"],
        # issue 19: throughput against check processes of one service process (2 cores: 1 and 2)
        *(["bench_server.py", "--workers", "1", "--check-workers", str(n), "--requests", "3000", "--max-seconds", "20"]
          for n in (1, 2)),
        ["bench_latency.py", "--kb", "50", "--docs", "100" if args.quick else "200", "--repeat", "3"],
        ["corpus.py", args.jobs_corpus, "--mb", "4" if args.quick else "13"],
        ["bench_jobs.py", args.jobs_corpus, "--jobs", "1", "2", "--rounds", "3"],
    ]
    return [s for s in out if not args.only or s[0] in args.only]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dense", help="the PII-dense corpus folder (run_presidio.py generate)")
    ap.add_argument("--log", default="benchmarks-all.log")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--only", nargs="+", metavar="SCRIPT", help="run only these scripts (e.g. run.py)")
    ap.add_argument("--jobs-corpus", default="/tmp/gkrules-jobs-corpus",
                    help="folder for the ~2,000 generated files that bench_jobs.py checks (written by corpus.py)")
    args = ap.parse_args(argv)
    with open(args.log, "a", encoding="utf-8") as log:
        def say(text: str) -> None:
            print(text, flush=True)
            log.write(text + "\n")
            log.flush()

        say(f"# {dt.datetime.now(dt.timezone.utc).isoformat(timespec='seconds')} {platform.platform()} "
            f"python {platform.python_version()} cpus {os.cpu_count()}")
        for step in steps(args):
            cmd = [sys.executable, str(HERE / step[0]), *step[1:]]
            say(f"\n## {' '.join(['python', 'benchmarks/' + step[0], *step[1:]])}\nload before: {_load()}")
            started = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, text=True, cwd=HERE.parent)
            say(proc.stdout.rstrip())
            if proc.returncode:
                say(f"exit {proc.returncode}: {proc.stderr[-2000:]}")
            say(f"load after: {_load()}; {time.perf_counter() - started:.0f} s wall")
    return 0


if __name__ == "__main__":
    sys.exit(main())
