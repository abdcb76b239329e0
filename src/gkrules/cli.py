"""Command line (design §5 and §7).

    gkrules check PATH... [--ruleset ID|FILE] [--output-format FORMAT] [--output FILE]
                          [--select/--ignore/--extend-select RULES] [--exclude/--extend-exclude GLOBS]
                          [--min-severity LEVEL] [--fail-on LEVEL] [--jobs N] [--stdin-filename NAME] ...
    gkrules config [PATH]        gkrules rule ID        gkrules test RULESET
    gkrules deadlines [PATH...] [--catalog FILE] [--requests FILE] [--periodic] [--today YYYY-MM-DD]
                      [--within N] [--all] [--format text|json|csv] [--output FILE]
    gkrules redact PATH... --output DIR [--ruleset ID|FILE] [--min-severity info|warn|block]
    gkrules rules [--ruleset ID|FILE] [--format text|json]
    gkrules plugins [--format text|json]

Settings not given on the command line come from gkrules.toml / [tool.gkrules] files found
upward from each checked path (gkrules.settings).

Exit codes: 0 clean; 1 a finding reached the fail level; 2 usage error, unreadable input,
invalid rule set, or an incomplete check. Errors are one Chinese line on stderr, never a
traceback (set GKRULES_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import traceback
from collections.abc import Sequence

from gkrules import clock
from gkrules._version import __version__
from gkrules.commands import EXIT_ERROR
from gkrules.commands import baseline as baseline_command
from gkrules.commands import check as check_command
from gkrules.commands import config as config_command
from gkrules.commands import deadlines as deadlines_command
from gkrules.commands import plugins as plugins_command
from gkrules.commands import redact as redact_command
from gkrules.commands import rule as rule_command
from gkrules.commands import rules as rules_command
from gkrules.commands import serve as serve_command
from gkrules.commands import test as test_command
from gkrules.errors import GkrulesError

#: subcommands in the order ``--help`` lists them; each is a module in gkrules.commands
COMMANDS = [check_command, redact_command, deadlines_command, baseline_command, serve_command,
            rules_command, rule_command, test_command, config_command, plugins_command]

_ARGPARSE_MESSAGES = (
    (re.compile(r"the following arguments are required: (.*)"), "缺少必需的参数：{0}"),
    (re.compile(r"unrecognized arguments: (.*)"), "无法识别的参数：{0}"),
    (re.compile(r"argument (\S+): invalid choice: (\S+) \(choose from (.*)\)"), "参数 {0} 的取值 {1} 无效，可选：{2}"),
    (re.compile(r"argument (\S+): expected one argument"), "参数 {0} 需要一个值"),
    (re.compile(r"argument (\S+): invalid (\w+) value: (.*)"), "参数 {0} 的值 {2} 无效"),
)


class _Formatter(argparse.HelpFormatter):
    """argparse's own words in Chinese: the usage prefix (section titles are set below)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, prefix="用法：")


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "位置参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str):  # argparse's own messages are English: translate the common ones
        for pattern, template in _ARGPARSE_MESSAGES:
            m = pattern.search(message)
            if m:
                message = template.format(*m.groups())
                break
        self.print_usage(sys.stderr)
        self.exit(EXIT_ERROR, f"gkrules: 参数错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="gkrules", description="政务公开发布前审查：检查待发布文件中不得公开的内容及公开要求。")
    parser.add_argument("--version", action="version", version=f"gkrules {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)
    for module in COMMANDS:
        module.add_arguments(sub.add_parser(module.NAME, help=module.HELP))
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    handlers = {m.NAME: m.run for m in COMMANDS}
    try:
        clock.today()  # a bad GKRULES_TODAY is one clear error, before anything is checked
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
        # the exception's text may quote a document: only its class, the rest with GKRULES_DEBUG=1
        print(f"gkrules: 内部错误（{type(exc).__name__}），检查未完成，不得发布（设置 GKRULES_DEBUG=1 查看详情）", file=sys.stderr)
        return EXIT_ERROR

