"""``--format json``: the report of design §6, schema ``gkrules/report@1``
(``docs/report.schema.json``)."""

from __future__ import annotations

from gkrules.model import Report
from gkrules.outputs.jsontext import indented_text
from gkrules.serialize import report_to_dict
from gkrules.specs import RenderContext


def render_json(report: Report, ctx: RenderContext | None = None) -> str:
    return indented_text(report_to_dict(report))
