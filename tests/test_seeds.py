"""The five real bureau pages were published: no checker may block or warn on them."""

from __future__ import annotations

import datetime as dt

import pytest

from gkrules import Engine
from gkrules.model import Severity

# the day each page went out (its 发布日期, or a few working days after its 成文日期)
TODAY = {
    "000_74c5ceab56ebcdc9.txt": dt.date(2023, 8, 8),
    "001_974bed1c5fdbb587.txt": dt.date(2024, 5, 6),
    "002_17b60267daa6e45f.txt": dt.date(2021, 1, 27),
    "003_5ab8d9837b723415.txt": dt.date(2017, 1, 20),
    "004_d28640fea75aa583.txt": dt.date(2020, 7, 10),
}


@pytest.mark.parametrize("name", sorted(TODAY))
def test_no_block_or_warn_from_any_checker(seeds_dir, name):
    report = Engine("national").check([seeds_dir / name], today=TODAY[name])
    assert report.complete, report.documents[0].errors
    loud = [(f.checker, f.rule, f.location.line if f.location else None)
            for _, f in report.findings(Severity.WARN)]
    assert loud == []


def test_the_seed_folder_checked_today_has_no_block_or_warn(seeds_dir, monkeypatch):
    """``gkrules check ../shared/seeds`` without --today: the pages are years old and print no
    发布日期 of their own, so republishing them today is an archive case, not a late one.
    "Today" is the engine's clock, pinned to a day the calendar covers (the real date would
    make the test change with the years: a year past the calendar is rightly incomplete)."""
    monkeypatch.setenv("GKRULES_TODAY", "2026-12-07")
    report = Engine("national").check([seeds_dir])
    assert report.complete
    assert [(f.checker, f.rule) for _, f in report.findings(Severity.WARN)] == []
