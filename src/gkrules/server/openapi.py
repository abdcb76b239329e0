"""The OpenAPI 3.1 description served at ``/openapi.json`` (hand-written: the contract is the
report schema ``gkrules/report@1`` of design §6, not whatever a framework would infer)."""

from __future__ import annotations

from typing import Any

from gkrules._version import __version__
from gkrules.serialize import REPORT_SCHEMA
from gkrules.server.settings import ServerSettings

_STR = {"type": "string"}
_NSTR = {"type": ["string", "null"]}
_INT = {"type": "integer"}

_LOCATION = {"type": "object", "required": ["start", "end", "line", "column"], "properties": {
    "start": {"type": ["integer", "null"], "description": "起始位置（码点偏移，从 0 起）"},
    "end": {"type": ["integer", "null"]}, "line": {"type": ["integer", "null"], "description": "行号（从 1 起）"},
    "column": {"type": ["integer", "null"]}, "end_line": {"type": ["integer", "null"]},
    "end_column": {"type": ["integer", "null"]}, "page": _INT, "ref": _STR, "hidden": {"type": "boolean"}}}

_FINDING = {"type": "object", "required": ["checker", "rule", "severity", "message", "fingerprint"], "properties": {
    "checker": _STR, "rule": _STR, "severity": {"enum": ["block", "warn", "info"]},
    "message": {"type": "string", "description": "中文说明（不含完整的个人信息）"},
    "evidence": {**_NSTR, "description": "脱敏后的证据"}, "basis": {**_NSTR, "description": "法规依据"},
    "location": {"oneOf": [{"$ref": "#/components/schemas/Location"}, {"type": "null"}]},
    "suggestion": _STR, "fingerprint": {"type": "string", "description": "意见指纹（与行号无关，用于审查记录）"},
    "tags": {"type": "array", "items": _STR}}}

_SUPPRESSED = {"allOf": [{"$ref": "#/components/schemas/Finding"}, {
    "type": "object", "required": ["suppression"], "properties": {"suppression": {
        "type": "object", "required": ["kind", "justification"],
        "properties": {"kind": {"enum": ["allowlist", "inline", "baseline"]}, "justification": _STR, "source": _STR}}}}]}

_DOCUMENT = {"type": "object", "required": ["source", "findings", "errors", "suppressed"], "properties": {
    "source": _STR, "sha256": _NSTR, "metadata": {"type": "object"},
    "findings": {"type": "array", "items": {"$ref": "#/components/schemas/Finding"}},
    "errors": {"type": "array", "items": {"type": "object", "required": ["code", "message"],
                                          "properties": {"code": _STR, "message": _STR, "checker": _STR}}},
    "suppressed": {"type": "array", "items": {"$ref": "#/components/schemas/SuppressedFinding"}}}}

_REPORT = {"type": "object", "required": ["schema", "tool", "ruleset", "complete", "summary", "documents"],
           "description": "gkrules/report@1：发布决定看 complete 与 summary（complete 为 false 或 block 大于 0 即不得发布）",
           "properties": {
               "schema": {"const": REPORT_SCHEMA},
               "tool": {"type": "object", "required": ["name", "version", "plugins"]},
               "ruleset": {"type": "object", "required": ["id", "version", "digest"],
                           "properties": {"id": _STR, "version": _STR, "digest": _STR}},
               "today": _NSTR,
               "complete": {"type": "boolean", "description": "所有文件都完整检查（false：有检查器出错或超时、文件无法读取）"},
               "summary": {"type": "object", "required": ["block", "warn", "info", "suppressed"],
                           "properties": {k: _INT for k in ("block", "warn", "info", "suppressed")}},
               "documents": {"type": "array", "items": {"$ref": "#/components/schemas/DocumentResult"}}}}

_DOCUMENT_IN = {"type": "object", "required": ["name"], "additionalProperties": False, "properties": {
    "name": {"type": "string", "description": "文件名，宜含扩展名（.txt、.html、.csv 或已安装加载器支持的格式）；"
                                            "没有扩展名时按内容判断"},
    "text": {"type": "string", "description": "文件正文（与 content_base64 二选一）"},
    "content_base64": {"type": "string", "description": "文件原始字节的 Base64 编码（与 text 二选一）"},
    "metadata": {"type": "object", "description": "主机提供的元数据，键同 <文件>.meta.json：title、doc_number、issuer、"
                                                  "formed、published、disclosure、kind、interprets 等"}}}

