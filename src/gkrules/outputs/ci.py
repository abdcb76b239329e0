"""Formats that CI systems read: ``github`` (workflow commands: annotations on the pull
request), ``gitlab`` (Code Quality report) and ``junit`` (JUnit XML, read by Jenkins,
GitLab and most CI test panels)."""

from __future__ import annotations

import hashlib
from xml.etree import ElementTree as ET

from gkrules.model import Finding, Report, Severity
from gkrules.outputs.jsontext import indented_text
from gkrules.specs import RenderContext

_GITHUB_LEVEL = {Severity.BLOCK: "error", Severity.WARN: "warning", Severity.INFO: "notice"}
_GITLAB_SEVERITY = {Severity.BLOCK: "critical", Severity.WARN: "major", Severity.INFO: "info"}


def _gh_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _gh_property(text: str) -> str:
    return _gh_data(text).replace(":", "%3A").replace(",", "%2C")


def _line_col(f: Finding) -> tuple[int, int]:
    loc = f.location
    if loc is None or loc.line is None:
        return 1, 1
    return loc.line, loc.column or 1


def render_github(report: Report, ctx: RenderContext) -> str:
    out = []
    for d in report.documents:
        for e in d.errors:
            out.append(f"::error file={_gh_property(d.source)},title={_gh_property('gkrules 检查不完整')}::"
                       f"{_gh_data(e.message)}")
        for f in d.findings:
            line, col = _line_col(f)
            props = [f"file={_gh_property(d.source)}", f"line={line}", f"col={col}"]
            if f.location is not None and f.location.end_line:
                props.append(f"endLine={f.location.end_line}")
            props.append(f"title={_gh_property(f'{f.checker}/{f.rule}')}")
            message = f.message + (f"（依据：{f.basis}）" if f.basis else "")
            out.append(f"::{_GITHUB_LEVEL[f.severity]} {','.join(props)}::{_gh_data(message)}")
    return "".join(line + "\n" for line in out)


def render_gitlab(report: Report, ctx: RenderContext) -> str:
    issues = []
    for d in report.documents:
        for e in d.errors:
            fp = hashlib.sha256(f"{d.source}\0{e.code}\0{e.message}".encode()).hexdigest()
            issues.append({"description": f"检查不完整：{e.message}", "check_name": f"engine/{e.code}",
                           "fingerprint": fp, "severity": "blocker",
                           "location": {"path": d.source, "lines": {"begin": 1}}})
        for f in d.findings:
            line, _ = _line_col(f)
            issues.append({"description": f.message, "check_name": f"{f.checker}/{f.rule}",
                           "fingerprint": hashlib.sha256(f"{d.source}\0{f.fingerprint}".encode()).hexdigest(),
                           "severity": _GITLAB_SEVERITY[f.severity],
                           "location": {"path": d.source, "lines": {"begin": line}}})
    return indented_text(issues)


def render_junit(report: Report, ctx: RenderContext) -> str:
    """One test case per document; each finding at or above warn is a failure, each error an
    error (an incomplete check must fail the CI panel too); info findings go to system-out."""
    suites = ET.Element("testsuites", name="gkrules")
    suite = ET.SubElement(suites, "testsuite", name=f"gkrules {report.ruleset.id} {report.ruleset.version}")
    failures = errors = 0
    for d in report.documents:
        case = ET.SubElement(suite, "testcase", classname="gkrules", name=d.source, file=d.source)
        for e in d.errors:
            errors += 1
            ET.SubElement(case, "error", type=e.code, message=e.message).text = e.message
        notes = []
        for f in d.findings:
            line, col = _line_col(f)
            text = f"{d.source}:{line}:{col}: {f.severity.label} {f.checker}/{f.rule} {f.message}"
            if f.severity == Severity.INFO:
                notes.append(text)
                continue
            failures += 1
            ET.SubElement(case, "failure", type=f"{f.checker}/{f.rule}", message=f.message).text = text
        if notes:
            ET.SubElement(case, "system-out").text = "\n".join(notes)
    suite.set("tests", str(len(report.documents)))
    suite.set("failures", str(failures))
    suite.set("errors", str(errors))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
