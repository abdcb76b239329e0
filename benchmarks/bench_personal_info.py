"""Benchmark: the personal-info checker alone, against a pattern-only Presidio pipeline.

Run by hand (figures go to docs/benchmarks.md, section "personal-info"), one core:

    tox -e bench                                   # installs presidio-analyzer in its own env
    python benchmarks/bench_personal_info.py --mb 20 --repeat 5

Both sides see the same texts in the same run (``benchmarks.corpus.generate``). gkrules runs
its personal-info checker on loaded documents (every entity it knows: IDs with checksum,
mobiles, landlines, bank cards, e-mails, passports, plates, addresses, health, names…).
Presidio runs ``AnalyzerEngine`` with its ``NoOpNlpEngine`` (no spaCy model, no tokens) and
only three recognizers: a resident-ID pattern whose ``validate_result`` checks the MOD 11-2
character, an 11-digit mobile pattern, and its own ``EmailRecognizer``. presidio-analyzer is
never a gkrules dependency; without it the script reports gkrules alone.

MB is 10^6 bytes of UTF-8 text. The script also counts how many planted IDs, mobiles,
e-mails and bank cards each side found (a sanity check, not an accuracy measure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus import generate_documents
from gkrules.context import CheckContext
from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.plugins import PluginManager

TODAY = dt.date(2026, 11, 20)
PLANTED_RULES = {"id-number": {"id-card"}, "mobile": {"mobile"}, "email": {"email"}, "bank-card": {"bank-card"}}
PRESIDIO_KINDS = {"id-number": "CN_ID_CARD", "mobile": "CN_MOBILE", "email": "EMAIL_ADDRESS"}


#: the national rule set with personal-info reduced to ID numbers, mobiles and e-mails: what
#: the Presidio pipeline below looks for (switched-off rules' recognizers do not run)
THREE_ENTITIES = Path(__file__).resolve().parent / "rulesets" / "three-entities.yaml"


def personal_info(ruleset: str | Path):
    engine = Engine(str(ruleset), plugins=PluginManager(), check_examples=False)
    return engine, next(a for a in engine.checkers if a.spec.id == "personal-info")


def load(mb: float, seed: int):
    engine, active = personal_info("national")
    generated = generate_documents(mb, seed)
    docs = [engine.prepare(InputDocument(g.name, g.text)) for g in generated]
    return engine, active, generated, docs


def run_gkrules(active, docs):
    out = []
    for doc in docs:
        ctx = CheckContext(doc, TODAY, active.setup, active.rules)
        out.append(list(active.instance.check(ctx)))
    return out


def presidio_analyzer():
    try:
        from presidio_analyzer import AnalyzerEngine, Pattern, PatternRecognizer, RecognizerRegistry
        from presidio_analyzer.nlp_engine import NoOpNlpEngine
        from presidio_analyzer.predefined_recognizers import EmailRecognizer
    except ImportError:
        return None

    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)

    class CnIdRecognizer(PatternRecognizer):
        def validate_result(self, pattern_text: str):
            body, check = pattern_text[:17], pattern_text[17].upper()
            return "10X98765432"[sum(int(c) * w for c, w in zip(body, weights, strict=True)) % 11] == check

    id_rec = CnIdRecognizer(
        supported_entity="CN_ID_CARD", supported_language="zh",
        patterns=[Pattern("cn_id", r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])"
                                   r"(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])", 0.5)],
        context=["身份证", "身份证号码"])
    mobile_rec = PatternRecognizer(
        supported_entity="CN_MOBILE", supported_language="zh",
        patterns=[Pattern("cn_mobile", r"(?<![0-9A-Za-z])(?:(?:\+|00)?86[- ]?)?1(?:3\d|4[5-9]|5[0-35-9]|6[2567]"
                                       r"|7[0-8]|8\d|9[0-35-9])(?:[- ]?\d{4}){2}(?![0-9A-Za-z])", 0.4)],
        context=["手机", "电话"])
    # offline: tldextract (behind EmailRecognizer) would try to download the Public Suffix
    # List on first use; give it its bundled snapshot, as an air-gapped host would have
    import tldextract.tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    logging.getLogger("presidio-analyzer").setLevel(logging.ERROR)
    registry = RecognizerRegistry(supported_languages=["zh"])
    for r in (id_rec, mobile_rec, EmailRecognizer(supported_language="zh")):
        registry.add_recognizer(r)
    nlp = NoOpNlpEngine(models=[{"lang_code": "zh", "model_name": "none"}])
    nlp.load()
    return AnalyzerEngine(registry=registry, nlp_engine=nlp, supported_languages=["zh"])


def run_presidio(analyzer, texts):
    return [analyzer.analyze(text=t, language="zh") for t in texts]


def timed(fn, repeat: int) -> tuple[list[float], list[float]]:
    """(CPU seconds, wall seconds) of each run. CPU time is the per-core cost: it does not
    grow when other processes share the machine's cores, wall time does."""
    cpu, wall = [], []
    for _ in range(repeat):
        gc.collect()
        c0, w0 = time.process_time(), time.perf_counter()
        fn()
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall


