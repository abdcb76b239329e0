"""CLI subcommands, one module each. A module provides ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> exit code``; ``gkrules.cli.COMMANDS`` lists them."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def iso_date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None


def positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if n < 1:
        raise argparse.ArgumentTypeError(value)
    return n


def positive_float(value: str) -> float:
    try:
        n = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if n <= 0:
        raise argparse.ArgumentTypeError(value)
    return n


def add_plugin_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--disable-plugin", action="append", default=[], metavar="NAME",
                   help="停用指定插件（可重复；也可用环境变量 GKRULES_DISABLE_PLUGINS）")
    p.add_argument("--only-plugin", action="append", default=None, metavar="NAME",
                   help="只加载这些第三方插件（可重复；内置插件总是加载）")


def plugin_manager(args):
    from gkrules.plugins import PluginManager

    pm = PluginManager(allow=args.only_plugin, block=args.disable_plugin)
    for f in pm.failures:
        print(f"gkrules: 警告：{f.message}", file=sys.stderr)
    return pm


def show_notes(engine) -> None:
    """Print what the engine noted about its rule set (e.g. skipped inherited examples)."""
    for note in getattr(engine, "notes", ()):
        print(f"gkrules: 注意：{note}", file=sys.stderr)
