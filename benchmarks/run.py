"""Benchmark runner: MB/s, documents/s and per-document latency (p50/p99) of each stage of
gkrules on generated bureau documents, next to a raw single-pass keyword scan as reference.

    python benchmarks/run.py                       # 20 MB of generated text, rule set national
    python benchmarks/run.py --mb 50 --seed 1 --ruleset lanjiang
    python benchmarks/run.py --folder some/dir     # real files instead of generated ones
    python benchmarks/run.py --json out.json       # the figures as JSON as well

Stages (every figure is per core: one process, CPU time of this process):

* ``load`` — the loader (bytes → Document: decoding, newline normalisation, text tables);
* ``metadata`` — metadata extraction (header fields, GB/T 9704 head and tail, kind);
* ``checker:<id>`` — each enabled document checker on prepared documents;
* ``metadata+confidential-marker`` — the sum of the two for each document: the figure the
  foundation issue sets a floor for (≥ 25 MB/s per core);
* ``load+metadata+confidential-marker`` — the same with the loader: what a ``.txt`` costs;
* ``ruleset:<id> (Engine.check)`` — the whole public path per document: ``Engine.check`` on
  one in-memory document (load, metadata, every checker, the batch checkers, filters,
  fingerprints, report), timed in a pass of its own after the stages (so that no scan the
  stages just made of the same text is still cached);
* ``ruleset:<id> (Engine.check, wall)`` and ``(supervised, wall)`` — the same, one document
  per call, wall-clock, in this process and in a supervised worker (what the HTTP service
  does per request), alternating so that both see the same machine load;
* ``ruleset:<id> (supervised batch, CPU)`` — every document in one supervised call (what
  ``gkrules check`` does): CPU of this process plus the worker's, spread over the documents
  by size (only the total is measured, so its percentiles mean nothing);
* ``engine build`` — building the Engine (rule set load, layering, compile, examples);
* ``reference: pyahocorasick single pass`` — one automaton over all the word lists of the
  enabled checkers' parameters, iterated once over each document's text: the floor of what
  a keyword checker costs in this Python.

MB = 10^6 bytes of UTF-8 text. Latency percentiles are CPU milliseconds per document.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/run.py` from anywhere
    sys.path.insert(0, str(ROOT))

import ahocorasick  # noqa: E402

from benchmarks.corpus import generate  # noqa: E402
from gkrules import Engine, InputDocument, __version__  # noqa: E402
from gkrules.context import CheckContext  # noqa: E402
from gkrules.facts import DocumentFacts  # noqa: E402
from gkrules.metadata import extract  # noqa: E402
from gkrules.supervisor import Limits  # noqa: E402

TODAY = dt.date(2025, 11, 20)
FLOOR_STAGE = "metadata+confidential-marker"
FLOOR_MBPS = 25.0


class Stage:
    def __init__(self, name: str):
        self.name = name
        self.times: list[float] = []
        self.bytes = 0

    def add(self, seconds: float, nbytes: int) -> None:
        self.times.append(seconds)
        self.bytes += nbytes

    def row(self) -> dict:
        total = sum(self.times)
        ordered = sorted(self.times)

        def pct(p: float) -> float:
            if not ordered:
                return 0.0
            return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))] * 1000

        return {"stage": self.name, "documents": len(self.times), "mb": self.bytes / 1e6, "seconds": total,
                "mb_per_s": self.bytes / 1e6 / total if total else float("inf"),
                "docs_per_s": len(self.times) / total if total else float("inf"),
                "p50_ms": pct(50), "p99_ms": pct(99),
                "mean_ms": statistics.fmean(self.times) * 1000 if self.times else 0.0}


def _timed(fn: Callable[[], object]) -> tuple[float, object]:
    t = time.process_time()
    out = fn()
    return time.process_time() - t, out


def _word_lists(params: object) -> list[str]:
    """Every list of strings among a params object's fields (word lists)."""
    import attrs

    words: list[str] = []
    if params is None or not attrs.has(type(params)):
        return words
    for f in attrs.fields(type(params)):
        value = getattr(params, f.name)
        if isinstance(value, tuple | list) and value and all(isinstance(v, str) for v in value):
            words.extend(value)
    return words


