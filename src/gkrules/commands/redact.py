"""gkrules redact: masked copies for partial disclosure (条例第三十七条 区分处理)."""

from __future__ import annotations

import sys

from gkrules.commands import EXIT_ERROR, EXIT_OK, add_plugin_options, iso_date, plugin_manager

NAME = "redact"
HELP = "生成个人信息脱敏副本（区分处理），并列出脱敏的位置和理由"


def add_arguments(c) -> None:
    c.description = ("对文件中的个人信息（身份证号码、手机号码、银行卡号、住址、健康信息等）脱敏，"
                     "把脱敏副本写入输出目录，并在输出目录旁写出脱敏报告 <输出目录>.redaction-report.json"
                     "（不含原值；不写入输出目录，因为输出目录是准备发布的内容）。"
                     "支持 .txt、.csv（保持原编码和换行）、.html、.docx、.xlsx 和 .pdf（从内容流中真正删除文字）。")
    c.add_argument("paths", nargs="+", metavar="PATH", help="待脱敏的文件或目录")
    c.add_argument("--output", "-o", required=True, metavar="DIR", help="脱敏副本的输出目录（不能是原文件所在位置）")
    c.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    c.add_argument("--today", type=iso_date, metavar="YYYY-MM-DD", help="参照日期（默认今天）")
    c.add_argument("--min-severity", choices=["info", "warn", "block"], default="info",
                   help="脱敏达到该级别的个人信息（默认 info：全部）")
    c.add_argument("--report", metavar="FILE",
                   help="脱敏报告写到此文件（默认与输出目录同级的 <输出目录名>.redaction-report.json，不写入输出目录）")
    c.add_argument("--operator", action="append", default=[], metavar="RULE=OP",
                   help="各类个人信息的处理方式（可重复；RULE 为规则名或 *）：mask（默认，检查器的脱敏形式）、"
                        "mask:保留开头位数:保留末尾位数[:遮盖字符]、placeholder（如〔身份证号〕）、placeholder:文字、remove")
    c.add_argument("--keep-comments", action="store_true",
                   help="保留 Word、Excel 中的批注（其中的个人信息仍脱敏）；默认删除批注")
    c.add_argument("--dry-run", action="store_true", help="只列出将要脱敏的位置和替换结果，不写任何文件")
    c.add_argument("--diff", action="store_true", help="写出副本，并列出每处脱敏的位置和替换结果")
    add_plugin_options(c)


def run(args) -> int:
    from gkrules.engine import Engine
    from gkrules.redact import default_report_path, redact
    from gkrules.redaction.operators import parse_operators
    from gkrules.supervisor import Limits

    operators = parse_operators(args.operator)
    # hostile files are read and checked in killable workers here as in ``check``
    engine = Engine(args.ruleset, plugins=plugin_manager(args), limits=Limits())
    report = redact(args.paths, output=args.output, today=args.today, engine=engine,
                    min_severity=args.min_severity, report_path=args.report, operators=operators,
                    dry_run=args.dry_run, keep_comments=args.keep_comments)
    if args.dry_run or args.diff:
        print(preview(report))
    written = [d for d in report.documents if d.output]
    count = sum(len(d.redactions) for d in report.documents)
    if args.dry_run:
        print(f"预览：将脱敏 {count} 处（未写任何文件）", file=sys.stderr)
    else:
        where = args.report or default_report_path(args.output)
        print(f"已生成 {len(written)} 个脱敏副本，共脱敏 {count} 处；报告：{where}", file=sys.stderr)
    for d in report.documents:
        for e in d.errors:
            print(f"gkrules: 错误：{d.source}：{e}", file=sys.stderr)
    return EXIT_OK if report.complete else EXIT_ERROR


def preview(report) -> str:
    """What changes, where, why: the replacement is shown, never the original value."""
    lines = []
    for d in report.documents:
        lines.append(f"文件：{d.source}" + (f" → {d.output}" if d.output else ""))
        for r in d.redactions:
            place = r.where or f"{r.line}:{r.column}"
            lines.append(f"  {place}  {r.rule}  → {r.masked or '（删除）'}")
        for note in d.notes:
            lines.append(f"  说明：{note}")
        for e in d.errors:
            lines.append(f"  错误：{e}")
    return "\n".join(lines)
