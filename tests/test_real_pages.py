"""Every checker scored on real pages published by government sites (tests/data/real/pages).

Each page is kept as the search corpus stored it, with its URL and a hand label in
manifest.json: ``expect`` lists the warn/block findings (checker/rule) a careful reviewer
raises; anything else at warn or above is a false positive and any unexpected block a false
block. A page is checked on the day after its URL's date (when the URL has one), as the
bureau would have checked it before publishing.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from gkrules.engine import Engine
from gkrules.inputs import InputDocument

ROOT = Path(__file__).parent / "data" / "real" / "pages"
MANIFEST = json.loads((ROOT / "manifest.json").read_text(encoding="utf-8"))
_URL_DATE = re.compile(r"(20\d\d)[/_-]?(\d{1,2})[/_-]?(\d{1,2})?")
DEFAULT_DAY = dt.date(2026, 12, 1)


def check_day(url: str) -> dt.date:
    m = _URL_DATE.search(url.split("//", 1)[-1])
    if not m:
        return DEFAULT_DAY
    try:
        return dt.date(int(m.group(1)), int(m.group(2)), min(int(m.group(3) or 1), 28)) + dt.timedelta(days=3)
    except ValueError:
        return DEFAULT_DAY


@pytest.fixture(scope="module")
def outcome():
    engine = Engine("national")
    tp, fp, fn = Counter(), Counter(), Counter()
    false_blocks, wrong = [], []
    for page in MANIFEST["pages"]:
        data = (ROOT / page["file"]).read_bytes()
        report = engine.check([InputDocument(page["file"], data)], today=check_day(page["url"]))
        assert report.complete, page["file"]
        known = {page["known_issue"].split("：")[0]} if page.get("known_issue") else set()
        got = {f"{f.checker}/{f.rule}": f.severity.value for _, f in report.findings()
               if f.severity.value in ("warn", "block")}
        expected = set(page["expect"])
        for key in got.keys() - expected - known:
            fp[key.split("/")[0]] += 1
            wrong.append(("FP", page["file"], key))
            if got[key] == "block":
                false_blocks.append((page["file"], key))
        for key in expected - got.keys():
            fn[key.split("/")[0]] += 1
            wrong.append(("FN", page["file"], key))
        for key in expected & got.keys():
            tp[key.split("/")[0]] += 1
    return tp, fp, fn, false_blocks, wrong


def test_corpus_is_real_and_labelled():
    pages = MANIFEST["pages"]
    assert len(pages) >= 60
    for page in pages:
        host = page["url"].split("//", 1)[1].split("/", 1)[0]
        assert re.search(r"(?:^|\.)gov\.(?:cn|hk|mo)$", host), host  # only pages bodies publish themselves
        assert (ROOT / page["file"]).is_file()
    kinds = Counter(p["kind"] for p in pages)
    assert {"policy", "repost", "interpretation", "annual-report", "news", "internal-rule"} <= kinds.keys()
    assert sum(p["script"] == "traditional" for p in pages) >= 3


def test_no_false_block(outcome):
    assert outcome[3] == []


def test_precision_and_recall_per_checker(outcome):
    tp, fp, fn, _, wrong = outcome
    for checker in set(tp) | set(fp) | set(fn):
        found = tp[checker] + fp[checker]
        precision = tp[checker] / found if found else 1.0
        assert precision >= 0.95, (checker, wrong)
        if tp[checker] + fn[checker]:
            assert tp[checker] / (tp[checker] + fn[checker]) >= 0.9, (checker, wrong)
