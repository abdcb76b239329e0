"""Numbers a bureau publishes on purpose: allowlisted in the rule set, with a reason, and
reported as suppressed (masked) instead of disappearing."""

from __future__ import annotations

import datetime as dt

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.serialize import report_to_dict

RULESET = """id: qingwu
version: "2026.1"
extends: national
allowlist:
  - value: "13907390000"
    reason: 青梧市统计局值班手机，经局务会同意对外公布（2025年第3次局务会纪要）
    checker: personal-info
    rule: mobile
  - value: "6217 0027 3100 4521 862"
    reason: 市慈善总会公开募捐账户，按《慈善法》第二十二条公开
"""

NOTICE = ("青梧市统计局关于春节期间值班安排的通知\n"
          "　　值班手机：13907390000；如遇紧急情况请拨打。\n"
          "　　捐款请汇入银行卡（卡号6217 0027 3100 4521 862）。\n"
          "　　申请人：吕振东，联系电话：18679034512。\n")


def test_allowlisted_values_are_suppressed_with_their_reason(tmp_path):
    path = tmp_path / "qingwu.yaml"
    path.write_text(RULESET, encoding="utf-8")
    report = Engine(str(path)).check([InputDocument("值班安排.txt", NOTICE)], today=dt.date(2026, 1, 20))
    doc = report.documents[0]
    kept = [(f.rule, f.location.line) for f in doc.findings if f.checker == "personal-info" and f.rule != "person-name"]
    assert kept == [("mobile", 4)]
    suppressed = {s.finding.rule: s.suppression for s in doc.suppressed}
    assert set(suppressed) == {"mobile", "bank-card"}
    assert "局务会" in suppressed["mobile"].justification
    blob = str(report_to_dict(report))
    for raw in ("13907390000", "6217 0027 3100 4521 862", "18679034512"):
        assert raw not in blob
