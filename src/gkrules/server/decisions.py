"""``POST /v1/decisions``: a CMS records reviewers' decisions (the non-interactive 三审).

The body is that of ``/v1/check`` (the documents, as they will be published) plus the
decisions: ``{"documents": [...], "reviewer": "王五", "stage": "终审", "decisions":
[{"document": "通知.docx", "fingerprint": "…", "decision": "accept", "reason": "…"}]}``.
The service checks the documents, matches each decision to a finding of that check (so the
severity and the document's version come from the check, never from the caller), holds it to
the rule set's waiver policy and writes all of them to the service's record store at once,
or none (422 ``decision-refused``). Document names are the record's document keys.
"""

from __future__ import annotations

from typing import Any

from gkrules.baseline.decisions_file import parse_decisions
from gkrules.baseline.policy import policy_for
from gkrules.baseline.record import to_dict
from gkrules.errors import UsageError
from gkrules.server.parsing import (
    RequestProblem,
    _decode,
    build_job,
    invalid,
    parse_json_body,
    structure_request,
)

DECISION_KEYS = ("decisions", "reviewer", "stage", "date")


def decision_job(body: bytes, settings, today, rulesets):
    data = parse_json_body(body)
    if not isinstance(data, dict):
        raise invalid("请求内容无效：顶层应为 JSON 对象 {\"documents\": [...], \"decisions\": [...]}")
    decisions = {k: data.pop(k) for k in DECISION_KEYS if k in data}
    request = structure_request(data)
    contents = [_decode(d, i, settings) for i, d in enumerate(request.documents)]
    return build_job(request, contents, settings, today, rulesets), decisions


def record_decisions(store, engine, report, decisions: dict[str, Any]) -> dict[str, Any]:
    if not report.complete:
        raise RequestProblem(422, "incomplete", "检查不完整，不能据此记录审查决定")
    found = {(d.source, f.fingerprint): (d, f) for d in report.documents for f in d.findings}
    defaults = {k: decisions.get(k) for k in ("reviewer", "stage", "date")}
    try:
        parsed = parse_decisions(decisions, found, defaults, "请求")
    except UsageError as exc:
        raise invalid(exc.message) from None
    titles = {k: info.title for k, info in engine.rule_catalog().items()}
    baseline = store.record(parsed, policy_for(engine.ruleset), titles)
    keys = {(d.document, d.finding.fingerprint) for d in parsed}
    return {"recorded": len(parsed),
            "entries": [e for e in to_dict(baseline)["entries"] if (e["document"], e["fingerprint"]) in keys]}
