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

try:  # the C functions behind signal.signal/getsignal: the wrappers convert to and from enums
    import _signal as _raw_signal  # with two caught exceptions a call, for every checker run
except ImportError:  # pragma: no cover - other interpreters
    _raw_signal = signal
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class BudgetExceeded(BaseException):
    """Raised inside the running call when its budget is spent."""


#: the smallest timer we arm: a deadline that has passed fires after this
_TICK = 1e-4


def _can_use_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


def run_with_budget(fn: Callable[[], T], seconds: float | None,
                    error: type[BaseException] = BudgetExceeded) -> T:
    """Return ``fn()``; raise ``error`` if it takes longer than ``seconds``.

    Budgets nest in the main thread: a budget taken inside another (a checker's inside a
    server request's) fires at whichever deadline comes first, raising the exception of
    the budget that ran out, and gives the enclosing budget back what is left of it.
    """
    if not seconds or seconds <= 0:
        return fn()
    if _can_use_alarm():
        outer = signal.getitimer(signal.ITIMER_REAL)[0]
        outer_deadline = time.monotonic() + outer if outer > 0 else None
        previous = _raw_signal.getsignal(signal.SIGALRM)

        fired = []

        def on_alarm(signum, frame):
            fired.append(True)
            if outer_deadline is not None and time.monotonic() >= outer_deadline - _TICK and callable(previous):
                previous(signum, frame)  # the enclosing budget ran out first: its exception
            raise error()

        _raw_signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, min(seconds, outer) if outer > 0 else seconds)
        try:
            value = fn()
            if fired:  # the call caught the interrupt (a bare ``except:``) and went on
                raise error()
            return value
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            _raw_signal.signal(signal.SIGALRM, previous)
            if outer_deadline is not None:  # a spent enclosing budget fires right away
                signal.setitimer(signal.ITIMER_REAL, max(outer_deadline - time.monotonic(), _TICK))
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
        raise error()
    if "error" in box:
        raise box["error"]  # type: ignore[misc]
    return box["value"]  # type: ignore[return-value]
