"""The engine fails closed: crashes and overruns block that document, the rest is checked."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from gkrules import Engine, InputDocument, PluginManager, hookimpl
from gkrules.model import Severity
from gkrules.specs import CheckerSpec, RuleInfo

TODAY = dt.date(2024, 4, 8)
MARKED = "000047\n秘密★3年\n加急\n\n青梧市统计局文件\n"
PLAIN = "青梧市统计局关于报送统计资料的通知\n\n各区县统计局：\n　　请按时报送。\n"


def _spec(cid, factory, **kw):
    return CheckerSpec(cid, factory, (RuleInfo("r", "测试规则", Severity.WARN, "测试依据"),), **kw)


class _Raises:
    def check(self, ctx):
        if "爆炸" in ctx.text:
            raise ValueError("无法处理")
        return []


class _Loops:
    def check(self, ctx):
        while True:  # a runaway plugin: pure Python, interrupted by the budget
            time.sleep(0.001)


class _Finds:
    def check(self, ctx):
        i = ctx.text.find("青梧")
        if i >= 0:
            yield ctx.finding("r", i, i + 2, "发现青梧", evidence="青梧")


def _of(findings, *checkers):
    """The findings of the checkers a test is about (every built-in checker runs on its documents)."""
    return [f for f in findings if f.checker in checkers]


def _engine(*plugins, **kw):
    class P:
        @hookimpl
        def gkrules_checkers(self):
            yield from plugins

    return Engine("national", plugins=PluginManager(extra=[("test-plugin", P())]), **kw)


def test_raising_checker_blocks_that_document_only():
    engine = _engine(_spec("raising", lambda s: _Raises()))
    report = engine.check([InputDocument("坏.txt", "爆炸\n"), InputDocument("好.txt", MARKED)], today=TODAY)
    bad, good = report.documents
    assert [(f.checker, f.rule, f.severity) for f in _of(bad.findings, "engine", "raising")] == [
        ("engine", "checker-error", Severity.BLOCK)]
    assert "raising" in bad.findings[0].message and "ValueError" in bad.findings[0].message
    assert bad.errors[0].code == "checker-error" and bad.errors[0].checker == "raising"
    # the other document is still checked by every checker, the crashing one included
    assert [f.rule for f in _of(good.findings, "engine", "raising", "confidential-marker")] == ["secrecy-mark"]
    assert good.errors == ()
    assert report.complete is False
    assert engine.exit_code(report) == 2


def test_overrunning_checker_times_out():
    engine = _engine(_spec("looping", lambda s: _Loops()), timeout=0.3)
    t0 = time.monotonic()
    report = engine.check([InputDocument("a.txt", PLAIN)], today=TODAY)
    assert time.monotonic() - t0 < 5
    doc = report.documents[0]
    assert doc.errors[0].code == "checker-timeout"
    assert any(f.rule == "checker-error" and "超过时间限制" in f.message for f in doc.findings)
    assert report.complete is False


def test_overrun_outside_main_thread_is_also_bounded():
    import threading

    engine = _engine(_spec("looping", lambda s: _Loops()), timeout=0.3)
    box = {}
    t = threading.Thread(target=lambda: box.setdefault("r", engine.check([InputDocument("a.txt", PLAIN)], today=TODAY)))
    t.start()
    t.join(10)
    assert not t.is_alive()
    assert box["r"].documents[0].errors[0].code == "checker-timeout"


def test_checker_that_cannot_start_fails_every_document_closed():
    def broken(setup):
        raise OSError("词表文件丢失")

    engine = _engine(_spec("broken", broken))
    report = engine.check([InputDocument("a.txt", PLAIN), InputDocument("b.txt", PLAIN)], today=TODAY)
    assert all(d.errors and d.errors[0].checker == "broken" for d in report.documents)
    assert all(any(f.checker == "engine" for f in d.findings) for d in report.documents)


def test_observer_hook_cannot_break_the_run():
    seen = []

    class Observer:
        @hookimpl
        def gkrules_checker_error(self, checker, source, error):
            seen.append((checker, source, type(error).__name__))
            raise RuntimeError("监控系统不可用")

    class P:
        @hookimpl
        def gkrules_checkers(self):
            yield _spec("raising", lambda s: _Raises())

    engine = Engine("national", plugins=PluginManager(extra=[("p", P()), ("observer", Observer())]))
    report = engine.check([InputDocument("坏.txt", "爆炸\n")], today=TODAY)
    assert seen == [("raising", "坏.txt", "ValueError")]
    assert report.documents[0].findings[0].rule == "checker-error"


def test_disabled_by_default_checker_runs_only_when_a_ruleset_enables_it(tmp_path):
    spec = _spec("optin", lambda s: _Finds(), enabled_by_default=False)
    assert _of(_engine(spec).check([InputDocument("a.txt", PLAIN)], today=TODAY).documents[0].findings, "optin") == []
    rs = tmp_path / "r.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  optin:\n    enabled: true\n", encoding="utf-8")

    class P:
        @hookimpl
        def gkrules_checkers(self):
            yield spec

    engine = Engine(str(rs), plugins=PluginManager(extra=[("p", P())]))
    found = engine.check([InputDocument("a.txt", PLAIN)], today=TODAY).documents[0].findings
    assert [f.rule for f in _of(found, "optin")] == ["r"]


def test_ruleset_overrides_rule_severity_and_can_disable_a_rule(tmp_path):
    rs = tmp_path / "r.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-marker:\n"
                  "    rules:\n      secrecy-mark: {severity: warn}\n      internal-label: {enabled: false}\n",
                  encoding="utf-8")
    engine = Engine(str(rs))
    text = MARKED + "\n内部资料　注意保存\n"
    findings = _of(engine.check([InputDocument("a.txt", text)], today=TODAY).documents[0].findings, "confidential-marker")
    assert [(f.rule, f.severity) for f in findings] == [("secrecy-mark", Severity.WARN)]


def test_fingerprints_hold_when_text_elsewhere_changes():
    engine = Engine("national")
    label = "\n（本材料为内部资料，仅供领导参阅）\n"
    before = engine.check([InputDocument("a.txt", "形势分析\n" + label)], today=TODAY).documents[0].findings
    after = engine.check([InputDocument("a.txt", "2025年形势分析\n\n　　新增一段分析。\n" + label)],
                         today=TODAY).documents[0].findings
    assert before[0].location.line != after[0].location.line
    assert before[0].fingerprint == after[0].fingerprint
    # two identical labels get two distinct fingerprints
    twice = engine.check([InputDocument("a.txt", "内部资料\n\n正文\n\n内部资料\n")], today=TODAY).documents[0].findings
    assert len({f.fingerprint for f in twice}) == 2


def test_findings_sorted_and_located():
    report = Engine("national").check([InputDocument("a.txt", MARKED + "\n内部资料\n")], today=TODAY)
    ordered = [f.location.start if f.location else -1 for f in report.documents[0].findings]
    assert ordered == sorted(ordered)  # document-level findings first
    findings = _of(report.documents[0].findings, "confidential-marker")
    assert [f.location.line for f in findings] == [2, 7]
    loc = findings[0].location
    assert (loc.line, loc.column, loc.end_line, loc.end_column) == (2, 1, 2, 6)  # end column is exclusive, as in SARIF


def test_parallel_jobs_give_the_same_report(tmp_path):
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(MARKED if i % 2 else PLAIN, encoding="utf-8")
    engine = Engine("national")
    serial = engine.check([tmp_path], today=TODAY)
    parallel = engine.check([tmp_path], today=TODAY, jobs=2)
    assert serial == parallel


def test_unreadable_document_is_an_error_and_others_are_checked(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "b.txt").write_text(MARKED, encoding="utf-8")
    report = Engine("national").check([tmp_path], today=TODAY)
    a, b = report.documents
    assert a.errors and a.errors[0].code == "input" and "二进制" in a.errors[0].message
    assert [f.rule for f in _of(b.findings, "confidential-marker", "engine")] == ["secrecy-mark"]
    assert report.complete is False


def test_legacy_format_in_a_folder_is_reported_not_skipped(tmp_path):
    (tmp_path / "附件.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)  # OLE2 header
    report = Engine("national").check([tmp_path], today=TODAY)
    assert report.documents[0].errors[0].code == "unsupported-format"
    assert "docx" in report.documents[0].errors[0].message


def test_sidecars_are_metadata_not_documents(tmp_path):
    (tmp_path / "政策.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "政策.txt.meta.json").write_text('{"formed": "2024-03-01", "disclosure": "主动公开"}', encoding="utf-8")
    report = Engine("national").check([tmp_path], today=TODAY)
    assert [d.source for d in report.documents] == [str(tmp_path / "政策.txt")]
    meta = report.documents[0].metadata
    assert meta.formed == dt.date(2024, 3, 1) and meta.sources["formed"] == "sidecar"


def test_bad_sidecar_is_a_document_error(tmp_path):
    (tmp_path / "a.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "a.txt.meta.json").write_text('{"formed": "明天", "colour": 1}', encoding="utf-8")
    report = Engine("national").check([tmp_path], today=TODAY)
    err = report.documents[0].errors[0]
    assert err.code == "input" and "colour" in err.message and "formed" in err.message


def test_host_metadata_overrides_text():
    report = Engine("national").check(
        [InputDocument("a.txt", PLAIN, {"title": "关于报送统计资料的补充通知", "kind": "notice"})], today=TODAY)
    meta = report.documents[0].metadata
    assert meta.title == "关于报送统计资料的补充通知" and meta.sources["title"] == "host"


def test_missing_path_is_a_usage_error():
    from gkrules.errors import UsageError

    with pytest.raises(UsageError, match="路径不存在"):
        Engine("national").check(["/nonexistent/通知.txt"], today=TODAY)
