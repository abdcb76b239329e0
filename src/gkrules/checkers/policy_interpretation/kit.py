"""What the policy-interpretation rules compile once per engine: the parameters, the
classifier, the catalogue entries read so far, the working-day calendars asked so far, and the
analysis of the batch being checked (shared by the rules, dropped with the batch)."""

from __future__ import annotations

import weakref
from collections.abc import Callable
from typing import Any, TypeVar

from gkrules.context import BatchContext, CheckerSetup
from gkrules.memo import BoundedMemo
from gkrules.model import CatalogEntry

from .classify import PolicyClassifier
from .items import Item, catalog_item
from .params import PolicyInterpretationParams

T = TypeVar("T")

#: catalogue entries kept between batches: the same catalogue comes with every batch a host
#: checks, and it can be large (a year of a bureau's site), so the bound is well above 4096
CATALOG_MEMO = 200_000


class Kit:
    def __init__(self, setup: CheckerSetup):
        self.p: PolicyInterpretationParams = setup.params or PolicyInterpretationParams()
        self.classifier = PolicyClassifier(self.p)
        self.catalog_item: BoundedMemo[CatalogEntry, Item] = BoundedMemo(
            lambda entry: catalog_item(self.classifier, entry), CATALOG_MEMO)
        self.setup = setup
        self._calendars: dict[int, Any] = {}
        # the rules of one batch share its analysis; the entry dies with the batch's context
        self._batches: weakref.WeakKeyDictionary[BatchContext, Any] = weakref.WeakKeyDictionary()

    def calendar(self, year: int) -> Any:
        """``setup.calendar(year)``, asked once per year (a CalendarError is not kept)."""
        if year not in self._calendars:
            self._calendars[year] = self.setup.calendar(year)
        return self._calendars[year]

    def per_batch(self, ctx: BatchContext, compute: Callable[[], T]) -> T:
        """What ``compute`` gives for this batch, computed once whichever rule asks first (the
        batch counterpart of ``DocumentFacts.shared``; ``compute`` must not hold ``ctx``)."""
        try:
            return self._batches[ctx]
        except KeyError:
            value = self._batches[ctx] = compute()
            return value
