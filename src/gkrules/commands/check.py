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

NAME = "check"
HELP = "检查文件（一次调用为一个发布批次）"


def _list(value: str) -> list[str]:
    """``--select a,b --select c`` → [a, b, c] (with action="extend")."""
    return [v.strip() for v in value.split(",") if v.strip()]


def add_arguments(c) -> None:
    c.description = ("检查文件或目录（目录递归遍历；<文件>.meta.json 为元数据，不作为文件检查）。"
                     "未在命令行给出的设置从 gkrules.toml 或 pyproject.toml 的 [tool.gkrules] 中读取"
                     "（从每个被检查的路径向上查找，见 gkrules config）。")
    c.add_argument("paths", nargs="+", metavar="PATH", help="待检查的文件或目录；- 表示从标准输入读取")
    c.add_argument("--ruleset", default=None, metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    c.add_argument("--format", "--output-format", dest="format", default=None, metavar="FORMAT",
                   help="输出格式：text、concise、grouped、json、json-lines、sarif、junit、github、gitlab、html "
                        "或插件提供的格式（默认 text）")
    c.add_argument("--output", "-o", metavar="FILE", help="将报告写入文件（默认输出到标准输出；此时摘要输出到标准错误）")
    c.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="所有日期规则的参照日期（默认今天）")
    c.add_argument("--catalog", metavar="FILE", help="已发布文件目录（JSON Lines 或 CSV），供批次检查使用")
    c.add_argument("--jobs", "-j", type=positive_int, default=None, metavar="N",
                   help="并行进程数（默认为可用的 CPU 核数；文件很少时单进程）")
    c.add_argument("--fail-on", choices=["block", "warn", "info"], default=None,
                   help="达到该级别即以退出码 1 结束（默认 block）")
    c.add_argument("--min-severity", choices=["block", "warn", "info"], default=None,
                   help="只输出达到该级别的意见（不影响退出码；默认 info，即全部输出）")
    c.add_argument("--select", type=_list, action="extend", default=None, metavar="规则",
                   help="只报告这些规则：检查器（如 personal-info）或 检查器/规则（如 personal-info/mobile），逗号分隔，可重复")
    c.add_argument("--extend-select", type=_list, action="extend", default=None, metavar="规则",
                   help="在设置文件的 select 之外再报告这些规则")
    c.add_argument("--ignore", type=_list, action="extend", default=None, metavar="规则",
                   help="不报告这些规则（检查出错 engine/checker-error 不能忽略）")
    c.add_argument("--exclude", type=_list, action="extend", default=None, metavar="模式",
                   help="不检查的文件或目录（glob，逗号分隔；替换默认排除列表）")
    c.add_argument("--extend-exclude", type=_list, action="extend", default=None, metavar="模式",
                   help="在默认或设置文件的排除列表之外再排除")
    c.add_argument("--force-exclude", action="store_true", default=None,
                   help="命令行直接列出的文件也按排除列表排除（供 pre-commit 使用）")
    c.add_argument("--stdin-filename", metavar="名称",
                   help="从标准输入读取（PATH 为 -）时文档的名称；也用于查找设置文件与判断排除")
    c.add_argument("--statistics", action="store_true", help="只输出每条规则的意见数量")
    c.add_argument("--quiet", "-q", action="store_true", help="只输出报告：不显示进度、摘要和提示")
    c.add_argument("--no-progress", action="store_true", help="不显示进度条（默认在终端上显示）")
    c.add_argument("--isolated", action="store_true", help="不读取任何设置文件")
    c.add_argument("--timeout", type=positive_float, default=None, metavar="SECONDS",
                   help="每个检查器处理单个文件的时间上限（秒；文字每 100 万字符另加规则集的 "
                        "timeout_seconds_per_million_chars 秒）")
    c.add_argument("--document-timeout", type=positive_float, default=None, metavar="SECONDS",
                   help="单个文件读取和全部检查的总时间上限（秒，默认 60，至少为 --timeout 的两倍；"
                        "大文件按文字长度另加时间）；超时的检查进程被终止，该文件检查不完整")
    c.add_argument("--memory-mb", type=positive_float, default=2048, metavar="MB",
                   help="每个检查进程在引擎之外可用的内存上限（MB，默认 2048）；超出时该文件检查不完整")
    c.add_argument("--exit-zero", action="store_true", help="只出报告：有问题时也以 0 退出（检查不完整仍为 2）")
    c.add_argument("--contributions", metavar="FILE",
                   help="单位贡献数据 CSV（列：table,row,col,unit,value[,group]），发布前检查时用于集中度规则")
    c.add_argument("--baseline", metavar="FILE",
                   help="审查记录文件：其中已接受的意见列为已忽略，不再导致失败；已失效的条目以提示列出")
    add_plugin_options(c)


def overrides_from(args) -> dict:
    """The settings given on the command line (None: not given, the settings files decide)."""
    select = args.select
    return {"ruleset": args.ruleset, "baseline": args.baseline, "fail-on": args.fail_on,
            "min-severity": args.min_severity, "jobs": args.jobs, "select": select,
            "extend-select": args.extend_select, "ignore": args.ignore, "exclude": args.exclude,
            "extend-exclude": args.extend_exclude, "force-exclude": args.force_exclude,
            "output-format": args.format}


def _read_stdin(name: str | None):
    from gkrules.inputs import InputDocument

    data = sys.stdin.buffer.read()
    return InputDocument(Path(name).name if name else "标准输入", data)


def run(args) -> int:
    from gkrules.batches import STDIN, plan
    from gkrules.catalog import read_catalog
    from gkrules.commands.check_run import run_batches
    from gkrules.loaders import LoaderRegistry

    pm = plugin_manager(args)
    formatters = pm.formatters()
    stdin = _read_stdin(args.stdin_filename) if STDIN in args.paths else None
    extensions = LoaderRegistry(pm.loaders()).extensions
    the_plan = plan(args.paths, extensions, overrides_from(args), isolated=args.isolated, stdin=stdin,
                    stdin_filename=args.stdin_filename)
    fmt = the_plan.settings["output-format"]
    if fmt not in formatters:
        raise UsageError(f"未知的输出格式 {fmt!r}，可用：{'、'.join(sorted(formatters))}")
    catalog = read_catalog(args.catalog) if args.catalog else ()
    extras = {}
    if args.contributions:
        from gkrules.checkers.unit_identifiability.contributions import load_contributions
        extras["contributions"] = load_contributions(args.contributions)
    code = run_batches(the_plan, args, pm, formatters[fmt], catalog, extras)
    if args.exit_zero and code == EXIT_FINDINGS:
        return EXIT_OK
    return code
