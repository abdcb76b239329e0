"""The ``pi`` fixture: personal-info findings of a text (see pi_helpers)."""

from __future__ import annotations

import pytest
from pi_helpers import findings


@pytest.fixture
def pi():
    return findings
