"""JSON validates against docs/report.schema.json; SARIF against the SARIF 2.1.0 schema."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema
import pytest

from gkrules import Engine, InputDocument, PluginManager, hookimpl
from gkrules.model import Severity
from gkrules.outputs.json_report import render_json
from gkrules.outputs.sarif import render_sarif
from gkrules.outputs.text import render_text
from gkrules.specs import CheckerSpec, RenderContext, RuleInfo

ROOT = Path(__file__).resolve().parents[1]
REPORT_SCHEMA = json.loads((ROOT / "docs" / "report.schema.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "schemas" / "sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))

MARKED = "000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n青梧市统计局关于测算结果的报告\n\n青梧市统计局\n2024年3月29日\n"
LABELLED = "形势分析\n\n（本材料为内部资料，仅供领导参阅）\n"
CLEAN = "青梧市统计局开展保密宣传教育月活动\n国家秘密的密级分为绝密、机密、秘密三级。\n"


class _Crash:
    def check(self, ctx):
        raise RuntimeError("插件内部错误")


class CrashPlugin:
    @hookimpl
    def gkrules_checkers(self):
        yield CheckerSpec("crashy", lambda setup: _Crash(),
                          (RuleInfo("never", "不会产生", Severity.WARN, "测试"),))


@pytest.fixture(scope="module")
def mixed_report():
    """A report with a block finding, a suppression, a checker crash and a clean document."""
    engine = Engine("national", plugins=PluginManager(extra=[("crash-plugin", CrashPlugin())]))
    docs = [InputDocument("报告.txt", MARKED), InputDocument("分析.txt", LABELLED), InputDocument("新闻.txt", CLEAN),
            InputDocument("坏文件.xyz", "？")]
    report = engine.check(docs, today=dt.date(2024, 4, 8))
    return engine, report


def test_json_validates_against_published_schema(mixed_report):
    _, report = mixed_report
    data = json.loads(render_json(report))
    jsonschema.validate(data, REPORT_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["schema"] == "gkrules/report@1"
    assert data["complete"] is False
    assert data["summary"]["block"] >= 2


def test_json_of_clean_run_validates():
    report = Engine("national").check([InputDocument("新闻.txt", CLEAN)], today=dt.date(2024, 4, 8))
    data = json.loads(render_json(report))
    jsonschema.validate(data, REPORT_SCHEMA, format_checker=jsonschema.FormatChecker())
    assert data["complete"] is True and data["documents"][0]["findings"] == []


def test_sarif_validates_and_maps_fields(mixed_report):
    engine, report = mixed_report
    log = json.loads(render_sarif(report, RenderContext(rules=engine.rule_catalog())))
    jsonschema.validate(log, SARIF_SCHEMA)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    results = run["results"]
    assert results, "findings must become results"
    for r in results:
        region = r["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1  # GitHub code scanning requires it
        assert r["partialFingerprints"]["gkrules/v1"]
        assert r["ruleId"] == run["tool"]["driver"]["rules"][r["ruleIndex"]]["id"]
    secrecy = next(r for r in results if r["ruleId"] == "confidential-marker/secrecy-mark")
    assert secrecy["level"] == "error"
    assert secrecy["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    # the checker crash and the unreadable file are tool execution notifications
    inv = run["invocations"][0]
    assert inv["executionSuccessful"] is False
    ids = {n["descriptor"]["id"] for n in inv["toolExecutionNotifications"]}
    assert {"checker-error", "unsupported-format"} <= ids


def test_sarif_suppressions_for_allowlisted_findings(tmp_path):
    rs = tmp_path / "site.yaml"
    rs.write_text("id: site\nversion: '1'\nextends: national\nallowlist:\n"
                  "  - value: 内部资料　注意保存\n    reason: 封面样张，经保密审查同意公开\n", encoding="utf-8")
    engine = Engine(str(rs))
    report = engine.check([InputDocument("汇编.txt", "统计资料汇编\n内部资料　注意保存\n")], today=dt.date(2024, 1, 2))
    assert report.documents[0].findings == ()
    assert len(report.documents[0].suppressed) == 1
    log = json.loads(render_sarif(report, RenderContext(rules=engine.rule_catalog())))
    jsonschema.validate(log, SARIF_SCHEMA)
    sup = log["runs"][0]["results"][0]["suppressions"][0]
    assert sup == {"kind": "external", "status": "accepted", "justification": "封面样张，经保密审查同意公开"}
    data = json.loads(render_json(report))
    jsonschema.validate(data, REPORT_SCHEMA)
    assert data["summary"]["suppressed"] == 1


def test_text_output_is_chinese_and_grouped(mixed_report):
    _, report = mixed_report
    text = render_text(report)
    assert "文件：报告.txt" in text and "2:1" in text and "阻断" in text
    assert "依据：《中华人民共和国保守国家秘密法》" in text
    assert "检查不完整" in text
    assert "crashy" in text
