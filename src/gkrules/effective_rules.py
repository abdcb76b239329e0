"""The effective rules of an engine after layering, as data: what ``gkrules rules`` prints
and ``GET /v1/rules`` returns (the CLI and the HTTP service share it from here)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import cattrs

from gkrules.calendar import calendar_status
from gkrules.ruleset.compile import compile_checkers

if TYPE_CHECKING:
    from gkrules.engine import Engine


def _jsonable(value: Any) -> Any:
    conv = cattrs.Converter()
    conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
    return conv.unstructure(value)


def effective_rules(engine: Engine) -> dict[str, Any]:
    """The rule set's identity and layers, and per checker: enabled, owning plugin, params and
    each rule's effective severity and enablement (rule-set overrides applied)."""
    rs = engine.ruleset
    pm = engine.plugins
    checkers: dict[str, Any] = {}
    data = {
        "ruleset": {"id": rs.id, "version": rs.version, "digest": rs.digest, "description": rs.description,
                    "chain": [{"id": i, "version": v, "file": f} for i, v, f in rs.chain]},
        "checkers": checkers,
        "allowlist": [_jsonable(e) for e in rs.spec.allowlist],
        "calendar": _jsonable(rs.spec.calendar),
        "calendar_years": calendar_status(rs),
        "engine": _jsonable(rs.spec.engine),
    }
    enabled = {a.spec.id for a in engine.checkers}
    for cid, cfg in compile_checkers(rs, pm.checkers(), None, pm.block).items():
        rules = []
        for info in cfg.spec.rules:
            override = cfg.rules.get(info.id)
            rules.append({
                "id": info.id, "title": info.title,
                "severity": (override.severity if override and override.severity else info.severity).value,
                "enabled": not (override and override.enabled is False),
                "basis": info.basis,
            })
        checkers[cid] = {"enabled": cid in enabled, "plugin": pm.owner_of_checker(cid),
                         "params": _jsonable(cfg.params) if cfg.params is not None else {},
                         "rules": rules}
    return data


__all__ = ["effective_rules"]
