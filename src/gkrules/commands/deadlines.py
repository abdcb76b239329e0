"""gkrules deadlines: the monitor a document-management system runs every morning."""

from __future__ import annotations

from gkrules import clock
from gkrules.commands import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, add_plugin_options, iso_date, plugin_manager
from gkrules.commands.check_run import write_output
from gkrules.errors import UsageError

NAME = "deadlines"
HELP = "发布时限监测：列出逾期和即将到期的主动公开、依申请公开和定期公开事项"


def _non_negative(value: str) -> int:
    import argparse

    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if n < 0:
        raise argparse.ArgumentTypeError(value)
    return n


def add_arguments(d) -> None:
    d.description = ("按国务院办公厅节假日安排（含调休）计算期限，列出逾期未发布、逾期未答复和即将到期的事项，按到期日排序。"
                     "退出码：0 无逾期；1 有逾期事项；2 参数、输入或工作日历问题（结果不完整）。")
    d.add_argument("paths", nargs="*", metavar="PATH", help="待发布文件或目录（读取成文日期、发布日期、类型；<文件>.meta.json 为元数据）")
    d.add_argument("--catalog", metavar="FILE", help="公开目录（JSON Lines、JSON 数组或 CSV）：成文日期、类型、发布日期、时限")
    d.add_argument("--requests", metavar="FILE", help="依申请公开登记（JSON Lines、JSON 数组或 CSV）：收到、补正、征求意见、延期、答复日期")
    d.add_argument("--periodic", action="store_true",
                   help="同时检查定期公开事项（政府信息公开工作年度报告等），以 --catalog 和 PATH 判断是否已公布")
    d.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="参照日期（默认今天）")
    d.add_argument("--within", type=_non_negative, default=None, metavar="N",
                   help="列出 N 个工作日内到期的事项（默认取规则集的 due_soon_workdays，全国基线为 3）")
    d.add_argument("--all", action="store_true", dest="show_all", help="列出全部事项（含按时发布、未到期、待补正等）")
    d.add_argument("--format", choices=["text", "json", "csv"], default="text", help="输出格式（默认 text）")
    d.add_argument("--output", "-o", metavar="FILE", help="写入文件（默认输出到标准输出）")
    d.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    add_plugin_options(d)


def run(args) -> int:
    from gkrules.deadlines import monitor
    from gkrules.deadlines.render import render_csv, render_json, render_text
    from gkrules.ruleset import load_ruleset

    if not (args.paths or args.catalog or args.requests):
        raise UsageError("请给出待发布文件或目录、--catalog 公开目录或 --requests 依申请公开登记中的至少一项")
    if args.periodic and not (args.paths or args.catalog):
        raise UsageError("--periodic 需要 --catalog 或文件目录，用来判断定期公开事项是否已公布")
    pm = plugin_manager(args)
    rs = load_ruleset(args.ruleset, pm.rulesets())
    report = monitor(today=args.today or clock.today(), catalog=args.catalog, requests=args.requests,
                     documents=args.paths, periodic=args.periodic, within=args.within, show_all=args.show_all,
                     ruleset=rs, plugins=pm)
    if args.format == "json":
        text = render_json(report, {"id": rs.id, "version": rs.version, "digest": rs.digest})
    else:
        text = render_csv(report) if args.format == "csv" else render_text(report)
    write_output(text, args.output)
    if report.errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if report.overdue else EXIT_OK
