"""Command line (design §5 and §7).

    gkrules check PATH... [--ruleset ID|FILE] [--format text|json|sarif] [--output FILE]
                          [--today YYYY-MM-DD] [--catalog FILE] [--jobs N] [--fail-on block|warn]
    gkrules rules [--ruleset ID|FILE] [--format text|json]
    gkrules plugins [--format text|json]

Exit codes: 0 clean; 1 a finding reached the fail level; 2 usage error, unreadable input,
invalid rule set, or an incomplete check. Errors are one Chinese line on stderr, never a
traceback (set GKRULES_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path

import cattrs

from gkrules._version import __version__
from gkrules.errors import GkrulesError, UsageError
from gkrules.model import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"), "参数 {0} 的取值 {1} 无效，可选：{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), "参数 {0} 的值 {2} 无效"),
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's own messages are English: translate the common ones
        for pattern, template in _ARGPARSE_MESSAGES:
            m = pattern.search(message)
            if m:
                message = template.format(*m.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"gkrules: 参数错误：{message}\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if n < 1:
        raise argparse.ArgumentTypeError(value)
    return n


def _positive_float(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if n <= 0:
        raise argparse.ArgumentTypeError(value)
    return n


def _add_plugin_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                   help="停用指定插件（可重复；也可用环境变量 GKRULES_DISABLE_PLUGINS）")
    p.add_argument("--only-plugin", action="append", default=None, metavar="NAME",
                   help="只加载这些第三方插件（可重复；内置插件总是加载）")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gkrules", description="政务公开发布前审查：检查待发布文件中不得公开的内容及公开要求。")
    parser.add_argument("--version", action="version", version=f"gkrules {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    c = sub.add_parser("check", help="检查文件（一次调用为一个发布批次）",
                       description="检查文件或目录（目录递归遍历；<文件>.meta.json 为元数据，不作为文件检查）。")
    c.add_argument("paths", nargs="+", metavar="PATH", help="待检查的文件或目录")
    c.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    c.add_argument("--format", default="text", metavar="FORMAT", help="输出格式：text、json、sarif 或插件提供的格式")
    c.add_argument("--output", "-o", metavar="FILE", help="将报告写入文件（默认输出到标准输出）")
    c.add_argument("--today", type=_date, metavar="YYYY-MM-DD", help="所有日期规则的参照日期（默认今天）")
    c.add_argument("--catalog", metavar="FILE", help="已发布文件目录（JSON Lines 或 CSV），供批次检查使用")
    c.add_argument("--jobs", "-j", type=_positive_int, default=1, metavar="N", help="并行进程数（默认 1）")
    c.add_argument("--fail-on", choices=["block", "warn"], default=None, help="达到该级别即以退出码 1 结束（默认 block）")
    c.add_argument("--timeout", type=_positive_float, default=None, metavar="SECONDS",
                   help="每个检查器处理单个文件的时间上限（秒）")
    c.add_argument("--exit-zero", action="store_true", help="只出报告：有问题时也以 0 退出（检查不完整仍为 2）")
    _add_plugin_options(c)

    r = sub.add_parser("rules", help="显示分层合并后的有效规则")
    r.add_argument("--ruleset", default="national", metavar="ID|FILE")
    r.add_argument("--format", choices=["text", "json"], default="text")
    _add_plugin_options(r)

    pl = sub.add_parser("plugins", help="列出已加载的插件")
    pl.add_argument("--format", choices=["text", "json"], default="text")
    _add_plugin_options(pl)
    return parser


def _plugins(args):
    from gkrules.plugins import PluginManager
    return PluginManager(allow=args.only_plugin, block=args.disable_plugin)


def _report_plugin_failures(pm) -> None:
    for f in pm.failures:
        print(f"gkrules: 警告：{f.message}", file=sys.stderr)


def cmd_check(args) -> int:
    from gkrules.catalog import read_catalog
    from gkrules.engine import Engine
    from gkrules.specs import RenderContext

    pm = _plugins(args)
    _report_plugin_failures(pm)
    formatters = pm.formatters()
    if args.format not in formatters:
        raise UsageError(f"未知的输出格式 {args.format!r}，可用：{'、'.join(sorted(formatters))}")
    engine = Engine(args.ruleset, plugins=pm, timeout=args.timeout)
    catalog = read_catalog(args.catalog) if args.catalog else ()
    report = engine.check(args.paths, today=args.today, catalog=catalog, jobs=args.jobs)
    ctx = RenderContext(rules=engine.rule_catalog(), base_dir=Path.cwd())
    out = formatters[args.format].render(report, ctx)
    if args.output:
        try:
            Path(args.output).write_text(out, encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"无法写入输出文件 {args.output}：{exc.strerror or exc}") from None
    else:
        sys.stdout.write(out)
        sys.stdout.flush()
    code = engine.exit_code(report, Severity(args.fail_on) if args.fail_on else None)
    if args.exit_zero and code == EXIT_FINDINGS:
        return EXIT_OK
    return code


def _jsonable(value):
    conv = cattrs.Converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    return conv.unstructure(value)


def cmd_rules(args) -> int:
    from gkrules.engine import Engine

    pm = _plugins(args)
    _report_plugin_failures(pm)
    engine = Engine(args.ruleset, plugins=pm)
    rs = engine.ruleset
    data = {
        "ruleset": {"id": rs.id, "version": rs.version, "digest": rs.digest, "description": rs.description,
                    "chain": [{"id": i, "version": v, "file": f} for i, v, f in rs.chain]},
        "checkers": {},
        "allowlist": [_jsonable(e) for e in rs.spec.allowlist],
        "calendar": _jsonable(rs.spec.calendar),
    }
    enabled = {a.spec.id for a in engine.checkers}
    from gkrules.ruleset.compile import compile_checkers
    for cid, cfg in compile_checkers(rs, pm.checkers(), None).items():
        rules = []
        for info in cfg.spec.rules:
            override = cfg.rules.get(info.id)
            rules.append({
                "id": info.id, "title": info.title,
                "severity": (override.severity if override and override.severity else info.severity).value,
                "enabled": not (override and override.enabled is False),
                "basis": info.basis,
            })
        data["checkers"][cid] = {"enabled": cid in enabled, "plugin": pm.owner_of_checker(cid),
                                 "params": _jsonable(cfg.params) if cfg.params is not None else {},
                                 "rules": rules}
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    print(f"规则集：{rs.id} {rs.version}（{rs.digest}）")
    print("分层：" + " → ".join(f"{i}@{v}（{f}）" for i, v, f in rs.chain))
    for cid, c in data["checkers"].items():
        state = "启用" if c["enabled"] else "停用"
        print(f"\n[{cid}] {state}（插件 {c['plugin']}）")
        for r in c["rules"]:
            flag = "" if r["enabled"] else "（停用）"
            print(f"  {r['id']:<28} {Severity(r['severity']).label}{flag}  {r['title']}")
            print(f"  {'':<28} 依据：{r['basis']}")
        for k, v in c["params"].items():
            shown = v
            if isinstance(v, list) and len(v) > 8:
                shown = "、".join(map(str, v[:8])) + f" …（共 {len(v)} 项）"
            print(f"  参数 {k} = {shown}")
    if data["allowlist"]:
        print(f"\n允许清单：{len(data['allowlist'])} 项")
    return EXIT_OK


def cmd_plugins(args) -> int:
    pm = _plugins(args)
    checkers = pm.checkers()
    items = []
    for info in pm.plugin_infos():
        provided = sorted(cid for cid in checkers if pm.owner_of_checker(cid) == info.name)
        items.append({"name": info.name, "version": info.version, "hooks": pm.hooks_of(info.name),
                      "checkers": provided})
    failures = [{"name": f.name, "message": f.message} for f in pm.failures]
    if args.format == "json":
        print(json.dumps({"plugins": items, "failures": failures}, ensure_ascii=False, indent=2))
        return EXIT_OK
    for it in items:
        extra = f"；检查器：{'、'.join(it['checkers'])}" if it["checkers"] else ""
        print(f"{it['name']} {it['version'] or ''}  钩子：{'、'.join(it['hooks'])}{extra}")
    for f in failures:
        print(f"未加载：{f['message']}")
    return EXIT_OK if not failures else EXIT_ERROR


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    handlers = {"check": cmd_check, "rules": cmd_rules, "plugins": cmd_plugins}
    try:
        return handlers[args.command](args)
    except GkrulesError as exc:
        print(f"gkrules: 错误：{exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("gkrules: 已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # never a traceback for users; fail closed with exit 2
        if os.environ.get("GKRULES_DEBUG"):
            traceback.print_exc()
        print(f"gkrules: 内部错误：{type(exc).__name__}: {exc}（设置 GKRULES_DEBUG=1 查看详情）", file=sys.stderr)
        return EXIT_ERROR

