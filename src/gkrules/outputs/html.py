"""``--format html``: one self-contained review page (no external assets, Chinese UI).

Each document's text is shown with the spans of its findings highlighted by severity, next
to the list of findings (rule, title, message, masked evidence, basis, suggestion), with
filters by severity and checker and the batch summary on top.

The page shows the documents' text, which may itself hold personal data: the highlighted
span of a personal-data finding is masked in the text (with the checker's masked evidence
when it lines up character by character, otherwise with ``*``), so that the report does not
re-publish what the check found. Text outside findings is shown as it is; the page says
that it is for internal review only.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from html import escape

from gkrules.model import DocumentResult, Finding, Report, Severity
from gkrules.outputs.html_assets import CSS, JS
from gkrules.outputs.places import checker_name, place
from gkrules.specs import RenderContext, RuleInfo

#: checkers and tags whose findings are personal data: their spans are masked in the text
PERSONAL_CHECKERS = frozenset({"personal-info"})
PERSONAL_TAGS = frozenset({"个人隐私", "个人信息"})
_MASK_CHARS = "*＊"
_MASKED_EVIDENCE = re.compile(f"[{_MASK_CHARS}]")

CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"


def is_personal(f: Finding) -> bool:
    """Personal data by checker or tag, or a checker that masked its own evidence."""
    return (f.checker in PERSONAL_CHECKERS or bool(PERSONAL_TAGS.intersection(f.tags))
            or bool(f.evidence and _MASKED_EVIDENCE.search(f.evidence)))


def mask_span(raw: str, evidence: str | None) -> str:
    """The masked form of ``raw``: the evidence if it is ``raw`` with characters starred out,
    else every non-space character starred (line breaks stay, so the layout holds)."""
    if evidence and len(evidence) == len(raw) and all(e == r or e in _MASK_CHARS for e, r in zip(evidence, raw, strict=True)) \
            and _MASKED_EVIDENCE.search(evidence):
        return evidence
    return "".join(c if c.isspace() else "*" for c in raw)


def _text(piece: str) -> str:
    """Escaped document text whose characters all survive HTML parsing one for one (the
    parser would fold a raw CR into LF and drop a NUL, shifting every offset after it)."""
    return escape(piece, quote=False).replace("\r", "&#13;").replace("\x00", "\ufffd")


def _span(f: Finding, size: int) -> tuple[int, int] | None:
    loc = f.location
    if loc is None or loc.start is None or loc.end is None:
        return None
    start, end = max(0, loc.start), min(size, loc.end)
    return (start, end) if end > start else None


def _masked_text(text: str, items: Iterable[tuple[str, Finding]]) -> tuple[str, set[str]]:
    chars = list(text)
    masked_ids = set()
    for fid, f in items:
        span = _span(f, len(text))
        if span is None or not is_personal(f):
            continue
        s, e = span
        chars[s:e] = mask_span(text[s:e], f.evidence)
        masked_ids.add(fid)
    return "".join(chars), masked_ids


def _highlighted(text: str, items: list[tuple[str, Finding, bool]]) -> tuple[str, dict[str, str]]:
    """The text as HTML with a <mark> per run of characters covered by the same findings,
    and the id of the first mark of each finding."""
    shown, masked = _masked_text(text, [(fid, f) for fid, f, _ in items])
    events: dict[int, list[tuple[int, str]]] = {}
    spans = {}
    for fid, f, suppressed in items:
        span = _span(f, len(text))
        if span is None:
            continue
        spans[fid] = (f, suppressed)
        events.setdefault(span[0], []).append((1, fid))
        events.setdefault(span[1], []).append((-1, fid))
    out: list[str] = []
    active: list[str] = []
    first: dict[str, str] = {}
    pos = 0
    for at in sorted(events):
        if at > pos:
            if active:
                mark_id = f"m{active[0]}-{len(first)}-{pos}"
                for fid in active:
                    first.setdefault(fid, mark_id)
                out.append(_segment(shown[pos:at], active, spans, masked, mark_id))
            else:
                out.append(_text(shown[pos:at]))
        for delta, fid in events[at]:
            if delta > 0:
                active.append(fid)
            else:
                active.remove(fid)
        pos = at
    out.append(_text(shown[pos:]))  # past the last span nothing is active
    return "".join(out), first


def _segment(piece: str, active: list[str], spans: dict, masked: set[str], mark_id: str) -> str:
    live = [spans[i] for i in active]
    kept = [f.severity for f, suppressed in live if not suppressed]
    show = max(kept, key=lambda s: s.rank).value if kept else "suppressed"
    cls = "hl masked" if any(i in masked for i in active) else "hl"
    return (f'<mark class="{cls}" id="{mark_id}" data-ids="{" ".join(active)}" data-show="{show}">'
            f"{_text(piece)}</mark>")


def _finding_item(fid: str, f: Finding, rules: dict, reason: str | None, first_mark: str | None) -> str:
    info: RuleInfo | None = rules.get((f.checker, f.rule))
    sev = f.severity.value
    badge = f'<span class="badge sev-{sev}">{escape(f.severity.label)}</span>'
    if reason is not None:
        badge += '<span class="badge suppressed">已忽略</span>'
    rows = [("说明", f.message)]
    if f.evidence:
        rows.append(("证据", f.evidence))
    if f.basis:
        rows.append(("依据", f.basis))
    if f.suggestion:
        rows.append(("建议", f.suggestion))
    if reason is not None:
        rows.append(("理由", reason))
    details = "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
    title = f'<div class="title">{escape(info.title)}</div>' if info is not None else ""
    attrs_ = (f'id="{fid}" class="finding sev-{sev}{" suppressed" if reason is not None else ""}" '
              f'data-sev="{sev}" data-checker="{escape(f.checker)}" data-rule="{escape(f.rule)}" '
              f'data-suppressed="{1 if reason is not None else 0}" data-first-mark="{first_mark or ""}" '
              f'data-start="{_attr_int(f, "start")}" data-end="{_attr_int(f, "end")}"')
    return (f"<li {attrs_}>{badge}<span class=\"where\">{escape(place(f))}</span>"
            f'<span class="checker-name">{escape(checker_name(f.checker))}</span>'
            f'<span class="rule">{escape(f.checker)}/{escape(f.rule)}</span>{title}<dl>{details}</dl></li>')


def _attr_int(f: Finding, name: str) -> str:
    value = getattr(f.location, name, None) if f.location is not None else None
    return "" if value is None else str(value)


def _document(index: int, d: DocumentResult, text: str | None, rules: dict) -> str:
    items = [(f"f{index}-{i}", f, False) for i, f in enumerate(d.findings)]
    items += [(f"s{index}-{i}", s.finding, True) for i, s in enumerate(d.suppressed)]
    reasons = {f"s{index}-{i}": s.suppression.justification for i, s in enumerate(d.suppressed)}
    body, first = _highlighted(text, items) if text is not None else ("", {})
    lis = "".join(_finding_item(fid, f, rules, reasons.get(fid), first.get(fid)) for fid, f, _ in items)
    meta = d.metadata
    facts = []
    if meta is not None:
        for key, label in (("title", "标题"), ("doc_number", "文号"), ("formed", "成文日期"),
                           ("published", "发布日期"), ("disclosure", "公开属性")):
            value = getattr(meta, key)
            if value:
                facts.append(f"{label}：{value}")
    errors = "".join(f"<li>{escape(e.message)}</li>" for e in d.errors)
    parts = [f'<section class="doc" id="doc-{index}" data-doc="{index}"><h2>{escape(d.source)}</h2>']
    if facts:
        parts.append(f'<div class="meta">{escape("；".join(facts))}</div>')
    if errors:
        parts.append(f'<ul class="errors">{errors}</ul>')
    if not items and not d.errors:
        parts.append('<p class="none">未发现问题</p>')
    # the newline after <pre> is eaten by the parser, so that the text's own first one stays
    pre = (f'<pre class="text">\n{body}</pre>' if text is not None
           else '<p class="meta">（未提供文件正文，仅列出意见）</p>')
    parts.append(f'<div class="doc-body"><div>{pre}</div><aside><ol>{lis}</ol></aside></div></section>')
    return "".join(parts)


def _verdict(report: Report) -> tuple[str, str]:
    s = report.summary
    if not report.complete:
        return "incomplete", "检查不完整：不得发布"
    if s.block:
        return "fail", "有阻断问题：不得发布"
    if s.warn:
        return "warn", "有警告：请审查后决定"
    return "ok", "未发现阻断问题"


def _filters(report: Report) -> str:
    checkers = sorted({f.checker for d in report.documents for f in (*d.findings, *(s.finding for s in d.suppressed))})
    sev = "".join(f'<label><input type="checkbox" name="sev" value="{s.value}" checked> {s.label}</label>'
                  for s in Severity)
    sev += '<label><input type="checkbox" name="sev" value="suppressed" checked> 已忽略</label>'
    chk = "".join(f'<label title="{escape(c)}"><input type="checkbox" name="checker" value="{escape(c)}" checked> '
                  f'{escape(checker_name(c))}</label>' for c in checkers)
    docs = ('<label><input type="checkbox" id="only-block"> 只看有阻断的文件</label>'
            '<label><input type="checkbox" id="show-clean" checked> 显示未发现问题的文件</label>')
    return (f'<form id="filters"><fieldset><legend>级别</legend>{sev}</fieldset>'
            f'<fieldset><legend>检查器</legend>{chk or "无"}</fieldset>'
            f'<fieldset><legend>文件</legend>{docs}</fieldset> 显示 <b id="shown">0</b> 条，'
            f'<b id="shown-docs">0</b> 个文件 <span class="keys">按 N 跳到下一个阻断，P 上一个</span></form>')


#: documents rendered in the page itself; the others wait as JSON until a reviewer pages to them
PAGE_SIZE = 20


def _index_entry(i: int, d: DocumentResult) -> dict:
    """What the script needs to filter, count and page without rendering the document."""
    items = [[f"f{i}-{k}", f.severity.value, f.checker, 0] for k, f in enumerate(d.findings)]
    items += [[f"s{i}-{k}", s.finding.severity.value, s.finding.checker, 1] for k, s in enumerate(d.suppressed)]
    return {"n": d.source, "e": len(d.errors), "f": items}


def _index_table(report: Report) -> str:
    rows = []
    for i, d in enumerate(report.documents):
        c = {s: 0 for s in Severity}
        for f in d.findings:
            c[f.severity] += 1
        status = "检查不完整" if d.errors else ""
        rows.append(f'<tr data-doc="{i}"><td>{i + 1}</td><td><a href="#doc-{i}" data-doc="{i}">{escape(d.source)}</a></td>'
                    f'<td class="n sev-block">{c[Severity.BLOCK] or ""}</td><td class="n sev-warn">{c[Severity.WARN] or ""}</td>'
                    f'<td class="n sev-info">{c[Severity.INFO] or ""}</td><td class="n">{len(d.suppressed) or ""}</td>'
                    f'<td>{status}</td></tr>')
    return ('<details id="index" open><summary>文件索引（点击文件名跳转）</summary><div class="index-wrap"><table>'
            '<thead><tr><th>#</th><th>文件</th><th>阻断</th><th>警告</th><th>提示</th><th>已忽略</th><th></th></tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div></details>')


def _json_script(id_: str, data: object) -> str:
    # "<" escaped: nothing inside can end the script element or open a comment
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
    return f'<script type="application/json" id="{id_}">{text}</script>'


def render_html(report: Report, ctx: RenderContext | None = None) -> str:
    ctx = ctx or RenderContext()
    rules = dict(ctx.rules)
    s = report.summary
    verdict_cls, verdict = _verdict(report)
    today = f"；参照日期 {report.today.isoformat()}" if report.today else ""
    rendered = [_document(i, d, ctx.texts.get(d.source), rules) for i, d in enumerate(report.documents)]
    first, rest = rendered[:PAGE_SIZE], rendered[PAGE_SIZE:]
    later = "".join(_json_script(f"doc-src-{i}", html) for i, html in enumerate(rest, start=PAGE_SIZE))
    index = _json_script("doc-index", [_index_entry(i, d) for i, d in enumerate(report.documents)])
    stats = review_stats_html(ctx.options.get("review_stats"))
    return f"""<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>gkrules 审查报告</title>
