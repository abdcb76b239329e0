"""The built-in plugin that registers gkrules' own output formats."""

from __future__ import annotations

from gkrules.outputs.ci import render_github, render_gitlab, render_junit
from gkrules.outputs.html import render_html
from gkrules.outputs.json_report import render_json
from gkrules.outputs.lines import render_concise, render_grouped, render_json_lines
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
    yield FormatterSpec("concise", render_concise, "每条意见一行：路径:行:列: 级别 检查器/规则 说明", ".txt")
    yield FormatterSpec("grouped", render_grouped, "按文件分组，每条意见一行", ".txt")
    yield FormatterSpec("json-lines", render_json_lines, "每行一个 JSON 对象（每条意见或错误一行）", ".jsonl")
    yield FormatterSpec("junit", render_junit, "JUnit XML（CI 测试面板）", ".xml")
    yield FormatterSpec("github", render_github, "GitHub Actions 工作流命令（拉取请求中的注释）", ".txt")
    yield FormatterSpec("gitlab", render_gitlab, "GitLab 代码质量报告（Code Quality JSON）", ".json")
