"""gkrules baseline create|update|audit: the review record (审查记录) of accepted findings.

* ``create``: check the documents and record every current finding (or those chosen with
  ``--rule``/``--fingerprint``) as accepted by ``--reviewer`` at ``--stage`` for ``--reason``.
* ``update``: drop entries that no longer match (their documents were checked), add new
  findings chosen the same way; entries that still match are left as they are.
* ``audit``: show every entry with its current status and masked evidence, and the findings
  not yet reviewed; ``--sign`` records a further review (送审, 终审) of the matching entries;
  ``--interactive`` decides finding by finding (accept / reject / skip, resumable).
* ``decide``: the same decisions from a file (JSON or YAML), for a CMS or a script.

Every acceptance is held to the rule set's waiver policy (``gkrules.baseline.policy``): by
default a blocking finding needs 终审 and its own reason; one reason for several blocking
findings is refused unless the rule set allows it, and the record then says ``bulk``.

An incomplete check never writes a record (exit 2).
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from gkrules import clock
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
    audit.add_argument("--interactive", "-i", action="store_true",
                       help="逐条审查未决的意见（接受/驳回/跳过；可中途退出，再次运行时继续）")
    decide = sub.add_parser("decide", help="按决定文件（JSON 或 YAML）逐条接受或驳回意见")
    _common(decide, review_required=False)
    decide.add_argument("--decisions", required=True, metavar="FILE",
                        help="决定文件：decisions 列表，每条含 document、fingerprint、decision（accept/reject）、reason")


# -- running the check ---------------------------------------------------------------------

def _check(args):
    from gkrules.catalog import read_catalog
    from gkrules.engine import Engine
    from gkrules.supervisor import Limits

    seconds = max(60.0, 2 * args.timeout if args.timeout else 0.0)
    engine = Engine(args.ruleset, plugins=plugin_manager(args), timeout=args.timeout,
                    limits=Limits(document_seconds=seconds))
    catalog = read_catalog(args.catalog) if args.catalog else ()
    report, docs = engine.check_documents(args.paths, today=args.today, catalog=catalog)
    if not report.complete:
        problems = [f"{d.source}：{e.message}" for d in report.documents for e in d.errors]
        raise UsageError("检查不完整，不能据此建立或核查审查记录：" + "；".join(problems[:5]))
    args._texts = {d.source: d.text for d in docs}
    return engine, report


def _review(args, needed: bool, *, reason: bool = True):
    from gkrules.baseline import Review

    wanted = (("--reviewer", args.reviewer), ("--stage", args.stage)) + ((("--reason", args.reason),) if reason else ())
    missing = [flag for flag, v in wanted if not (v and v.strip())]
    if missing:
        if needed:
            raise UsageError(f"需要写明 {'、'.join(missing)}（审查记录的每一条都有审查人、审查阶段和理由）")
        return None
    return Review(reviewer=args.reviewer.strip(), stage=args.stage, reason=(args.reason or "").strip() or "（逐条填写）",
                  date=args.date or clock.today())


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


def _titles(engine) -> dict[tuple[str, str], str]:
    return {k: info.title for k, info in engine.rule_catalog().items()}


def _decisions(chosen, review):
    """One review for all ``chosen`` (key, document, finding): bulk when it covers several."""
    import attrs

    from gkrules.baseline.decide import Decision

    review = attrs.evolve(review, bulk=len(chosen) > 1)
    return [Decision(k, f, d.sha256, review) for k, d, f in chosen]


def _policy(engine):
    from gkrules.baseline.policy import policy_for

    return policy_for(engine.ruleset)


def _stamp(engine):
    from gkrules._version import __version__
    from gkrules.baseline import RulesetRef

    info = engine.ruleset_info()
    return dict(generated_by=f"gkrules {__version__}",
                ruleset=RulesetRef(id=info.id, version=info.version, digest=info.digest))


# -- actions -------------------------------------------------------------------------------

def _create(args) -> int:
    from gkrules.baseline import Baseline, save
    from gkrules.baseline.decide import apply

    if _is_url(args.file):
        raise UsageError("数据库中的审查记录只能追加：请用 gkrules baseline decide 或 audit --interactive 记录决定")
    path = Path(args.file)
    if path.exists() and not args.force:
        raise UsageError(f"审查记录文件 {args.file} 已存在：更新请用 gkrules baseline update，覆盖请加 --force")
    review = _review(args, needed=True)
    engine, report = _check(args)
    root = path.resolve().parent
    chosen = [(k, d, f) for k, d, f in _current(report, root) if _selected(args, f)]
    baseline = apply(Baseline(), _policy(engine), _decisions(chosen, review), _titles(engine))
    baseline = baseline.with_entries(baseline.entries, **_stamp(engine))
    save(baseline, path)
    print(f"已建立审查记录 {args.file}：{len(baseline.entries)} 条（{review.stage}，审查人 {review.reviewer}）",
          file=sys.stderr)
    return EXIT_OK


def _is_url(where: str) -> bool:
    return "://" in where


def _load_and_check(args, *, allow_missing: bool = False):
    from gkrules.baseline import Baseline, load
    from gkrules.filters.baseline import BaselineFilter

    if _is_url(args.file):
        from gkrules.baseline.store import open_store

        baseline = open_store(args.file).read()
        engine, report = _check(args)
        path, root = Path(args.file), Path.cwd()
        return path, root, BaselineFilter(baseline, root, args.file), engine, report
    path = Path(args.file)
    baseline = Baseline() if allow_missing and not path.exists() else load(path)
    engine, report = _check(args)
    root = path.resolve().parent
    return path, root, BaselineFilter(baseline, root, args.file), engine, report


def _update(args) -> int:
    from gkrules.baseline import save, stale_entries
    from gkrules.baseline.decide import apply

    if _is_url(args.file):
        raise UsageError("数据库中的审查记录只能追加，不清理条目：请用 gkrules baseline decide 或 audit --interactive")
    path, root, flt, engine, report = _load_and_check(args)
    baseline = flt.baseline
    known = {e.key for e in baseline.entries}
    new = [(k, d, f) for k, d, f in _current(report, root) if (k, f.fingerprint) not in known and _selected(args, f)]
    review = _review(args, needed=bool(new))
    stale = [] if args.keep_stale else [e for entries in stale_entries(report, flt).values() for e in entries]
    keep = baseline.with_entries([e for e in baseline.entries if e not in stale])
    added = _decisions(new, review) if review else []
    updated = apply(keep, _policy(engine), added, _titles(engine))
    save(updated.with_entries(updated.entries, **_stamp(engine)), path)
    print(f"已更新审查记录 {args.file}：新增 {len(added)} 条，清理已失效 {len(stale)} 条，共 {len(updated.entries)} 条",
          file=sys.stderr)
    return EXIT_OK


def _status(e, found, allowlisted, checked, root, flt) -> str:
    if e.key in found:
        d, f = found[e.key]
        if e.decision == "rejected":
            return "rejected" if e.holds_for(d.sha256) else "document-changed"
        if not e.holds_for(d.sha256):
            return "document-changed"
        if flt.policy.entry_refusal(e):
            return "policy"
        return "valid" if f.severity.rank <= e.severity.rank else "severity-raised"
    if e.key in allowlisted:
        return "allowlisted"
    if e.document in checked:
        return "stale"
    if not (root / e.document).exists():
        return "missing-document"
    return "not-checked"


def _audit(args) -> int:
    from gkrules.baseline import stage_rank
    from gkrules.baseline.store import open_store

    path, root, flt, engine, report = _load_and_check(args, allow_missing=args.interactive)
    flt.policy = _policy(engine)
    baseline = flt.baseline
    found: dict[tuple[str, str], tuple] = {}
    unreviewed = []
    for k, d, f in _current(report, root):
        found[(k, f.fingerprint)] = (d, f)
        if (k, f.fingerprint) not in flt.index:
            unreviewed.append((k, f))
    checked = {flt.document_key(d.source) for d in report.documents if d.sha256 is not None}
    allowlisted = {(flt.document_key(d.source), s.finding.fingerprint) for d in report.documents for s in d.suppressed
                   if s.suppression.kind != "baseline"}
    rows = [(e, _status(e, found, allowlisted, checked, root, flt), found.get(e.key, (None, None))[1])
            for e in baseline.entries]
    if args.interactive:
        return _interactive(args, path, root, flt, engine, report, rows)
    if args.sign:
        review = _review(args, needed=True)
        chosen = [(e.document, *found[e.key]) for e, status, f in rows
                  if status in ("valid", "document-changed", "policy") and f is not None and _selected(args, f)]
        for k, _, f in chosen:
            e = flt.index[(k, f.fingerprint)]
            if stage_rank(review.stage) < stage_rank(e.stage):
                raise UsageError(f"{e.document} 的条目 {e.fingerprint} 已到{e.stage}阶段，不能以较早的{review.stage}阶段签署")
        baseline = open_store(args.file).record(_decisions(chosen, review), flt.policy)
        flt = type(flt)(baseline, root, args.file)
        flt.policy = _policy(engine)
        rows = [(e, _status(e, found, allowlisted, checked, root, flt), found.get(e.key, (None, None))[1])
                for e in baseline.entries]
        print(f"已签署 {len(chosen)} 条（{review.stage}，审查人 {review.reviewer}）", file=sys.stderr)
    if args.format == "json":
        print(json.dumps(_audit_json(args.file, baseline, rows, unreviewed), ensure_ascii=False, indent=2))
    else:
        print(_audit_text(args.file, baseline, rows, unreviewed))
    bad = any(s in _NEEDS_REVIEW for _, s, _ in rows) or unreviewed
    return EXIT_FINDINGS if bad else EXIT_OK


_NEEDS_REVIEW = ("stale", "missing-document", "severity-raised", "document-changed", "policy", "rejected")


def _pending(report, root, flt, texts, titles, args):
    """Findings of this run that have no decision holding for this version of the document."""
    from gkrules.baseline.interactive import Pending, masked_context

    out = []
    for d in report.documents:
        if d.sha256 is None:
            continue
        k = flt.document_key(d.source)
        for f in d.findings:
            if f.checker in ("engine", "baseline") or not _selected(args, f):
                continue
            e = flt.index.get((k, f.fingerprint))
            why = ""
            if e is not None:
                why = flt.invalid_reason(e, d.sha256) or ""
                if e.holds_for(d.sha256) and (e.decision == "rejected" or not why):
                    continue  # decided on this version (a rejection stands until the file changes)
            out.append(Pending(k, d.sha256, f, titles.get((f.checker, f.rule), ""), _where(f),
                               masked_context(texts.get(d.source), d.findings, f), e, why))
    return out


def _interactive(args, path, root, flt, engine, report, rows) -> int:
    from gkrules.baseline.interactive import run_session
    from gkrules.baseline.stale import with_stale_findings
    from gkrules.baseline.store import open_store

    review = _review(args, needed=True, reason=False)
    titles = _titles(engine)
    report = with_stale_findings(report, flt)
    pending = _pending(report, root, flt, args._texts, titles, args)
    store = open_store(args.file)

    def record(decision) -> None:  # written at once: a session quit or killed resumes from here
        store.record([decision], flt.policy, titles)

    print(f"审查记录 {args.file}：待审查 {len(pending)} 条（{review.stage}，审查人 {review.reviewer}）")
    tally = run_session(pending, review, flt.policy, record, input, sys.stdout)
    print(f"\n本次接受 {tally['accepted']} 条，驳回 {tally['rejected']} 条，跳过 {tally['skipped']} 条，"
          f"未处理 {tally['left']} 条" + ("（再次运行本命令可继续）" if tally["left"] or tally["skipped"] else ""))
    return EXIT_OK if not (tally["left"] or tally["skipped"]) else EXIT_FINDINGS


_STATUS_LABEL = {"valid": "有效", "stale": "已失效", "missing-document": "文件已不存在", "not-checked": "本次未检查",
                 "allowlisted": "已由允许清单覆盖", "severity-raised": "级别已提高，需重新审查",
                 "document-changed": "文件已修改，需重新审查", "policy": "不符合审查规则，需重新审查",
                 "rejected": "已驳回，须修改"}


def _where(f) -> str:
    from gkrules.outputs.places import place

    return place(f) if f is not None else "全文"


def _audit_text(file: str, baseline, rows, unreviewed) -> str:
    from gkrules.baseline import STAGES
    from gkrules.baseline.record import DECISION_LABEL

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
                bulk = "（批量）" if r.bulk else ""
                lines.append(f"           {r.stage}{DECISION_LABEL[r.decision]}{bulk}  {r.reviewer}  {r.date.isoformat()}：{r.reason}")
    tally: defaultdict[str, int] = defaultdict(int)
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


def _decide(args) -> int:
    from gkrules.baseline.decisions_file import read_decisions
    from gkrules.baseline.store import open_store

    engine, report = _check(args)
    root = Path.cwd() if _is_url(args.file) else Path(args.file).resolve().parent
    found = {(k, f.fingerprint): (d, f) for k, d, f in _current(report, root)}
    decisions = read_decisions(args.decisions, found, args)
    open_store(args.file).record(decisions, _policy(engine), _titles(engine))
    accepted = sum(1 for d in decisions if d.review.decision == "accepted")
    print(f"已写入审查记录 {args.file}：接受 {accepted} 条，驳回 {len(decisions) - accepted} 条", file=sys.stderr)
    return EXIT_OK


def run(args) -> int:
    return {"create": _create, "update": _update, "audit": _audit, "decide": _decide}[args.action](args)
