"""gkrules check: the publishing gate (design §5)."""

from __future__ import annotations

import sys
from pathlib import Path

from gkrules.commands import (
    EXIT_FINDINGS,
    EXIT_OK,
    add_plugin_options,
    iso_date,
    plugin_manager,
    positive_float,
    positive_int,
)
from gkrules.errors import UsageError
from gkrules.model import Severity

NAME = "check"
HELP = "检查文件（一次调用为一个发布批次）"


def add_arguments(c) -> None:
    c.description = "检查文件或目录（目录递归遍历；<文件>.meta.json 为元数据，不作为文件检查）。"
    c.add_argument("paths", nargs="+", metavar="PATH", help="待检查的文件或目录")
    c.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    c.add_argument("--format", default="text", metavar="FORMAT", help="输出格式：text、json、sarif、html 或插件提供的格式")
    c.add_argument("--output", "-o", metavar="FILE", help="将报告写入文件（默认输出到标准输出）")
    c.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="所有日期规则的参照日期（默认今天）")
    c.add_argument("--catalog", metavar="FILE", help="已发布文件目录（JSON Lines 或 CSV），供批次检查使用")
    c.add_argument("--jobs", "-j", type=positive_int, default=1, metavar="N", help="并行进程数（默认 1）")
    c.add_argument("--fail-on", choices=["block", "warn"], default=None, help="达到该级别即以退出码 1 结束（默认 block）")
    c.add_argument("--timeout", type=positive_float, default=None, metavar="SECONDS",
                   help="每个检查器处理单个文件的时间上限（秒）")
    c.add_argument("--document-timeout", type=positive_float, default=None, metavar="SECONDS",
                   help="单个文件读取和全部检查的总时间上限（秒，默认 60，至少为 --timeout 的两倍）；"
                        "超时的检查进程被终止，该文件检查不完整")
    c.add_argument("--memory-mb", type=positive_float, default=2048, metavar="MB",
                   help="每个检查进程在引擎之外可用的内存上限（MB，默认 2048）；超出时该文件检查不完整")
    c.add_argument("--exit-zero", action="store_true", help="只出报告：有问题时也以 0 退出（检查不完整仍为 2）")
    c.add_argument("--contributions", metavar="FILE",
                   help="单位贡献数据 CSV（列：table,row,col,unit,value[,group]），发布前检查时用于集中度规则")
    c.add_argument("--baseline", metavar="FILE",
                   help="审查记录文件：其中已接受的意见列为已忽略，不再导致失败；已失效的条目以提示列出")
    add_plugin_options(c)


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


def limits_from_args(args):
    """Documents are checked in worker processes that these limits bound (gkrules.supervisor)."""
    from gkrules.supervisor import Limits, MiB

    seconds = args.document_timeout or max(60.0, 2 * args.timeout if args.timeout else 0.0)
    return Limits(document_seconds=seconds, memory_bytes=int(args.memory_mb * MiB), workers=args.jobs)


def run(args) -> int:
    from gkrules.baseline import STALE_KEY, STALE_RULE, with_stale_findings
    from gkrules.catalog import read_catalog
    from gkrules.engine import Engine
    from gkrules.filters.baseline import use_baseline
    from gkrules.serialize import document_text_map
    from gkrules.specs import RenderContext

    pm = plugin_manager(args)
    formatters = pm.formatters()
    if args.format not in formatters:
        raise UsageError(f"未知的输出格式 {args.format!r}，可用：{'、'.join(sorted(formatters))}")
    record = use_baseline(pm, args.baseline) if args.baseline else None
    engine = Engine(args.ruleset, plugins=pm, timeout=args.timeout, limits=limits_from_args(args))
    catalog = read_catalog(args.catalog) if args.catalog else ()
    extras = {}
    if args.contributions:
        from gkrules.checkers.unit_identifiability.contributions import load_contributions
        extras["contributions"] = load_contributions(args.contributions)
    report, docs = engine.check_documents(args.paths, today=args.today, catalog=catalog, jobs=args.jobs,
                                          extras=extras)
    rules = engine.rule_catalog()
    if record is not None:
        report = with_stale_findings(report, record)
        rules[STALE_KEY] = STALE_RULE
    ctx = RenderContext(rules=rules, base_dir=Path.cwd(), texts=document_text_map(docs))
    write_output(formatters[args.format].render(report, ctx), args.output)
    if not report.complete:  # hosts log stderr: say why the gate must stay shut
        reasons = dict.fromkeys(f"{d.source}：{e.message}" for d in report.documents for e in d.errors)
        for reason in reasons:
            print(f"gkrules: 检查不完整：{reason}", file=sys.stderr)
    code = engine.exit_code(report, Severity(args.fail_on) if args.fail_on else None)
    if args.exit_zero and code == EXIT_FINDINGS:
        return EXIT_OK
    return code
