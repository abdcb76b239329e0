"""``--format text``: what a reviewer reads, in Chinese, grouped by document."""

from __future__ import annotations

from gkrules.model import DocumentResult, Finding, Report
from gkrules.outputs.places import place
from gkrules.specs import RenderContext

#: tag of findings computed on a provisional calendar year (release-deadline sets it)
PROVISIONAL_TAG = "provisional-calendar"

_META_LABELS = (("title", "标题"), ("doc_number", "文号"), ("formed", "成文日期"), ("published", "发布日期"),
                ("disclosure", "公开属性"))


def _where(f: Finding) -> str:
    return place(f)


def _finding_lines(f: Finding, ctx: RenderContext | None) -> list[str]:
    lines = [f"  {_where(f):<10} {f.severity.label}  {f.checker}/{f.rule}  {f.message}"]
    if f.evidence:
        lines.append(f"             证据：{f.evidence}")
    if f.basis:
        lines.append(f"             依据：{f.basis}")
    if f.suggestion:
        lines.append(f"             建议：{f.suggestion}")
    return lines


def _document(d: DocumentResult, ctx: RenderContext | None) -> list[str]:
    out = [f"文件：{d.source}"]
    if d.metadata is not None:
        parts = []
        for key, label in _META_LABELS:
            value = getattr(d.metadata, key)
            if value:
                parts.append(f"{label}：{value}")
        if parts:
            out.append("  （" + "；".join(parts) + "）")
        for note in d.metadata.normalised:  # the text was repaired or converted before checking
            out.append(f"  说明：{note}")
    for e in d.errors:
        who = f"（{e.checker}）" if e.checker else ""
        out.append(f"  错误{who}：{e.message}")
    if not d.findings and not d.errors:
        out.append("  未发现问题")
    for f in d.findings:
        out.extend(_finding_lines(f, ctx))
    if d.suppressed:
        out.append(f"  已按允许清单或审查记录忽略 {len(d.suppressed)} 条：")
        for s in d.suppressed:
            out.append(f"    {_where(s.finding)} {s.finding.checker}/{s.finding.rule}（理由：{s.suppression.justification}）")
    return out


def render_text(report: Report, ctx: RenderContext | None = None) -> str:
    lines: list[str] = []
    for d in report.documents:
        lines.extend(_document(d, ctx))
        lines.append("")
    s = report.summary
    status = "检查完整" if report.complete else "检查不完整（有文件未能检查，不得发布）"
    lines.append(f"共 {len(report.documents)} 个文件；阻断 {s.block}，警告 {s.warn}，提示 {s.info}，"
                 f"已忽略 {s.suppressed}；{status}")
    lines.append(f"规则集：{report.ruleset.id} {report.ruleset.version}（gkrules {report.tool_version}）")
    stats = ctx.options.get("review_stats") if ctx is not None else None
    if stats is not None:
        from gkrules.baseline.stats import stats_lines

        lines.extend(stats_lines(stats))
    if any(PROVISIONAL_TAG in f.tags for d in report.documents for f in d.findings):
        lines.append("注：部分期限按暂定日历计算（相关年份的调休安排尚未公布，期限为区间）；"
                     "在规则集 calendar 部分补充该年安排或升级 chinese-calendar 后可得到确切期限（见 docs/calendar.md）")
    return "\n".join(lines) + "\n"
