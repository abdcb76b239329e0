"""Rule-set parameters of the release-deadline checker: shared with ``gkrules deadlines``
and the API, so they live in :mod:`gkrules.deadlines.params`."""

from gkrules.deadlines.params import (
    DeadlineCategory,
    PeriodicItem,
    ReleaseDeadlineParams,
    RequestParams,
)

__all__ = ["DeadlineCategory", "PeriodicItem", "ReleaseDeadlineParams", "RequestParams"]
