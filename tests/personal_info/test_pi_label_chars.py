"""When every rule that reads label words is switched off, a scene finds the remaining
single-character labels (fold and mask triggers) with ``str.find`` (issue 19): the same hits,
kinds and order as the whole-text label scan it replaces."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.scene import Scene
from gkrules.engine import Engine
from gkrules.model import Document

THREE = Path(__file__).resolve().parents[2] / "benchmarks" / "rulesets" / "three-entities.yaml"


def _kit(ruleset: str):
    engine = Engine(ruleset, check_examples=False)
    return next(a.instance.kit for a in engine.checkers if a.spec.id == "personal-info")


_THREE_KIT = _kit(str(THREE))


def _by_scan(kit, text: str) -> dict[str, list[tuple[int, int, str]]]:
    """What ``Scene._scan_labels`` built from ``kit.label_scan`` before."""
    labels: dict[str, list[tuple[int, int, str]]] = {}
    for found in kit.label_scan(text):
        for k in kit.label_kinds[found[2]]:
            labels.setdefault(k, []).append(found)
    return labels


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="０１９＠*＊×\u200b\u00ad\ufeff138 手机号码住址a\n", max_size=60))
def test_single_character_labels_as_the_scan_found_them(text):
    assert _THREE_KIT.label_chars_only
    scene = Scene(Document(source="t.txt", text=text, sha256="", format="txt"), dt.date(2026, 11, 20), _THREE_KIT)
    assert scene._labels == _by_scan(_THREE_KIT, scene.text)


@pytest.mark.parametrize("ruleset", ["national"])
def test_a_kit_with_label_words_keeps_the_scan(ruleset):
    assert not _kit(ruleset).label_chars_only