def load_inputs(args) -> list[tuple[str, bytes]]:
    if args.folder:
        files = sorted(p for p in Path(args.folder).rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
        return [(str(p), p.read_bytes()) for p in files]
    return [(name, text.encode("utf-8")) for name, text in generate(args.mb, args.seed)]


def run(args) -> dict:
    inputs = load_inputs(args)
    total_mb = sum(len(b) for _, b in inputs) / 1e6

    build = Stage("engine build")
    seconds, engine = _timed(lambda: Engine(args.ruleset))
    build.add(seconds, 0)
    checkers = [a for a in engine.checkers if a.spec.scope == "document" and a.instance is not None]

    load, meta = Stage("load"), Stage("metadata")
    per_checker = {a.spec.id: Stage(f"checker:{a.spec.id}") for a in checkers}
    floor = Stage(FLOOR_STAGE)
    loaded_floor = Stage("load+" + FLOOR_STAGE)
    whole = Stage(f"ruleset:{engine.ruleset.id} (Engine.check)")
    reference = Stage("reference: pyahocorasick single pass")

    words = sorted({w for a in checkers for w in _word_lists(a.config.params)})
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()

    findings = 0
    #: tables gkrules could not read (unit-identifiability/table-not-understood): not checked
    unread_tables = 0
    import attrs

    for name, data in inputs:
        n = len(data)
        t_load, doc = _timed(lambda name=name, data=data: engine.loaders.load_bytes(name, data))
        load.add(t_load, n)
        facts = DocumentFacts(doc)
        t_meta, metadata = _timed(lambda doc=doc, facts=facts: extract(doc, facts))
        meta.add(t_meta, n)
        doc = attrs.evolve(doc, metadata=metadata)
        # the facts metadata extraction filled in (版头、元数据栏、附注…) are the checkers' too, as in Engine.check
        facts = facts.with_document(doc)
        cm_time = 0.0
        for a in checkers:
            ctx = CheckContext(doc, TODAY, a.setup, a.rules, facts=facts)
            t, _ = _timed(lambda a=a, ctx=ctx: list(a.instance.check(ctx)))
            per_checker[a.spec.id].add(t, n)
            if a.spec.id == "confidential-marker":
                cm_time = t
        floor.add(t_meta + cm_time, n)
        loaded_floor.add(t_load + t_meta + cm_time, n)
        text = doc.text
        t, _ = _timed(lambda text=text: sum(1 for _ in automaton.iter(text)))
        reference.add(t, n)
    # Engine.check in a pass of its own (each document's facts are built afresh by the engine)
    for name, data in inputs:
        t, report = _timed(lambda name=name, data=data: engine.check([InputDocument(name, data)], today=TODAY))
        whole.add(t, len(data))
        findings += sum(len(d.findings) for d in report.documents)
        unread_tables += sum(1 for d in report.documents for f in d.findings if f.rule == "table-not-understood")
    wall, supervised, batch = _supervised_pass(args, engine, inputs)

    stages = [load, meta, *per_checker.values(), floor, loaded_floor, whole, wall, supervised, batch, reference]
    return {
        "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "machine": {"python": platform.python_version(), "implementation": platform.python_implementation(),
                    "platform": platform.platform(), "processor": _cpu_name(), "cpus": os.cpu_count()},
        "gkrules": __version__, "ruleset": engine.ruleset.id,
        "corpus": {"documents": len(inputs), "mb": total_mb, "seed": None if args.folder else args.seed,
                   "source": args.folder or "benchmarks/corpus.py"},
        "reference_words": len(words), "findings": findings, "tables_not_understood": unread_tables,
        "engine_build_s": build.times[0],
        "stages": [s.row() for s in stages],
    }


