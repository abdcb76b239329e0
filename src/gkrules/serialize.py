"""cattrs converters at the JSON edge: the report contract of design §6 (gkrules/report@1)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import cattrs
from cattrs.gen import make_dict_unstructure_fn, override

from gkrules.model import (
    Document,
    DocumentResult,
    Finding,
    Location,
    Metadata,
    Report,
    Severity,
    SuppressedFinding,
)

REPORT_SCHEMA = "gkrules/report@1"

_conv = cattrs.Converter()
_conv.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_conv.register_unstructure_hook(Severity, lambda s: s.value)
_conv.register_unstructure_hook(
    Location, make_dict_unstructure_fn(Location, _conv, page=override(omit_if_default=True),
                                       ref=override(omit_if_default=True), hidden=override(omit_if_default=True)))
_conv.register_unstructure_hook(
    Finding, make_dict_unstructure_fn(Finding, _conv, suggestion=override(omit_if_default=True)))


_metadata_fields = make_dict_unstructure_fn(Metadata, _conv)


def _metadata(m: Metadata) -> dict[str, Any]:
    """Metadata without empty values and without internal keys (spans, extra)."""
    out: dict[str, Any] = {}
    for key, value in _metadata_fields(m).items():
        if key in ("spans", "extra"):
            continue
        if value is None or value == {} or value == [] or value == ():
            continue
        out[key] = value
    return out


_conv.register_unstructure_hook(Metadata, _metadata)


def finding_to_dict(f: Finding) -> dict[str, Any]:
    return _conv.unstructure(f)


def suppressed_to_dict(s: SuppressedFinding) -> dict[str, Any]:
    d = finding_to_dict(s.finding)
    d["suppression"] = {k: v for k, v in _conv.unstructure(s.suppression).items() if v is not None}
    return d


def document_to_dict(r: DocumentResult) -> dict[str, Any]:
    return {
        "source": r.source,
        "sha256": r.sha256,
        "metadata": _metadata(r.metadata) if r.metadata is not None else {},
        "findings": [finding_to_dict(f) for f in r.findings],
        "errors": [{k: v for k, v in _conv.unstructure(e).items() if v is not None} for e in r.errors],
        "suppressed": [suppressed_to_dict(s) for s in r.suppressed],
    }


def report_to_dict(report: Report) -> dict[str, Any]:
    return {
        "schema": REPORT_SCHEMA,
        "tool": {"name": report.tool_name, "version": report.tool_version,
                 "plugins": [{"name": p.name, "version": p.version} for p in report.plugins]},
        "ruleset": _conv.unstructure(report.ruleset),
        "today": report.today.isoformat() if report.today else None,
        "complete": report.complete,
        "summary": _conv.unstructure(report.summary),
        "documents": [document_to_dict(d) for d in report.documents],
    }


def document_text_map(docs: list[Document]) -> dict[str, str]:
    return {d.source: d.text for d in docs}
