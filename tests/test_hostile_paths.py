"""Every path gets its own result: odd, unreadable or hostile paths become error entries of
their own (exit 2, the report still lists every other file); nothing to check is exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkrules.inputs import PathProblem, collect_paths
from gkrules.metadata.sidecar import display_name

CLEAN = "关于印发办法的通知\n各单位：现将办法印发给你们。\n"


def _gkrules(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "gkrules", *args], capture_output=True, cwd=cwd, timeout=timeout)


@pytest.fixture
def hostile_tree(tmp_path: Path) -> Path:
    d = tmp_path / "docs"
    d.mkdir()
    (d / "ok.txt").write_text(CLEAN, encoding="utf-8")
    os.mkfifo(d / "fifo.txt")
    (d / "zero.txt").symlink_to("/dev/zero")
    (d / "loop.txt").symlink_to("loop.txt")
    (d / "deep.txt").write_text(CLEAN, encoding="utf-8")
    (d / "deep.txt.meta.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (d / "long.txt").write_text(CLEAN, encoding="utf-8")
    os.rename(d / "long.txt", d / ("长" * 81 + ".txt"))  # its sidecar name passes 255 bytes
    (d / os.fsdecode(b"gbk\xc4\xe3.txt")).write_text(CLEAN, encoding="utf-8")
    (d / "ctl\x1b[31m\nred.txt").write_text(CLEAN, encoding="utf-8")
    return d


def test_every_odd_path_is_an_error_of_its_own_and_the_rest_is_checked(hostile_tree, tmp_path):
    out = tmp_path / "r.json"
    started = time.monotonic()
    proc = _gkrules("check", str(hostile_tree), "--format", "json", "-o", str(out), cwd=tmp_path)
    assert time.monotonic() - started < 30  # a FIFO or /dev/zero is never read
    assert proc.returncode == 2, proc.stderr.decode()
    assert b"Traceback" not in proc.stderr and "内部错误" not in proc.stderr.decode()
    report = json.loads(out.read_text(encoding="utf-8"))
    errors = {Path(d["source"]).name: [e["message"] for e in d["errors"]] for d in report["documents"]}
    assert errors["ok.txt"] == []
    assert "不是普通文件" in errors["fifo.txt"][0] and "不是普通文件" in errors["zero.txt"][0]
    assert "符号链接循环" in errors["loop.txt"][0]
    assert "嵌套过深" in errors["deep.txt"][0]
    assert "文件名过长" in errors["长" * 81 + ".txt"][0]
    assert errors["gbk\\xc4\\xe3.txt"] == []  # checked, shown with its bytes escaped
    assert errors["ctl\\x1b[31m\\nred.txt"] == []


def test_control_characters_never_reach_the_text_report(hostile_tree, tmp_path):
    proc = _gkrules("check", str(hostile_tree), cwd=tmp_path)
    assert b"\x1b" not in proc.stdout and b"\x1b" not in proc.stderr
    assert "ctl\\x1b[31m\\nred.txt" in proc.stdout.decode()


def test_nothing_to_check_is_exit_2(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = _gkrules("check", "empty", cwd=tmp_path)
    assert proc.returncode == 2 and "没有找到可检查的文件" in proc.stderr.decode()


def test_an_unreadable_folder_is_an_error_entry(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "ok.txt").write_text(CLEAN, encoding="utf-8")
    locked = tmp_path / "a" / "locked"
    locked.mkdir()
    real = os.scandir

    def scandir(path="."):
        if os.fspath(path) == os.fspath(locked):
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = collect_paths([tmp_path / "a"], {".txt"})
    problems = [p for p in found if isinstance(p, PathProblem)]
    assert [p.message for p in problems] == ["目录无法读取（没有读取权限），其中的文件未检查"]
    assert tmp_path / "a" / "ok.txt" in found


@given(st.text())
def test_display_names_carry_no_control_characters_or_surrogates(name):
    shown = display_name(name)
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0xD800 <= ord(c) <= 0xDFFF for c in shown)
    shown.encode("utf-8")  # printable and serialisable


@given(st.binary(min_size=1, max_size=40))
def test_any_byte_name_is_shown(raw):
    display_name(os.fsdecode(raw)).encode("utf-8")


@pytest.mark.parametrize("supervised", [False, True])
def test_a_path_problem_from_the_plan_is_its_own_entry(supervised):
    """``gkrules check`` hands the engine what its plan found, unreadable folders included
    (PathProblem): each is an error entry of its own, the others are checked (running as
    root, a folder without read permission cannot be made here to come this way)."""
    import datetime as dt

    from gkrules import Engine, InputDocument
    from gkrules.supervisor import Limits

    engine = Engine("national", limits=Limits() if supervised else None)
    try:
        report, _ = engine.check_documents(
            [PathProblem("docs/私密", "目录无法读取（没有读取权限），其中的文件未检查"), InputDocument("ok.txt", CLEAN)],
            today=dt.date(2025, 11, 20))
    finally:
        engine.close()
    problem, ok = report.documents
    assert problem.source == "docs/私密" and problem.errors and not ok.errors
    assert not report.complete and engine.exit_code(report) == 2