_CHECK_IN = {"type": "object", "required": ["documents"], "additionalProperties": False, "properties": {
    "documents": {"type": "array", "minItems": 1, "items": {"$ref": "#/components/schemas/DocumentIn"}},
    "ruleset": {"type": "string", "description": "规则集标识（须为本服务加载的规则集之一）"},
    "today": {"type": "string", "format": "date", "description": "日期规则的参照日期（默认服务器当天）"},
    "catalog": {"type": "array", "items": {"type": "object"}, "description": "已发布文件目录，键同 --catalog"}}}

_ERROR = {"type": "object", "required": ["error"], "properties": {"error": {
    "type": "object", "required": ["code", "message"],
    "properties": {"code": _STR, "message": {"type": "string", "description": "中文说明"},
                   "problems": {"type": "array", "items": _STR}}}}}


def _error(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


#: what ``POST /v1/check?format=`` returns, by format (the JSON report is the contract)
REPORT_MEDIA_TYPES = {
    "json": ("application/json", {"$ref": "#/components/schemas/Report"}),
    "sarif": ("application/sarif+json", {"type": "object", "description": "SARIF 2.1.0 日志（format=sarif）"}),
    "html": ("text/html", {"type": "string", "description": "自包含的 HTML 审查报告（format=html）"}),
    "text": ("text/plain", {"type": "string", "description": "文本报告（format=text）"}),
}


def _report_content() -> dict[str, Any]:
    return {media: {"schema": schema} for media, schema in REPORT_MEDIA_TYPES.values()}


def openapi_document(settings: ServerSettings, server_url: str | None = None) -> dict[str, Any]:
    """The description; ``server_url`` is the base URL the caller used (``servers``).

    Long because it is one literal document: the OpenAPI description read top to bottom as
    clients see it (paths, parameters, responses); splitting it would only scatter it.
    """
    return {
        "openapi": "3.1.0",
        "servers": [{"url": server_url or "/", "description": "本服务"}],
        "info": {"title": "gkrules 政务公开发布前审查服务", "version": __version__,
                 "description": "发布前调用 POST /v1/check：检查完成即返回 200 和 JSON 报告；"
                                "报告 complete 为 false、或 summary.block 大于 0 时不得发布。"
                                "任何非 200 的响应同样意味着未完成检查，不得发布。"},
        "paths": {
            "/v1/check": {"post": {
                "operationId": "checkDocuments",
                "summary": "检查一个发布批次",
                "parameters": [{"name": "format", "in": "query", "required": False,
                                "schema": {"enum": ["json", "sarif", "html", "text"], "default": "json"},
                                "description": "报告格式；json 为约定格式（gkrules/report@1）"}],
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/CheckRequest"}},
                    "multipart/form-data": {"schema": {"type": "object", "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "ruleset": _STR, "today": {"type": "string", "format": "date"},
                        "catalog": {"type": "string", "description": "JSON 数组"},
                        "metadata": {"type": "string", "description": "JSON 对象：文件名 → 元数据"}}}}}},
                "responses": {
                    "200": {"description": "检查已执行（无论有无问题）；响应头 X-Gkrules-Verdict 为 pass、fail 或 incomplete",
                            "headers": {"X-Gkrules-Verdict": {"schema": {"enum": ["pass", "fail", "incomplete"]}}},
                            "content": _report_content()},
                    "400": _error("请求体不是有效的 JSON 或 multipart"),
                    "413": _error(f"请求体超过 {settings.max_body_bytes} 字节，或单个文件超过 {settings.max_document_bytes} 字节"),
                    "415": _error("不支持的 Content-Type"),
                    "422": _error("请求内容无效（缺少字段、类型错误、元数据或目录无效、规则集未加载）"),
                    "503": _error(f"检查超过 {settings.request_timeout:g} 秒时间上限")}}},
            "/v1/decisions": {"post": {
                "operationId": "recordDecisions",
                "summary": "记录审查决定（服务以 --record 启动时可用）：请求体为 /v1/check 的请求体加 decisions、"
                           "reviewer、stage；按本次检查的意见和规则集的审查规则核验后一次写入",
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object",
                    "required": ["documents", "decisions"], "properties": {
                        "reviewer": _STR, "stage": {"enum": ["自审", "送审", "终审"]},
                        "decisions": {"type": "array", "items": {"type": "object",
                                                                 "required": ["document", "fingerprint", "decision"],
                                                                 "properties": {
                                                                     "document": _STR, "fingerprint": _STR,
                                                                     "decision": {"enum": ["accept", "reject"]},
                                                                     "reason": _STR, "reviewer": _STR,
                                                                     "stage": {"enum": ["自审", "送审", "终审"]}}}}}}}}},
                "responses": {"200": {"description": "已写入：recorded（条数）与 entries（写入后的条目）",
                                      "content": {"application/json": {"schema": {
                                          "type": "object", "required": ["recorded"], "properties": {
                                              "recorded": {"type": "integer"},
                                              "entries": {"type": "array", "items": {"type": "object"}}}}}}},
                              "404": _error("本服务未配置审查记录"),
                              "422": _error("决定不符合审查规则（decision-refused），或请求内容无效")}}},
            "/v1/rules": {"get": {
                "operationId": "getRules",
                "summary": "分层合并后的有效规则（与 gkrules rules --format json 相同）",
                "parameters": [{"name": "ruleset", "in": "query", "required": False, "schema": _STR}],
                "responses": {"200": {"description": "有效规则", "content": {"application/json": {"schema": {
                    "type": "object", "required": ["ruleset", "checkers"]}}}},
                    "422": _error("规则集未在本服务加载")}}},
            "/v1/health": {"get": {
                "operationId": "getHealth",
                "summary": "健康检查",
                "responses": {
                    "200": {"description": "正常", "content": {"application/json": {"schema": {
                        "$ref": "#/components/schemas/Health"}}}},
                    "503": {"description": "有检查器无法启动：所有检查都将不完整", "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Health"}}}}}}},
            "/openapi.json": {"get": {"operationId": "getOpenapi", "summary": "本接口说明（OpenAPI 3.1）",
                                      "responses": {"200": {"description": "OpenAPI 文档", "content": {
                                          "application/json": {"schema": {"type": "object"}}}}}}},
            "/docs": {"get": {"operationId": "getDocs", "summary": "可在浏览器中阅读的接口说明（本地生成，不引用外部资源）",
                              "responses": {"200": {"description": "HTML 页面", "content": {
                                  "text/html": {"schema": {"type": "string"}}}}}}},
        },
        "components": {"schemas": {
            "CheckRequest": _CHECK_IN, "DocumentIn": _DOCUMENT_IN, "Report": _REPORT, "DocumentResult": _DOCUMENT,
            "Finding": _FINDING, "SuppressedFinding": _SUPPRESSED, "Location": _LOCATION, "Error": _ERROR,
            "Health": {"type": "object", "required": ["status", "version", "rulesets"], "properties": {
                "status": {"enum": ["ok", "degraded"]}, "version": _STR,
                "rulesets": {"type": "array", "items": {"type": "object", "properties": {
                    "id": {"type": "string"}, "version": {"type": "string"}, "digest": {"type": "string"},
                    "calendar": {"type": "object", "description": "工作日历：正式年份与暂定年份（调休未公布）",
                                 "required": ["official", "provisional"], "properties": {
                                     "official": {"type": "array", "items": {"type": "integer"}},
                                     "provisional": {"type": "array", "items": {"type": "integer"}},
                                     "text": {"type": "string"}}}}}},
                "process": {"type": "object", "description": "本工作进程：pid 与引擎建立时间（每个进程只建立一次）",
                            "properties": {"pid": _INT, "engines_built_at": _STR}},
                "plugins": {"type": "array", "items": {"type": "object"}},
                "problems": {"type": "array", "items": _STR}}},
        }},
    }
