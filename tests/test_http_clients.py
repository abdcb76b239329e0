"""Real HTTP clients against ``gkrules serve``: the JDK's default HttpClient (Debian's
OpenJDK), curl with and without ``--http2``, and httpx.

The JDK client and ``curl --http2`` send ``Upgrade: h2c`` with the POST; a server whose parser
then drops the body answers every check with ``400 empty-body`` while ``/v1/health`` stays
green. Each client here must get the block finding for a document with a 密级 marking.

Without javac/java or curl the tests skip, unless ``GKRULES_REQUIRE_CLIENTS=1`` (set by
``.ci/run``, which installs them), where they fail instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from test_server import Server, _free_port

HERE = Path(__file__).resolve().parent
MARKED = "000047\n机密★10年\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n现将方案印发给你们。\n"
REQUEST = {"documents": [{"name": "通知.txt", "text": MARKED}], "today": "2024-05-06"}


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        if os.environ.get("GKRULES_REQUIRE_CLIENTS"):
            pytest.fail(f"{name} is required here (GKRULES_REQUIRE_CLIENTS=1) but not installed")
        pytest.skip(f"{name} not installed")
    return path


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("clients"), "--request-timeout", "60")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def request_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("request") / "request.json"
    path.write_text(json.dumps(REQUEST, ensure_ascii=False), encoding="utf-8")
    return path


def assert_blocked(status: int, body: str) -> None:
    assert status == 200, body[:500]
    report = json.loads(body)
    assert report["complete"] is True
    rules = {(f["checker"], f["rule"], f["severity"]) for d in report["documents"] for f in d["findings"]}
    assert ("confidential-marker", "secrecy-mark", "block") in rules, rules


def test_jdk_default_http_client(server, request_file, tmp_path):
    javac, java = _tool("javac"), _tool("java")
    subprocess.run([javac, "-d", str(tmp_path), str(HERE / "clients" / "GkrulesCheck.java")], check=True,
                   capture_output=True, timeout=300)
    out = subprocess.run([java, "-cp", str(tmp_path), "GkrulesCheck", f"{server.url}/v1/check", str(request_file)],
                         capture_output=True, timeout=120, check=True, text=True, encoding="utf-8")
    status, _, body = out.stdout.partition("\n")
    assert_blocked(int(status), body)


@pytest.mark.parametrize("flags", [[], ["--http2"], ["--http1.1"]], ids=["default", "http2", "http1.1"])
def test_curl(server, request_file, flags):
    curl = _tool("curl")
    out = subprocess.run([curl, "-sS", *flags, "-X", "POST", "-H", "Content-Type: application/json",
                          "--data-binary", f"@{request_file}", "-w", "\n%{http_code}", f"{server.url}/v1/check"],
                         capture_output=True, timeout=120, check=True, text=True, encoding="utf-8")
    body, _, status = out.stdout.rpartition("\n")
    assert_blocked(int(status), body)


def test_curl_http2_multipart_upload(server, tmp_path):
    curl = _tool("curl")
    doc = tmp_path / "通知.txt"
    doc.write_text(MARKED, encoding="utf-8")
    out = subprocess.run([curl, "-sS", "--http2", "-X", "POST", "-F", f"files=@{doc}", "-F", "today=2024-05-06",
                          "-w", "\n%{http_code}", f"{server.url}/v1/check"],
                         capture_output=True, timeout=120, check=True, text=True, encoding="utf-8")
    body, _, status = out.stdout.rpartition("\n")
    assert_blocked(int(status), body)


def test_httpx(server):
    with httpx.Client(timeout=60) as client:
        resp = client.post(f"{server.url}/v1/check", json=REQUEST)
    assert_blocked(resp.status_code, resp.text)


def test_httpx_with_an_h2c_upgrade_header(server):
    """What the JDK sends, spelled out: the body must still arrive."""
    headers = {"Connection": "Upgrade, HTTP2-Settings", "Upgrade": "h2c", "HTTP2-Settings": "AAEAAEAAAAIAAAAAAAMAAAAAAAQBAAAAAAUAAEAA"}
    with httpx.Client(timeout=60) as client:
        resp = client.post(f"{server.url}/v1/check", json=REQUEST, headers=headers)
    assert_blocked(resp.status_code, resp.text)


def test_upgrade_warnings_stay_out_of_the_log(server):
    with httpx.Client(timeout=60) as client:
        client.post(f"{server.url}/v1/check", json=REQUEST, headers={"Connection": "Upgrade", "Upgrade": "h2c"})
    assert "Unsupported upgrade request" not in server.log.read_text(encoding="utf-8", errors="replace")


# -- the service description -------------------------------------------------------------------

def test_openapi_operation_ids_servers_and_media_types(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        doc = client.get("/openapi.json").json()
        ops = [op for item in doc["paths"].values() for op in item.values()]
        ids = [op["operationId"] for op in ops]
        assert len(ids) == len(set(ids)) and all(i.isidentifier() for i in ids)
        assert doc["servers"][0]["url"] == server.url
        declared = doc["paths"]["/v1/check"]["post"]["responses"]["200"]["content"]
        for fmt in ("json", "sarif", "html", "text"):
            resp = client.post("/v1/check", params={"format": fmt}, json=REQUEST)
            assert resp.status_code == 200
            assert resp.headers["content-type"].split(";")[0] in declared, fmt
        for item in doc["paths"].values():  # every success response says what it carries
            for op in item.values():
                assert op["responses"]["200"].get("content"), op["operationId"]


def test_docs_page_is_self_contained(server):
    with httpx.Client(base_url=server.url, timeout=60) as client:
        doc = client.get("/openapi.json").json()
        resp = client.get("/docs")
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    page = resp.text
    for item in doc["paths"].values():
        for op in item.values():
            assert op["operationId"] in page
    for name in doc["components"]["schemas"]:
        assert f'id="schema-{name}"' in page
    lowered = page.lower()
    assert "<script" not in lowered and " src=" not in lowered and "<link" not in lowered
    assert "http://" not in lowered.replace(server.url, "") and "https://" not in lowered


# -- the ready line ---------------------------------------------------------------------------------

def test_ready_line_only_once_the_service_answers(tmp_path):
    """Two workers build their engines after the socket is bound: the line must wait for them."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "GKRULES_SERVE_SETTINGS"}
    proc = subprocess.Popen([sys.executable, "-m", "gkrules", "serve", "--port", str(port), "--workers", "2"],
                    stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, encoding="utf-8", env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        lines = []
        while time.monotonic() < deadline:
            line = proc.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "已就绪" in line:
                resp = httpx.post(f"http://127.0.0.1:{port}/v1/check", json=REQUEST, timeout=60)
                assert_blocked(resp.status_code, resp.text)
                break
        else:
            pytest.fail("no ready line:\n" + "".join(lines))
        assert any("已就绪" in ln for ln in lines), "".join(lines)
        assert f"http://127.0.0.1:{port}/docs" in lines[-1]
    finally:
        os.killpg(proc.pid, 15)
        proc.wait(timeout=30)


def test_announce_waits_for_the_probe(capsys):
    from gkrules.server.ready import announce_when_ready, probe_host

    answers = iter([False, False, True])
    thread = announce_when_ready("0.0.0.0", 1, "就绪", interval=0.01, probe=lambda host, port: next(answers))
    thread.join(5)
    assert capsys.readouterr().err == "就绪\n"
    assert probe_host("0.0.0.0") == "127.0.0.1" and probe_host("::") == "::1" and probe_host("10.0.0.2") == "10.0.0.2"


def test_a_name_without_extension_is_read_by_content(server):
    request = {"documents": [{"name": "通知", "text": MARKED}], "today": "2024-05-06"}
    with httpx.Client(timeout=60) as client:
        resp = client.post(f"{server.url}/v1/check", json=request)
    assert_blocked(resp.status_code, resp.text)
