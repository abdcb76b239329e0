"""Behaviour-equivalence dump: run the engine over fixed inputs and write everything it
produced as canonical JSON, so that two builds can be compared byte for byte.

    python benchmarks/equivalence.py before.json              # on the old code
    python benchmarks/equivalence.py after.json               # on the new code
    cmp before.json after.json                                 # must be identical

Inputs (all deterministic):

* every case folder of the labelled dev corpus (``--cases``, default
  ``/work/shared/corpus/cases``) as one batch, run from inside the folder with the case's own
  ``today`` from ``expected.json`` — what the corpus scorer runs, sidecars included;
* ``tests/data/seeds``: each real page on its own, and all five as one batch;
* a generated corpus (``benchmarks/corpus.py``, ``--mb`` MB, seed 0): each document on its own
  (as ``benchmarks/run.py`` times it), the same documents in batches of 25, and the first 300
  in one batch (the batch checkers with many documents); plus every tenth document with
  CRLF line ends and every twentieth encoded as GB18030, through the loaders.

Written per report: the whole JSON report (findings with checker, rule, severity, location,
message, evidence, suggestion, basis, tags, fingerprint; suppressed findings; errors;
metadata), and per loaded document a digest of what checkers see (text, blocks, tables with
cell spans and numbers, the full Metadata including spans and extra, notices).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import hashlib
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402
from gkrules import Engine, InputDocument  # noqa: E402
from gkrules.serialize import report_to_dict  # noqa: E402

TODAY = dt.date(2025, 11, 20)
SIDECAR_NAMES = {"expected.json", "source.json"}


def _is_document(name: str) -> bool:
    return not (name.startswith(".") or name in SIDECAR_NAMES or name.endswith(".meta.json"))


def _doc_digest(doc) -> dict:
    """What checkers see of a loaded document, as a digest (repr of attrs objects is stable)."""
    parts = [doc.source, doc.text, doc.sha256, doc.format, repr(doc.blocks), repr(doc.tables),
             repr(doc.metadata), repr(doc.source_lines), repr(doc.notices), repr(doc.line_count)]
    return {"source": doc.source, "digest": hashlib.sha256("\0".join(parts).encode()).hexdigest()}


def _run(engine: Engine, inputs, today: dt.date) -> dict:
    report, docs = engine.check_documents(inputs, today=today)
    return {"report": report_to_dict(report), "documents": [_doc_digest(d) for d in docs]}


@contextlib.contextmanager
def _cwd(path: Path):
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def dump(args) -> dict:
    engine = Engine("national")
    out: dict[str, object] = {}
    cases = Path(args.cases)
    for case in sorted(p for p in cases.iterdir() if p.is_dir()):
        exp = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        files = sorted(p.name for p in case.iterdir() if p.is_file() and _is_document(p.name))
        with _cwd(case):
            out[f"case/{case.name}"] = _run(engine, files, dt.date.fromisoformat(exp["today"]))
    seeds = sorted((ROOT / "tests" / "data" / "seeds").glob("*.txt"))
    for p in seeds:
        out[f"seed/{p.name}"] = _run(engine, [InputDocument(p.name, p.read_bytes())], TODAY)
    out["seed/batch"] = _run(engine, [InputDocument(p.name, p.read_bytes()) for p in seeds], TODAY)
    generated = generate(args.mb, 0)
    for name, text in generated:
        out[f"gen/{name}"] = _run(engine, [InputDocument(name, text.encode("utf-8"))], TODAY)
    for i in range(0, len(generated), 25):
        chunk = generated[i:i + 25]
        out[f"gen-batch/{i}"] = _run(engine, [InputDocument(n, t.encode("utf-8")) for n, t in chunk], TODAY)
    out["gen-batch/first-300"] = _run(engine, [InputDocument(n, t.encode("utf-8")) for n, t in generated[:300]],
                                      TODAY)
    for name, text in generated[::10]:
        out[f"gen-crlf/{name}"] = _run(engine, [InputDocument(name, text.replace("\n", "\r\n").encode("utf-8"))],
                                       TODAY)
    for name, text in generated[::20]:
        out[f"gen-gb18030/{name}"] = _run(engine, [InputDocument(name, text.encode("gb18030"))], TODAY)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="行为等价核对：把引擎在固定输入上的全部结果写成规范 JSON，供前后逐字节比较")
    ap.add_argument("out", help="输出 JSON 文件")
    ap.add_argument("--cases", default="/work/shared/corpus/cases", help="开发语料的案例目录")
    ap.add_argument("--mb", type=float, default=4.0, help="生成语料的大小（百万字节，默认 4）")
    args = ap.parse_args(argv)
    t0, c0 = time.perf_counter(), time.process_time()
    result = dump(args)
    Path(args.out).write_text(json.dumps(result, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")
    findings = sum(len(d["findings"]) for r in result.values() for d in r["report"]["documents"])
    print(f"{len(result)} 次运行，{findings} 条意见；墙钟 {time.perf_counter() - t0:.1f} s，CPU {time.process_time() - c0:.1f} s"
          f" → {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
