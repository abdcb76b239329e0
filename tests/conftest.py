"""Shared test helpers. The ``gkrules_check`` / ``gkrules_batch`` / ``gkrules_engine``
fixtures come from gkrules' own pytest plugin (``gkrules.pytest_plugin``)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
#: the five real bureau documents (copies of ../shared/seeds, byte for byte)
SEEDS = DATA / "seeds"


@pytest.fixture
def seeds_dir() -> Path:
    return SEEDS
