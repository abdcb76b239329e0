"""The built-in plugin that registers gkrules' own output formats."""

from __future__ import annotations

from gkrules.outputs.html import render_html
from gkrules.outputs.json_report import render_json
from gkrules.outputs.sarif import render_sarif
from gkrules.outputs.text import render_text
from gkrules.plugins import hookimpl
from gkrules.specs import FormatterSpec


@hookimpl
def gkrules_formatters():
    yield FormatterSpec("text", render_text, "按文件分组的中文审查意见", ".txt")
    yield FormatterSpec("json", render_json, "JSON 报告（gkrules/report@1）", ".json")
    yield FormatterSpec("sarif", render_sarif, "SARIF 2.1.0（代码扫描平台）", ".sarif")
    yield FormatterSpec("html", render_html, "HTML 审查报告（单个自包含文件：正文高亮、意见列表、筛选）", ".html")
