"""A hostile test plugin: one checker that misbehaves in the way a document asks for.

A document containing ``HOSTILE:<mode>`` makes the checker ``hostile`` do one of the faults
a third-party checker (or a library it calls) can commit; the engine must report that
document incomplete with a blocking ``engine/checker-error`` and go on with the others.
Every fault message quotes a planted value: none of them may reach any output.

Usable in-process (``PluginManager(extra=[("hostile", hostile_plugin)])``) or installed as
a distribution on PYTHONPATH (see ``install``).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import time
from pathlib import Path

from gkrules import CheckerSpec, Finding, Location, RuleInfo, Severity, hookimpl

#: planted in every exception text: must never appear in a report, stderr or a response
PLANTED = "110101199003077777"
MODES = ("raise", "systemexit", "keyboardinterrupt", "osexit", "swallow", "alarm", "loop", "memory",
         "undeclared", "nomessage", "badlocation", "notafinding")
_MODE = re.compile(r"HOSTILE:(\w+)")


class _Hostile:
    def check(self, ctx):
        m = _MODE.search(ctx.text)
        if m is None:
            return ()
        mode = m.group(1)
        if mode == "raise":
            raise ValueError(f"无法解析 {PLANTED}")
        if mode == "systemexit":
            raise SystemExit(f"退出 {PLANTED}")
        if mode == "keyboardinterrupt":
            raise KeyboardInterrupt(PLANTED)
        if mode == "osexit":
            os._exit(0)
        if mode == "swallow":  # a bare except around a long call swallows the time limit, forever
            while True:
                try:
                    time.sleep(0.05)
                except BaseException:
                    pass
        if mode == "alarm":  # takes SIGALRM for itself: the engine's interval timer is gone
            signal.signal(signal.SIGALRM, lambda *a: None)
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.alarm(3600)
            time.sleep(3600)
        if mode == "loop":
            while True:
                pass
        if mode == "memory":
            hog = []
            while True:
                hog.append(bytearray(64 * 1024 * 1024))
        if mode == "undeclared":
            return [ctx.finding("no-such-rule", 0, 1, "未声明的规则")]
        if mode == "nomessage":
            return [Finding(checker="hostile", rule="found", severity=Severity.WARN, message=None)]
        if mode == "badlocation":
            return [Finding(checker="hostile", rule="found", severity=Severity.WARN, message="位置无效",
                            location=Location(start=10 ** 9, end=5))]
        if mode == "notafinding":
            return [PLANTED]
        return ()


@hookimpl
def gkrules_checkers():
    yield CheckerSpec("hostile", lambda setup: _Hostile(), (
        RuleInfo("found", "测试用", Severity.WARN, "测试"),
    ), version="0")


def install(root: Path) -> Path:
    """This module as an installed distribution (module + dist-info) under ``root/site``."""
    site = root / "site"
    site.mkdir(exist_ok=True)
    shutil.copy(Path(__file__), site / "hostile_plugin.py")
    info = site / "gkrules_hostile-0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: gkrules-hostile\nVersion: 0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[gkrules]\nhostile = hostile_plugin\n", encoding="utf-8")
    return site
