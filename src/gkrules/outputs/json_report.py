"""``--format json``: the report of design §6, schema ``gkrules/report@1``
(``docs/report.schema.json``)."""

from __future__ import annotations

import json

from gkrules.model import Report
from gkrules.serialize import report_to_dict
from gkrules.specs import RenderContext


def render_json(report: Report, ctx: RenderContext | None = None) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
