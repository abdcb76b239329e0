"""``GET /docs``: the OpenAPI description as one self-contained HTML page.

Rendered on the server from the same dict as ``/openapi.json``: no script, no stylesheet and
no font from a CDN (bureau intranets often cannot reach one, and a page that loads code from
elsewhere is one more thing to audit), so it renders the same with the network unplugged.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

_STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:70em;padding:0 1em;
color:#222;line-height:1.5}
h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.5em 0}td,th{border:1px solid #ddd;padding:.3em .5em;
text-align:left;vertical-align:top}th{background:#f4f4f4}
code,pre{font-family:Consolas,monospace;font-size:.9em}pre{background:#f7f7f7;padding:.6em;overflow:auto}
.method{font-weight:bold;text-transform:uppercase;padding:.1em .4em;border-radius:3px;background:#e8eef8}
section.op{margin-bottom:1.5em}
"""


def _ref_link(schema: Any) -> str:
    """A schema as a short label: a link for a ``$ref``, the type otherwise."""
    if isinstance(schema, dict) and "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f'<a href="#schema-{escape(name)}">{escape(name)}</a>'
    if isinstance(schema, dict):
        label = schema.get("type") or ("枚举：" + "、".join(map(str, schema["enum"])) if "enum" in schema else "")
        return escape(str(label)) or "—"
    return "—"


def _content_rows(content: dict[str, Any] | None) -> str:
    if not content:
        return "—"
    return "<br>".join(f"<code>{escape(media)}</code>：{_ref_link(body.get('schema'))}"
                       for media, body in content.items())


def _operation(path: str, method: str, op: dict[str, Any]) -> str:
    parts = [f'<section class="op" id="op-{escape(op.get("operationId", ""))}">',
             f'<h3><span class="method">{escape(method)}</span> <code>{escape(path)}</code> — '
             f'{escape(op.get("summary", ""))}</h3>',
             f'<p>operationId：<code>{escape(op.get("operationId", ""))}</code></p>']
    params = op.get("parameters") or []
    if params:
        rows = "".join(f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
                       f"<td>{'是' if p.get('required') else '否'}</td><td>{_ref_link(p.get('schema'))}</td>"
                       f"<td>{escape(p.get('description', ''))}</td></tr>" for p in params)
        parts.append("<table><tr><th>参数</th><th>位置</th><th>必填</th><th>类型</th><th>说明</th></tr>"
                     f"{rows}</table>")
    body = op.get("requestBody")
    if body:
        parts.append(f"<p>请求体：<br>{_content_rows(body.get('content'))}</p>")
    rows = "".join(f"<tr><td>{escape(code)}</td><td>{escape(resp.get('description', ''))}</td>"
                   f"<td>{_content_rows(resp.get('content'))}</td></tr>"
                   for code, resp in op.get("responses", {}).items())
    parts.append(f"<table><tr><th>状态码</th><th>含义</th><th>响应类型</th></tr>{rows}</table></section>")
    return "".join(parts)


def docs_page(document: dict[str, Any]) -> str:
    """The page for an OpenAPI document (as built by :func:`openapi_document`)."""
    info = document.get("info", {})
    servers = "、".join(f"<code>{escape(s['url'])}</code>" for s in document.get("servers", []))
    ops = [_operation(path, method, op) for path, item in document.get("paths", {}).items()
           for method, op in item.items()]
    schemas = [f'<details id="schema-{escape(name)}"><summary><code>{escape(name)}</code></summary>'
               f"<pre>{escape(json.dumps(schema, ensure_ascii=False, indent=2))}</pre></details>"
               for name, schema in document.get("components", {}).get("schemas", {}).items()]
    return ("<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            f"<title>{escape(info.get('title', ''))}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{escape(info.get('title', ''))} <small>{escape(info.get('version', ''))}</small></h1>"
            f"<p>{escape(info.get('description', ''))}</p><p>服务地址：{servers}；"
            '机器可读的说明：<a href="/openapi.json">/openapi.json</a>（可导入接口管理工具或生成客户端）</p>'
            f"<h2>接口</h2>{''.join(ops)}<h2>数据结构</h2>{''.join(schemas)}</body></html>\n")
