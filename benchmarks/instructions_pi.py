"""CPU instructions of the personal-info sides of ``bench_personal_info.py``, counted by
valgrind's callgrind (a figure that does not move with the machine's load):

    valgrind --tool=callgrind --zero-before=os_getppid --dump-before=os_getpgrp --dump-instr=no \\
        --callgrind-out-file=/tmp/cg.out python benchmarks/instructions_pi.py --side checker3 --dense DIR --docs 150
    grep '^summary:' /tmp/cg.out.1          # instructions of the counted passes only

Sides: ``checker3`` / ``checker-all`` (the checker's ``check()`` on documents loaded before
counting, rule sets ``three-entities.yaml`` / ``national``), ``api3`` (``Engine.check`` on each
document's bytes with ``pi-only-three.yaml``: loader, metadata, checker, report). Corpus: the
first ``--docs`` files of a folder of ``.txt`` files (``--dense``, e.g. the PII-dense corpus of
``run_presidio.py generate``) or the generated corpus (``--mb``, seed 0). One pass runs before
counting (lazy set-up); ``os.getppid()`` and ``os.getpgrp()`` mark the ``--passes`` counted
passes. Compare two source trees with ``PYTHONPATH=<tree>/src`` (docs/benchmarks.md,
personal-info).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench_personal_info import RULESETS, gkrules_api, gkrules_checker  # noqa: E402
from benchmarks.corpus import generate  # noqa: E402
from gkrules.engine import Engine  # noqa: E402
from gkrules.inputs import InputDocument  # noqa: E402
from gkrules.plugins import PluginManager  # noqa: E402


def _inputs(args) -> list[tuple[str, bytes]]:
    if args.dense:
        files = sorted(Path(args.dense).rglob("*.txt"))
        return [(p.name, p.read_bytes()) for p in files][:args.docs]
    return [(name, text.encode("utf-8")) for name, text in generate(args.mb, 0)][:args.docs]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="personal-info 的 CPU 指令数（在 callgrind 下运行，见模块说明）")
    ap.add_argument("--side", choices=("checker3", "checker-all", "api3"), default="checker3")
    ap.add_argument("--dense", help="一个 .txt 文件目录（如 run_presidio.py generate 生成的 PII 密集语料）")
    ap.add_argument("--mb", type=float, default=1.0, help="不给 --dense 时生成语料的大小（百万字节，默认 1）")
    ap.add_argument("--docs", type=int, default=10**9, help="只用前 N 个文件")
    ap.add_argument("--passes", type=int, default=1, help="计数的遍数（默认 1）")
    args = ap.parse_args(argv)
    inputs = _inputs(args)
    if args.side == "api3":
        run = gkrules_api(RULESETS / "pi-only-three.yaml", inputs)
    else:
        prep = Engine("national", plugins=PluginManager(), check_examples=False)
        docs = [prep.prepare(InputDocument(n, d)) for n, d in inputs]
        run = gkrules_checker(RULESETS / "three-entities.yaml" if args.side == "checker3" else "national", docs)
    run()  # lazy set-up outside the count
    os.getppid()  # callgrind: --zero-before=os_getppid
    for _ in range(args.passes):
        run()
    os.getpgrp()  # callgrind: --dump-before=os_getpgrp
    return 0


if __name__ == "__main__":
    sys.exit(main())
