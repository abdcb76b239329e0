"""pytest plugin for checker and rule-set authors (entry point ``pytest11: gkrules``).

Fixtures:

* ``gkrules_check`` — ``gkrules_check(text, checker=None, ruleset="national", today=None,
  metadata=None, name="doc.txt")`` runs the engine on one text and returns its
  DocumentResult (only ``checker``'s findings when given, plus engine errors);
* ``gkrules_batch`` — ``gkrules_batch({name: text}, ruleset=…, today=…, catalog=…,
  metadata={name: {...}})`` returns the Report of a whole release batch;
* ``gkrules_engine`` — ``gkrules_engine(ruleset="national")``, a cached Engine.
"""

from __future__ import annotations

import pytest

from gkrules import testing


@pytest.fixture
def gkrules_engine():
    return testing.cached_engine


@pytest.fixture
def gkrules_check():
    return testing.check_text


@pytest.fixture
def gkrules_batch():
    return testing.check_batch
