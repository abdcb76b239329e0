"""The five real bureau pages were published: unit-identifiability has nothing to block or warn."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkrules.model import Severity
from gkrules.testing import check_text

SEEDS = sorted((Path(__file__).parents[1] / "data" / "seeds").glob("*.txt"))


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_no_block_or_warn_on_real_pages(path):
    res = check_text(path.read_bytes(), checker="unit-identifiability", name=path.name)
    assert not res.errors
    loud = [(f.rule, f.location.line if f.location else None) for f in res.findings
            if f.severity.at_least(Severity.WARN)]
    assert loud == []


def test_seeds_are_there():
    assert len(SEEDS) == 5
