"""``--format sarif``: SARIF 2.1.0 for code-scanning hosts (GitHub, SonarQube, …).

Mapping (peers.md §6.2): block/warn/info → error/warning/note; ``startLine`` always present
(a document-level finding points at line 1); columns in Unicode code points
(``columnKind``); ``partialFingerprints["gkrules/v1"]`` from the finding's fingerprint;
suppressed findings carry ``suppressions``; checker crashes and unreadable documents are
``toolExecutionNotifications`` with ``executionSuccessful: false``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from gkrules.model import Finding, Report, Severity
from gkrules.outputs.jsontext import indented_text
from gkrules.outputs.places import place
from gkrules.specs import RenderContext, RuleInfo

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.BLOCK: "error", Severity.WARN: "warning", Severity.INFO: "note"}
INFO_URI = "https://github.com/gkrules/gkrules"


def artifact_uri(source: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths stay relative to %SRCROOT%; absolute become file: URIs."""
    p = Path(source)
    if p.is_absolute():
        try:
            rel = os.path.relpath(p)
            if not rel.startswith(".."):
                return quote(Path(rel).as_posix(), safe="/"), "%SRCROOT%"
        except ValueError:
            pass
        return p.as_uri(), None
    return quote(p.as_posix(), safe="/"), "%SRCROOT%"


def _rule_id(checker: str, rule: str) -> str:
    return f"{checker}/{rule}"


def _region(f: Finding) -> dict:
    loc = f.location
    if loc is None or loc.line is None:
        return {"startLine": 1}
    region = {"startLine": loc.line, "startColumn": loc.column or 1}
    if loc.end_line is not None:
        region["endLine"] = loc.end_line
        region["endColumn"] = loc.end_column or region["startColumn"]
    if loc.start is not None and loc.end is not None:
        region["charOffset"] = loc.start
        region["charLength"] = max(0, loc.end - loc.start)
    return region


def _result(f: Finding, source: str, rule_index: dict[str, int]) -> dict:
    uri, base = artifact_uri(source)
    artifact = {"uri": uri}
    if base:
        artifact["uriBaseId"] = base
    rid = _rule_id(f.checker, f.rule)
    text = f.message + (f"（证据：{f.evidence}）" if f.evidence else "")
    result: dict[str, Any] = {
        "ruleId": rid,
        "level": _LEVEL[f.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": _region(f)}}],
        "partialFingerprints": {"gkrules/v1": f.fingerprint},
        "properties": {"gkrules.checker": f.checker, "gkrules.severity": f.severity.value},
    }
    if rid in rule_index:
        result["ruleIndex"] = rule_index[rid]
    if f.basis:
        result["properties"]["gkrules.basis"] = f.basis
    if f.evidence:
        result["properties"]["gkrules.evidence"] = f.evidence
    if f.tags:
        result["properties"]["tags"] = list(f.tags)
    if f.location is not None and (f.location.page or f.location.ref or f.location.hidden):
        logical = f.location.ref or f"第{f.location.page}页"
        result["locations"][0]["logicalLocations"] = [{"name": logical, "kind": "element"}]
        # the line of extracted text means nothing in Word or a PDF viewer: say the place
        result["locations"][0]["physicalLocation"]["region"]["message"] = {"text": place(f)}
    if f.suggestion:
        result["properties"]["gkrules.suggestion"] = f.suggestion
    return result


def _rule_descriptor(checker: str, info: RuleInfo, ruleset_id: str) -> dict:
    d = {
        "id": _rule_id(checker, info.id),
        "name": info.id,
        "shortDescription": {"text": info.title},
        "fullDescription": {"text": info.description or info.title},
        "defaultConfiguration": {"level": _LEVEL[info.severity]},
        "properties": {"gkrules.basis": info.basis, "gkrules.ruleset": ruleset_id, "tags": list(info.tags)},
    }
    if info.help_uri:
        d["helpUri"] = info.help_uri
    return d


def render_sarif(report: Report, ctx: RenderContext | None = None) -> str:
    rules_catalog = dict(ctx.rules) if ctx is not None else {}
    # rules that produced findings but are not in the catalogue still need a descriptor
    for d in report.documents:
        for f in list(d.findings) + [s.finding for s in d.suppressed]:
            key = (f.checker, f.rule)
            if key not in rules_catalog:
                rules_catalog[key] = RuleInfo(f.rule, f.message, f.severity, f.basis or "")
    ordered = sorted(rules_catalog.items())
    rule_index = {_rule_id(c, r): i for i, ((c, r), _) in enumerate(ordered)}
    results = []
    notifications = []
    for d in report.documents:
        for f in d.findings:
            results.append(_result(f, d.source, rule_index))
        for s in d.suppressed:
            r = _result(s.finding, d.source, rule_index)
            kind = "inSource" if s.suppression.kind == "inline" else "external"
            r["suppressions"] = [{"kind": kind, "status": "accepted", "justification": s.suppression.justification}]
            results.append(r)
        for e in d.errors:
            uri, base = artifact_uri(d.source)
            artifact = {"uri": uri}
            if base:
                artifact["uriBaseId"] = base
            n = {"level": "error", "message": {"text": e.message}, "descriptor": {"id": e.code},
                 "locations": [{"physicalLocation": {"artifactLocation": artifact}}]}
            if e.checker:
                n["properties"] = {"gkrules.checker": e.checker}
            notifications.append(n)
    driver = {
        "name": report.tool_name,
        "version": report.tool_version,
        "semanticVersion": report.tool_version,
        "informationUri": INFO_URI,
        "rules": [_rule_descriptor(c, info, report.ruleset.id) for (c, _), info in ordered],
    }
    run = {
        "tool": {"driver": driver,
                 "extensions": [{"name": p.name, "version": p.version or "unknown"} for p in report.plugins]},
        "invocations": [{"executionSuccessful": report.complete, "toolExecutionNotifications": notifications}],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri() + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": results,
        "properties": {"gkrules.ruleset": {"id": report.ruleset.id, "version": report.ruleset.version,
                                            "digest": report.ruleset.digest},
                       "gkrules.complete": report.complete},
    }
    log = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return indented_text(log)
