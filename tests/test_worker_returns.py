"""Workers send back only what the parent reads (issue 19): the report is the same whatever
a worker leaves out, and it leaves out what nothing in the parent reads."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import opencc
import pytest

from gkrules import Engine, InputDocument, PluginManager
from gkrules.engine import CHECKED_PARTS, NO_DOCUMENT, WHOLE_DOCUMENT
from gkrules.serialize import report_to_dict
from gkrules.supervisor import Limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from benchmarks.corpus import generate

TODAY = dt.date(2025, 11, 20)


def _documents() -> list[InputDocument]:
    """Generated bureau documents (secrecy marks, personal data, tables), and the same in
    traditional script, whose findings are located back in the original characters."""
    texts = generate(0.06, 3)
    s2t = opencc.OpenCC("s2t")
    docs = [InputDocument(name, text) for name, text in texts]
    docs += [InputDocument("繁体-" + name, s2t.convert(text)) for name, text in texts[:4]]
    return docs


def _dump(report) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, sort_keys=True)


@pytest.mark.parametrize("disabled", [[], ["allowlist", "policy-interpretation"]])
def test_the_report_is_the_same_in_a_worker_and_in_process(disabled):
    docs = _documents()
    in_process = Engine("national", plugins=PluginManager(block=disabled))
    supervised = Engine("national", plugins=PluginManager(block=disabled), limits=Limits(workers=2))
    try:
        expected = in_process.check(docs, today=TODAY)
        assert any(d.findings for d in expected.documents)
        assert _dump(supervised.check(docs, today=TODAY, jobs=2)) == _dump(expected)
        report, loaded = supervised.check_documents(docs, today=TODAY, jobs=2)
        assert _dump(report) == _dump(expected)
        assert [d.text for d in loaded] == [d.text for d in in_process.check_documents(docs, today=TODAY)[1]]
    finally:
        supervised.close()


def test_what_a_worker_leaves_out():
    engine = Engine("national", plugins=PluginManager(block=["allowlist", "policy-interpretation"]))
    assert engine._parts_read_here() == NO_DOCUMENT
    assert Engine("national")._parts_read_here() == CHECKED_PARTS
    doc = InputDocument("通知.html", "<html><body><p>秘密★1年</p><p>各单位：现将办法印发给你们。</p></body></html>")
    whole, _ = engine._process_in_worker(doc, TODAY, {}, WHOLE_DOCUMENT)
    checked, _ = engine._process_in_worker(doc, TODAY, {}, CHECKED_PARTS)
    nothing, result = engine._process_in_worker(doc, TODAY, {}, NO_DOCUMENT)
    assert whole.source_lines and not checked.source_lines and not checked.notices
    assert checked.text == whole.text and checked.metadata == whole.metadata
    assert nothing is None and result.findings
