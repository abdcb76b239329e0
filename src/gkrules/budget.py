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
from typing import Any, TypeVar

T = TypeVar("T")


class BudgetExceeded(BaseException):
    """Raised inside the running call when its budget is spent."""


#: the smallest timer we arm: a deadline that has passed fires after this
_TICK = 1e-4


def seconds_text(seconds: float | None) -> str:
    """A time limit as messages print it: three significant digits, no exponent (0.6, 79.1, 1230)."""
    return f"{float(f'{seconds or 0:.3g}'):g}"


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


class CheckerClock:
    """Per-checker budgets for the checkers of one document under one interval timer.

    A timer per checker costs five system calls a checker and document (57k on a 5 MB
    batch); here the timer is armed once, when the document starts, for the shortest
    budget. A checker only records its own deadline (no system call); when the timer
    fires, the handler raises in the checker that is running if *its* deadline has passed,
    and otherwise re-arms for what is left of it (documents take milliseconds, so that
    almost never happens). Every deadline lies after the first alarm, so none is missed;
    a later checker with a shorter budget than the time left re-arms the timer.

    In a worker the supervisor's per-document wall-clock limit stays the backstop (a
    checker that cancels the timer or swallows the interrupt in a loop); this clock names
    the checker that overran. Outside the main thread each checker falls back to
    :func:`run_with_budget`. An enclosing budget (``run_with_budget`` around the whole
    document) is honoured as there: it fires at its own deadline with its own exception
    and gets back what is left of it.

    >>> with CheckerClock(20.0) as clock:            # doctest: +SKIP
    ...     findings = clock.run(lambda: list(checker.check(ctx)), 20.0)
    """

    def __init__(self, shortest: float | None, error: type[BaseException] = BudgetExceeded):
        self._shortest = shortest if shortest and shortest > 0 else None
        self._error = error
        self._timer = False
        #: when the running checker's budget ends (None: none is running, or it has none)
        self._deadline: float | None = None
        #: when the timer is set to fire (None: not armed)
        self._armed: float | None = None
        self._fired = False
        self._outer_deadline: float | None = None
        self._previous: Any = None

    def __enter__(self) -> CheckerClock:
        if self._shortest is None or not _can_use_alarm():
            return self
        self._timer = True
        outer = signal.getitimer(signal.ITIMER_REAL)[0]
        now = time.monotonic()
        self._outer_deadline = now + outer if outer > 0 else None
        self._previous = _raw_signal.getsignal(signal.SIGALRM)
        _raw_signal.signal(signal.SIGALRM, self._on_alarm)
        first = min(self._shortest, outer) if outer > 0 else self._shortest
        self._armed = now + first
        signal.setitimer(signal.ITIMER_REAL, first)
        return self

    def __exit__(self, *exc: object) -> None:
        if not self._timer:
            return
        self._timer = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        _raw_signal.signal(signal.SIGALRM, self._previous)
        if self._outer_deadline is not None:  # a spent enclosing budget fires right away
            signal.setitimer(signal.ITIMER_REAL, max(self._outer_deadline - time.monotonic(), _TICK))

    def run(self, fn: Callable[[], T], seconds: float | None) -> T:
        """``fn()``; raise the clock's error if it takes longer than ``seconds``."""
        if not seconds or seconds <= 0:
            return fn()
        if not self._timer:
            return run_with_budget(fn, seconds, self._error)
        deadline = time.monotonic() + seconds
        if self._armed is None or deadline < self._armed - _TICK:  # sooner than the timer: re-arm
            self._arm(deadline)
        self._fired = False
        self._deadline = deadline
        try:
            value = fn()
            if self._fired:  # the call caught the interrupt (a bare ``except:``) and went on
                raise self._error()
            return value
        finally:
            self._deadline = None

    def _arm(self, when: float) -> None:
        self._armed = when
        signal.setitimer(signal.ITIMER_REAL, max(when - time.monotonic(), _TICK))

    def _on_alarm(self, signum: int, frame: Any) -> None:
        now = time.monotonic()
        self._armed = None
        outer = self._outer_deadline
        if outer is not None and now >= outer - _TICK and callable(self._previous):
            self._previous(signum, frame)  # the enclosing budget ran out first: its exception
        deadline = self._deadline
        if deadline is not None and now >= deadline - _TICK:
            self._fired = True
            raise self._error()
        due = [d for d in (deadline, outer) if d is not None]
        if due:  # early for the checker now running (or between checkers): wait for it
            self._arm(min(due))
