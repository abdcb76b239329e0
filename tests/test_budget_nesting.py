"""Time budgets nest (a checker's budget inside a server request's): each fires at its own
deadline with its own exception, and the enclosing one keeps running."""

from __future__ import annotations

import time

import pytest

from gkrules.budget import BudgetExceeded, run_with_budget


class RequestOver(BaseException):
    pass


def spin(seconds: float) -> str:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass
    return "done"


def test_inner_budget_fires_and_outer_goes_on():
    def request():
        with pytest.raises(BudgetExceeded):
            run_with_budget(lambda: spin(5), 0.05)
        return run_with_budget(lambda: spin(0.01), 0.5)

    assert run_with_budget(request, 2.0, RequestOver) == "done"


def test_outer_deadline_interrupts_inside_an_inner_budget():
    started = time.monotonic()
    caught = []

    def request():
        for _ in range(50):  # each "checker" has a generous budget; the request has little
            try:
                run_with_budget(lambda: spin(0.1), 5.0)
            except BudgetExceeded:
                caught.append(1)  # an engine would record a checker timeout here
        return "finished"

    with pytest.raises(RequestOver):
        run_with_budget(request, 0.3, RequestOver)
    assert time.monotonic() - started < 1.5
    assert caught == []  # the request's deadline is not mistaken for a checker's


def test_outer_deadline_between_inner_budgets():
    with pytest.raises(RequestOver):
        run_with_budget(lambda: [run_with_budget(lambda: spin(0.05), 1.0) for _ in range(20)], 0.2, RequestOver)


def test_no_timer_left_behind():
    import signal

    before = signal.getsignal(signal.SIGALRM)
    run_with_budget(lambda: run_with_budget(lambda: spin(0.01), 1.0), 1.0, RequestOver)
    with pytest.raises(RequestOver):
        run_with_budget(lambda: run_with_budget(lambda: spin(1), 5.0), 0.05, RequestOver)
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0
    assert signal.getsignal(signal.SIGALRM) == before
