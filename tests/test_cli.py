"""The CLI contract: design §5 options and §7 exit codes, Chinese errors, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

MARKED = "000047\n秘密★3年\n加急\n\n青梧市统计局文件\n"
CLEAN = "青梧市统计局关于报送统计资料的通知\n\n各区县统计局：\n　　请按时报送。\n"
WARN_ONLY = "000123\n特急\n\n青梧市统计局文件\n"


def run(*args, cwd=None, env=None):
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([sys.executable, "-m", "gkrules", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=e)


@pytest.fixture
def docs(tmp_path):
    (tmp_path / "marked.txt").write_text(MARKED, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "warn.txt").write_text(WARN_ONLY, encoding="utf-8")
    return tmp_path


def test_exit_0_when_clean(docs):
    p = run("check", docs / "clean.txt", "--today", "2024-04-08")
    assert p.returncode == 0, p.stderr
    assert "阻断 0" in p.stdout and "检查完整" in p.stdout


def test_exit_1_on_block_with_json_contract(docs):
    p = run("check", docs / "marked.txt", docs / "clean.txt", "--format", "json", "--today", "2024-04-08")
    assert p.returncode == 1
    report = json.loads(p.stdout)
    assert report["schema"] == "gkrules/report@1" and report["today"] == "2024-04-08"
    (marked,) = [d for d in report["documents"] if d["source"].endswith("marked.txt")]
    (f,) = [f for f in marked["findings"] if f["checker"] == "confidential-marker"]
    assert (f["checker"], f["rule"], f["severity"], f["location"]["line"]) == (
        "confidential-marker", "secrecy-mark", "block", 2)


def test_fail_on_warn_and_exit_zero(docs):
    assert run("check", docs / "warn.txt").returncode == 0
    assert run("check", docs / "warn.txt", "--fail-on", "warn").returncode == 1
    assert run("check", docs / "marked.txt", "--exit-zero").returncode == 0


def test_directory_is_walked_as_one_batch(docs):
    (docs / "sub").mkdir()
    (docs / "sub" / "b.txt").write_text(MARKED, encoding="utf-8")
    (docs / "sub" / "b.txt.meta.json").write_text("{}", encoding="utf-8")
    p = run("check", docs, "--format", "json")
    sources = [Path(d["source"]).name for d in json.loads(p.stdout)["documents"]]
    assert sorted(sources) == ["b.txt", "clean.txt", "marked.txt", "warn.txt"]


def test_output_file_is_written_before_exit(docs, tmp_path):
    out = tmp_path / "report.sarif"
    p = run("check", docs / "marked.txt", "--format", "sarif", "--output", out)
    assert p.returncode == 1 and p.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == "2.1.0"


@pytest.mark.parametrize(("args", "message"), [
    (["check", "nowhere.txt"], "路径不存在"),
    (["check", "{clean}", "--today", "2024-13-01"], "--today"),
    (["check", "{clean}", "--format", "pdf"], "未知的输出格式"),
    (["check", "{clean}", "--ruleset", "guangdong"], "找不到规则集"),
    (["check", "{clean}", "--jobs", "0"], "--jobs"),
    (["check"], "缺少必需的参数"),
    (["frobnicate"], "参数错误"),
    (["check", "{clean}", "--catalog", "nowhere.jsonl"], "无法读取目录文件"),
])
def test_usage_errors_exit_2_in_chinese(docs, args, message):
    args = [a.format(clean=docs / "clean.txt") for a in args]
    p = run(*args)
    assert p.returncode == 2
    assert message in p.stderr
    assert "Traceback" not in p.stderr + p.stdout


def test_unreadable_document_exits_2_and_others_are_reported(docs):
    (docs / "bad.txt").write_bytes(b"\x00\x01binary")
    p = run("check", docs / "bad.txt", docs / "marked.txt", "--format", "json")
    assert p.returncode == 2
    report = json.loads(p.stdout)
    assert report["complete"] is False
    by = {Path(d["source"]).name: d for d in report["documents"]}
    assert by["bad.txt"]["errors"][0]["code"] == "input"
    assert any(f["rule"] == "secrecy-mark" for f in by["marked.txt"]["findings"])


def test_crashing_plugin_checker_exits_2_with_complete_false(docs, tmp_path):
    plugin = tmp_path / "plug"
    plugin.mkdir()
    (plugin / "crashplug.py").write_text(
        "from gkrules import hookimpl, CheckerSpec, RuleInfo, Severity\n"
        "class C:\n    def check(self, ctx):\n        raise RuntimeError('boom')\n"
        "@hookimpl\ndef gkrules_checkers():\n"
        "    yield CheckerSpec('crashy', lambda s: C(), (RuleInfo('x', '测试', Severity.WARN, '测试'),))\n",
        encoding="utf-8")
    dist = plugin / "crashplug-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: crashplug\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gkrules]\ncrashy = crashplug\n", encoding="utf-8")
    env = {"PYTHONPATH": str(plugin)}
    p = run("check", docs / "clean.txt", docs / "marked.txt", "--format", "json", env=env)
    assert p.returncode == 2, p.stderr
    report = json.loads(p.stdout)
    assert report["complete"] is False
    assert any(pl["name"] == "crashy" for pl in report["tool"]["plugins"])
    for d in report["documents"]:
        assert any(f["checker"] == "engine" and f["rule"] == "checker-error" for f in d["findings"])
    marked = next(d for d in report["documents"] if d["source"].endswith("marked.txt"))
    assert any(f["rule"] == "secrecy-mark" for f in marked["findings"])  # the others still ran
    # blocking the plugin by name removes it
    p2 = run("check", docs / "clean.txt", "--format", "json", "--disable-plugin", "crashy", env=env)
    assert p2.returncode == 0 and json.loads(p2.stdout)["complete"] is True
    p3 = run("check", docs / "clean.txt", env={**env, "GKRULES_DISABLE_PLUGINS": "crashy"})
    assert p3.returncode == 0


def test_broken_plugin_import_is_reported_and_the_rest_load(docs, tmp_path):
    plugin = tmp_path / "plug"
    plugin.mkdir()
    (plugin / "brokenplug.py").write_text("import does_not_exist\n", encoding="utf-8")
    dist = plugin / "brokenplug-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: brokenplug\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[gkrules]\nbroken = brokenplug\n", encoding="utf-8")
    p = run("check", docs / "marked.txt", env={"PYTHONPATH": str(plugin)})
    assert p.returncode == 1
    assert "插件 broken 加载失败" in p.stderr
    plugins = run("plugins", env={"PYTHONPATH": str(plugin)})
    assert plugins.returncode == 2 and "confidential-marker" in plugins.stdout and "未加载" in plugins.stdout


def test_version_and_plugins():
    p = run("--version")
    assert p.returncode == 0 and p.stdout.startswith("gkrules ")
    p = run("plugins", "--format", "json")
    names = {x["name"] for x in json.loads(p.stdout)["plugins"]}
    assert {"confidential-marker", "loaders", "outputs", "national", "allowlist"} <= names


def test_catalog_file_is_read(docs, tmp_path):
    cat = tmp_path / "catalog.jsonl"
    cat.write_text('{"title": "关于印发办法的通知", "published": "2024-01-02", "kind": "policy"}\n', encoding="utf-8")
    assert run("check", docs / "clean.txt", "--catalog", cat).returncode == 0
    cat.write_text('{"title": "x", "published": "昨天"}\n', encoding="utf-8")
    p = run("check", docs / "clean.txt", "--catalog", cat)
    assert p.returncode == 2 and "不是有效日期" in p.stderr


def test_incomplete_check_says_why_on_stderr(tmp_path):
    doc = tmp_path / "通知.txt"
    # a year no calendar source covers (far enough ahead to stay uncovered)
    doc.write_text("关于报送2099年一季度统计数据的通知\n青统字〔2099〕3号\n\n各区县统计局：\n　　请按时报送。\n\n"
                   "青梧市统计局\n2099年1月8日\n（此件主动公开）\n", encoding="utf-8")
    p = run("check", doc, "--today", "2099-01-12")
    assert p.returncode == 2
    assert "检查不完整" in p.stderr and "2099 年" in p.stderr and "calendar" in p.stderr
    assert "。。" not in p.stderr and "Traceback" not in p.stderr


def test_secret_head_exits_1_on_its_line_and_a_citation_exits_0(tmp_path):
    marked = tmp_path / "报告.txt"
    marked.write_text("000215\n机密★1年\n\n青梧市统计局文件\n\n关于一季度调查结果的报告\n", encoding="utf-8")
    cited = tmp_path / "学习.txt"
    cited.write_text("青梧市统计局组织学习保守国家秘密法\n\n　　局机关认真学习《中华人民共和国保守国家秘密法》。\n",
                     encoding="utf-8")
    p = run("check", marked, "--format", "json", "--today", "2024-04-08")
    assert p.returncode == 1
    (f,) = [f for d in json.loads(p.stdout)["documents"] for f in d["findings"] if f["severity"] == "block"]
    assert (f["rule"], f["location"]["line"]) == ("secrecy-mark", 2)
    assert run("check", cited, "--today", "2024-04-08").returncode == 0


@pytest.mark.parametrize(("yaml_text", "line", "words"), [
    ("id: site\nversion: '1'\nextends: national\nchekers: {}\n", 4, "未知的键"),
    ("id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-marker:\n    enabled: 'no'\n", 6, "应为布尔值"),
    ("id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-marker:\n    rules:\n      secrecy-mark:\n"
     "        examples:\n          fail:\n            - 国家秘密分为绝密、机密、秘密三级。\n", 10, "没有检出它自己的 fail 示例"),
])
def test_broken_rule_set_exits_2_naming_file_and_line(tmp_path, yaml_text, line, words):
    rs = tmp_path / "site.yaml"
    rs.write_text(yaml_text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("通知\n", encoding="utf-8")
    p = run("check", tmp_path / "a.txt", "--ruleset", rs)
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert f"site.yaml:{line}" in p.stderr and words in p.stderr
