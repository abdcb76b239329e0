"""Multi-pattern engines on our text (issue 19, item 1): which one should scan the word lists of
a whole rule set in one pass?

Every engine gets the same job: all occurrences (overlapping, as ``gkrules.matching`` reports
them) of every word of every enabled checker's word lists (nested lists included), in the
generated corpus, with code-point offsets (what findings need). Engines that work on UTF-8
bytes (hyperscan) pay for mapping byte offsets back, which is measured with them.

    python benchmarks/bench_matchers.py --mb 5 --repeat 5

Engines that are not installed are skipped (pyahocorasick is a dependency; ahocorasick-rs,
hyperscan and google-re2 are not). Figures are per core: process CPU time, best of the runs.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # `python benchmarks/bench_matchers.py` from anywhere
    sys.path.insert(0, str(ROOT))

import attrs  # noqa: E402

from benchmarks.corpus import generate  # noqa: E402
from gkrules.engine import Engine  # noqa: E402


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [w for v in value.values() for w in _strings(v)]
    if isinstance(value, list | tuple | set | frozenset):
        return [w for v in value for w in _strings(v)]
    if attrs.has(type(value)):
        return [w for f in attrs.fields(type(value)) for w in _strings(getattr(value, f.name))]
    return []


def rule_set_words(ruleset: str) -> list[str]:
    engine = Engine(ruleset, check_examples=False)
    words = {w for a in engine.checkers for w in _strings(a.config.params)}
    # word lists, not patterns or single characters (regex parameters are not literals)
    return sorted(w for w in words if len(w) >= 2 and not re.search(r"[\\\[\](){}|*+?^$]", w))


def _pyahocorasick(words: list[str]) -> Callable[[str], int]:
    import ahocorasick

    a = ahocorasick.Automaton()
    for w in words:
        a.add_word(w, len(w))
    a.make_automaton()

    def scan(text: str) -> int:
        return sum(1 for _ in a.iter(text))
    return scan


def _ahocorasick_rs(words: list[str]) -> Callable[[str], int]:
    import ahocorasick_rs

    a = ahocorasick_rs.AhoCorasick(words)  # MatchKind.Standard: overlapping search allowed

    def scan(text: str) -> int:
        return len(a.find_matches_as_indexes(text, overlapping=True))
    return scan


def _hyperscan(words: list[str]) -> Callable[[str], int]:
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    exprs = [re.escape(w).encode() for w in words]
    db.compile(expressions=exprs, ids=list(range(len(exprs))),
               elements=len(exprs), flags=[hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SOM_LEFTMOST] * len(exprs))

    def scan(text: str) -> int:
        data = text.encode("utf-8")
        ends: list[int] = []

        def on_match(_id: int, _start: int, end: int, _flags: int, _ctx: Any) -> None:
            ends.append(end)

        db.scan(data, match_event_handler=on_match)
        if ends and not text.isascii():
            # byte offsets back to code points: one decode of the prefix per hit would be
            # quadratic; count the continuation bytes up to each end instead
            ends.sort()
            cont = 0
            pos = 0
            for e in ends:
                cont += sum(1 for b in data[pos:e] if b & 0xC0 == 0x80)
                pos = e
        return len(ends)
    return scan


def _hyperscan_bytes(words: list[str]) -> Callable[[str], int]:
    """hyperscan's own speed: byte offsets, no mapping back (not usable as is, for reference)."""
    import hyperscan

    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    exprs = [re.escape(w).encode() for w in words]
    db.compile(expressions=exprs, ids=list(range(len(exprs))),
               elements=len(exprs), flags=[hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_SOM_LEFTMOST] * len(exprs))

    def scan(text: str) -> int:
        count = [0]

        def on_match(_id: int, _start: int, _end: int, _flags: int, _ctx: Any) -> None:
            count[0] += 1

        db.scan(text.encode("utf-8"), match_event_handler=on_match)
        return count[0]
    return scan


def _re2(words: list[str]) -> Callable[[str], int]:
    import re2

    rx = re2.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    def scan(text: str) -> int:  # leftmost, non-overlapping: fewer hits than the others
        return sum(1 for _ in rx.finditer(text))
    return scan


def _stdlib_re(words: list[str]) -> Callable[[str], int]:
    rx = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))

    def scan(text: str) -> int:  # leftmost, non-overlapping
        return sum(1 for _ in rx.finditer(text))
    return scan


def _regex(words: list[str]) -> Callable[[str], int]:
    import regex

    rx = regex.compile("|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True)))

    def scan(text: str) -> int:  # overlapped=True would match at every position: leftmost instead
        return sum(1 for _ in rx.finditer(text))
    return scan


ENGINES: dict[str, Callable[[list[str]], Callable[[str], int]]] = {
    "pyahocorasick（依赖，现用）": _pyahocorasick,
    "ahocorasick-rs": _ahocorasick_rs,
    "hyperscan（UTF-8，含偏移换算）": _hyperscan,
    "hyperscan（只扫描，字节偏移，参考）": _hyperscan_bytes,
    "google-re2（交替式，最左不重叠）": _re2,
    "re（标准库，交替式，最左不重叠）": _stdlib_re,
    "regex（交替式，最左不重叠）": _regex,
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="多模式匹配引擎对比（整套规则集的词表，一遍扫描）")
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--ruleset", default="national")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args(argv)
    words = rule_set_words(args.ruleset)
    texts = [t for _, t in generate(args.mb, seed=0)]
    total = sum(len(t.encode()) for t in texts)
    results = []
    for name, make in ENGINES.items():
        try:
            scan = make(words)
        except ImportError:
            print(f"{name}: 未安装，跳过")
            continue
        best = None
        hits = 0
        for _ in range(args.repeat):
            t0 = time.process_time()
            hits = sum(scan(t) for t in texts)
            dt_ = time.process_time() - t0
            best = dt_ if best is None else min(best, dt_)
        mbs = total / 1e6 / best if best else float("inf")
        results.append({"engine": name, "mb_per_s": round(mbs, 1), "hits": hits})
        print(f"{name:<36} {mbs:8.1f} MB/s  命中 {hits}")
    info = {"words": len(words), "mb": round(total / 1e6, 2), "files": len(texts),
            "machine": platform.processor() or platform.machine(), "python": platform.python_version(),
            "loadavg": os.getloadavg()[0], "results": results}
    print(f"词 {len(words)} 个，语料 {info['mb']} MB、{len(texts)} 个文件；1 分钟平均负载 {info['loadavg']:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps(info, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
