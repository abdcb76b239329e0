"""release-deadline (发布时限), registered as a plugin like any third-party checker. Each rule is
a module of ``rules/``; they read one analysis per document (``analysis.py``).

Working days come from ``setup.calendar(year)`` (the ``gkrules_calendar`` hook). Across a
provisional year (its 调休 not yet announced) the deadline is an interval: late only past its
latest possible day, due soon when its earliest possible day is near, and the message says so.
A date no calendar covers raises CalendarError, which the engine turns into a blocking
``engine/checker-error`` and exit 2: a deadline is never guessed on a Monday–Friday count.
"""

from __future__ import annotations

from gkrules.plugins import hookimpl
from gkrules.rule import rule_checker

from .kit import Kit
from .params import ReleaseDeadlineParams
from .rules import RULES

SPEC = rule_checker("release-deadline", RULES, params=ReleaseDeadlineParams, prepare=Kit,
                    description="发布时限：主动公开 20 个工作日、处罚与许可决定 7 个工作日、定期公开事项（按官方节假日和调休计算）")


@hookimpl
def gkrules_checkers():
    yield SPEC
