"""Helpers for testing checkers and rule sets (used by the pytest plugin and by plugin authors).

    from gkrules.testing import check_text
    result = check_text("000047\\n秘密★3年\\n", checker="confidential-marker")
    assert [f.rule for f in result.findings] == ["secrecy-mark"]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.model import CatalogEntry, DocumentResult, Finding, Report
from gkrules.plugins import PluginManager


@lru_cache(maxsize=16)
def cached_engine(ruleset: str = "national", block: tuple[str, ...] = ()) -> Engine:
    """One engine per (rule set, blocked plugins) for a test session: building one compiles
    every checker and runs every rule's examples."""
    return Engine(ruleset, plugins=PluginManager(block=block))


def check_batch(documents: Mapping[str, str | bytes] | Iterable[InputDocument], *, ruleset: str = "national",
                today: dt.date | None = None, catalog: Iterable[CatalogEntry] = (),
                metadata: Mapping[str, Mapping[str, Any]] | None = None, engine: Engine | None = None) -> Report:
    """Check a batch given as {name: text} (or InputDocuments); ``metadata`` maps a name to
    sidecar-style values."""
    metadata = metadata or {}
    if isinstance(documents, Mapping):
        items = [InputDocument(name, content, dict(metadata.get(name, {}))) for name, content in documents.items()]
    else:
        items = list(documents)
    eng = engine or cached_engine(ruleset)
    return eng.check(items, today=today or dt.date(2026, 11, 20), catalog=tuple(catalog))


def check_text(text: str | bytes, *, checker: str | None = None, name: str = "doc.txt", ruleset: str = "national",
               today: dt.date | None = None, metadata: Mapping[str, Any] | None = None,
               engine: Engine | None = None) -> DocumentResult:
    """Check one text; with ``checker``, keep only that checker's findings (engine errors stay)."""
    report = check_batch({name: text}, ruleset=ruleset, today=today, metadata={name: metadata or {}},
                         engine=engine)
    result = report.documents[0]
    if checker is None:
        return result
    keep = tuple(f for f in result.findings if f.checker in (checker, "engine"))
    return DocumentResult(source=result.source, sha256=result.sha256, metadata=result.metadata, findings=keep,
                          errors=result.errors, suppressed=result.suppressed)


def rules_of(findings: Iterable[Finding]) -> list[str]:
    return [f.rule for f in findings]


def lines_of(findings: Iterable[Finding]) -> list[int | None]:
    return [f.location.line if f.location else None for f in findings]
