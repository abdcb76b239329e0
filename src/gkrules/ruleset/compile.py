"""Validating a rule set against the checkers that plugins registered.

Only now are the checkers known, so only now can each checker's ``params`` be structured
into its own params class and its rule ids be checked. All problems are collected and
reported together, each with its file and line.
"""

from __future__ import annotations

import difflib
from typing import Any

from attrs import frozen

from gkrules.errors import RulesetError
from gkrules.ruleset import Ruleset
from gkrules.ruleset.convert import structure, to_ruleset_error
from gkrules.ruleset.schema import RuleSettings
from gkrules.specs import CheckerSpec

#: seconds per million characters when a rule set does not say: the slowest checker on the
#: slowest shape (one statistical table of 20 million characters) needs about one
DEFAULT_SECONDS_PER_MILLION_CHARS = 3.0


@frozen
class CheckerConfig:
    spec: CheckerSpec
    enabled: bool
    params: Any
    rules: dict[str, RuleSettings]
    timeout: float | None
    #: seconds added to ``timeout`` per million characters of the document (engine section)
    timeout_per_million_chars: float = 0.0

    def budget(self, chars: int) -> float | None:
        """The time this checker may take on a text of ``chars`` characters (None: no limit)."""
        if not self.timeout:
            return self.timeout
        return self.timeout + self.timeout_per_million_chars * chars / 1e6


def _hint(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"（是否应为 {close[0]!r}？）"
    return f"（可用：{'、'.join(known) or '无'}）"


def compile_checkers(ruleset: Ruleset, specs: dict[str, CheckerSpec], default_timeout: float | None,
                     blocked: frozenset[str] | set[str] = frozenset(),
                     collect: list[str] | None = None) -> dict[str, CheckerConfig]:
    """``blocked``: plugin names the user disabled. A section for a checker of that name (the
    built-in checkers' plugins are named after them) is skipped rather than reported as unknown:
    the user asked for it to be off.

    With ``collect``, problems are appended to it instead of raised, and only the checkers
    whose parameters are valid are returned: the engine then runs the examples of those and
    reports every problem of the rule set in one error."""
    problems: list[tuple[tuple, str]] = []
    detailed: list[str] = []
    for cid in ruleset.spec.checkers:
        if cid not in specs and cid not in blocked:
            problems.append((("checkers", cid), f"未知的检查器 {cid!r}{_hint(cid, sorted(specs))}"))
    out: dict[str, CheckerConfig] = {}
    engine_timeout = ruleset.spec.engine.timeout_seconds
    per_million = ruleset.spec.engine.timeout_seconds_per_million_chars
    if per_million is None:
        per_million = DEFAULT_SECONDS_PER_MILLION_CHARS
    elif per_million < 0:
        problems.append((("engine", "timeout_seconds_per_million_chars"), "每百万字符增加的时间不能为负数"))
    for cid, spec in sorted(specs.items()):
        section = ruleset.checker(cid)
        params = None
        valid = True
        if spec.params is not None:
            try:
                params = structure(section.params, spec.params, ruleset.marks,
                                   prefix=("checkers", cid, "params"), what=f"检查器 {cid} 的参数")
            except RulesetError as exc:
                detailed.extend(exc.problems or [str(exc)])
                valid = False
        elif section.params:
            problems.append((("checkers", cid, "params"), f"检查器 {cid} 没有可配置的参数"))
        known_rules = [r.id for r in spec.rules]
        for rid in section.rules:
            if rid not in known_rules:
                problems.append((("checkers", cid, "rules", rid), f"检查器 {cid} 没有规则 {rid!r}{_hint(rid, known_rules)}"))
        timeout = section.timeout_seconds or engine_timeout or default_timeout
        enabled = section.enabled if section.enabled is not None else spec.enabled_by_default
        if valid:
            out[cid] = CheckerConfig(spec=spec, enabled=enabled, params=params,
                                     rules={r: v for r, v in section.rules.items() if r in known_rules},
                                     timeout=timeout, timeout_per_million_chars=max(0.0, per_million))
    if problems or detailed:
        err = to_ruleset_error(problems, ruleset.marks) if problems else None
        lines = (err.problems if err else []) + detailed
        if collect is not None:
            collect.extend(lines)
            return out
        raise RulesetError(f"规则集无效，共 {len(lines)} 处问题：", problems=lines,
                           path=err.path if err else None, line=err.line if err else None)
    return out
