"""Whole-process timing of ``gkrules check`` on a folder: supervised (``--jobs N``) against
in-process checking, run in interleaved rounds so that a shared machine's load falls on
every variant alike.

    python benchmarks/corpus.py /tmp/c2000 --mb 13          # ~2,000 files
    python benchmarks/bench_jobs.py /tmp/c2000 --jobs 1 2 --rounds 3
    python benchmarks/bench_jobs.py /tmp/c5 --jobs 1 --in-process --rounds 3

Each run is a fresh process (imports, engine build, planning, checking, JSON report to
``/dev/null``): wall time, and user + system CPU of the process and every worker it started
(``os.wait4``), with the 1-minute load average at its start. ``--in-process`` adds a variant
that checks in the CLI's own process (``Engine(limits=None)``, as the tests and the
library's ``Engine`` without limits do): what supervision costs. ``--pickle`` prints the
bytes a worker sends back per document.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _cli_in_process(argv: list[str]) -> int:
    """``gkrules check`` with documents checked in this process (no supervisor)."""
    import gkrules.commands.check as check
    from gkrules.cli import main

    check.limits_from_args = lambda args, jobs=None: None
    return main(argv)


def _command(folder: str, jobs: int, in_process: bool, fmt: str) -> list[str]:
    args = ["check", folder, "--format", fmt, "-o", os.devnull, "-q", "--jobs", str(jobs)]
    if in_process:
        return [sys.executable, __file__, "--run-in-process", *args]
    return [sys.executable, "-m", "gkrules", *args]


def _precompile() -> None:
    """Bytecode for gkrules' modules, as an installed package has it (pip compiles at install):
    a checkout run with ``PYTHONDONTWRITEBYTECODE`` compiles every module in every process,
    about 0.2 s of each run's serial start-up that no user pays."""
    import compileall

    import gkrules

    compileall.compile_dir(str(Path(gkrules.__file__).parent), quiet=1)


def _time(cmd: list[str]) -> tuple[float, float, float, int]:
    """(wall, user + system CPU of the process tree, load average, exit code)."""
    load = os.getloadavg()[0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.stderr is not None:
        proc.stderr.close()
    # the workers are children of the CLI: their CPU is in the CLI's RUSAGE_CHILDREN, which
    # wait4 folds into the CLI's usage only for waited-for children; they are joined on close
    return wall, usage.ru_utime + usage.ru_stime, load, proc.returncode


def pickle_bytes(folder: str, ruleset: str, disabled: list[str]) -> None:
    """Bytes a supervised worker sends back per document (what the parent unpickles): for a
    caller that wants the documents back (``--format html``) and for one that wants only the
    report (``Engine.check``, the other formats)."""
    import datetime as dt
    from multiprocessing.reduction import ForkingPickler

    from gkrules import Engine, PluginManager
    from gkrules.inputs import collect_paths
    from gkrules.supervisor import Limits

    engine = Engine(ruleset, plugins=PluginManager(block=disabled), limits=Limits())
    items = list(collect_paths([Path(folder)], engine.loaders.extensions))
    total = sum(Path(p).stat().st_size for p in items)
    off = f"，停用 {'、'.join(disabled)}" if disabled else ""
    print(f"{len(items)} 个文件，输入 {total / 1e6:.2f} MB（规则集 {ruleset}{off}）")
    wanted = getattr(engine, "_parts_read_here", None)
    for label, keep in (("要文档", 2), ("只要报告", wanted() if wanted else 2)):
        start = time.process_time()
        blobs = [ForkingPickler.dumps(engine._process_in_worker(item, dt.date(2025, 11, 20), {}, keep))
                 for item in items]
        sizes = [len(b) for b in blobs]
        t0 = time.process_time()
        for b in blobs:
            ForkingPickler.loads(b)
        loads = time.process_time() - t0
        print(f"{label}：传回 {sum(sizes) / 1e6:.2f} MB，平均每个文件 {statistics.mean(sizes):.0f} 字节"
              f"（中位数 {statistics.median(sizes):.0f}）；父进程反序列化 CPU {loads * 1000:.0f} ms"
              f"（工作进程含检查 {t0 - start:.2f} s）")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--run-in-process":
        return _cli_in_process(argv[1:])
    ap = argparse.ArgumentParser(description="gkrules check 整个进程的计时：受监管（--jobs N）与进程内检查，交替运行")
    ap.add_argument("folder")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="要比较的 --jobs 取值")
    ap.add_argument("--in-process", action="store_true", help="另加一个进程内检查（不受监管）的变体")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--format", default="json")
    ap.add_argument("--pickle", action="store_true", help="只统计每个文件传回的字节数")
    ap.add_argument("--ruleset", default="national", help="--pickle 用的规则集")
    ap.add_argument("--disable-plugin", action="append", default=[], help="--pickle 时停用的插件（可重复）")
    args = ap.parse_args(argv)
    if args.pickle:
        pickle_bytes(args.folder, args.ruleset, args.disable_plugin)
        return 0
    _precompile()
    variants = [(f"--jobs {j}", _command(args.folder, j, False, args.format)) for j in args.jobs]
    if args.in_process:
        variants.append(("进程内", _command(args.folder, 1, True, args.format)))
    runs: dict[str, list[tuple[float, float, float]]] = {name: [] for name, _ in variants}
    for _ in range(args.rounds + 1):  # the first round warms the file cache and is not counted
        for name, cmd in variants:
            wall, cpu, load, code = _time(cmd)
            runs[name].append((wall, cpu, load))
            if code not in (0, 1):
                print(f"{name}: 退出码 {code}", file=sys.stderr)
    print(f"{'变体':<10} {'墙钟 s（中位）':>14} {'CPU s（中位）':>14} {'负载':>6}")
    for name, values in runs.items():
        counted = values[1:]
        print(f"{name:<10} {statistics.median(v[0] for v in counted):>14.2f} "
              f"{statistics.median(v[1] for v in counted):>14.2f} {statistics.mean(v[2] for v in counted):>6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
