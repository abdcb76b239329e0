"""Short text formats: ``concise`` (one line per finding, like ``ruff --output-format
concise``; editors and grep read ``path:line:col:``), ``grouped`` (by file, one line per
finding) and ``json-lines`` (one JSON object per finding, for log pipelines)."""

from __future__ import annotations

import json

from gkrules.model import DocumentResult, Finding, Report
from gkrules.serialize import finding_to_dict
from gkrules.specs import RenderContext


def _position(f: Finding) -> str:
    loc = f.location
    if loc is None or loc.line is None:
        return "1:1"
    return f"{loc.line}:{loc.column or 1}"


def _extra(f: Finding) -> str:
    loc = f.location
    bits = []
    if loc is not None and loc.page:
        bits.append(f"第{loc.page}页")
    if loc is not None and loc.ref:
        bits.append(loc.ref)
    if loc is not None and loc.hidden:
        bits.append("隐藏内容")
    return f"［{'，'.join(bits)}］" if bits else ""


def _tail(report: Report) -> str:
    s = report.summary
    state = "检查完整" if report.complete else "检查不完整，不得发布"
    return (f"共 {len(report.documents)} 个文件；阻断 {s.block}，警告 {s.warn}，提示 {s.info}，"
            f"已忽略 {s.suppressed}；{state}\n")


def _errors(d: DocumentResult) -> list[str]:
    return [f"{d.source}: 错误{('（' + e.checker + '）') if e.checker else ''}：{e.message}" for e in d.errors]


def render_concise(report: Report, ctx: RenderContext) -> str:
    lines = []
    for d in report.documents:
        lines.extend(_errors(d))
        for f in d.findings:
            lines.append(f"{d.source}:{_position(f)}: {f.severity.label} {f.checker}/{f.rule} {f.message}{_extra(f)}")
    return "\n".join([*lines, ""]) + _tail(report)


def render_grouped(report: Report, ctx: RenderContext) -> str:
    out = []
    for d in report.documents:
        if not d.findings and not d.errors:
            continue
        out.append(f"{d.source}:")
        out.extend("  " + line.split(": ", 1)[1] for line in _errors(d))
        width = max((len(_position(f)) for f in d.findings), default=0)
        for f in d.findings:
            out.append(f"  {_position(f):<{width}}  {f.severity.label}  {f.checker}/{f.rule}  {f.message}{_extra(f)}")
        out.append("")
    return "\n".join(out) + _tail(report)


def render_json_lines(report: Report, ctx: RenderContext) -> str:
    lines = []
    for d in report.documents:
        for e in d.errors:
            lines.append({"source": d.source, "error": {"code": e.code, "message": e.message, "checker": e.checker}})
        for f in d.findings:
            lines.append({"source": d.source, **finding_to_dict(f)})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
