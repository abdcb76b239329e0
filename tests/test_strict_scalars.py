"""Rule-set scalars are never coerced: "false" is not True, "3" is not 3 (design §4)."""

from __future__ import annotations

import datetime as dt

import pytest

from gkrules.errors import RulesetError
from gkrules.model import Severity
from gkrules.ruleset.convert import CONVERTER, structure
from gkrules.ruleset.schema import RulesetFile
from gkrules.ruleset.yamlio import Marks


@pytest.mark.parametrize(("value", "typ"), [("false", bool), ("3", int), (True, int), (3, str), ("x", float),
                                            ("blok", Severity), ("2026-13-01", dt.date)])
def test_wrong_scalars_are_rejected(value, typ):
    with pytest.raises(ValueError):
        CONVERTER.structure(value, typ)


@pytest.mark.parametrize(("value", "typ", "expected"), [
    (False, bool, False), (3, int, 3), ("s", str, "s"), (3, float, 3.0),
    ("block", Severity, Severity.BLOCK), ("2026-01-02", dt.date, dt.date(2026, 1, 2)),
])
def test_right_scalars_pass(value, typ, expected):
    assert CONVERTER.structure(value, typ) == expected


def test_quoted_boolean_in_a_rule_set_is_an_error():
    with pytest.raises(RulesetError, match="布尔值"):
        structure({"id": "x", "version": "1", "checkers": {"c": {"enabled": "false"}}}, RulesetFile, Marks())
