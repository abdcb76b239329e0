"""The reference date when a caller gives none ("today"), in one place.

Every date rule (publication deadlines, due-soon windows, ID birth dates, review records) needs
a reference date. Callers pass it explicitly (``--today``, ``today=``); when they do not, it is
the local date — or ``GKRULES_TODAY`` (``YYYY-MM-DD``) when that is set, so that a host can
check as of another day without a flag on every call, and a test suite can run as if it were
any date (tox passes the variable through; see docs/calendar.md).
"""

from __future__ import annotations

import datetime as dt
import os

from gkrules.errors import UsageError

ENV_VAR = "GKRULES_TODAY"


def today() -> dt.date:
    """``GKRULES_TODAY`` when set (a clear error when it is not a date), else the local date."""
    value = os.environ.get(ENV_VAR, "").strip()
    if not value:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"环境变量 {ENV_VAR} 应为 YYYY-MM-DD 格式的日期") from None


__all__ = ["ENV_VAR", "today"]
