"""named-unit-public (UI-04): a named unit whose figure is allow-listed as its own publication."""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..params import PublicSource
from ..prose import NamedFigure
from .named_unit import NamedUnit


class NamedUnitPublic(NamedUnit):
    """UI-04。点名单位已在 public_sources 允许清单中登记为自行公开或同意公开的来源：由阻断改为复核，请
    核实来源并注明出处。"""

    id = "named-unit-public"
    title = "点名单位的数据已登记为其自行公开（复核）"
    severity = Severity.WARN
    basis = basis.REVIEW
    tags = ("统计保密", "UI-04")
    words = ("org_suffixes", "indicators")
    tests = ("tests/unit_identifiability/test_prose.py",)
    examples_note = "只在规则集的允许清单 public_sources 登记了单位时出现，国家规则集的允许清单为空"

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        if self.kit.prose.public:  # else no unit is allow-listed
            yield from self.named(facts, ctx)

    @staticmethod
    def chooses(public: PublicSource | None, ranked: bool) -> bool:
        return public is not None

    @staticmethod
    def text_message(h: NamedFigure) -> str:
        source = h.public.source if h.public is not None else ""
        return f"“{h.name}”的数据（{h.figure}）已登记为该单位自行公开的数据（{source}），请核实来源并注明出处"