def _supervised_pass(args, engine: Engine, inputs: list[tuple[str, bytes]]) -> tuple[Stage, Stage, Stage]:
    """Engine.check in this process and in a supervised worker (what the CLI and the service
    do), wall-clock time, one document after the other so that both see the same machine
    load: the difference is the supervisor's per-document cost (pipe, pickling both ways)."""
    name = f"ruleset:{engine.ruleset.id}"
    wall, supervised = Stage(f"{name} (Engine.check, wall)"), Stage(f"{name} (supervised, wall)")
    guarded = Engine(args.ruleset, limits=Limits())
    guarded.check([InputDocument(*inputs[0])], today=TODAY)  # the worker starts once, not per document
    batch = Stage(f"{name} (supervised batch, CPU)")
    try:
        for doc_name, data in inputs:
            for stage, eng in ((wall, engine), (supervised, guarded)):
                t = time.perf_counter()
                eng.check([InputDocument(doc_name, data)], today=TODAY)
                stage.add(time.perf_counter() - t, len(data))
        # the CLI's case: the whole batch in one call; CPU of this process and of the worker
        docs = [InputDocument(n, d) for n, d in inputs]
        workers = [w for w in list(guarded.supervisor()._idle.queue) if w is not None]
        before = time.process_time(), sum(_cpu_of(w.proc.pid) for w in workers)
        guarded.check(docs, today=TODAY)
        spent = time.process_time() - before[0] + sum(_cpu_of(w.proc.pid) for w in workers) - before[1]
        total = sum(len(d) for _, d in inputs)
        for _, data in inputs:  # spread over the documents by size: only the total is measured
            batch.add(spent * len(data) / total, len(data))
    finally:
        guarded.close()
    return wall, supervised, batch


def _cpu_of(pid: int) -> float:
    """User + system CPU seconds of another process (Linux /proc; 10 ms resolution)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def print_table(result: dict) -> None:
    c = result["corpus"]
    print(f"gkrules {result['gkrules']}  规则集 {result['ruleset']}  {c['documents']} 个文件 {c['mb']:.2f} MB"
          f"（{c['source']}，seed={c['seed']}）")
    print(f"{result['machine']['processor']}，{result['machine']['cpus']} 核，Python {result['machine']['python']}")
    print(f"引擎建立 {result['engine_build_s'] * 1000:.0f} ms；参考扫描词数 {result['reference_words']}；"
          f"意见 {result['findings']} 条（其中未能读懂的表格 {result.get('tables_not_understood', 0)} 处）；"
          f"重复 {result.get('repeat', 1)} 次取最快")
    print()
    header = f"{'stage':<44} {'MB/s':>9} {'docs/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'total s':>8}"
    print(header)
    print("-" * len(header))
    for r in result["stages"]:
        print(f"{r['stage']:<44} {r['mb_per_s']:>9.1f} {r['docs_per_s']:>9.0f} {r['p50_ms']:>8.2f} "
              f"{r['p99_ms']:>8.2f} {r['seconds']:>8.2f}")
    floor = next(r for r in result["stages"] if r["stage"] == FLOOR_STAGE)
    verdict = "达到" if floor["mb_per_s"] >= FLOOR_MBPS else "未达到"
    print(f"\n{FLOOR_STAGE}: {floor['mb_per_s']:.1f} MB/s（目标 ≥ {FLOOR_MBPS:g} MB/s，{verdict}）")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="gkrules 性能测试：各阶段 MB/s、文件/秒与单文件延迟 p50/p99（单核 CPU 时间）")
    ap.add_argument("--mb", type=float, default=20.0, help="生成语料的大小（百万字节，默认 20）")
    ap.add_argument("--seed", type=int, default=0, help="生成语料的随机种子（默认 0）")
    ap.add_argument("--folder", help="改用该目录下的文件（不生成语料）")
    ap.add_argument("--ruleset", default="national", help="规则集（默认 national）")
    ap.add_argument("--repeat", type=int, default=1, metavar="N",
                    help="重复 N 次，每个阶段取最快的一次（机器上有其他负载时减少干扰；默认 1）")
    ap.add_argument("--json", metavar="FILE", help="另将结果写成 JSON")
    args = ap.parse_args(argv)
    result = run(args)
    for _ in range(args.repeat - 1):
        again = run(args)
        result["stages"] = [max(a, b, key=lambda r: r["mb_per_s"]) for a, b in zip(result["stages"], again["stages"],
                                                                                   strict=True)]
        result["engine_build_s"] = min(result["engine_build_s"], again["engine_build_s"])
    result["repeat"] = args.repeat
    print_table(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
