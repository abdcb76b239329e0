"""Every rule's examples in the national rule set, one pytest case each, named after the rule
(``confidential-marker/secrecy-mark/fail-0``): a failing example must give a finding of that
rule, a passing one must not. Every rule has at least one of each, or says why not."""

from __future__ import annotations

import pytest

from gkrules.engine import Engine
from rule_conversion import EXAMPLES_MISSING

_ENGINE = Engine("national", check_examples=False)


def _pending(checker_id: str):
    return ([pytest.mark.xfail(strict=True, reason="部分规则缺示例且未说明原因")]
            if checker_id in EXAMPLES_MISSING else [])


def _cases():
    for active in _ENGINE.checkers:
        for rid, settings in active.config.rules.items():
            if settings.examples is None:
                continue
            for kind, texts in (("fail", settings.examples.fail), ("pass", settings.examples.pass_)):
                for i in range(len(texts)):
                    yield pytest.param(active, rid, kind, i, id=f"{active.spec.id}/{rid}/{kind}-{i}")


@pytest.mark.parametrize(("active", "rule", "kind", "index"), list(_cases()))
def test_rule_example(active, rule, kind, index):
    text = getattr(active.config.rules[rule].examples, "fail" if kind == "fail" else "pass_")[index]
    outcome = _ENGINE._example_outcome(active, rule, kind, index, text)
    assert outcome.ok, outcome.problem


@pytest.mark.parametrize("active", [pytest.param(a, id=a.spec.id, marks=_pending(a.spec.id))
                                    for a in _ENGINE.checkers])
def test_every_rule_has_a_failing_and_a_passing_example_or_says_why(active):
    missing = []
    for info in active.spec.rules:
        settings = active.config.rules.get(info.id)
        examples = settings.examples if settings is not None else None
        has_fail = bool(examples and examples.fail)
        has_pass = bool(examples and examples.pass_)
        if not (has_fail and has_pass) and not info.examples_note:
            missing.append(f"{info.id}（{'缺 fail' if not has_fail else ''}{'缺 pass' if not has_pass else ''}）")
    assert not missing, f"{active.spec.id}: 这些规则没有示例，也没有说明原因（Rule.examples_note）：{missing}"
