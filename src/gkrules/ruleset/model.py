"""The effective rule set, as checkers, filters and hooks receive it.

Kept apart from :func:`gkrules.ruleset.load_ruleset` (which finds rule sets, reads and layers
them) so that the modules of the plugin contract can name the type without importing the
loader.
"""

from __future__ import annotations

from typing import Any

from attrs import field, frozen

from gkrules.ruleset.schema import CheckerSection, RulesetFile
from gkrules.ruleset.yamlio import Marks


@frozen
class Ruleset:
    """The effective rule set after layering."""

    id: str
    version: str
    description: str | None
    chain: tuple[tuple[str, str, str], ...]
    data: dict[str, Any]
    spec: RulesetFile
    digest: str
    marks: Marks = field(eq=False, repr=False, factory=Marks)
    #: the files each layer of ``chain`` was read from (its includes and word lists too)
    layer_files: tuple[frozenset[str], ...] = field(eq=False, repr=False, default=())

    def layer_of(self, file: str) -> int | None:
        """The index in ``chain`` of the layer ``file`` belongs to (None: unknown)."""
        for i in range(len(self.layer_files) - 1, -1, -1):
            if file in self.layer_files[i]:
                return i
        return None

    def checker(self, checker_id: str) -> CheckerSection:
        return self.spec.checkers.get(checker_id) or CheckerSection()

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(f for _, _, f in self.chain)


__all__ = ["Ruleset"]
