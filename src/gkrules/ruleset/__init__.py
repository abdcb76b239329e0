"""Rule sets as data: loading, layering (``extends``), strict validation and digests.

``load_ruleset("national")`` or ``load_ruleset("path/to/ruleset.yaml")`` returns the
effective :class:`Ruleset`. Checker parameters are validated against each checker's params
class when an engine is built (``gkrules.ruleset.compile``), since only then are the
plugins, and so the checkers, known.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from gkrules.errors import RulesetError
from gkrules.ruleset.convert import structure
from gkrules.ruleset.layering import display_path, resolve_layers
from gkrules.ruleset.model import Ruleset
from gkrules.ruleset.schema import RulesetFile
from gkrules.specs import RulesetSource

DEFAULT_RULESET = "national"


def _digest(data: Any) -> str:
    blob = json.dumps(data, sort_keys=True, ensure_ascii=False, default=str, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(blob.encode("utf-8")).hexdigest()


@runtime_checkable
class RulesetProvider(Protocol):
    """Anything that answers which rule sets are installed (a ``PluginManager``)."""

    def rulesets(self) -> Mapping[str, RulesetSource]: ...


#: the rule sets plugins registered (``PluginManager.rulesets()``): by id, or as a list
RulesetSources = Mapping[str, RulesetSource] | Iterable[RulesetSource]


def _by_id(sources: RulesetSources | RulesetProvider | None) -> Mapping[str, RulesetSource]:
    if sources is None:  # the convenience of the API: the installed plugins' rule sets
        from gkrules.plugins import PluginManager

        return PluginManager().rulesets()
    if isinstance(sources, Mapping):
        return sources
    if isinstance(sources, RulesetProvider):  # a plugin manager, as callers passed before
        return sources.rulesets()
    return {s.id: s for s in sources}


def _lookup_factory(sources: Mapping[str, RulesetSource]):
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
        if ref in sources:
            src = Path(sources[ref].path)
            return src / "ruleset.yaml" if src.is_dir() else src
        known = "、".join(sorted(sources)) or "（无）"
        raise RulesetError(f"找不到规则集 {ref!r}：它既不是已安装的规则集标识，也不是规则集文件或目录。"
                           f"已安装的规则集：{known}", path=cited_at[0], line=cited_at[1])
    return lookup


def load_ruleset(ref: str | Path = DEFAULT_RULESET,
                 sources: RulesetSources | RulesetProvider | None = None) -> Ruleset:
    """Load, layer and validate a rule set given by id (``national``) or by path.

    ``sources`` are the rule sets that ids (``--ruleset ID``, ``extends: ID``) may name: what
    plugins registered, ``PluginManager.rulesets()`` (a plugin manager itself is accepted
    too). None: those of the installed plugins, loaded here.
    """
    lookup = _lookup_factory(_by_id(sources))
    path = lookup(str(ref), None)
    data, marks, chain, files = resolve_layers(path, lookup)
    spec = structure(data, RulesetFile, marks)
    return Ruleset(id=spec.id, version=spec.version, description=spec.description,
                   chain=tuple((i, v, display_path(f)) for i, v, f in chain), data=data, spec=spec,
                   digest=_digest(data), marks=marks, layer_files=tuple(files))


__all__ = ["DEFAULT_RULESET", "Ruleset", "RulesetError", "RulesetProvider", "RulesetSources", "load_ruleset"]
