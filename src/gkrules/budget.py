"""Running a callable under a time budget.

In the main thread of a process (the CLI, each ``--jobs`` worker) a POSIX interval timer
interrupts the checker between two Python bytecodes. Elsewhere (a server's worker thread)
the call runs in a daemon thread that is abandoned when it overruns: the document still
gets its blocking finding on time, and the stray thread dies with the process.

The interrupt is a BaseException so that a checker's ``except Exception`` cannot swallow it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class BudgetExceeded(BaseException):
    """Raised inside the running call when its budget is spent."""


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_with_budget(fn: Callable[[], T], seconds: float | None) -> T:
    """Return ``fn()``; raise BudgetExceeded if it takes longer than ``seconds``."""
    if not seconds or seconds <= 0:
        return fn()
    if _can_use_alarm():
        def on_alarm(signum, frame):
            raise BudgetExceeded()

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            return fn()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    box: dict[str, object] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed over to the caller below
            box["error"] = exc

    worker = threading.Thread(target=target, name="gkrules-checker", daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        raise BudgetExceeded()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
