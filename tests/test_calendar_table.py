"""The precomputed statutory days are python-holidays' own, year by year, and are read only
when the installed python-holidays is the version that wrote them."""

from __future__ import annotations

import importlib.metadata
import json
import subprocess
import sys

import pytest

from gkrules.calendar import provisional
from gkrules.calendar.provisional import (
    TABLE_YEARS,
    coinciding_days,
    computed_coinciding_days,
    computed_statutory_days,
    statutory_days,
)

pytest.importorskip("holidays")
#: the table is python-holidays' only when that version wrote it (decided here, not by _table)
SAME_VERSION = (json.loads(provisional.TABLE.read_text(encoding="utf-8"))["holidays"]
                == importlib.metadata.version("holidays"))


@pytest.mark.skipif(not SAME_VERSION, reason="the table was written by another python-holidays: "
                                            "python -m gkrules.calendar.provisional rewrites it")
def test_every_year_of_the_table_is_the_packages():
    for year in TABLE_YEARS:
        assert statutory_days([year]) == computed_statutory_days([year]), year
        assert coinciding_days([year]) == computed_coinciding_days([year]), year
    for years in ([2027, 2028, 2029], [2008, 2009, 2010, 2020], [2004, 2099]):
        assert statutory_days(years) == computed_statutory_days(years)
        assert coinciding_days(years) == computed_coinciding_days(years)


def test_the_table_is_shipped():
    assert provisional.TABLE.is_file()


@pytest.mark.skipif(not SAME_VERSION, reason="the table was written by another python-holidays")
def test_the_table_is_read_for_its_years():
    """A version check that always failed would silently bring back the 0.12 s import."""
    assert provisional._table([2027, 2099]) is not None
    code = ("import sys; from gkrules.calendar.provisional import statutory_days, coinciding_days;"
            "d = statutory_days([2027, 2028, 2029]); c = coinciding_days([2027, 2028, 2029]);"
            "print(len(d), 'holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert int(out[0]) > 20 and out[1] == "False"


def test_another_python_holidays_is_asked_itself(monkeypatch):
    monkeypatch.setattr(provisional.importlib.metadata, "version", lambda name: "0.0-other")
    assert provisional._table([2027]) is None
    assert statutory_days([2027, 2028]) == computed_statutory_days([2027, 2028])


def test_years_outside_the_table_are_computed():
    assert provisional._table([2100]) is None
    assert statutory_days([2100]) == computed_statutory_days([2100])
