"""Rule sets as data: loading, layering (``extends``), strict validation and digests.

``load_ruleset("national")`` or ``load_ruleset("path/to/ruleset.yaml")`` returns the
effective :class:`Ruleset`. Checker parameters are validated against each checker's params
class when an engine is built (``gkrules.ruleset.compile``), since only then are the
plugins, and so the checkers, known.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from gkrules.errors import RulesetError
from gkrules.ruleset.convert import structure
from gkrules.ruleset.layering import display_path, resolve_layers
from gkrules.ruleset.schema import CheckerSection, RulesetFile
from gkrules.ruleset.yamlio import Marks

if TYPE_CHECKING:
    from gkrules.plugins import PluginManager

DEFAULT_RULESET = "national"


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


def _digest(data: Any) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()


def _lookup_factory(plugins: PluginManager | None):
    def lookup(ref: str, relative_to: Path | None, cited_at: tuple[str | None, int | None] = (None, None)) -> Path:
        candidates = []
        p = Path(ref)
        if relative_to is not None and not p.is_absolute():
            candidates.append(relative_to / p)
        candidates.append(p)
        for c in candidates:
            if c.is_file():
                return c
            if c.is_dir() and (c / "ruleset.yaml").is_file():
                return c / "ruleset.yaml"
        sources = plugins.rulesets() if plugins is not None else {}
        if ref in sources:
            src = Path(sources[ref].path)
            return src / "ruleset.yaml" if src.is_dir() else src
        known = "、".join(sorted(sources)) or "（无）"
        raise RulesetError(f"找不到规则集 {ref!r}：它既不是已安装的规则集标识，也不是规则集文件或目录。"
                           f"已安装的规则集：{known}", path=cited_at[0], line=cited_at[1])
    return lookup


def load_ruleset(ref: str | Path = DEFAULT_RULESET, plugins: PluginManager | None = None) -> Ruleset:
    """Load, layer and validate a rule set given by id (``national``) or by path."""
    if plugins is None:
        from gkrules.plugins import PluginManager
        plugins = PluginManager()
    lookup = _lookup_factory(plugins)
    path = lookup(str(ref), None)
    data, marks, chain, files = resolve_layers(path, lookup)
    spec = structure(data, RulesetFile, marks)
    return Ruleset(id=spec.id, version=spec.version, description=spec.description,
                   chain=tuple((i, v, display_path(f)) for i, v, f in chain), data=data, spec=spec,
                   digest=_digest(data), marks=marks, layer_files=tuple(files))


__all__ = ["DEFAULT_RULESET", "Ruleset", "RulesetError", "load_ruleset"]
