"""The shared review record: concurrent writers lose nothing, in every store.

PostgreSQL: the tests use ``GKRULES_TEST_POSTGRES_URL`` (default: the local server through
its Unix socket, database ``gkrules_test``). Without a reachable server they skip, except
under ``GKRULES_REQUIRE_POSTGRES=1`` (CI), where they fail.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from gkrules.baseline import Review
from gkrules.baseline.decide import Decision, DecisionRefused
from gkrules.baseline.policy import DEFAULT_POLICY
from gkrules.baseline.store import JsonFileStore, open_store
from gkrules.cli import main
from gkrules.model import Finding, Severity
from test_baseline import OTHER_BUILTIN_CHECKERS

WRITERS = 16
PER_WRITER = 5
PG_URL = os.environ.get("GKRULES_TEST_POSTGRES_URL", "postgresql+psycopg:///gkrules_test")


def _postgres_url() -> str:
    import sqlalchemy as sa

    try:
        engine = sa.create_engine(PG_URL)
        with engine.connect() as conn:
            conn.execute(sa.text("SELECT 1"))
        engine.dispose()
    except Exception as exc:
        if os.environ.get("GKRULES_REQUIRE_POSTGRES") == "1":
            pytest.fail(f"GKRULES_REQUIRE_POSTGRES=1 but PostgreSQL at {PG_URL} is not reachable: {exc}")
        pytest.skip(f"no PostgreSQL reachable at {PG_URL}")
    return PG_URL


@pytest.fixture
def postgres() -> str:
    """A fresh, empty record in PostgreSQL (tables dropped before and after)."""
    import sqlalchemy as sa

    url = _postgres_url()
    engine = sa.create_engine(url)

    def drop():
        with engine.begin() as conn:
            conn.execute(sa.text("DROP TABLE IF EXISTS gkrules_decision, gkrules_schema"))

    drop()
    yield url
    drop()
    engine.dispose()


@pytest.fixture(params=["json", "sqlite", "postgres"])
def store_url(request, tmp_path) -> str:
    if request.param == "json":
        return str(tmp_path / "record.json")
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'record.db'}"
    return request.getfixturevalue("postgres")


def _decision(writer: int, n: int) -> Decision:
    f = Finding("personal-info", "id-number", Severity.BLOCK, "m", fingerprint=f"{writer:02d}{n:02d}".ljust(32, "0"))
    return Decision(f"文件{writer}.txt", f, "a" * 64,
                    Review(f"审查人{writer}", "终审", f"理由{writer}-{n}", dt.date(2024, 5, 6), "accepted"))


def _write(url: str, writer: int) -> None:
    store = open_store(url)
    for n in range(PER_WRITER):
        store.record([_decision(writer, n)], DEFAULT_POLICY)


def _expected() -> dict[tuple[str, str], str]:
    return {(d.document, d.finding.fingerprint): d.review.reason
            for w in range(WRITERS) for d in (_decision(w, n) for n in range(PER_WRITER))}


def _got(url: str) -> dict[tuple[str, str], str]:
    entries = open_store(url).read().entries
    assert all(e.decision == "accepted" and e.stage == "终审" and not e.history for e in entries)
    return {e.key: e.reason for e in entries}


def test_threads_lose_no_decision(store_url):
    with ThreadPoolExecutor(WRITERS) as pool:
        list(pool.map(lambda w: _write(store_url, w), range(WRITERS)))
    assert _got(store_url) == _expected()


def test_processes_lose_no_decision(store_url):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_write, args=(store_url, w)) for w in range(WRITERS)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    assert _got(store_url) == _expected()


def test_history_is_append_only_and_refusals_write_nothing(store_url):
    store = open_store(store_url)
    first = _decision(1, 1)
    store.record([first], DEFAULT_POLICY)
    later = Decision(first.document, first.finding, "b" * 64,
                     Review("王五", "终审", "文件修改后复核", dt.date(2024, 5, 8), "rejected"))
    store.record([later], DEFAULT_POLICY)
    early = Decision(first.document, first.finding, "b" * 64, Review("张三", "自审", "x", dt.date(2024, 5, 9)))
    with pytest.raises(DecisionRefused):
        store.record([_decision(2, 2), early], DEFAULT_POLICY)  # all or nothing
    (entry,) = open_store(store_url).read().entries
    assert (entry.decision, entry.reviewer, entry.document_sha256) == ("rejected", "王五", "b" * 64)
    assert [(r.reviewer, r.decision, r.document_sha256) for r in entry.history] == [("审查人1", "accepted", "a" * 64)]


def test_json_store_keeps_its_file_format(tmp_path):
    store = JsonFileStore(tmp_path / "r.json")
    store.record([_decision(0, 0)], DEFAULT_POLICY)
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["schema"] == "gkrules/baseline@2"
    # the lock file is hidden: checking the folder the record is in does not trip over it
    assert sorted(p.name for p in tmp_path.iterdir()) == [".r.json.lock", "r.json"]


# -- through the HTTP service: 16 concurrent CMS clients, then the CLI reads the record back ---

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def served(store_url, tmp_path):
    port = _free_port()
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "gkrules", "serve", "--port", str(port), "--workers", "2",
                             "--record", store_url, "--no-access-log"], env=env, cwd=tmp_path,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, proc.stderr.read().decode("utf-8", "replace")
            assert time.monotonic() < deadline, "server did not start"
            time.sleep(0.3)
        yield base
    finally:
        proc.terminate()
        proc.wait(30)


def _doc(i: int) -> dict:
    return {"name": f"通知{i}.txt", "text": f"关于第{i}次统计工作的通知\n\n秘密★3年\n各单位：请按时报送。\n"}


def _cms_client(base: str, i: int) -> dict:
    with httpx.Client(timeout=120) as client:
        report = client.post(f"{base}/v1/check", json={"documents": [_doc(i)], "today": "2024-05-06"}).json()
        (mark,) = [f for d in report["documents"] for f in d["findings"] if f["rule"] == "secrecy-mark"]
        r = client.post(f"{base}/v1/decisions", json={
            "documents": [_doc(i)], "today": "2024-05-06", "reviewer": f"审查人{i}", "stage": "终审",
            "decisions": [{"document": f"通知{i}.txt", "fingerprint": mark["fingerprint"], "decision": "accept",
                           "reason": f"保密办确认第{i}号已解密"}]})
        assert r.status_code == 200, r.text
        return {"fingerprint": mark["fingerprint"], "answer": r.json()}


def test_sixteen_cms_clients_through_the_service_lose_nothing(served, store_url, tmp_path, capsys, monkeypatch):
    with ThreadPoolExecutor(WRITERS) as pool:
        results = list(pool.map(lambda i: _cms_client(served, i), range(WRITERS)))
    assert all(r["answer"]["recorded"] == 1 for r in results)
    record = {e.key: e for e in open_store(store_url).read().entries}
    assert len(record) == WRITERS
    for i, r in enumerate(results):
        e = record[(f"通知{i}.txt", r["fingerprint"])]
        assert (e.reviewer, e.stage, e.reason, e.decision) == (f"审查人{i}", "终审", f"保密办确认第{i}号已解密", "accepted")
    # a refused decision (自审 may not accept 阻断) is 422 with a Chinese reason, nothing written
    r = httpx.post(f"{served}/v1/decisions", timeout=60, json={
        "documents": [_doc(0)], "today": "2024-05-06", "reviewer": "张三", "stage": "自审",
        "decisions": [{"document": "通知0.txt", "fingerprint": results[0]["fingerprint"], "decision": "accept",
                       "reason": "x"}]})
    assert r.status_code == 422 and r.json()["error"]["code"] == "decision-refused"
    assert "终审" in r.json()["error"]["message"]
    assert len(open_store(store_url).read().entries) == WRITERS

    # the CLI reads the same record back: the same documents on disk pass the gate
    site = tmp_path / "site"
    site.mkdir()
    for i in range(WRITERS):
        (site / _doc(i)["name"]).write_text(_doc(i)["text"], encoding="utf-8")
    monkeypatch.chdir(site)
    where = store_url if "://" in store_url else str(Path(store_url))
    if "://" not in where:  # the JSON file's document keys are relative to its folder
        moved = site / "record.json"
        moved.write_text(Path(where).read_text(encoding="utf-8"), encoding="utf-8")
        where = str(moved)
    monkeypatch.setenv("GKRULES_DISABLE_PLUGINS", OTHER_BUILTIN_CHECKERS)
    code = main(["check", ".", "--today", "2024-05-06", "--format", "json", "--baseline", where])
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["suppressed"] == WRITERS and report["summary"]["block"] == 0, report["summary"]
    assert code == 0


def test_decisions_endpoint_refuses_clearly(tmp_path):
    from starlette.testclient import TestClient

    from gkrules.server.app import create_app
    from gkrules.server.settings import ServerSettings

    without = TestClient(create_app(ServerSettings()))
    r = without.post("/v1/decisions", json={"documents": [_doc(0)], "decisions": []})
    assert r.status_code == 404 and r.json()["error"]["code"] == "no-record"
    client = TestClient(create_app(ServerSettings(record=str(tmp_path / "r.json"))))
    for body, words in [
        ({"documents": [_doc(0)], "today": "2024-05-06", "decisions": []}, "非空列表"),
        ({"documents": [_doc(0)], "today": "2024-05-06", "reviewer": "王五", "stage": "终审",
          "decisions": [{"document": "通知0.txt", "fingerprint": "0" * 32, "decision": "accept", "reason": "x"}]},
         "没有指纹为"),
        ({"documents": [_doc(0)], "today": "2024-05-06", "reviewer": "王五", "stage": "复审",
          "decisions": [{"document": "通知0.txt", "fingerprint": "0" * 32, "decision": "accept"}]}, "stage"),
    ]:
        r = client.post("/v1/decisions", json=body)
        assert r.status_code == 422 and words in r.json()["error"]["message"], r.text
        assert "Traceback" not in r.text
    assert not (tmp_path / "r.json").exists()
    assert "/v1/decisions" in client.get("/openapi.json").json()["paths"]
