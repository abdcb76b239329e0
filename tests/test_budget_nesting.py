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


# -- CheckerClock: every checker's budget under one timer per document ----------------------

def _checkers(clock, plan):
    """Run (seconds of work, budget) pairs as checkers; the outcome of each."""
    from gkrules.budget import BudgetExceeded

    out = []
    for work, budget in plan:
        try:
            out.append(clock.run(lambda w=work: spin(w), budget))
        except BudgetExceeded:
            out.append("over")
    return out


def test_clock_names_the_checker_that_overran():
    from gkrules.budget import CheckerClock

    with CheckerClock(0.2) as clock:
        assert _checkers(clock, [(0.01, 0.2), (1.0, 0.2), (0.01, 0.2)]) == ["done", "over", "done"]
    import signal
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_clock_holds_each_budget_whatever_the_order():
    """Budgets of different lengths, in any order: a checker is stopped at its own deadline,
    never at another's (the timer is armed for the shortest and re-armed only when needed)."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from gkrules.budget import CheckerClock

    @settings(max_examples=15, deadline=None)
    @given(st.lists(st.tuples(st.sampled_from([0.0, 0.02, 0.12]), st.sampled_from([0.05, 0.08, 0.3])),
                    min_size=1, max_size=5))
    def check(plan):
        started = time.monotonic()
        with CheckerClock(min(b for _, b in plan)) as clock:
            outcome = _checkers(clock, plan)
        assert outcome == ["over" if work > budget else "done" for work, budget in plan]
        assert time.monotonic() - started < sum(min(w, b) for w, b in plan) + 0.5

    check()


def test_clock_swallowed_interrupt_is_still_over_time():
    from gkrules.budget import BudgetExceeded, CheckerClock

    def swallow():
        try:
            spin(1.0)
        except BaseException:
            pass
        return "fertig"

    with CheckerClock(0.05) as clock, pytest.raises(BudgetExceeded):
        clock.run(swallow, 0.05)


def test_clock_inside_a_request_budget():
    """The request's deadline interrupts with its own exception, and no checker is blamed."""
    from gkrules.budget import BudgetExceeded, CheckerClock

    caught = []

    def document():
        with CheckerClock(5.0) as clock:
            for _ in range(50):
                try:
                    clock.run(lambda: spin(0.1), 5.0)
                except BudgetExceeded:
                    caught.append(1)

    started = time.monotonic()
    with pytest.raises(RequestOver):
        run_with_budget(document, 0.3, RequestOver)
    assert time.monotonic() - started < 1.5 and caught == []
    import signal
    assert signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_clock_arms_the_timer_once_per_document(monkeypatch):
    """The point of the clock: checkers that finish in time cost no system call each."""
    import signal

    from gkrules.budget import CheckerClock

    calls = []
    real = signal.setitimer
    monkeypatch.setattr(signal, "setitimer", lambda *a: calls.append(a) or real(*a))
    with CheckerClock(1.0) as clock:
        for _ in range(12):
            clock.run(lambda: spin(0.001), 1.0)
    assert len(calls) == 2  # armed when the document starts, disarmed when it ends
