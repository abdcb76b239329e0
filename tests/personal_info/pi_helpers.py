"""Helpers for the personal-info tests: check a text, keep this checker's findings, and build
identifiers with an independent oracle (python-stdnum), never with the code under test.
(A module of its own: test modules import it by name, which a conftest cannot promise.)"""

from __future__ import annotations

import datetime as dt

from stdnum import luhn
from stdnum.iso7064 import mod_11_2

from gkrules.testing import check_text

TODAY = dt.date(2026, 11, 20)


def make_id(first17: str) -> str:
    """A resident ID number with the check character computed by python-stdnum."""
    return first17 + mod_11_2.calc_check_digit(first17)


def make_card(body: str) -> str:
    """A card number with its Luhn digit computed by python-stdnum."""
    return body + luhn.calc_check_digit(body)


def findings(text: str, *, name: str = "doc.txt", metadata=None, today: dt.date = TODAY):
    result = check_text(text, checker="personal-info", name=name, metadata=metadata, today=today)
    assert not result.errors, result.errors
    return list(result.findings)


def of(fs, rule: str):
    return [f for f in fs if f.rule == rule]


def at(fs, line: int):
    return [f for f in fs if f.location and f.location.line == line and f.severity.value != "info"]


def gate(fs):
    """block/warn findings only (what stops or questions publication)."""
    return [f for f in fs if f.severity.value in ("block", "warn")]


def assert_no_raw(fs, *values: str):
    """No raw value in any field of any finding (the fingerprint is a hash)."""
    for f in fs:
        blob = " ".join(str(x) for x in (f.message, f.evidence, f.suggestion, f.basis, f.fingerprint))
        for v in values:
            assert v not in blob, (f.rule, v)
