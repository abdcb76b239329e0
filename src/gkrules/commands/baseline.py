"""gkrules baseline create|update|audit: the review record (审查记录) of accepted findings.

* ``create``: check the documents and record every current finding (or those chosen with
  ``--rule``/``--fingerprint``) as accepted by ``--reviewer`` at ``--stage`` for ``--reason``.
* ``update``: drop entries that no longer match (their documents were checked), add new
  findings chosen the same way; entries that still match are left as they are.
* ``audit``: show every entry with its current status and masked evidence, and the findings
  not yet reviewed; ``--sign`` records a further review (送审, 终审) of the matching entries.

An incomplete check never writes a record (exit 2).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections import defaultdict
from pathlib import Path

from gkrules.commands import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_plugin_options,
    iso_date,
    plugin_manager,
    positive_float,
)
from gkrules.errors import UsageError

NAME = "baseline"
HELP = "审查记录：记录已接受的意见（审查人、审查阶段、理由、日期）"


def _common(p, *, review_required: bool) -> None:
    from gkrules.baseline import DEFAULT_FILE, STAGES

    p.add_argument("paths", nargs="+", metavar="PATH", help="待检查的文件或目录")
    p.add_argument("--file", "-f", default=DEFAULT_FILE, metavar="FILE",
                   help=f"审查记录文件（默认 {DEFAULT_FILE}；其中的文件路径相对于该文件所在目录）")
    p.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    p.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="日期规则的参照日期（默认今天）")
    p.add_argument("--catalog", metavar="FILE", help="已发布文件目录（JSON Lines 或 CSV）")
    p.add_argument("--timeout", type=positive_float, default=None, metavar="SECONDS", help="每个检查器的时间上限（秒）")
    p.add_argument("--reviewer", required=review_required, metavar="NAME", help="审查人")
    p.add_argument("--stage", required=review_required, choices=STAGES, help="审查阶段")
    p.add_argument("--reason", required=review_required, metavar="TEXT", help="接受理由（将写入审查记录）")
    p.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD", help="审查日期（默认今天）")
    p.add_argument("--rule", action="append", default=None, metavar="CHECKER/RULE", help="只处理这些规则的意见（可重复）")
    p.add_argument("--fingerprint", action="append", default=None, metavar="FP", help="只处理这些指纹的意见（可重复）")
    add_plugin_options(p)


def add_arguments(p) -> None:
    p.description = "建立、更新和核查审查记录。记录按意见指纹（规则＋规范化取值的散列＋文件）标识，不含行号和原文。"
    sub = p.add_subparsers(dest="action", metavar="操作", required=True)
    create = sub.add_parser("create", help="检查文件，把当前的意见记为已接受")
    _common(create, review_required=True)
    create.add_argument("--force", action="store_true", help="覆盖已有的审查记录文件")
    update = sub.add_parser("update", help="清理已失效的条目，补记新的意见")
    _common(update, review_required=False)
    update.add_argument("--keep-stale", action="store_true", help="保留已失效的条目")
    audit = sub.add_parser("audit", help="核查审查记录：各条目现状、未审查的意见；可签署下一审查阶段")
    _common(audit, review_required=False)
    audit.add_argument("--format", choices=["text", "json"], default="text")
    audit.add_argument("--sign", action="store_true", help="以 --reviewer/--stage/--reason 签署仍然有效的条目")


# -- running the check ---------------------------------------------------------------------

def _check(args):
    from gkrules.catalog import read_catalog
    from gkrules.engine import Engine
    from gkrules.supervisor import Limits

    seconds = max(60.0, 2 * args.timeout if args.timeout else 0.0)
    engine = Engine(args.ruleset, plugins=plugin_manager(args), timeout=args.timeout,
                    limits=Limits(document_seconds=seconds))
    catalog = read_catalog(args.catalog) if args.catalog else ()
    report = engine.check(args.paths, today=args.today, catalog=catalog)
    if not report.complete:
        problems = [f"{d.source}：{e.message}" for d in report.documents for e in d.errors]
        raise UsageError("检查不完整，不能据此建立或核查审查记录：" + "；".join(problems[:5]))
    return engine, report


def _review(args, needed: bool):
    from gkrules.baseline import Review

    missing = [flag for flag, v in (("--reviewer", args.reviewer), ("--stage", args.stage),
                                    ("--reason", args.reason)) if not (v and v.strip())]
    if missing:
        if needed:
            raise UsageError(f"需要写明 {'、'.join(missing)}（审查记录的每一条都有审查人、审查阶段和理由）")
        return None
    return Review(reviewer=args.reviewer.strip(), stage=args.stage, reason=args.reason.strip(),
                  date=args.date or dt.date.today())


def _selected(args, finding) -> bool:
    if args.rule and f"{finding.checker}/{finding.rule}" not in args.rule:
        return False
    return not args.fingerprint or finding.fingerprint in args.fingerprint


def _current(report, root: Path):
    """(document key, finding) for every reported finding that a reviewer may accept."""
    from gkrules.baseline import document_key

    for d in report.documents:
        for f in d.findings:
            if f.checker != "engine":  # a failed check can never be accepted
                yield document_key(d.source, root), d, f


def _entry(key, finding, review, rules):
    from gkrules.baseline import Entry

    info = rules.get((finding.checker, finding.rule))
    return Entry(document=key, fingerprint=finding.fingerprint, checker=finding.checker, rule=finding.rule,
                 severity=finding.severity, reviewer=review.reviewer, stage=review.stage, reason=review.reason,
                 date=review.date, title=info.title if info else "")


def _stamp(engine):
    from gkrules._version import __version__
    from gkrules.baseline import RulesetRef

    info = engine.ruleset_info()
    return dict(generated_by=f"gkrules {__version__}",
                ruleset=RulesetRef(id=info.id, version=info.version, digest=info.digest))


# -- actions -------------------------------------------------------------------------------

def _create(args) -> int:
    from gkrules.baseline import Baseline, save

    path = Path(args.file)
    if path.exists() and not args.force:
        raise UsageError(f"审查记录文件 {args.file} 已存在：更新请用 gkrules baseline update，覆盖请加 --force")
    review = _review(args, needed=True)
    engine, report = _check(args)
    rules = engine.rule_catalog()
    root = path.resolve().parent
    entries = [_entry(k, f, review, rules) for k, _, f in _current(report, root) if _selected(args, f)]
    baseline = Baseline().with_entries(entries, **_stamp(engine))
    save(baseline, path)
    print(f"已建立审查记录 {args.file}：{len(baseline.entries)} 条（{review.stage}，审查人 {review.reviewer}）",
          file=sys.stderr)
    return EXIT_OK


def _load_and_check(args):
    from gkrules.baseline import load
    from gkrules.filters.baseline import BaselineFilter

    path = Path(args.file)
    baseline = load(path)
    engine, report = _check(args)
    root = path.resolve().parent
    return path, root, BaselineFilter(baseline, root, args.file), engine, report


def _update(args) -> int:
    from gkrules.baseline import save, stale_entries

    path, root, flt, engine, report = _load_and_check(args)
    baseline = flt.baseline
    known = {e.key for e in baseline.entries}
    new = [(k, f) for k, _, f in _current(report, root) if (k, f.fingerprint) not in known and _selected(args, f)]
    review = _review(args, needed=bool(new))
    stale = [] if args.keep_stale else [e for entries in stale_entries(report, flt).values() for e in entries]
    keep = [e for e in baseline.entries if e not in stale]
    rules = engine.rule_catalog()
    added = [_entry(k, f, review, rules) for k, f in new] if review else []
    save(baseline.with_entries(keep + added, **_stamp(engine)), path)
    print(f"已更新审查记录 {args.file}：新增 {len(added)} 条，清理已失效 {len(stale)} 条，共 {len(keep) + len(added)} 条",
          file=sys.stderr)
    return EXIT_OK


def _audit(args) -> int:
    from gkrules.baseline import save, stage_rank

    path, root, flt, _, report = _load_and_check(args)
    baseline = flt.baseline
    found: dict[tuple[str, str], tuple] = {}
    unreviewed = []
    for k, d, f in _current(report, root):
        found[(k, f.fingerprint)] = (d, f)
        if (k, f.fingerprint) not in flt.index:
            unreviewed.append((k, f))
    checked = {flt.document_key(d.source) for d in report.documents if d.sha256 is not None}
    allowlisted = {(flt.document_key(d.source), s.finding.fingerprint) for d in report.documents for s in d.suppressed}
    rows = []
    for e in baseline.entries:
        if e.key in found:
            status = "valid" if found[e.key][1].severity.rank <= e.severity.rank else "severity-raised"
        elif e.key in allowlisted:
            status = "allowlisted"
        elif e.document in checked:
            status = "stale"
        elif not (root / e.document).exists():
            status = "missing-document"
        else:
            status = "not-checked"
        rows.append((e, status, found.get(e.key, (None, None))[1]))
    if args.sign:
        review = _review(args, needed=True)
        signed, entries = 0, []
        for e, status, f in rows:
            chosen = status == "valid" and f is not None and _selected(args, f)
            if chosen and stage_rank(review.stage) < stage_rank(e.stage):
                raise UsageError(f"{e.document} 的条目 {e.fingerprint} 已到{e.stage}阶段，不能以较早的{review.stage}阶段签署")
            entries.append(e.signed(review) if chosen else e)
            signed += chosen
        baseline = baseline.with_entries(entries)
        save(baseline, path)
        status_of = {e.key: (s, f) for e, s, f in rows}
        rows = [(e, *status_of[e.key]) for e in baseline.entries]
        print(f"已签署 {signed} 条（{review.stage}，审查人 {review.reviewer}）", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(_audit_json(args.file, baseline, rows, unreviewed), ensure_ascii=False, indent=2))
    else:
        print(_audit_text(args.file, baseline, rows, unreviewed))
    bad = any(s in ("stale", "missing-document", "severity-raised") for _, s, _ in rows) or unreviewed
    return EXIT_FINDINGS if bad else EXIT_OK


_STATUS_LABEL = {"valid": "有效", "stale": "已失效", "missing-document": "文件已不存在", "not-checked": "本次未检查",
                 "allowlisted": "已由允许清单覆盖", "severity-raised": "级别已提高，需重新审查"}


def _where(f) -> str:
    loc = f.location if f is not None else None
    return f"{loc.line}:{loc.column}" if loc is not None and loc.line is not None else "全文"


def _audit_text(file: str, baseline, rows, unreviewed) -> str:
    from gkrules.baseline import STAGES

    counts = baseline.stage_counts()
    lines = [f"审查记录：{file}（共 {len(baseline.entries)} 条；" + "，".join(f"{s} {counts[s]}" for s in STAGES) + "）"]
    by_doc: dict[str, list] = defaultdict(list)
    for e, status, f in rows:
        by_doc[e.document].append((e, status, f))
    for k, f in unreviewed:
        by_doc[k].append((None, "unreviewed", f))
    for doc in sorted(by_doc):
        lines.append(f"文件：{doc}")
        for e, status, f in by_doc[doc]:
            if e is None:
                lines.append(f"  [未审查] {_where(f)}  {f.severity.label}  {f.checker}/{f.rule}  {f.message}")
                if f.evidence:
                    lines.append(f"           证据：{f.evidence}    指纹：{f.fingerprint}")
                continue
            title = f"（{e.title}）" if e.title else ""
            lines.append(f"  [{_STATUS_LABEL[status]}] {_where(f)}  {e.severity.label}  {e.checker}/{e.rule}{title}")
            if f is not None and f.evidence:
                lines.append(f"           证据：{f.evidence}")
            for r in (*e.history, e.review):
                lines.append(f"           {r.stage}  {r.reviewer}  {r.date.isoformat()}：{r.reason}")
    tally = defaultdict(int)
    for _, s, _ in rows:
        tally[s] += 1
    parts = [f"{_STATUS_LABEL[s]} {n}" for s, n in tally.items()]
    lines.append("合计：" + "，".join([*parts, f"未审查 {len(unreviewed)}"]))
    return "\n".join(lines)


def _audit_json(file: str, baseline, rows, unreviewed) -> dict:
    from gkrules.baseline.record import to_dict
    from gkrules.serialize import finding_to_dict

    entries = []
    for (_, status, f), data in zip(rows, to_dict(baseline)["entries"], strict=True):
        data["status"] = status
        if f is not None:
            data["finding"] = finding_to_dict(f)
        entries.append(data)
    return {"baseline": file, "stages": baseline.stage_counts(), "entries": entries,
            "unreviewed": [dict(finding_to_dict(f), document=k) for k, f in unreviewed]}


def run(args) -> int:
    return {"create": _create, "update": _update, "audit": _audit}[args.action](args)
