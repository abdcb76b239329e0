"""The HTTP service, tested against the real server: ``gkrules serve`` (uvicorn) on
127.0.0.1 at a free port, in a subprocess, with a third-party plugin installed as a
distribution on PYTHONPATH (its checkers crash or overrun their budget on cue)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import jsonschema
import pytest

import fake_plugins
import gkrules
import hostile_plugin
from gkrules.plugins import PluginManager

HERE = Path(__file__).resolve().parent
NOTICE = ("000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n"
          "现将方案印发给你们，请认真贯彻执行。\n\n内部资料 注意保存\n")
#: a news item: nothing in it for any checker
CLEAN = "青梧市统计局举办统计开放日活动\n\n　　5月20日，市统计局举办统计开放日活动，邀请市民参观数据采集中心。\n"
RAW_ID = "11010519491231002X"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _install_fake_plugin(root: Path) -> Path:
    """A third-party plugin 'installed' the way pip would leave it: module + dist-info."""
    site = root / "site"
    site.mkdir()
    shutil.copy(HERE / "fake_plugins.py", site / "fake_plugins.py")
    hostile_plugin.install(root)
    info = site / "gkrules_fake-0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gkrules-fake\nVersion: 0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[gkrules]\nfake = fake_plugins\n", encoding="utf-8")
    return site


class Server:
    def __init__(self, root: Path, *args: str, workers: int = 1):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_install_fake_plugin(root)), env.get("PYTHONPATH")]))
        env.pop("GKRULES_SERVE_SETTINGS", None)
        self.log = root / "server.log"
        with self.log.open("wb") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "gkrules", "serve", "--host", "127.0.0.1", "--port", str(self.port),
                 "--workers", str(workers), *args], stdout=log, stderr=subprocess.STDOUT, env=env,
                start_new_session=True)
        self.client = httpx.Client(base_url=self.url, timeout=30)
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("server exited:\n" + self.log.read_text(encoding="utf-8", errors="replace"))
            try:
                if self.client.get("/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("server did not start:\n" + self.log.read_text(encoding="utf-8", errors="replace"))

    def stop(self) -> None:
        self.client.close()
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("server"), "--max-body-mb", "1", "--max-document-mb", "0.25",
                 "--timeout", "1", "--request-timeout", "30")
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def openapi(server):
    return server.client.get("/openapi.json").json()


def conforms(openapi: dict, name: str, data) -> None:
    schema = {"$ref": f"#/components/schemas/{name}", "components": openapi["components"]}
    jsonschema.Draft202012Validator(schema).validate(data)


def post(server, payload, **kw):
    return server.client.post("/v1/check", json=payload, **kw)


def assert_error(resp, status: int, *fragments: str) -> dict:
    assert resp.status_code == status, resp.text
    assert resp.headers["content-type"].startswith("application/json")
    assert "Traceback" not in resp.text
    error = resp.json()["error"]
    assert error["code"] and error["message"]
    for frag in fragments:
        assert frag in error["message"] or any(frag in p for p in error.get("problems", [])), error
    return error


# -- endpoints --------------------------------------------------------------------------------

def test_health(server, openapi):
    resp = server.client.get("/v1/health")
    assert resp.status_code == 200
    data = resp.json()
    conforms(openapi, "Health", data)
    assert data["status"] == "ok" and data["version"] == gkrules.__version__
    assert [r["id"] for r in data["rulesets"]] == ["national"]
    assert "fake" in {p["name"] for p in data["plugins"]}  # the installed third-party plugin loaded


def test_openapi_describes_the_service(server, openapi):
    assert openapi["openapi"] == "3.1.0"
    assert set(openapi["paths"]) == {"/v1/check", "/v1/decisions", "/v1/rules", "/v1/health", "/openapi.json", "/docs"}
    check = openapi["paths"]["/v1/check"]["post"]
    assert {"application/json", "multipart/form-data"} <= set(check["requestBody"]["content"])
    assert {"200", "400", "413", "415", "422", "503"} <= set(check["responses"])
    jsonschema.Draft202012Validator.check_schema({"components": openapi["components"]})


def test_rules(server):
    resp = server.client.get("/v1/rules")
    assert resp.status_code == 200
    data = resp.json()
    assert data["ruleset"]["id"] == "national"
    assert {"confidential-marker", "fake-personal", "fake-crashing"} <= set(data["checkers"])
    rules = {r["id"]: r for r in data["checkers"]["confidential-marker"]["rules"]}
    assert rules["secrecy-mark"]["basis"] and rules["secrecy-mark"]["severity"] == "block"
    assert_error(server.client.get("/v1/rules", params={"ruleset": "hainan"}), 422, "hainan")


def test_check_json_matches_the_library(server, openapi):
    resp = post(server, {"documents": [{"name": "通知.txt", "text": NOTICE}, {"name": "开放日.txt", "text": CLEAN}],
                         "today": "2024-05-06"})
    assert resp.status_code == 200
    assert resp.headers["x-gkrules-verdict"] == "fail"
    report = resp.json()
    conforms(openapi, "Report", report)
    assert report["schema"] == "gkrules/report@1" and report["complete"] is True and report["today"] == "2024-05-06"
    assert report["summary"]["block"] == 2
    local = gkrules.Engine("national", plugins=PluginManager(extra=[("fake", fake_plugins)])).check(
        [gkrules.InputDocument("通知.txt", NOTICE), gkrules.InputDocument("开放日.txt", CLEAN)],
        today=dt.date(2024, 5, 6))
    assert [[(f["rule"], f["fingerprint"], (f["location"] or {}).get("line")) for f in d["findings"]]
            for d in report["documents"]] \
        == [[(f.rule, f.fingerprint, f.location.line if f.location else None) for f in d.findings]
            for d in local.documents]


def test_clean_document_passes(server):
    resp = post(server, {"documents": [{"name": "开放日.txt", "text": CLEAN}]})
    assert resp.status_code == 200 and resp.headers["x-gkrules-verdict"] == "pass"
    assert resp.json()["summary"] == {"block": 0, "warn": 0, "info": 0, "suppressed": 0}


def test_base64_content_metadata_and_catalog(server):
    page = ("<html><head><meta charset='gbk'><title>通知</title></head><body><p>秘密★1年</p>"
            "<p>现将有关事项通知如下。</p></body></html>").encode("gbk")
    resp = post(server, {
        "documents": [{"name": "页面.html", "content_base64": base64.b64encode(page).decode(),
                       "metadata": {"title": "关于统计开放日的通知", "disclosure": "主动公开", "formed": "2024-05-01"}}],
        "today": "2024-05-06",
        "catalog": [{"title": "关于统计开放日的通知", "published": "2024-05-02", "kind": "notice"}]})
    assert resp.status_code == 200, resp.text
    doc = resp.json()["documents"][0]
    assert doc["metadata"]["title"] == "关于统计开放日的通知" and doc["metadata"]["formed"] == "2024-05-01"
    assert doc["metadata"]["sources"]["title"] == "host"
    assert [f["rule"] for f in doc["findings"]] == ["secrecy-mark"]


def test_multipart_upload(server):
    files = [("files", ("通知.txt", NOTICE.encode("gb18030"), "text/plain")),
             ("files", ("开放日.txt", CLEAN.encode("utf-8"), "text/plain"))]
    data = {"today": "2024-05-06", "metadata": json.dumps({"开放日.txt": {"disclosure": "主动公开"}}, ensure_ascii=False)}
    resp = server.client.post("/v1/check", files=files, data=data)
    assert resp.status_code == 200, resp.text
    report = resp.json()
    assert [d["source"] for d in report["documents"]] == ["通知.txt", "开放日.txt"]
    assert report["today"] == "2024-05-06" and report["summary"]["block"] == 2
    assert report["documents"][0]["metadata"]["encoding"].lower() in ("gb18030", "gbk")
    assert report["documents"][1]["metadata"]["disclosure"] == "主动公开"
    # form mistakes are named
    assert_error(server.client.post("/v1/check", files=files, data={"metadata": "{"}), 400, "metadata")
    assert_error(server.client.post("/v1/check", files=files, data={"colour": "red"}), 422, "colour")
    assert_error(server.client.post("/v1/check", files=files,
                                     data={"metadata": json.dumps({"别的.txt": {}}, ensure_ascii=False)}), 422, "别的.txt")
    only_field = b'--x\r\nContent-Disposition: form-data; name="today"\r\n\r\n2024-05-06\r\n--x--\r\n'
    assert_error(server.client.post("/v1/check", content=only_field,
                                     headers={"content-type": "multipart/form-data; boundary=x"}), 422, "没有上传文件")
    assert_error(server.client.post("/v1/check", content=b"today=2024-05-06",
                                     headers={"content-type": "multipart/form-data; boundary=x"}), 400, "multipart")


def test_personal_data_never_leaves_in_full(server):
    text = f"关于王某某行政处罚决定的公示\n\n当事人：王某某，公民身份号码：{RAW_ID}，手机：13812345678\n"
    for fmt in ("json", "sarif", "text", "html"):
        resp = server.client.post("/v1/check", params={"format": fmt},
                                  json={"documents": [{"name": "公示.txt", "text": text}]})
        assert resp.status_code == 200, fmt
        assert RAW_ID not in resp.text and "13812345678" not in resp.text, fmt
    assert "1101**********002X" in resp.text  # html: the span is masked with the evidence


def test_other_formats(server):
    resp = server.client.post("/v1/check", params={"format": "sarif"}, json={"documents": [{"name": "a.txt", "text": NOTICE}]})
    assert resp.status_code == 200 and json.loads(resp.text)["version"] == "2.1.0"
    resp = server.client.post("/v1/check", params={"format": "html"}, json={"documents": [{"name": "a.txt", "text": NOTICE}]})
    assert resp.headers["content-type"].startswith("text/html") and "秘密★3年</mark>" in resp.text
    assert_error(server.client.post("/v1/check", params={"format": "docx"},
                                    json={"documents": [{"name": "a.txt", "text": NOTICE}]}), 422, "docx")


# -- failures: closed, clear, never a traceback -------------------------------------------------

def test_crashing_plugin_gives_an_incomplete_report(server, openapi):
    resp = post(server, {"documents": [{"name": "崩溃.txt", "text": "关于某事的通知\n" + fake_plugins.CRASH_TRIGGER},
                                       {"name": "开放日.txt", "text": CLEAN}]})
    assert resp.status_code == 200
    assert resp.headers["x-gkrules-verdict"] == "incomplete"
    report = resp.json()
    conforms(openapi, "Report", report)
    assert report["complete"] is False
    crashed, other = report["documents"]
    assert [(f["checker"], f["rule"], f["severity"]) for f in crashed["findings"]] == [("engine", "checker-error", "block")]
    assert crashed["errors"][0]["checker"] == "fake-crashing" and "RuntimeError" in crashed["errors"][0]["message"]
    assert other["findings"] == [] and other["errors"] == []
    # the server goes on serving
    assert post(server, {"documents": [{"name": "开放日.txt", "text": CLEAN}]}).headers["x-gkrules-verdict"] == "pass"


def test_checker_overrunning_its_budget_gives_an_incomplete_report(server):
    started = time.monotonic()
    resp = post(server, {"documents": [{"name": "慢.txt", "text": "关于某事的通知\n" + fake_plugins.SLOW_TRIGGER}]})
    assert time.monotonic() - started < fake_plugins.SLOW_SECONDS  # --timeout 1: not waited for
    assert resp.status_code == 200
    report = resp.json()
    assert report["complete"] is False
    assert report["documents"][0]["errors"][0]["code"] == "checker-timeout"


def test_size_limits(server):
    big = "统计" * 200_000  # 1.2 MB of UTF-8: over the 1 MiB body limit
    assert_error(post(server, {"documents": [{"name": "大.txt", "text": big}]}), 413, "请求体过大")

    def chunks():  # no Content-Length: the limit holds while the body streams in
        yield b'{"documents": [{"name": "a.txt", "text": "'
        for _ in range(40):
            yield ("统计" * 10_000).encode()
        yield b'"}]}'

    resp = server.client.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert_error(resp, 413, "请求体过大")
    one = "统计" * 50_000  # 300 KB: under the body limit, over the 0.25 MiB document limit
    assert_error(post(server, {"documents": [{"name": "大文件.txt", "text": one}]}), 413, "大文件.txt", "上限")
    files = [("files", ("大文件.txt", one.encode(), "text/plain"))]
    assert_error(server.client.post("/v1/check", files=files), 413, "大文件.txt")


@pytest.mark.parametrize(("payload", "status", "fragment"), [
    (b'{"documents": [', 400, "不是有效的 JSON"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}],}', 400, "第 1 行"),
    (b"", 400, "请求体为空"),
    (b"\xff\xfe\x00garbage", 400, "JSON"),
    (b"[1, 2]", 422, "顶层应为 JSON 对象"),
    (b'{"docs": []}', 422, "未知的键 'docs'"),
    (b'{"documents": []}', 422, "documents 不能为空"),
    (b'{"documents": [{"name": "a.txt"}]}', 422, "text 与 content_base64"),
    (b'{"documents": [{"name": "a.txt", "text": "x", "content_base64": "eA=="}]}', 422, "只能给出一个"),
    (b'{"documents": [{"name": "a.txt", "content_base64": "%%%"}]}', 422, "Base64"),
    (b'{"documents": [{"name": "a.txt", "text": 5}]}', 422, "应为字符串"),
    (b'{"documents": [{"name": " ", "text": "x"}]}', 422, "name 不能为空"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}, {"name": "a.txt", "text": "y"}]}', 422, "重复"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}], "today": "2024-13-40"}', 422, "today"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}], "ruleset": "/etc/passwd"}', 422, "未在本服务加载"),
    ('{"documents": [{"name": "a.txt", "text": "x", "metadata": {"disclosure": "公开"}}]}'.encode(), 422, "主动公开"),
    (b'{"documents": [{"name": "a.txt", "text": "x", "metadata": {"colour": 1}}]}', 422, "colour"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}], "catalog": [{"published": "soon"}]}', 422, "catalog"),
    (b"[" * 200_000 + b"]" * 200_000, 400, "嵌套过深"),
    (b'{"documents": [{"name": "a.txt", "text": "x"}], "today": ' + b"9" * 5000 + b"}", 400, "过长的数字"),
    (b'{"documents": [{"name": "a\\ud800.txt", "text": "x"}]}', 400, "代理项"),
    (b'{"documents": [{"name": "a.txt", "text": "\\udc00"}]}', 400, "代理项"),
])
def test_malformed_requests(server, openapi, payload, status, fragment):
    resp = server.client.post("/v1/check", content=payload, headers={"content-type": "application/json"})
    conforms(openapi, "Error", assert_error(resp, status, fragment) and resp.json())


def test_wrong_method_type_and_path(server):
    assert_error(server.client.post("/v1/check", content=b"x", headers={"content-type": "text/plain"}), 415,
                 "application/json")
    assert_error(server.client.get("/v1/check"), 405, "GET")
    assert_error(server.client.get("/v2/check"), 404, "/v2/check")


def test_engine_is_built_once_per_process(server):
    before = server.client.get("/v1/health").json()["process"]
    for _ in range(3):
        assert post(server, {"documents": [{"name": "a.txt", "text": NOTICE}]}).status_code == 200
    assert server.client.get("/v1/health").json()["process"] == before


def test_two_workers_rulesets_and_the_request_budget(tmp_path):
    site = tmp_path / "qingwu.yaml"
    site.write_text("id: qingwu\nversion: '2024.1'\nextends: national\ncheckers:\n  confidential-marker:\n"
                    "    rules:\n      internal-label:\n        severity: warn\n", encoding="utf-8")
    srv = Server(tmp_path, "--request-timeout", "1", "--timeout", "30", "--ruleset", "national",
                 "--ruleset", str(site), workers=2)
    try:
        assert [r["id"] for r in srv.client.get("/v1/health").json()["rulesets"]] == ["national", "qingwu"]
        for name in ("qingwu", str(site)):  # by id, or as --ruleset named it
            resp = srv.client.post("/v1/check", json={"documents": [{"name": "a.txt", "text": NOTICE}], "ruleset": name})
            assert resp.json()["ruleset"]["id"] == "qingwu"
            marker = sorted((f["rule"], f["severity"]) for d in resp.json()["documents"] for f in d["findings"]
                            if f["checker"] == "confidential-marker")
            assert marker == [("internal-label", "warn"), ("secrecy-mark", "block")]
        rules = srv.client.get("/v1/rules", params={"ruleset": "qingwu"}).json()["checkers"]["confidential-marker"]
        assert {r["id"]: r["severity"] for r in rules["rules"]}["internal-label"] == "warn"
        pids = set()
        for _ in range(6):
            with httpx.Client(base_url=srv.url, timeout=30) as c:  # new connections reach either worker
                resp = c.post("/v1/check", json={"documents": [{"name": "a.txt", "text": NOTICE}]})
                assert resp.status_code == 200 and resp.json()["summary"]["block"] == 2
                pids.add(c.get("/v1/health").json()["process"]["pid"])
        assert srv.proc.pid not in pids  # workers answer, the supervisor does not
        started = time.monotonic()
        resp = srv.client.post("/v1/check", json={"documents": [{"name": "慢.txt", "text": fake_plugins.SLOW_TRIGGER}]})
        assert time.monotonic() - started < fake_plugins.SLOW_SECONDS
        assert_error(resp, 503, "时间上限", "不得发布")
    finally:
        srv.stop()


def test_serve_refuses_an_invalid_ruleset(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\nversion: '1'\ncheckers:\n  no-such-checker: {}\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "gkrules", "serve", "--ruleset", str(bad), "--port", str(_free_port())],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "no-such-checker" in proc.stderr and "Traceback" not in proc.stderr


def test_health_answers_while_workers_are_stuck_on_hostile_files(tmp_path):
    """16 clients at once, two of them with a file that loops forever in its checker: health
    still answers within a second, and every clean request gets its report."""
    import concurrent.futures

    srv = Server(tmp_path, "--timeout", "1", "--document-timeout", "4", "--request-timeout", "30")
    try:
        def check(text: str):
            with httpx.Client(base_url=srv.url, timeout=60) as c:
                return c.post("/v1/check", json={"documents": [{"name": "a.txt", "text": text}]})

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            stuck = [pool.submit(check, CLEAN + "HOSTILE:swallow\n") for _ in range(2)]
            time.sleep(0.5)
            clean = [pool.submit(check, CLEAN) for _ in range(14)]
            for _ in range(5):
                started = time.monotonic()
                assert srv.client.get("/v1/health").status_code == 200
                assert time.monotonic() - started < 1.0
                time.sleep(0.3)
            for f in stuck:
                report = f.result().json()
                assert "complete" in report, report
                assert report["complete"] is False and report["documents"][0]["errors"]
                assert hostile_plugin.PLANTED not in f.result().text
            for f in clean:
                assert f.result().status_code == 200 and f.result().headers["x-gkrules-verdict"] == "pass"
        # the workers were replaced: the service still checks
        assert check(CLEAN + "HOSTILE:osexit\n").json()["complete"] is False
        assert check(CLEAN).headers["x-gkrules-verdict"] == "pass"
    finally:
        srv.stop()


def test_a_client_that_sends_its_headers_slowly_is_cut_off(tmp_path):
    srv = Server(tmp_path, "--header-timeout", "1.5")
    try:
        with socket.create_connection(("127.0.0.1", srv.port), timeout=10) as s:
            s.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            closed = False
            for _ in range(20):  # one header byte every half second, never finishing
                try:
                    s.sendall(b"X")
                    s.settimeout(0.5)
                    if s.recv(1024) == b"":
                        closed = True
                        break
                except TimeoutError:
                    continue
                except OSError:
                    closed = True
                    break
            assert closed and time.monotonic() - started < 1.5 * 1.2 + 1
        # a normal client on a kept-alive connection is not affected
        assert srv.client.get("/v1/health").status_code == 200
        time.sleep(2)
        assert srv.client.get("/v1/health").status_code == 200
    finally:
        srv.stop()
