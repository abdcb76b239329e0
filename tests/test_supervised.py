"""The hostile suite: a checker that commits each fault a plugin (or a library it calls) can
commit, and broken or hostile inputs. Every run must end incomplete for the document at
fault (blocking ``engine/checker-error``, exit 2), check every other document, stay within
its wall-clock and memory limits, and print none of the planted values anywhere."""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hostile_plugin
from gkrules import Engine, InputDocument, PluginManager
from gkrules.supervisor import Limits, MiB

TODAY = dt.date(2025, 11, 20)
CLEAN = "关于印发办法的通知\n各单位：现将办法印发给你们，请遵照执行。\n"
#: limits of the runs below: seconds per document, per checker, MB per worker
DOC_SECONDS, CHECKER_SECONDS, MEMORY_MB = 3.0, 1.0, 400


def _engine(workers: int = 1) -> Engine:
    pm = PluginManager(extra=[("hostile", hostile_plugin)])
    return Engine("national", plugins=pm, timeout=CHECKER_SECONDS,
                  limits=Limits(document_seconds=DOC_SECONDS, memory_bytes=MEMORY_MB * MiB, workers=workers))


@pytest.fixture(scope="module")
def engine():
    e = _engine(workers=2)
    yield e
    e.close()


@pytest.mark.parametrize("mode", hostile_plugin.MODES)
def test_each_fault_makes_its_document_incomplete_and_the_next_one_is_checked(engine, mode):
    docs = [InputDocument(f"{mode}.txt", CLEAN + f"HOSTILE:{mode}\n"), InputDocument("clean.txt", CLEAN)]
    started = time.monotonic()
    report = engine.check(docs, today=TODAY)
    elapsed = time.monotonic() - started
    assert elapsed < DOC_SECONDS * 1.2 + 1.0
    assert not report.complete and engine.exit_code(report) == 2
    bad, good = report.documents
    assert bad.errors, mode
    assert any(f.checker == "engine" and f.rule == "checker-error" for f in bad.findings)
    assert not good.errors
    text = json.dumps([str(d) for d in report.documents], ensure_ascii=False)
    assert hostile_plugin.PLANTED not in text


def test_a_fresh_worker_after_a_kill_checks_as_before(engine):
    before = engine.check([InputDocument("a.txt", CLEAN + "机密★1年\n")], today=TODAY)
    engine.check([InputDocument("x.txt", CLEAN + "HOSTILE:osexit\n")], today=TODAY)
    after = engine.check([InputDocument("a.txt", CLEAN + "机密★1年\n")], today=TODAY)
    assert before.documents[0].findings == after.documents[0].findings
    assert after.complete


def test_the_swallowed_time_limit_is_not_a_pass_in_process():
    """Without workers too: a checker that catches the interrupt and returns is still out of time."""
    from gkrules.budget import BudgetExceeded, run_with_budget

    def swallow():
        try:
            time.sleep(2)
        except BaseException:
            pass
        return "fertig"

    with pytest.raises(BudgetExceeded):
        run_with_budget(swallow, 0.1)


def test_the_memory_limit_holds_for_the_worker(engine):
    """A hog gets MemoryError at the cap; the parent's own memory does not grow with it."""
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = engine.check([InputDocument("m.txt", CLEAN + "HOSTILE:memory\n")], today=TODAY)
    assert not report.complete
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before < 100 * 1024  # KiB


def _cli(tmp_path: Path, *args: str, env_extra: dict | None = None, timeout: float = 60):
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hostile_plugin.install(tmp_path)), env.get("PYTHONPATH")]))
    env.update(env_extra or {})
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "gkrules", *args], capture_output=True, env=env, timeout=timeout,
                          cwd=tmp_path)
    return proc, time.monotonic() - started


