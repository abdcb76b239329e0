"""The review record (审查记录): create, suppress, hold across edits, stale entries, stages."""

from __future__ import annotations

import hashlib
import importlib.metadata as im
import json
from pathlib import Path

import pytest

import fake_plugins
from gkrules.cli import main
from gkrules.plugins import PluginManager

HEAD = "000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n青统字〔2024〕12号\n\n关于印发2024年统计执法检查工作方案的通知\n\n"
BODY = "各区统计局：\n现将《2024年统计执法检查工作方案》印发给你们，请结合实际认真贯彻执行。\n\n"
TAIL = "内部资料 注意保存\n\n青梧市统计局\n2024年3月5日\n"
TODAY = "2024-05-06"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_json(capsys, *argv: str, ruleset: str = "lenient.yaml") -> tuple[int, dict]:
    code, out, _ = run_cli(capsys, "check", "--format", "json", "--today", TODAY, "--ruleset", ruleset, *argv)
    return code, json.loads(out)


#: a province that lets 自审 accept blocking findings, in bulk: most tests here are about the
#: record itself; the national default policy has tests of its own below
LENIENT = "id: lenient\nversion: '1'\nextends: national\nreview:\n  accept_stage: {block: 自审}\n  bulk: [info, warn, block]\n"


#: these tests are about the review record, not about the checkers: only confidential-marker speaks
OTHER_BUILTIN_CHECKERS = ",".join(sorted(
    ep.name for ep in im.entry_points(group="gkrules")
    if ep.value.startswith("gkrules.checkers.") and ep.name != "confidential-marker"))


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GKRULES_DISABLE_PLUGINS", OTHER_BUILTIN_CHECKERS)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "fangan.txt").write_text(HEAD + BODY + TAIL, encoding="utf-8")
    (tmp_path / "site" / "clean.txt").write_text("关于开展统计开放日活动的通知\n\n各单位：\n请按时参加。\n", encoding="utf-8")
    (tmp_path / "lenient.yaml").write_text(LENIENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def create(capsys, *extra: str, ruleset: str = "lenient.yaml") -> int:
    return run_cli(capsys, "baseline", "create", "site", "--today", TODAY, "--reviewer", "张三", "--stage", "自审",
                   "--reason", "历史存档页面，保密办已确认解密", "--date", "2024-05-06", "--ruleset", ruleset, *extra)[0]


def baseline_cli(capsys, action: str, *argv: str) -> tuple[int, str, str]:
    return run_cli(capsys, "baseline", action, "site", "--today", TODAY, "--ruleset", "lenient.yaml", *argv)


def test_round_trip_create_suppress_edit_stale(site, capsys):
    code, before = check_json(capsys, "site")
    assert code == 1
    found = {(f["rule"], f["fingerprint"]) for d in before["documents"] for f in d["findings"]}
    assert {r for r, _ in found} == {"secrecy-mark", "internal-label"}

    assert create(capsys) == 0
    record = json.loads((site / ".gkrules-baseline.json").read_text(encoding="utf-8"))
    assert record["schema"] == "gkrules/baseline@2"
    sha = hashlib.sha256((site / "site" / "fangan.txt").read_bytes()).hexdigest()
    assert {(e["rule"], e["fingerprint"]) for e in record["entries"]} == found
    for e in record["entries"]:
        assert e["document"] == "site/fangan.txt"
        assert (e["reviewer"], e["stage"], e["date"]) == ("张三", "自审", "2024-05-06")
        assert (e["decision"], e["document_sha256"], e["bulk"]) == ("accepted", sha, True)
        assert "line" not in json.dumps(e)  # keyed by fingerprint, never by line

    # suppressed, no longer failing; SARIF carries external suppressions
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 0
    assert report["summary"] == {"block": 0, "warn": 0, "info": 0, "suppressed": 2}
    doc = next(d for d in report["documents"] if d["source"].endswith("fangan.txt"))
    assert {s["suppression"]["kind"] for s in doc["suppressed"]} == {"baseline"}
    assert all("自审" in s["suppression"]["justification"] and "张三" in s["suppression"]["justification"]
               for s in doc["suppressed"])
    code, out, _ = run_cli(capsys, "check", "site", "--format", "sarif", "--today", TODAY, "--ruleset", "lenient.yaml",
                           "--baseline", ".gkrules-baseline.json")
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 2
    assert all(r["suppressions"][0]["kind"] == "external" and r["suppressions"][0]["status"] == "accepted"
               for r in results)

    # edit the document elsewhere: lines move, the fingerprints hold, but the decisions were made
    # on the earlier version: they no longer suppress anything and say so
    edited = HEAD + "（此件主动公开）\n\n" + BODY + "一、工作目标\n全面检查统计数据质量。\n\n二、工作安排\n分三个阶段进行。\n\n" + TAIL
    (site / "site" / "fangan.txt").write_text(edited, encoding="utf-8")
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 1
    assert report["summary"] == {"block": 2, "warn": 0, "info": 2, "suppressed": 0}
    doc = next(d for d in report["documents"] if d["source"].endswith("fangan.txt"))
    assert {(f["rule"], f["fingerprint"]) for f in doc["findings"] if f["checker"] != "baseline"} == found
    assert all("文件在审查后已修改" in f["message"] for f in doc["findings"] if f["checker"] == "baseline")
    # the reviewer signs the new version: suppressed again, the first decision kept in history
    assert baseline_cli(capsys, "audit", "--sign", "--reviewer", "李四", "--stage", "送审",
                        "--reason", "修改后复核，标志仍属已解密存档", "--date", "2024-05-07")[0] == 0
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 0
    assert report["summary"]["suppressed"] == 2 and report["summary"]["block"] == 0
    record = json.loads((site / ".gkrules-baseline.json").read_text(encoding="utf-8"))
    assert all([h["stage"] for h in e["history"]] == ["自审"] and e["stage"] == "送审" for e in record["entries"])

    # the internal label is removed: its entry is stale, reported as info; the other acceptance
    # was made on the previous version and is reported as no longer valid
    (site / "site" / "fangan.txt").write_text(edited.replace("内部资料 注意保存\n", ""), encoding="utf-8")
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 1
    assert report["summary"] == {"block": 1, "warn": 0, "info": 2, "suppressed": 0}
    doc = next(d for d in report["documents"] if d["source"].endswith("fangan.txt"))
    stale = [f for f in doc["findings"] if f["checker"] == "baseline" and "已不再出现" in f["message"]]
    assert len(stale) == 1 and stale[0]["severity"] == "info"
    assert "internal-label" in stale[0]["message"] and "gkrules baseline update" in stale[0]["message"]
    code, out, _ = run_cli(capsys, "check", "site", "--today", TODAY, "--ruleset", "lenient.yaml",
                           "--baseline", ".gkrules-baseline.json")
    assert "已不再出现" in out

    # update drops the stale entry and keeps the other one untouched
    assert baseline_cli(capsys, "update")[0] == 0
    record = json.loads((site / ".gkrules-baseline.json").read_text(encoding="utf-8"))
    assert [e["rule"] for e in record["entries"]] == ["secrecy-mark"]
    assert record["entries"][0]["reviewer"] == "李四"
    assert baseline_cli(capsys, "audit", "--sign", "--reviewer", "李四", "--stage", "送审", "--reason", "再次复核")[0] == 0
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert report["summary"] == {"block": 0, "warn": 0, "info": 0, "suppressed": 1}


def test_new_finding_is_not_covered_and_update_records_it(site, capsys):
    (site / "site" / "fangan.txt").write_text(HEAD + BODY, encoding="utf-8")
    assert create(capsys) == 0
    (site / "site" / "fangan.txt").write_text(HEAD + BODY + TAIL, encoding="utf-8")
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 1
    # the new finding is not covered; the old acceptance was on the earlier version
    assert sorted(f["rule"] for d in report["documents"] for f in d["findings"]) == [
        "internal-label", "secrecy-mark", "stale-entry"]
    # a new finding needs a reviewer, a stage and a reason
    code, _, err = baseline_cli(capsys, "update")
    assert code == 2 and "--reviewer" in err
    assert baseline_cli(capsys, "update", "--reviewer", "李四", "--stage", "送审",
                   "--reason", "内部标志系模板残留，已核实可公开", "--rule", "confidential-marker/internal-label")[0] == 0
    assert check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")[0] == 1
    assert baseline_cli(capsys, "audit", "--sign", "--reviewer", "李四", "--stage", "送审", "--reason", "复核")[0] == 0
    assert check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")[0] == 0


def test_audit_lists_status_and_signs_later_stages(site, capsys):
    assert create(capsys) == 0
    code, out, _ = baseline_cli(capsys, "audit")
    assert code == 0
    assert "[有效]" in out and "自审" in out and "秘密★3年" in out  # evidence from the fresh check
    code, out, _ = baseline_cli(capsys, "audit", "--sign", "--reviewer", "王五",
                           "--stage", "终审", "--reason", "分管领导审定", "--date", "2024-05-08")
    assert code == 0
    record = json.loads((site / ".gkrules-baseline.json").read_text(encoding="utf-8"))
    for e in record["entries"]:
        assert (e["stage"], e["reviewer"]) == ("终审", "王五")
        assert [h["stage"] for h in e["history"]] == ["自审"]
    # a stage cannot go backwards
    code, _, err = baseline_cli(capsys, "audit", "--sign", "--reviewer", "赵六",
                           "--stage", "自审", "--reason", "重新自查")
    assert code == 2 and "终审" in err
    # JSON audit: stale entries and unreviewed findings make it exit 1
    (site / "site" / "fangan.txt").write_text((HEAD + BODY + TAIL).replace("秘密★3年\n", "") + "工作秘密\n",
                                              encoding="utf-8")
    code, out, _ = baseline_cli(capsys, "audit", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {e["rule"]: e["status"] for e in data["entries"]} == {"secrecy-mark": "stale", "internal-label": "document-changed"}
    assert data["stages"] == {"自审": 0, "送审": 0, "终审": 2}
    # a document that is gone: its entries are reported, not silently kept
    (site / "site" / "fangan.txt").unlink()
    code, out, _ = baseline_cli(capsys, "audit")
    assert code == 1 and "文件已不存在" in out


def test_create_refuses_to_overwrite_and_to_record_an_incomplete_check(site, capsys, monkeypatch):
    assert create(capsys) == 0
    code, _, err = run_cli(capsys, "baseline", "create", "site", "--reviewer", "张三", "--stage", "自审", "--reason", "x")
    assert code == 2 and "--force" in err
    (site / "site" / "broken.doc").write_bytes(b"\xd0\xcf\x11\xe0 legacy")
    code, _, err = run_cli(capsys, "baseline", "create", "site", "--force", "--reviewer", "张三", "--stage", "自审",
                           "--reason", "x")
    assert code == 2 and "检查不完整" in err


@pytest.mark.parametrize(("content", "message"), [
    ("{not json", "不是有效的 JSON"),
    (json.dumps({"schema": "other"}), "schema"),
    (json.dumps({"schema": "gkrules/baseline@1", "entries": [{"document": "a.txt"}]}), "缺少必填的键"),
    (json.dumps({"schema": "gkrules/baseline@1", "entries": [
        {"document": "a.txt", "fingerprint": "f", "checker": "c", "rule": "r", "severity": "block",
         "reviewer": "张三", "stage": "复审", "reason": "r", "date": "2024-05-06"}]}), "自审、送审、终审"),
    (json.dumps({"schema": "gkrules/baseline@1", "entries": [
        {"document": "a.txt", "fingerprint": "f", "checker": "c", "rule": "r", "severity": "block",
         "reviewer": " ", "stage": "自审", "reason": "r", "date": "2024-05-06", "line": 3}]}), "未知的键 'line'"),
])
def test_invalid_record_is_a_clear_error(site, capsys, content, message):
    (site / "bad.json").write_text(content, encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "site", "--baseline", "bad.json")
    assert code == 2
    assert message in err and "Traceback" not in err


def test_paths_are_relative_to_the_record_and_cwd_does_not_matter(site, capsys, monkeypatch):
    assert create(capsys, "--file", "site/record.json") == 0
    record = json.loads((site / "site" / "record.json").read_text(encoding="utf-8"))
    assert {e["document"] for e in record["entries"]} == {"fangan.txt"}
    monkeypatch.chdir(site / "site")
    code, report = check_json(capsys, "./fangan.txt", "--baseline", "record.json", ruleset=str(site / "lenient.yaml"))
    assert code == 0 and report["summary"]["suppressed"] == 2


def test_record_holds_no_personal_data_and_a_raised_severity_is_reviewed_again(site, capsys, monkeypatch):
    def pm(args):
        return PluginManager(allow=args.only_plugin, block=args.disable_plugin, extra=[("fake", fake_plugins)])

    monkeypatch.setattr("gkrules.commands.check.plugin_manager", pm)
    monkeypatch.setattr("gkrules.commands.baseline.plugin_manager", pm)
    raw_id, raw_phone = "11010519491231002X", "13812345678"
    (site / "site" / "fangan.txt").write_text(
        f"关于王某某行政处罚决定的公示\n\n当事人：王某某，身份证号{raw_id}，手机：{raw_phone}\n", encoding="utf-8")
    assert create(capsys) == 0
    text = (site / ".gkrules-baseline.json").read_text(encoding="utf-8")
    assert raw_id not in text and raw_phone not in text and "1101" not in text and "王某某" not in text
    assert len(json.loads(text)["entries"]) == 2
    assert check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")[0] == 0
    # accepted as warn, now block: the finding is reported again
    record = json.loads(text)
    for e in record["entries"]:
        e["severity"] = "warn"
    (site / ".gkrules-baseline.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code, report = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    assert code == 1 and report["summary"]["block"] == 2 and report["summary"]["suppressed"] == 0


def test_fingerprints_are_final_before_filters(site, capsys):
    """Suppressed and reported findings carry the same kind of fingerprint, and numbering of
    repeated values does not depend on which of them a filter suppressed."""
    (site / "site" / "fangan.txt").write_text(HEAD + BODY + "秘密★3年\n" + TAIL, encoding="utf-8")
    _, before = check_json(capsys, "site")
    fps = [f["fingerprint"] for d in before["documents"] for f in d["findings"] if f["rule"] == "secrecy-mark"]
    assert len(fps) == 2 and len(set(fps)) == 2 and all(len(fp) == 32 for fp in fps)
    assert create(capsys, "--fingerprint", fps[0]) == 0
    _, after = check_json(capsys, "site", "--baseline", ".gkrules-baseline.json")
    doc = next(d for d in after["documents"] if d["source"].endswith("fangan.txt"))
    assert [s["fingerprint"] for s in doc["suppressed"]] == [fps[0]]
    assert [f["fingerprint"] for f in doc["findings"] if f["rule"] == "secrecy-mark"] == [fps[1]]
