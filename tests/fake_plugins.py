"""Small plugins for integration tests (not part of gkrules).

* ``personal``: a stand-in personal-data checker (18-digit ID numbers with a valid check
  character, and mobile numbers after 电话/手机), masking its evidence as the real one must;
* ``crashing``: a checker that raises on documents containing ``CRASH_TRIGGER`` and takes
  ``SLOW_SECONDS`` on documents containing ``SLOW_TRIGGER`` (time budgets).

Both are plain gkrules plugins: a module with ``@hookimpl`` functions, usable in-process
(``PluginManager(extra=[("fake", fake_plugins)])``) or through an entry point (the service
tests install this file as a distribution on PYTHONPATH).
"""

from __future__ import annotations

import re
import time

from gkrules import CheckerSpec, RuleInfo, Severity, hookimpl

CRASH_TRIGGER = "触发检查器崩溃"
SLOW_TRIGGER = "触发检查器超时"
SLOW_SECONDS = 4.0
_ID = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")
_PHONE = re.compile(r"(?:电话|手机)[：:]\s*(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)")
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_char(first17: str) -> str:
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, _WEIGHTS, strict=True)) % 11]


class _Personal:
    def check(self, ctx):
        for m in _ID.finditer(ctx.text):
            value = m.group()
            if id_check_char(value[:17]) != value[17]:
                continue
            yield ctx.finding("id-card", m.start(), m.end(), "发现未脱敏的居民身份证号码",
                              evidence=value[:4] + "*" * 10 + value[-4:], key=value)
        for m in _PHONE.finditer(ctx.text):
            digits = re.sub(r"\D", "", m.group(1))
            yield ctx.finding("mobile", m.start(1), m.end(1), "发现个人手机号码",
                              evidence=digits[:3] + "****" + digits[-4:], key=digits)


class _Crashing:
    def check(self, ctx):
        if CRASH_TRIGGER in ctx.text:
            raise RuntimeError("测试用检查器崩溃")
        if SLOW_TRIGGER in ctx.text:
            time.sleep(SLOW_SECONDS)
        return ()


BASIS = "《政府信息公开条例》第十五条"


@hookimpl
def gkrules_checkers():
    yield CheckerSpec("fake-personal", lambda setup: _Personal(), (
        RuleInfo("id-card", "居民身份证号码", Severity.BLOCK, BASIS, ("个人隐私",)),
        RuleInfo("mobile", "个人手机号码", Severity.BLOCK, BASIS, ("个人隐私",)),
    ), version="0")
    yield CheckerSpec("fake-crashing", lambda setup: _Crashing(), (
        RuleInfo("never", "从不报告", Severity.INFO, BASIS),
    ), version="0")
