"""CPU instructions of ``Engine.check`` over the generated corpus, counted by valgrind's
callgrind: a figure that does not move with the machine's load (CPU time on a shared 2-core
machine varies by 20–30 % between two runs of the same code).

    valgrind --tool=callgrind --zero-before=os_getppid --dump-before=os_getpgrp --dump-instr=no \\
        --callgrind-out-file=/tmp/cg.out python benchmarks/instructions.py --mb 1
    grep '^summary:' /tmp/cg.out.1          # instructions of the checking loop only

``--batch 25`` checks 25 documents per ``Engine.check`` call (a folder, a release batch)
instead of one (the CMS path): the per-call cost of the report and the batch checkers.

Only the loop is counted: ``os.getppid()`` (counters zeroed) and ``os.getpgrp()`` (counters
written to ``/tmp/cg.out.1``) mark it, after the engine is built and warmed up. Compare two
source trees with ``PYTHONPATH=<tree>/src`` on the same corpus size; instructions are not
time (cache misses are not counted), but a whole-text scan or a per-line Python loop shows up
in them exactly.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import gkrules.engine  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from gkrules import Engine, InputDocument  # noqa: E402

TODAY = dt.date(2025, 11, 20)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Engine.check 的 CPU 指令数（在 callgrind 下运行，见模块说明）")
    parser.add_argument("--mb", type=float, default=1.0, help="生成语料的大小（百万字节，默认 1）")
    parser.add_argument("--ruleset", default="national", help="规则集（默认 national）")
    parser.add_argument("--batch", type=int, default=1, metavar="N",
                        help="每次 Engine.check 检查 N 个文件（默认 1：逐个检查，如内容管理系统发布前逐篇调用）")
    args = parser.parse_args(argv)
    inputs = [(name, text.encode("utf-8")) for name, text in generate(args.mb, 0)]
    # under valgrind the rule-set examples run some fifty times slower than the start-up limit expects
    gkrules.engine.EXAMPLES_SECONDS = 3600.0
    engine = Engine(args.ruleset)
    for name, data in inputs[:20]:  # warm-up: lazy imports, first-use tables
        engine.check([InputDocument(name, data)], today=TODAY)
    batches = [[InputDocument(name, data) for name, data in inputs[i:i + args.batch]]
               for i in range(0, len(inputs), args.batch)]
    os.getppid()  # callgrind --zero-before=os_getppid
    for batch in batches:
        engine.check(batch, today=TODAY)
    os.getpgrp()  # callgrind --dump-before=os_getpgrp
    print(f"{len(inputs)} 个文件，{sum(len(d) for _, d in inputs) / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