<style>{CSS}</style>
</head>
<body>
<header>
<h1>政务公开发布前审查报告</h1>
<p class="notice">本报告包含待发布文件的正文，仅供内部审查使用，不得公开或外传；正文中个人信息的位置已遮蔽。</p>
<div id="summary"><span class="verdict {verdict_cls}">{escape(verdict)}</span>
<span class="counts"> <span>文件 {len(report.documents)}</span><span>阻断 <b>{s.block}</b></span><span>警告 <b>{s.warn}</b></span>
<span>提示 <b>{s.info}</b></span><span>已忽略 <b>{s.suppressed}</b></span></span>
<div class="meta">规则集 {escape(report.ruleset.id)} {escape(report.ruleset.version)}；gkrules {escape(report.tool_version)}{escape(today)}；检查{"完整" if report.complete else "不完整"}</div></div>
{_filters(report)}
</header>
{stats}
{_index_table(report)}
<nav class="pager" id="pager-top"></nav>
<main id="docs" data-page-size="{PAGE_SIZE}">
{"".join(first)}
</main>
<nav class="pager" id="pager"></nav>
{index}
{later}
<script>{JS}</script>
</body>
</html>
"""


def review_stats_html(stats) -> str:
    """The reviewers' statistics (gkrules.baseline.stats), when the check used a record."""
    if stats is None:
        return ""
    from gkrules.baseline.stats import STAT_LABELS

    def table(caption: str, rows) -> str:
        head = "".join(f"<th>{escape(label)}</th>" for label in STAT_LABELS.values())
        body = "".join(f"<tr><td>{escape(name)}</td>" + "".join(f'<td class="n">{row[k]}</td>' for k in STAT_LABELS)
                       + "</tr>" for name, row in rows)
        return f'<table><caption>{escape(caption)}</caption><thead><tr><th></th>{head}</tr></thead><tbody>{body}</tbody></table>'

    return (f'<details id="review-stats" open><summary>审查统计</summary><div class="stats">'
            f'{table("按规则", stats.by_rule_named())}{table("按审查阶段", stats.by_stage_named())}</div></details>')
