"""Benchmark: gkrules personal-info against Presidio (pattern-only) and a plain ``re`` pass.

Run by hand (figures go to docs/benchmarks.md, section "personal-info"), one core:

    tox -e bench                      # installs presidio-analyzer in its own environment
    python benchmarks/bench_personal_info.py --mb 5 --dense /tmp/pii_dense --rounds 5

Corpora: the generated bureau corpus (``benchmarks/corpus.py``, ``--mb`` MB, seed 0) and,
with ``--dense``, a folder of ``.txt`` files such as the PII-dense corpus the anchor
harness writes (``../shared/bench/presidio/run_presidio.py generate DIR``: about two values
per KB). Every side sees the same texts.

Sides, each timed once per round, rounds interleaved (A B C … A B C …) so that a change in
the machine's load hits every side alike:

* ``gkrules checker, 3 types`` — the personal-info checker's ``check()`` on loaded documents,
  rule set ``benchmarks/rulesets/three-entities.yaml`` (ID numbers with checksum, mobiles,
  e-mails; the other rules' recognizers do not run);
* ``gkrules checker, all types`` — the same with every rule of ``national``;
* ``gkrules API, 3 types`` / ``gkrules API, all types`` — the public path a CMS takes:
  ``Engine.check`` on one document's bytes at a time (loader, metadata, the checker,
  filters, fingerprints, report), with only personal-info enabled
  (``benchmarks/rulesets/pi-only-three.yaml``, ``pi-only.yaml``);
* ``presidio, context enhancer`` — ``AnalyzerEngine`` with ``NoOpNlpEngine`` (no spaCy
  model) and three custom ``PatternRecognizer``s: resident ID (pattern, ``validate_result``
  checks region, date and the MOD 11-2 character), mobile, e-mail (an ASCII pattern, *not*
  Presidio's built-in ``EmailRecognizer``, whose tldextract look-up halves Presidio's speed);
* ``presidio, no context enhancer`` — the same with the default ``LemmaContextAwareEnhancer``
  replaced by a pass-through: Presidio's fastest pattern-only setup;
* ``re single pass`` — stdlib ``re``: one alternation of the same three patterns behind a
  first-character guard, one ``finditer`` per text, the ID checksum on each hit.

The patterns and the ID validation are those of the anchor harness (``run_presidio.py``).
presidio-analyzer is never a gkrules dependency: without it the Presidio sides are skipped.
Time is CPU time of this process; MB = 10^6 bytes of UTF-8.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.corpus import generate  # noqa: E402
from gkrules.context import CheckContext  # noqa: E402
from gkrules.engine import Engine  # noqa: E402
from gkrules.inputs import InputDocument  # noqa: E402
from gkrules.plugins import PluginManager  # noqa: E402

TODAY = dt.date(2026, 11, 20)
RULESETS = Path(__file__).resolve().parent / "rulesets"

# -- the anchor harness's patterns and ID validation (../shared/bench/presidio/run_presidio.py)
ID_PATTERN = (r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
              r"(?:0[1-9]|[12]\d|3[01])\d{3}[0-9Xx](?![0-9A-Za-z])")
MOBILE_PATTERN = (r"(?<![0-9A-Za-z])(?:(?:\+|00)?86[- ]?)?"
                  r"1(?:3\d|4[5-9]|5[0-35-9]|6[2567]|7[0-8]|8\d|9[0-35-9])"
                  r"(?:[- ]?\d{4}){2}(?![0-9A-Za-z])")
EMAIL_PATTERN = (r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]*@"
                 r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
                 r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}"
                 r"(?![A-Za-z0-9-])")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37", "41",
              "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65", "71",
              "81", "82", "83"}
_DAYS = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def valid_id(value: str) -> bool:
    """GB 11643-1999: region, a real date, the MOD 11-2 check character."""
    v = value.upper()
    if len(v) != 18 or not v[:17].isdigit() or v[:2] not in _PROVINCES:
        return False
    year, month, day = int(v[6:10]), int(v[10:12]), int(v[12:14])
    if not (1800 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= _DAYS[month - 1]):
        return False
    if month == 2 and day == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
        return False
    return "10X98765432"[sum(int(d) * w for d, w in zip(v[:17], _WEIGHTS, strict=True)) % 11] == v[17]


# -- the sides ---------------------------------------------------------------------------

def _checker(ruleset: str | Path):
    engine = Engine(str(ruleset), plugins=PluginManager(), check_examples=False)
    return next(a for a in engine.checkers if a.spec.id == "personal-info")


def gkrules_checker(ruleset: str | Path, docs) -> Callable[[], list]:
    active = _checker(ruleset)

    def run():
        return [f.rule for doc in docs for f in active.instance.check(CheckContext(doc, TODAY, active.setup,
                                                                                   active.rules))]
    return run


def gkrules_api(ruleset: Path, inputs: list[tuple[str, bytes]]) -> Callable[[], list]:
    engine = Engine(str(ruleset), plugins=PluginManager(), check_examples=False)

    def run():
        out = []
        for name, data in inputs:
            report = engine.check([InputDocument(name, data)], today=TODAY)
            out.extend(f.rule for d in report.documents for f in d.findings)
        return out
    return run


def re_single_pass(texts: list[str]) -> Callable[[], list]:
    combined = re.compile(f"(?=[0-9A-Za-z+])(?:(?P<id>{ID_PATTERN})|(?P<mobile>{MOBILE_PATTERN})"
                          f"|(?P<email>{EMAIL_PATTERN}))")

    def run():
        return [m.lastgroup for t in texts for m in combined.finditer(t)
                if m.lastgroup != "id" or valid_id(m.group())]
    return run


def presidio(texts: list[str], context_enhancer: bool) -> Callable[[], list] | None:
    try:
        from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer.context_aware_enhancers import ContextAwareEnhancer
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
    except ImportError:
        return None
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)

    class CnIdRecognizer(PatternRecognizer):
        def validate_result(self, pattern_text: str):
            return valid_id(pattern_text)

    class PassThrough(ContextAwareEnhancer):
        def enhance_using_context(self, text, raw_results, nlp_artifacts, recognizers, context=None):
            return raw_results

    registry = RecognizerRegistry(supported_languages=["zh"])
    registry.add_recognizer(CnIdRecognizer(supported_entity="CN_ID_CARD", supported_language="zh",
                                           patterns=[Pattern("cn_id18", ID_PATTERN, 0.5)],
                                           context=["身份证", "身份证号", "公民身份号码", "证件号码"]))
    registry.add_recognizer(PatternRecognizer(supported_entity="CN_MOBILE", supported_language="zh",
                                              patterns=[Pattern("cn_mobile", MOBILE_PATTERN, 0.6)],
                                              context=["手机", "手机号码", "电话", "联系电话", "联系方式"]))
    registry.add_recognizer(PatternRecognizer(supported_entity="EMAIL", supported_language="zh",
                                              patterns=[Pattern("email_ascii", EMAIL_PATTERN, 0.8)],
                                              context=["邮箱", "电子邮箱", "邮件"]))
    nlp = NoOpNlpEngine(models=[{"lang_code": "zh", "model_name": "none"}])
    nlp.load()
    enhancer = None if context_enhancer else PassThrough(
        context_similarity_factor=0.0, min_score_with_context_similarity=0.0,
        context_prefix_count=0, context_suffix_count=0)
    analyzer = AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["zh"],
                              context_aware_enhancer=enhancer)
    analyzer.analyze(text="预热：邮箱 a@stats.gov.cn，手机13812345678。", language="zh")

    def run():
        return [r.entity_type for t in texts for r in analyzer.analyze(text=t, language="zh")]
    return run


# -- measuring ---------------------------------------------------------------------------

def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _cpu(fn: Callable[[], list]) -> tuple[float, list]:
    gc.collect()
    started = time.process_time()
    out = fn()
    return time.process_time() - started, out


def corpus_inputs(args) -> list[tuple[str, str, list[tuple[str, bytes]]]]:
    out = [(f"generated ({args.mb:g} MB, benchmarks/corpus.py seed 0)", "generated",
            [(name, text.encode("utf-8")) for name, text in generate(args.mb, 0)])]
    if args.dense:
        files = sorted(Path(args.dense).rglob("*.txt"))
        out.append((f"PII-dense ({args.dense})", "dense", [(p.name, p.read_bytes()) for p in files]))
    return out


def compare(label: str, inputs: list[tuple[str, bytes]], rounds: int) -> dict:
    prep = Engine("national", plugins=PluginManager(), check_examples=False)
    docs = [prep.prepare(InputDocument(n, d)) for n, d in inputs]
    texts = [d.text for d in docs]
    size = sum(len(d) for _, d in inputs) / 1e6
    sides: dict[str, Callable[[], list] | None] = {
        "gkrules checker, 3 types": gkrules_checker(RULESETS / "three-entities.yaml", docs),
        "gkrules checker, all types": gkrules_checker("national", docs),
        "gkrules API, 3 types": gkrules_api(RULESETS / "pi-only-three.yaml", inputs),
        "gkrules API, all types": gkrules_api(RULESETS / "pi-only.yaml", inputs),
        "presidio, context enhancer": presidio(texts, True),
        "presidio, no context enhancer": presidio(texts, False),
        "re single pass": re_single_pass(texts),
    }
    active = {k: v for k, v in sides.items() if v is not None}
    print(f"\n{label}: {len(inputs)} documents, {size:.2f} MB; load before {_load()}")
    times: dict[str, list[float]] = {k: [] for k in active}
    counts: dict[str, Counter] = {}
    for _ in range(rounds):
        for name, fn in active.items():
            seconds, found = _cpu(fn)
            times[name].append(seconds)
            counts[name] = Counter(found)
    print(f"load after {_load()}")
    for name, ts in times.items():
        print(f"  {name:<32} min {size / min(ts):7.1f} MB/s  median {size / statistics.median(ts):7.1f} MB/s"
              f"  (CPU s: {', '.join(f'{t:.2f}' for t in ts)})")
    interesting = ("id-card", "mobile", "email", "CN_ID_CARD", "CN_MOBILE", "EMAIL", "id", "mobile", "email")
    for name, c in counts.items():
        shown = {k: v for k, v in sorted(c.items()) if k in interesting}
        print(f"  found by {name}: {shown} ({sum(c.values())} in all)")
    ratios = {}
    for g in [k for k in active if k.startswith("gkrules")]:
        for other in [k for k in active if not k.startswith("gkrules")]:
            pairs = sorted(o / s for s, o in zip(times[g], times[other], strict=True))
            ratios[(g, other)] = pairs
            print(f"  {g} vs {other}: {statistics.median(pairs):.2f}x (pairs {', '.join(f'{r:.2f}' for r in pairs)})")
    return {"size": size, "times": times, "ratios": ratios}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0, help="generated corpus size in MB (default 5)")
    ap.add_argument("--dense", help="a folder of .txt files (the PII-dense corpus of run_presidio.py generate)")
    ap.add_argument("--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    args = ap.parse_args(argv)
    print(f"python {sys.version.split()[0]}; load {_load()}")
    for label, _key, inputs in corpus_inputs(args):
        compare(label, inputs, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
