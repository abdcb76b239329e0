"""Running the batches of a ``gkrules check`` plan and writing what the user sees: the
report (filtered by select/ignore and the display level), a progress bar on a terminal,
and a summary on stderr when the report goes to a file."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from gkrules.batches import Batch, Plan
from gkrules.commands import EXIT_OK, show_notes
from gkrules.errors import UsageError
from gkrules.model import Report, Severity
from gkrules.report_filter import at_least, combine, select_rules, worst_exit
from gkrules.settings import default_jobs
from gkrules.specs import FormatterSpec, RenderContext

#: below this many files one process is faster than starting a pool
MIN_FILES_FOR_POOL = 8


def write_output(text: str, output: str | None) -> None:
    """Write the report before the exit code is decided (hosts read it whatever the code)."""
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"无法写入输出文件 {output}：{exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def limits_from_args(args, jobs: int | None = None):
    """Documents are checked in worker processes that these limits bound (gkrules.supervisor);
    ``jobs`` is the effective number (settings files may give it)."""
    from gkrules.supervisor import Limits, MiB

    seconds = args.document_timeout or max(60.0, 2 * args.timeout if args.timeout else 0.0)
    return Limits(document_seconds=seconds, memory_bytes=int(args.memory_mb * MiB),
                  workers=jobs or args.jobs or 1)


def _engine_for(batch: Batch, args, pm, cache: dict) -> tuple[Any, Any]:
    """The engine (and baseline record) for a batch's rule set and baseline, built once."""
    from gkrules.engine import Engine
    from gkrules.filters.baseline import use_baseline
    from gkrules.plugins import PluginManager

    s = batch.settings
    key = (s["ruleset"], s["baseline"])
    if key not in cache:
        plugins = pm
        record = None
        if s["baseline"]:
            if any(k[1] for k in cache):  # a baseline filter is registered once per plugin manager
                plugins = PluginManager(allow=args.only_plugin, block=args.disable_plugin)
            record = use_baseline(plugins, s["baseline"])
        # the rule set's examples run beside the first documents; no report before they pass
        engine = Engine(s["ruleset"], plugins=plugins, timeout=args.timeout, limits=limits_from_args(args, s["jobs"]),
                        check_examples="beside")
        cache[key] = (engine, record)
    return cache[key]


class _Progress:
    """A rich progress bar on stderr when it is a terminal (never in a pipe or a log)."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled and total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(), TextColumn("剩余"),
                                TimeRemainingColumn(), console=Console(stderr=True), transient=True)
            self.task = self.bar.add_task("check", total=total)

    def __enter__(self):
        if self.bar is not None:
            self.bar.start()
        return self

    def advance(self, _source: str) -> None:
        if self.bar is not None:
            self.bar.advance(self.task)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.stop()


def reads_texts(formatter: FormatterSpec) -> bool:
    """Whether a formatter shows the documents' text: of gkrules' own only the HTML report
    does; a plugin's may. Without it the workers send back no more of each document than
    the engine reads."""
    own = getattr(formatter.render, "__module__", "").startswith("gkrules.outputs.")
    return not own or formatter.name == "html"


def statistics(report: Report, rules: dict) -> str:
    """``--statistics``: one line per rule, most frequent first."""
    counts = Counter((f.checker, f.rule, f.severity) for _, f in report.findings())
    lines = []
    for (checker, rule, severity), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0], kv[0][1])):
        info = rules.get((checker, rule))
        lines.append(f"{n:>6}  {severity.label}  {checker}/{rule}  {info.title if info else ''}".rstrip())
    return "\n".join(lines) + ("\n" if lines else "")


def summary_line(report: Report, excluded: int, output: str | None) -> str:
    s = report.summary
    state = "检查完整" if report.complete else "检查不完整，不得发布"
    parts = [f"共 {len(report.documents)} 个文件", f"阻断 {s.block}，警告 {s.warn}，提示 {s.info}，已忽略 {s.suppressed}",
             state]
    if excluded:
        parts.insert(1, f"按排除设置跳过 {excluded} 个")
    line = "gkrules: " + "；".join(parts)
    return line + (f"；报告已写入 {output}" if output else "")


def run_batches(plan: Plan, args, pm, formatter: FormatterSpec, catalog, extras: dict) -> int:
    from gkrules.baseline import STALE_KEY, STALE_RULE, with_stale_findings
    from gkrules.baseline.stats import merge_stats, review_stats
    from gkrules.serialize import document_text_map

    jobs = plan.settings["jobs"] or default_jobs()
    texts_wanted = not args.statistics and reads_texts(formatter)
    total = sum(len(b.items) for b in plan.batches)
    if total < MIN_FILES_FOR_POOL:
        jobs = 1
    engines: dict = {}
    noted: set[int] = set()
    reports: list[Report] = []
    codes: list[int] = []
    rules: dict = {}
    texts: dict[str, str] = {}
    stats: list = []  # reviewer statistics of the batches checked against a review record
    batches = plan.batches or (Batch(plan.settings, ()),)
    if not total and not args.quiet:
        skipped = f"（{plan.excluded} 个按排除设置跳过）" if plan.excluded else ""
        print(f"gkrules: 警告：没有要检查的文件{skipped}", file=sys.stderr)
    with _Progress(total, not (args.quiet or args.no_progress)) as progress:
        for batch in batches:
            engine, record = _engine_for(batch, args, pm, engines)
            report, docs = engine.check_documents(list(batch.items), today=args.today, catalog=catalog, jobs=jobs,
                                                  extras=extras, on_document=progress.advance,
                                                  documents=texts_wanted, collected=True)
            if id(engine) not in noted and not args.quiet:  # its notes are complete once its examples ran
                show_notes(engine)
            noted.add(id(engine))
            s = batch.settings
            # an empty select is every rule; extend-select only widens a select that is given
            report = select_rules(report, [*s["select"], *s["extend-select"]] if s["select"] else [], s["ignore"])
            batch_rules = engine.rule_catalog()
            if record is not None:
                report = with_stale_findings(report, record)
                stats.append(review_stats(report, record, {k: r.title for k, r in batch_rules.items()}))
                batch_rules[STALE_KEY] = STALE_RULE
            fail_on = Severity(s["fail-on"]) if s["fail-on"] else None
            codes.append(engine.exit_code(report, fail_on))
            reports.append(report)
            rules.update(batch_rules)
            texts.update(document_text_map(docs))
    report = combine(reports)
    shown = at_least(report, Severity(plan.settings["min-severity"]))
    if args.statistics:
        body = statistics(shown, rules)
    else:
        options = {"review_stats": merge_stats(stats)} if stats else {}
        ctx = RenderContext(rules=rules, base_dir=Path.cwd(), texts=texts, options=options)
        body = formatter.render(shown, ctx)
    write_output(body, args.output)
    if not report.complete:  # hosts log stderr: say why the gate must stay shut
        reasons = dict.fromkeys(f"{d.source}：{e.message}" for d in report.documents for e in d.errors)
        for reason in reasons:
            print(f"gkrules: 检查不完整：{reason}", file=sys.stderr)
    if args.output and not args.quiet:
        print(summary_line(report, plan.excluded, args.output), file=sys.stderr)
    return worst_exit(codes) if codes else EXIT_OK