def test_cli_every_fault_in_one_batch(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for mode in hostile_plugin.MODES:
        (docs / f"{mode}.txt").write_text(CLEAN + f"HOSTILE:{mode}\n", encoding="utf-8")
    (docs / "clean.txt").write_text(CLEAN, encoding="utf-8")
    out = tmp_path / "report.json"
    proc, elapsed = _cli(tmp_path, "check", str(docs), "--format", "json", "-o", str(out), "--jobs", "2",
                         "--timeout", str(CHECKER_SECONDS), "--document-timeout", str(DOC_SECONDS),
                         "--memory-mb", str(MEMORY_MB))
    assert proc.returncode == 2, proc.stderr.decode()
    report = json.loads(out.read_text(encoding="utf-8"))
    by_name = {Path(d["source"]).name: d for d in report["documents"]}
    for mode in hostile_plugin.MODES:
        assert by_name[f"{mode}.txt"]["errors"], mode
    assert not by_name["clean.txt"]["errors"]
    # three faults can only be ended by the watchdog (alarm, swallow, and the slowest of the rest)
    assert elapsed < 3 * DOC_SECONDS * 1.2 + 10
    for stream in (proc.stdout, proc.stderr, out.read_bytes()):
        assert hostile_plugin.PLANTED.encode() not in stream
        assert b"Traceback" not in stream


class _LeakyLoader:
    """A plugin whose loader fails with the document's content in the exception text, as a
    library does with a malformed PDF Info dictionary."""

    @staticmethod
    @__import__("gkrules").hookimpl
    def gkrules_loaders():
        from gkrules.specs import LoaderSpec

        def load(data, source, options):
            raise ValueError(f"bad /Author ({hostile_plugin.PLANTED}) 13912345678")

        yield LoaderSpec("leaky", (".leaky",), load)


def test_library_exception_text_never_reaches_a_message(tmp_path):
    pm = PluginManager(extra=[("leaky", _LeakyLoader)])
    engine = Engine("national", plugins=pm, check_examples=False)
    (tmp_path / "a.leaky").write_bytes(b"whatever")
    report = engine.check([tmp_path / "a.leaky"], today=TODAY)
    assert not report.complete
    text = repr(report)
    assert hostile_plugin.PLANTED not in text and "13912345678" not in text
    assert "ValueError" in report.documents[0].errors[0].message  # the class of problem is named


def test_a_rule_set_example_that_never_ends_stops_the_start_with_a_clear_error(monkeypatch):
    """A catastrophic pattern runs in C, where no signal reaches it: the examples run in a
    child that is killed at the limit."""
    import gkrules.engine as engine_module
    from gkrules.errors import RulesetError

    def backtrack(self):
        import re

        re.match(r"(a+)+$", "a" * 64 + "!")  # minutes of backtracking inside the regex engine
        return []

    monkeypatch.setattr(engine_module, "EXAMPLES_SECONDS", 1.0)
    monkeypatch.setattr(engine_module.Engine, "_example_problems", backtrack)
    started = time.monotonic()
    with pytest.raises(RulesetError, match="示例检查超过"):
        Engine("national")
    assert time.monotonic() - started < 5


@pytest.mark.parametrize("fmt", ["text", "sarif", "html"])
def test_no_output_format_carries_a_planted_value(tmp_path, fmt):
    docs = tmp_path / "docs"
    docs.mkdir()
    for mode in ("raise", "systemexit", "notafinding"):
        (docs / f"{mode}.txt").write_text(CLEAN + f"HOSTILE:{mode}\n", encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    proc, _ = _cli(tmp_path, "check", str(docs), "--format", fmt, "-o", str(out))
    assert proc.returncode == 2
    for stream in (proc.stdout, proc.stderr, out.read_bytes()):
        assert hostile_plugin.PLANTED.encode() not in stream


def test_redact_reads_hostile_files_in_workers_too(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(CLEAN + "HOSTILE:osexit\n", encoding="utf-8")
    (docs / "b.txt").write_text(CLEAN + "联系人手机：13912345678\n", encoding="utf-8")
    proc, _ = _cli(tmp_path, "redact", str(docs), "--output", str(tmp_path / "out"))
    assert proc.returncode == 2, proc.stderr.decode()
    assert "检查进程意外退出" in proc.stderr.decode()
    assert (tmp_path / "out" / "b.txt").is_file() and not (tmp_path / "out" / "a.txt").exists()
    assert "13912345678" not in (tmp_path / "out" / "b.txt").read_text(encoding="utf-8")


def test_a_caller_deadline_frees_the_workers():
    """The HTTP service's request budget: when it runs out, the stuck documents are killed and
    the rest reported unchecked, instead of holding the workers for each one's own limit."""
    pm = PluginManager(extra=[("hostile", hostile_plugin)])
    engine = Engine("national", plugins=pm, timeout=CHECKER_SECONDS,
                    limits=Limits(document_seconds=30, memory_bytes=MEMORY_MB * MiB, workers=1))
    try:
        docs = [InputDocument(f"{i}.txt", CLEAN + "HOSTILE:swallow\n") for i in range(3)]
        started = time.monotonic()
        report, _ = engine.check_documents(docs, today=TODAY, deadline=started + 1.5)
        assert time.monotonic() - started < 1.5 * 1.2 + 1
        assert all(d.errors for d in report.documents) and not report.complete
        assert "时间上限已到" in report.documents[-1].errors[0].message
        assert engine.check([InputDocument("ok.txt", CLEAN)], today=TODAY).complete
    finally:
        engine.close()


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def test_a_stuck_worker_does_not_outlive_its_killed_parent(tmp_path):
    (tmp_path / "a.txt").write_text(CLEAN + "HOSTILE:swallow\n", encoding="utf-8")
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(hostile_plugin.install(tmp_path)), env.get("PYTHONPATH")]))
    proc = subprocess.Popen([sys.executable, "-m", "gkrules", "check", str(tmp_path / "a.txt"), "--timeout", "1",
                             "--document-timeout", "600"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    workers: list[int] = []
    while not workers and time.monotonic() < deadline:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert workers
    time.sleep(1.5)  # the worker is in the checker's endless loop now
    proc.kill()
    proc.wait()
    time.sleep(2.5)
    alive = [w for w in workers if os.path.exists(f"/proc/{w}") and
             open(f"/proc/{w}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
    assert alive == []


def test_an_item_that_cannot_be_handed_to_a_worker_fails_alone(engine):
    docs = [InputDocument("a.txt", CLEAN), InputDocument("b.txt", CLEAN, {"title": lambda: 0}),
            InputDocument("c.txt", CLEAN)]
    report = engine.check(docs, today=TODAY)
    a, b, c = report.documents
    assert not a.errors and not c.errors
    assert "无法交给检查进程" in b.errors[0].message
