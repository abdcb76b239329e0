"""Shared test helpers. The ``gkrules_check`` / ``gkrules_batch`` / ``gkrules_engine``
fixtures come from gkrules' own pytest plugin (``gkrules.pytest_plugin``)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS
