"""Rules a rule set switches off are not searched for at all: they do not run in the checker's
detection pass and label words only they read leave the whole-text scan. What stays on is found exactly as before."""

from __future__ import annotations

import datetime as dt

import pytest
from pi_helpers import make_id

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.plugins import PluginManager

TODAY = dt.date(2026, 11, 20)
ID = make_id("43072119850312003")

# a penalty decision with data of many kinds: party ID, mobile, e-mail, home address, plate,
# birth date, a weakly masked ID and a full-width mobile (the scan must still see it to fold)
DECISION = (
    "澧州市统计局行政处罚决定书\n"
    "澧统罚决字〔2026〕3号\n"
    "当事人：吕振东，公民身份号码：" + ID + "，出生日期：1985年3月12日，\n"
    "住址：澧州市城东区建设路18号3栋502室，联系电话：18679034512，邮箱：lzd1985@163.com。\n"
    "　　当事人驾驶的车牌号：湘E·7Q25B。另一证件号码：43072119850312****。\n"
    "　　委托代理人手机：１３９０７３９１２４５。\n"
)

OFF = ("id-card-legacy", "landline", "bank-card", "org-bank-account", "passport", "travel-permit", "plate",
       "social-security", "home-address", "health", "birth-date", "person-name")


def _ruleset(tmp_path, off) -> str:
    lines = ["id: switched-off", 'version: "2026.1"', "extends: national", "checkers:", "  personal-info:",
             "    rules:"] + [f"      {rid}: {{enabled: false}}" for rid in off]
    path = tmp_path / "rs.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def _personal(engine: Engine):
    report = engine.check([InputDocument("处罚决定书.txt", DECISION)], today=TODAY)
    return [(f.rule, f.location.line, f.evidence) for f in report.documents[0].findings
            if f.checker == "personal-info"]


def _kit(engine: Engine):
    """The checker's compiled kit, which holds the plan of its detection pass (``kit.scan``)."""
    return next(a for a in engine.checkers if a.spec.id == "personal-info").instance.rules[0].kit


@pytest.fixture(scope="module")
def national():
    return Engine("national", plugins=PluginManager(), check_examples=False)


def test_every_rule_of_the_checker_runs_in_the_detection_pass(national):
    kit = _kit(national)
    spec = next(a for a in national.checkers if a.spec.id == "personal-info").spec
    covered = {r.id for r in kit.scan}
    assert covered == {r.id for r in spec.rules}


def test_switched_off_rules_do_not_run_and_the_rest_is_unchanged(national, tmp_path):
    everything = _personal(national)
    assert {"plate", "home-address", "birth-date", "person-name", "weak-mask"} <= {r for r, _, _ in everything}

    reduced = Engine(_ruleset(tmp_path, OFF), plugins=PluginManager(), check_examples=False)
    kit = _kit(reduced)
    running = {r.id for r in kit.scan}
    assert not running & set(OFF)
    # the label scan keeps only what the remaining rules read (and the fold/mask triggers)
    kinds = {k for ks in kit.label_kinds.values() for k in ks}
    assert kinds == {"fold", "mask"}

    kept = [f for f in everything if f[0] not in OFF]
    assert _personal(reduced) == kept
    # the full-width mobile is still folded and found, the weak mask still seen
    assert ("mobile", 6, "１３９****１２４５") in kept and any(r == "weak-mask" for r, _, _ in kept)


def test_a_rule_sharing_a_scan_with_a_switched_off_one_still_runs(tmp_path):
    # bank-card off, org-bank-account on: the card scan both read is still made
    engine = Engine(_ruleset(tmp_path, ["bank-card"]), plugins=PluginManager(), check_examples=False)
    assert "org-bank-account" in {r.id for r in _kit(engine).scan}
    assert "bank-card" not in {r.id for r in _kit(engine).scan}
