"""The strict converter must not coerce scalars: "false" is not True, 5 is not "5" — in rule
sets, sidecar metadata, review records and HTTP requests alike (cattrs looks up str, int,
float and bool in its class table before any predicate hook)."""

from __future__ import annotations

import pytest

from gkrules import Engine, InputError, RulesetError
from gkrules.metadata.sidecar import parse_override
from gkrules.model import Severity
from gkrules.ruleset.convert import CONVERTER
from gkrules.ruleset.schema import RuleSettings


@pytest.mark.parametrize(("value", "kind"), [('"false"', "布尔值"), ("0", "布尔值"), ('"yes"', "布尔值")])
def test_ruleset_booleans_are_not_coerced(tmp_path, value, kind):
    path = tmp_path / "site.yaml"
    path.write_text("id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-marker:\n"
                    f"    rules:\n      secrecy-mark:\n        enabled: {value}\n", encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        Engine(str(path))
    assert kind in str(info.value) and "site.yaml:8" in str(info.value)


def test_optional_scalars_and_enums_stay_strict():
    assert CONVERTER.structure({"enabled": False, "severity": "warn"}, RuleSettings) == RuleSettings(False, Severity.WARN)
    for bad in ({"enabled": "false"}, {"enabled": 1}, {"severity": "fatal"}, {"severity": 3}):
        with pytest.raises(Exception):  # noqa: B017 - cattrs raises an exception group
            CONVERTER.structure(bad, RuleSettings)


def test_sidecar_metadata_types_are_checked():
    with pytest.raises(InputError, match="应为字符串"):
        parse_override({"title": 5}, "元数据")
    assert parse_override({"title": "通知"}, "元数据").title == "通知"
