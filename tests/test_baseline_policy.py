"""The waiver policy (三审): who may accept what, decision by decision, on which version."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

import pexpect
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.baseline import Baseline, Review
from gkrules.baseline.decide import Decision, DecisionRefused, apply
from gkrules.baseline.policy import DEFAULT_POLICY
from gkrules.cli import main
from gkrules.model import Finding, Severity
from test_baseline import BODY, HEAD, OTHER_BUILTIN_CHECKERS, TAIL, TODAY

RECORD = ".gkrules-baseline.json"


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("GKRULES_DISABLE_PLUGINS", OTHER_BUILTIN_CHECKERS)
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "fangan.txt").write_text(HEAD + BODY + TAIL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def findings(capsys, *extra: str) -> tuple[int, dict]:
    code, out, _ = run_cli(capsys, "check", "site", "--format", "json", "--today", TODAY, *extra)
    report = json.loads(out)
    return code, {f["rule"]: f for d in report["documents"] for f in d["findings"]} | {
        "_suppressed": {s["rule"]: s for d in report["documents"] for s in d["suppressed"]},
        "_summary": report["summary"]}


def create(capsys, stage: str, *extra: str) -> tuple[int, str, str]:
    return run_cli(capsys, "baseline", "create", "site", "--today", TODAY, "--reviewer", "张三", "--stage", stage,
                   "--reason", "保密办已确认解密", *extra)


def test_national_policy_refuses_early_and_bulk_acceptance_of_blocking_findings(site, capsys):
    code, _, err = create(capsys, "自审")
    assert code == 2 and "阻断级意见须在终审阶段接受" in err and "Traceback" not in err
    assert not (site / RECORD).exists()
    code, _, err = create(capsys, "终审")  # two blocking findings, one reason
    assert code == 2 and "逐条" in err
    assert not (site / RECORD).exists()
    # one finding, its own reason, at 终审: recorded, bound to this version of the file
    _, found = findings(capsys)
    mark, label = found["secrecy-mark"], found["internal-label"]
    assert create(capsys, "终审", "--fingerprint", mark["fingerprint"])[0] == 0
    code, _, err = run_cli(capsys, "baseline", "update", "site", "--today", TODAY, "--reviewer", "王五",
                           "--stage", "终审", "--reason", "模板残留，经核实可公开", "--fingerprint", label["fingerprint"])
    assert code == 0, err
    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 0 and set(found["_suppressed"]) == {"secrecy-mark", "internal-label"}
    record = json.loads((site / RECORD).read_text(encoding="utf-8"))
    assert {e["bulk"] if "bulk" in e else False for e in record["entries"]} == {False}


def test_a_record_edited_against_the_policy_suppresses_nothing(site, capsys):
    _, found = findings(capsys)
    assert create(capsys, "终审", "--fingerprint", found["secrecy-mark"]["fingerprint"])[0] == 0
    record = json.loads((site / RECORD).read_text(encoding="utf-8"))
    record["entries"][0]["stage"] = "自审"
    (site / RECORD).write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 1 and "secrecy-mark" in found and not found["_suppressed"]
    assert "阻断级意见须在终审阶段接受" in found["stale-entry"]["message"]


def test_a_province_may_allow_bulk_acceptance_and_the_record_says_so(site, capsys):
    (site / "province.yaml").write_text("id: province\nversion: '1'\nextends: national\n"
                                        "review:\n  bulk: [info, warn, block]\n", encoding="utf-8")
    assert create(capsys, "终审", "--ruleset", "province.yaml")[0] == 0
    record = json.loads((site / RECORD).read_text(encoding="utf-8"))
    assert [e["bulk"] for e in record["entries"]] == [True, True]
    code, found = findings(capsys, "--ruleset", "province.yaml", "--baseline", RECORD)
    assert code == 0 and all("批量接受" in s["suppression"]["justification"] for s in found["_suppressed"].values())
    # the same record under the national rule set: bulk acceptance of 阻断 does not hold
    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 1 and not found["_suppressed"]


@pytest.mark.parametrize(("review", "message"), [
    ("review:\n  accept_stage: {block: 复审}\n", "自审"),
    ("review:\n  bulk: [fatal]\n", "bulk"),
    ("review:\n  everyone: true\n", "everyone"),
])
def test_an_invalid_policy_is_a_clear_error(site, capsys, review, message):
    (site / "bad.yaml").write_text("id: bad\nversion: '1'\nextends: national\n" + review, encoding="utf-8")
    code, _, err = run_cli(capsys, "check", "site", "--ruleset", "bad.yaml", "--today", TODAY)
    assert code == 2 and message in err and "Traceback" not in err


def test_decisions_file_accepts_and_rejects_finding_by_finding(site, capsys):
    _, found = findings(capsys)
    decisions = {"reviewer": "王五", "stage": "终审", "decisions": [
        {"document": "site/fangan.txt", "fingerprint": found["secrecy-mark"]["fingerprint"], "decision": "accept",
         "reason": "保密办书面确认已解密"},
        {"document": "site/fangan.txt", "fingerprint": found["internal-label"]["fingerprint"], "decision": "reject"}]}
    (site / "decisions.json").write_text(json.dumps(decisions, ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli(capsys, "baseline", "decide", "site", "--today", TODAY, "--decisions", "decisions.json")
    assert code == 0, err
    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 1 and set(found["_suppressed"]) == {"secrecy-mark"} and "internal-label" in found
    code, out, _ = run_cli(capsys, "baseline", "audit", "site", "--today", TODAY)
    assert "已驳回" in out and "终审驳回" in out
    # an acceptance without its own reason, or of a finding that is not there, is refused
    decisions["decisions"] = [{"document": "site/fangan.txt", "fingerprint": "0" * 32, "decision": "accept",
                               "reason": "x"}]
    (site / "decisions.json").write_text(json.dumps(decisions, ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli(capsys, "baseline", "decide", "site", "--today", TODAY, "--decisions", "decisions.json")
    assert code == 2 and "没有指纹为" in err


def _audit_session(site: Path) -> pexpect.spawn:
    env = dict(os.environ, GKRULES_DISABLE_PLUGINS=OTHER_BUILTIN_CHECKERS, PYTHONIOENCODING="utf-8")
    return pexpect.spawn(sys.executable, ["-m", "gkrules", "baseline", "audit", "site", "--interactive",
                                          "--reviewer", "王五", "--stage", "终审", "--today", TODAY,
                                          "--date", "2024-05-07"],
                         cwd=str(site), env=env, encoding="utf-8", timeout=120)


PROMPT = "接受(a) / 驳回(r) / 跳过(s) / 退出(q)？"


def test_interactive_audit_in_a_terminal_accepts_one_rejects_another_and_resumes(site, capsys):
    session = _audit_session(site)
    session.expect_exact("待审查 2 条")
    session.expect_exact("secrecy-mark")
    session.expect_exact("证据：秘密★3年")
    session.expect_exact(PROMPT)
    session.sendline("a")
    session.expect_exact("理由（接受时必填）：")
    session.sendline("")  # a reason is required: asked again
    session.expect_exact("理由（接受时必填）：")
    session.sendline("保密办2024年4月书面确认已解密")
    session.expect_exact("已记录：接受")
    session.expect_exact("internal-label")
    session.expect_exact(PROMPT)
    session.sendline("q")  # interrupted: the first decision is already in the record
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 1

    session = _audit_session(site)  # resumed: only the undecided finding is asked
    session.expect_exact("待审查 1 条")
    session.expect_exact("internal-label")
    session.expect_exact(PROMPT)
    session.sendline("r")
    session.expect_exact("理由（可空）：")
    session.sendline("内部资料须删除后再发布")
    session.expect_exact("已记录：驳回")
    session.expect(pexpect.EOF)
    session.close()
    assert session.exitstatus == 0

    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 1
    assert set(found["_suppressed"]) == {"secrecy-mark"}
    assert found["internal-label"]["severity"] == "block"
    assert found["_summary"] == {"block": 1, "warn": 0, "info": 0, "suppressed": 1}
    record = json.loads((site / RECORD).read_text(encoding="utf-8"))
    assert {e["rule"]: (e["decision"], e["stage"], e["reviewer"], e["date"]) for e in record["entries"]} == {
        "secrecy-mark": ("accepted", "终审", "王五", "2024-05-07"),
        "internal-label": ("rejected", "终审", "王五", "2024-05-07")}

    # the document is edited: both decisions lapse and the audit asks about both again
    (site / "site" / "fangan.txt").write_text(HEAD + BODY + "补充说明。\n" + TAIL, encoding="utf-8")
    code, found = findings(capsys, "--baseline", RECORD)
    assert code == 1 and not found["_suppressed"]
    session = _audit_session(site)
    session.expect_exact("待审查 2 条")
    session.expect_exact("以往决定：终审接受")
    session.sendline("q")
    session.expect(pexpect.EOF)


# -- the record's history is append-only, whatever order decisions come in -------------------

_FP = st.sampled_from(["a" * 32, "b" * 32, "c" * 32])
_DECISION = st.tuples(_FP, st.sampled_from(["accepted", "rejected"]), st.sampled_from(["自审", "送审", "终审"]),
                      st.sampled_from([Severity.INFO, Severity.WARN, Severity.BLOCK]))


@settings(max_examples=60, deadline=None)
@given(st.lists(_DECISION, max_size=12))
def test_history_is_append_only_and_the_policy_holds(steps):
    baseline = Baseline()
    applied: dict[str, list[tuple[str, str]]] = {}
    for n, (fp, decision, stage, severity) in enumerate(steps):
        f = Finding("c", "r", severity, "m", fingerprint=fp)
        d = Decision("a.txt", f, "s" * 64, Review(f"审查人{n}", stage, f"理由{n}", dt.date(2024, 5, 1), decision))
        allowed = decision == "rejected" or not (severity is Severity.BLOCK and stage != "终审")
        try:
            baseline = apply(baseline, DEFAULT_POLICY, [d])
        except DecisionRefused:
            assert not allowed
            continue
        assert allowed
        applied.setdefault(fp, []).append((f"审查人{n}", decision))
    for e in baseline.entries:
        reviews = [(r.reviewer, r.decision) for r in (*e.history, e.review)]
        assert reviews == applied[e.fingerprint]
    assert {e.fingerprint for e in baseline.entries} == set(applied)


def test_reviewer_statistics_per_rule_and_stage_in_text_and_html(site, capsys):
    (site / "site" / "other.txt").write_text("关于调整工作安排的通知\n\n秘密★1年\n各单位：请按时参加。\n", encoding="utf-8")
    _, out, _ = run_cli(capsys, "check", "site", "--format", "json", "--today", TODAY)
    report = json.loads(out)
    fps = {(d["source"].rsplit("/", 1)[-1], f["rule"]): f["fingerprint"] for d in report["documents"]
           for f in d["findings"]}
    decisions = {"reviewer": "王五", "decisions": [
        {"document": "site/fangan.txt", "fingerprint": fps[("fangan.txt", "secrecy-mark")], "decision": "accept",
         "reason": "已解密", "stage": "终审"},
        {"document": "site/fangan.txt", "fingerprint": fps[("fangan.txt", "internal-label")], "decision": "reject",
         "stage": "送审"}]}
    (site / "d.json").write_text(json.dumps(decisions, ensure_ascii=False), encoding="utf-8")
    assert run_cli(capsys, "baseline", "decide", "site", "--today", TODAY, "--decisions", "d.json")[0] == 0
    _, out, _ = run_cli(capsys, "check", "site", "--today", TODAY, "--baseline", RECORD)
    lines = out.splitlines()
    at = lines.index(next(x for x in lines if x.startswith("审查统计（按规则）")))
    assert "意见  已接受  已驳回  待审查" in lines[at]
    rows = {x.split("：")[0].strip(): x.split("：")[1].split() for x in lines[at + 1:] if x.startswith("  ")}
    assert rows["保密标志·国家秘密标志（密级★保密期限）"] == ["2", "1", "0", "1"]  # one accepted, other.txt pending
    assert rows["保密标志·内部使用标志（内部资料、注意保存、工作秘密等）"] == ["1", "0", "1", "0"]
    assert rows["终审"] == ["1", "1", "0", "0"] and rows["送审"] == ["1", "0", "1", "0"]
    assert rows["未审查"] == ["1", "0", "0", "1"]
    assert run_cli(capsys, "check", "site", "--today", TODAY, "--baseline", RECORD, "--format", "html",
                   "--output", "r.html")[0] == 1
    out = (site / "r.html").read_text(encoding="utf-8")
    assert '<details id="review-stats"' in out and "按审查阶段" in out and "未审查" in out
