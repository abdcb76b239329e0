"""What the unit-identifiability rules compile once per engine from the checker's parameters:
the table reader, the prose scan (its word lists and patterns) and the relation builder of
the differencing audit."""

from __future__ import annotations

from gkrules.context import CheckerSetup

from .params import UnitIdentifiabilityParams
from .prose import ProseRules
from .relations import RelationBuilder
from .tables import TableReader


class Kit:
    def __init__(self, setup: CheckerSetup):
        p: UnitIdentifiabilityParams = setup.params or UnitIdentifiabilityParams()
        self.p = p
        self.reader = TableReader(p)
        self.prose = ProseRules(setup, p)
        self.builder = RelationBuilder(p.min_units, p.exact_tolerance_units)