def rate(size: float, cpu: list[float], wall: list[float]) -> tuple[float, str]:
    c, w = statistics.median(cpu), statistics.median(wall)
    return c, (f"{size / c:.1f} MB/s per core (median CPU time of {len(cpu)} runs: "
               f"{', '.join(f'{t:.2f}' for t in cpu)} s; wall clock {size / w:.1f} MB/s)")


def compare_passes(texts: list[str], size: float) -> None:
    """The measurements behind the checker's pass design (docs/benchmarks.md)."""
    import re

    import ahocorasick
    import regex

    from gkrules.checkers.personal_info.cues import alternation
    from gkrules.checkers.personal_info.kit import LABEL_KINDS, NUMERIC_RUN
    from gkrules.checkers.personal_info.params import PersonalInfoParams

    params = PersonalInfoParams()
    words = sorted({w for k in LABEL_KINDS for w in getattr(params.cues, k)}, key=len, reverse=True)
    automaton = ahocorasick.Automaton()
    for w in words:
        automaton.add_word(w, w)
    automaton.make_automaton()
    flat = "|".join(re.escape(w) for w in words)
    id_rx = r"(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])"
    mobile_rx = r"(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])"
    email_rx = r"[A-Za-z0-9][A-Za-z0-9._%+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
    cases = [
        (f"label words ({len(words)}): one trie pattern (re, as shipped)", alternation(words).finditer),
        ("label words: flat alternation (re)", re.compile(flat).finditer),
        ("label words: flat alternation (regex)", regex.compile(flat).finditer),
        ("label words: pyahocorasick iter", automaton.iter),
        ("numeric runs (regex, as shipped)", NUMERIC_RUN.finditer),
        ("numeric runs (re)", re.compile(NUMERIC_RUN.pattern).finditer),
        ("ID + mobile + e-mail: one alternation (regex)", regex.compile(f"{id_rx}|{mobile_rx}|{email_rx}").finditer),
        ("ID + mobile + e-mail: one alternation (re)", re.compile(f"{id_rx}|{mobile_rx}|{email_rx}").finditer),
    ]
    separate = [regex.compile(id_rx).finditer, regex.compile(mobile_rx).finditer, re.compile(email_rx).finditer]
    print("pass design (single scans over the whole corpus, CPU time, best of 3):")
    for name, scan in [*cases, ("ID, mobile, e-mail: three separate passes", None)]:
        best = float("inf")
        for _ in range(3):
            c0 = time.process_time()
            for t in texts:
                for f in ([scan] if scan is not None else separate):
                    for _ in f(t):
                        pass
            best = min(best, time.process_time() - c0)
        print(f"  {name}: {size / best:.0f} MB/s")


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=20.0, help="corpus size in MB of UTF-8 (default 20)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--repeat", type=int, default=5, help="timed runs per side; the median is reported")
    ap.add_argument("--passes", action="store_true", help="also measure the alternative pass designs")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    _, active, generated, docs = load(args.mb, args.seed)
    texts = [d.text for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"corpus: {len(docs)} documents, {size:.1f} MB UTF-8, {sum(map(len, texts)) / 1e6:.1f} M characters "
          f"(generated and loaded in {time.perf_counter() - t0:.1f} s)")

    t0 = time.perf_counter()
    Engine("national", plugins=PluginManager(), check_examples=False)
    print(f"engine start-up (compile every checker, no examples): {time.perf_counter() - t0:.2f} s")

    if args.passes:
        compare_passes(texts, size)
    found = run_gkrules(active, docs)
    for kind, rules in PLANTED_RULES.items():
        planted = [(i, p) for i, gd in enumerate(generated) for p in gd.planted if p.kind == kind]
        hit = sum(1 for i, p in planted if any(f.rule in rules and f.location and
                                               overlaps((f.location.start, f.location.end), (p.start, p.end))
                                               for f in found[i]))
        print(f"  gkrules, planted {kind}: {hit}/{len(planted)} found")

    analyzer = presidio_analyzer()
    if analyzer is None:
        g, line = rate(size, *timed(lambda: run_gkrules(active, docs), args.repeat))
        print(f"gkrules personal-info: {line}")
        print("presidio-analyzer is not installed: run in the bench environment (tox -e bench) for the comparison")
        return 0
    p_found = run_presidio(analyzer, texts)
    for kind, entity in PRESIDIO_KINDS.items():
        planted = [(i, p) for i, gd in enumerate(generated) for p in gd.planted if p.kind == kind]
        hit = sum(1 for i, pl in planted if any(r.entity_type == entity and overlaps((r.start, r.end), (pl.start, pl.end))
                                                for r in p_found[i]))
        print(f"  presidio, planted {kind}: {hit}/{len(planted)} found")

    _, three = personal_info(THREE_ENTITIES)
    found3 = run_gkrules(three, docs)
    for kind in PRESIDIO_KINDS:
        planted = [(i, p) for i, gd in enumerate(generated) for p in gd.planted if p.kind == kind]
        hit = sum(1 for i, p in planted if any(f.rule in PLANTED_RULES[kind] and f.location and
                                               overlaps((f.location.start, f.location.end), (p.start, p.end))
                                               for f in found3[i]))
        print(f"  gkrules (three entity types), planted {kind}: {hit}/{len(planted)} found")

    # interleaved, so that a change in the machine's load hits all sides alike
    sides = {"all": ([], []), "three": ([], []), "presidio": ([], [])}
    runs = {"all": lambda: run_gkrules(active, docs), "three": lambda: run_gkrules(three, docs),
            "presidio": lambda: run_presidio(analyzer, texts)}
    for _ in range(args.repeat):
        for name, fn in runs.items():
            c, w = timed(fn, 1)
            sides[name][0].extend(c)
            sides[name][1].extend(w)
    g, line = rate(size, *sides["all"])
    print(f"gkrules personal-info, every entity type (rule set national): {line}")
    g3, line = rate(size, *sides["three"])
    print(f"gkrules personal-info, ID + mobile + e-mail (rule set {THREE_ENTITIES.name}): {line}")
    p, line = rate(size, *sides["presidio"])
    print(f"presidio (NoOpNlpEngine, 3 pattern recognizers): {line}")
    p_cpu = sides["presidio"][0]
    for label, name, median in (("every entity type", "all", g), ("the same three entity types", "three", g3)):
        ratios = sorted(pc / gc for gc, pc in zip(sides[name][0], p_cpu, strict=True))
        print(f"ratio, {label} (CPU time, median of {args.repeat} interleaved runs): gkrules personal-info is "
              f"{p / median:.1f}x faster than presidio on the same text (pairs: {', '.join(f'{r:.1f}' for r in ratios)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
