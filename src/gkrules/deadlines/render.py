"""The monitor's outputs: Chinese text for people, JSON (``gkrules/deadlines@1``) for hosts,
CSV (UTF-8 with BOM, Chinese headers) for spreadsheets."""

from __future__ import annotations

import csv
import io
import json

from gkrules.calendar.table import weekday_name
from gkrules.deadlines.monitor import MonitorReport, Row

SCHEMA = "gkrules/deadlines@1"

_TYPE = {"item": "主动公开", "request": "依申请公开", "periodic": "定期公开"}
_STATE = {
    ("item", "overdue"): "逾期未发布", ("item", "late"): "逾期发布", ("item", "due-soon"): "即将到期",
    ("item", "on-time"): "按时发布", ("item", "pending"): "未到期", ("item", "invalid"): "日期有误",
    ("item", "no-date"): "无成文日期", ("item", "undetermined"): "待定（调休未公布，可能逾期）",
    ("request", "overdue"): "逾期未答复", ("request", "late"): "逾期答复", ("request", "due-soon"): "即将到期",
    ("request", "replied"): "按时答复", ("request", "pending"): "未到期", ("request", "paused"): "征求意见中",
    ("request", "awaiting-correction"): "待补正", ("request", "undetermined"): "待定（调休未公布，可能逾期）",
    ("periodic", "overdue"): "逾期未公布", ("periodic", "late"): "逾期公布", ("periodic", "due-soon"): "即将到期",
    ("periodic", "done"): "已公布", ("periodic", "pending"): "未到期",
}


def state_label(row: Row) -> str:
    return _STATE.get((row.type, row.state), row.state)


def _left_text(row: Row) -> str:
    if row.type == "periodic":
        return row.notes[0] if row.notes and row.state in ("late", "overdue") else ""
    n = row.workdays_left
    if n is None:
        return ""
    if n < 0:
        return f"逾期 {-n} 个工作日"
    return "今天到期" if n == 0 else f"还剩 {n} 个工作日"


def render_text(report: MonitorReport) -> str:
    c = report.counts
    out = [f"发布时限监测：参照日期 {report.today}（{weekday_name(report.today)}），"
           f"提示 {report.within} 个工作日内到期的事项",
           f"共 {report.total} 项；逾期 {c.get('overdue', 0)} 项，即将到期 {c.get('due-soon', 0)} 项，"
           f"日期有误 {c.get('invalid', 0)} 项，无法计算 {len(report.errors)} 项"]
    if report.calendar:
        out.append(report.calendar["text"])
    if not report.rows and not report.errors:
        out.append("\n没有逾期或即将到期的事项。")
    for row in report.rows:
        due = row.due_text or (row.due.isoformat() if row.due else "—")
        head = f"\n【{state_label(row)}】{_TYPE[row.type]}  到期日 {due}"
        left = _left_text(row)
        out.append(head + (f"  {left}" if left and row.type != "periodic" else ""))
        title = row.title + (f"（{row.doc_number}）" if row.doc_number and row.type == "item" else "")
        out.append(f"  {title}")
        facts = []
        if row.start:
            facts.append(f"{row.start_label} {row.start}")
        if row.limit:
            facts.append(f"时限 {row.limit}")
        if row.done:
            facts.append(("答复日期 " if row.type == "request" else "发布日期 ") + row.done.isoformat())
        out.append("  " + "；".join(facts) + f"；来源：{row.ref}")
        for note in row.notes:
            out.append(f"  注：{note}")
    if report.errors:
        out.append("\n无法计算（工作日历不覆盖所需年份，检查不完整）：")
        for e in report.errors:
            out.append(f"  {e.ref}：{e.title}\n    {e.message}")
    return "\n".join(out) + "\n"


def row_dict(row: Row) -> dict:
    return {
        "type": row.type, "state": row.state, "state_label": state_label(row),
        "due": row.due.isoformat() if row.due else None, "workdays_left": row.workdays_left,
        "title": row.title, "doc_number": row.doc_number, "ref": row.ref,
        "start": row.start.isoformat() if row.start else None, "start_label": row.start_label or None,
        "limit": row.limit, "done": row.done.isoformat() if row.done else None,
        "basis": row.basis, "notes": list(row.notes),
    }


def render_json(report: MonitorReport, ruleset: dict | None = None) -> str:
    data = {
        "schema": SCHEMA, "today": report.today.isoformat(), "within_workdays": report.within,
        "ruleset": ruleset, "complete": not report.errors,
        "summary": {"total": report.total, "overdue": report.counts.get("overdue", 0),
                    "due_soon": report.counts.get("due-soon", 0), "invalid": report.counts.get("invalid", 0),
                    "errors": len(report.errors), "by_state": dict(sorted(report.counts.items()))},
        "items": [row_dict(r) for r in report.rows],
        "errors": [{"ref": e.ref, "title": e.title, "message": e.message} for e in report.errors],
        "calendar": {k: report.calendar[k] for k in ("official", "provisional")} if report.calendar else None,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


CSV_HEADER = ("状态", "类别", "到期日", "剩余工作日", "标题", "文号/编号", "起算日期", "起算依据", "时限",
              "发布/答复日期", "来源", "依据", "备注")


def render_csv(report: MonitorReport) -> str:
    buf = io.StringIO()
    buf.write("\ufeff")  # Excel opens UTF-8 correctly only with a BOM
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_HEADER)
    for r in report.rows:
        w.writerow((state_label(r), _TYPE[r.type], r.due.isoformat() if r.due else "",
                    "" if r.workdays_left is None else r.workdays_left, r.title, r.doc_number or "",
                    r.start.isoformat() if r.start else "", r.start_label, r.limit,
                    r.done.isoformat() if r.done else "", r.ref, r.basis, "；".join(r.notes)))
    for e in report.errors:
        w.writerow(("无法计算", "", "", "", e.title, "", "", "", "", "", e.ref, "", e.message))
    return buf.getvalue()


RENDERERS = {"text": render_text, "csv": render_csv}
