"""Turning an HTTP request into the inputs of one check, or into a clear Chinese refusal.

Two request forms:

* ``application/json``: ``{"documents": [{"name", "text" | "content_base64", "metadata"}],
  "ruleset", "today", "catalog"}``;
* ``multipart/form-data``: one file part per document (its file name is the document
  name), and optional fields ``ruleset``, ``today``, ``catalog`` (a JSON array) and
  ``metadata`` (a JSON object from file name to metadata).

Metadata takes the keys of a ``<file>.meta.json`` sidecar and overrides what the document
says about itself; the catalogue entries are those of ``--catalog``.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
from collections.abc import Awaitable, Callable, Mapping, MutableMapping
from typing import Any

from attrs import field, frozen

from gkrules.catalog import parse_catalog
from gkrules.errors import GkrulesError
from gkrules.inputs import InputDocument
from gkrules.metadata.sidecar import parse_override
from gkrules.model import CatalogEntry
from gkrules.ruleset.convert import CONVERTER, format_path, iter_problems
from gkrules.server.settings import ServerSettings


class RequestProblem(Exception):
    """A request that cannot be checked: HTTP status, machine code, Chinese message."""

    def __init__(self, status: int, code: str, message: str, problems: list[str] | None = None):
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.problems = problems or []

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.problems:
            error["problems"] = self.problems
        return {"error": error}


def too_large(message: str) -> RequestProblem:
    return RequestProblem(413, "too-large", message)


def invalid(message: str, problems: list[str] | None = None) -> RequestProblem:
    return RequestProblem(422, "invalid-request", message, problems)


@frozen
class DocumentIn:
    name: str
    text: str | None = None
    content_base64: str | None = None
    metadata: dict[str, Any] = field(factory=dict)


@frozen
class CheckIn:
    documents: tuple[DocumentIn, ...]
    ruleset: str | None = None
    today: dt.date | None = None
    catalog: tuple[dict[str, Any], ...] = ()


@frozen
class CheckJob:
    """A validated request: what the engine is given."""

    ruleset: str
    documents: tuple[InputDocument, ...]
    today: dt.date
    catalog: tuple[CatalogEntry, ...] = ()


async def read_body(receive: Callable[[], Awaitable[MutableMapping[str, Any]]], declared: int | None, limit: int) -> bytes:
    """The whole request body, refused with 413 as soon as it passes ``limit``."""
    if declared is not None and declared > limit:
        raise too_large(f"请求体过大（{declared} 字节，上限 {limit} 字节）：请分批提交或缩小文件")
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise RequestProblem(400, "disconnected", "客户端在请求体传完之前断开了连接")
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise too_large(f"请求体过大（超过上限 {limit} 字节）：请分批提交或缩小文件")
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def parse_json_body(body: bytes) -> Any:
    if not body.strip():
        raise RequestProblem(400, "empty-body", "请求体为空：应为 JSON 对象 {\"documents\": [...]}")
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        raise RequestProblem(400, "invalid-json", "请求体不是有效的 UTF-8 编码 JSON") from None
    except json.JSONDecodeError as exc:
        raise RequestProblem(400, "invalid-json",
                             f"请求体不是有效的 JSON：第 {exc.lineno} 行第 {exc.colno} 列，{_json_reason(exc.msg)}") from None
    except RecursionError:
        raise RequestProblem(400, "invalid-json", "请求体 JSON 嵌套过深") from None
    except ValueError:  # an integer longer than Python converts (4300 digits)
        raise RequestProblem(400, "invalid-json", "请求体 JSON 中有过长的数字") from None
    if _SURROGATE_ESCAPE.search(body):
        _refuse_lone_surrogates(data)
    return data


#: a \uD800-\uDFFF escape: the only way a lone surrogate gets into parsed JSON
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _refuse_lone_surrogates(data: Any) -> None:
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise RequestProblem(400, "invalid-json", "请求体 JSON 中有无效的 Unicode 转义（单独的代理项）") from None
    except (RecursionError, ValueError):
        raise RequestProblem(400, "invalid-json", "请求体 JSON 嵌套过深或数字过长") from None


def _json_reason(msg: str) -> str:
    known = {"Expecting value": "此处应为一个值", "Expecting property name enclosed in double quotes": "键名应使用双引号",
             "Expecting ',' delimiter": "缺少逗号", "Expecting ':' delimiter": "缺少冒号",
             "Unterminated string starting at": "字符串没有结束", "Extra data": "JSON 之后还有多余内容",
             "Invalid control character at": "字符串中有未转义的控制字符"}
    for en, zh in known.items():
        if msg.startswith(en):
            return zh
    return msg


def structure_request(data: Any) -> CheckIn:
    if not isinstance(data, dict):
        raise invalid("请求内容无效：顶层应为 JSON 对象 {\"documents\": [...]}")
    try:
        return CONVERTER.structure(data, CheckIn)
    except Exception as exc:  # cattrs exception groups: list every problem
        problems = [f"{format_path(p)}: {m}" for p, m in iter_problems(exc)]
        raise invalid("请求内容无效：" + "；".join(problems[:3]), problems) from None


def _decode(doc: DocumentIn, index: int, settings: ServerSettings) -> bytes:
    where = f"documents[{index}]（{doc.name}）"
    if (doc.text is None) == (doc.content_base64 is None):
        raise invalid(f"{where}：text 与 content_base64 必须且只能给出一个")
    if doc.text is not None:
        data = doc.text.encode("utf-8")
    else:
        try:
            data = base64.b64decode(doc.content_base64 or "", validate=True)
        except (binascii.Error, ValueError):
            raise invalid(f"{where}：content_base64 不是有效的 Base64 编码") from None
    if len(data) > settings.max_document_bytes:
        raise too_large(f"{where} 过大（{len(data)} 字节，上限 {settings.max_document_bytes} 字节）")
    return data


def build_job(request: CheckIn, contents: list[bytes], settings: ServerSettings, today: dt.date,
              rulesets: Mapping[str, str]) -> CheckJob:
    """Validate what the engine would otherwise report per document: a malformed request is
    the caller's mistake and gets 422 with every problem named. ``rulesets`` maps each name a
    request may use (a rule set's id, or what ``--ruleset`` said) to the rule set's id."""
    if not request.documents:
        raise invalid("请求内容无效：documents 不能为空")
    if len(request.documents) > settings.max_documents:
        raise too_large(f"一次最多提交 {settings.max_documents} 个文件，本次 {len(request.documents)} 个：请分批提交")
    ruleset = rulesets.get(request.ruleset or settings.rulesets[0])
    if ruleset is None:
        raise invalid(f"规则集 {request.ruleset!r} 未在本服务加载；可用：{'、'.join(dict.fromkeys(rulesets.values()))}")
    seen: set[str] = set()
    docs = []
    for i, (doc, data) in enumerate(zip(request.documents, contents, strict=True)):
        name = doc.name.strip()
        if not name:
            raise invalid(f"documents[{i}]：name 不能为空（文件名，含扩展名，如 通知.txt、页面.html）")
        if name in seen:
            raise invalid(f"documents[{i}]：文件名 {name!r} 重复；同一批次内文件名须唯一")
        seen.add(name)
        try:
            if doc.metadata:
                parse_override(doc.metadata, f"documents[{i}]（{name}）的 metadata")
        except GkrulesError as exc:
            raise invalid(exc.message) from None
        docs.append(InputDocument(name, data, dict(doc.metadata)))
    try:
        catalog = parse_catalog(request.catalog)
    except GkrulesError as exc:
        raise invalid(f"catalog 无效：{exc.message}") from None
    return CheckJob(ruleset=ruleset, documents=tuple(docs), today=request.today or today, catalog=catalog)


def job_from_json(body: bytes, settings: ServerSettings, today: dt.date, rulesets: Mapping[str, str]) -> CheckJob:
    request = structure_request(parse_json_body(body))
    contents = [_decode(d, i, settings) for i, d in enumerate(request.documents)]
    return build_job(request, contents, settings, today, rulesets)


_FORM_FIELDS = ("ruleset", "today", "catalog", "metadata")


def job_from_form(form: Any, settings: ServerSettings, today: dt.date, rulesets: Mapping[str, str]) -> CheckJob:
    """A multipart form (already read, within the body limit) as a CheckJob."""
    files: list[tuple[str, bytes]] = []
    fields: dict[str, str] = {}
    for key, value in form.multi_items():
        if hasattr(value, "filename"):  # an uploaded file
            content = value.file.read()
            name = value.filename or ""
            if len(content) > settings.max_document_bytes:
                raise too_large(f"文件 {name} 过大（{len(content)} 字节，上限 {settings.max_document_bytes} 字节）")
            files.append((name, content))
        elif key in _FORM_FIELDS:
            fields[key] = value
        else:
            raise invalid(f"未知的表单字段 {key!r}（可用：{'、'.join(_FORM_FIELDS)}，以及文件）")
    if not files:
        raise invalid("请求内容无效：没有上传文件（multipart 中每个文件一个部分，文件名即文档名）")
    metadata = _json_field(fields, "metadata", dict, {})
    unknown = sorted(set(metadata) - {n for n, _ in files})
    if unknown:
        raise invalid(f"metadata 中的文件名没有对应的上传文件：{'、'.join(unknown)}")
    data: dict[str, Any] = {"documents": [{"name": n, "metadata": metadata.get(n, {})} for n, _ in files],
                            "catalog": _json_field(fields, "catalog", list, [])}
    for key in ("ruleset", "today"):
        if key in fields:
            data[key] = fields[key]
    request = structure_request(data)
    return build_job(request, [d for _, d in files], settings, today, rulesets)


def _json_field(fields: dict[str, str], key: str, kind: type, default: Any) -> Any:
    if key not in fields:
        return default
    try:
        value = json.loads(fields[key])
    except json.JSONDecodeError as exc:
        raise RequestProblem(400, "invalid-json", f"表单字段 {key} 不是有效的 JSON：{_json_reason(exc.msg)}") from None
    except (RecursionError, ValueError):
        raise RequestProblem(400, "invalid-json", f"表单字段 {key} 的 JSON 嵌套过深或数字过长") from None
    if _SURROGATE_ESCAPE.search(fields[key].encode("utf-8", "surrogatepass")):
        _refuse_lone_surrogates(value)
    if not isinstance(value, kind):
        raise invalid(f"表单字段 {key} 应为 JSON {'对象' if kind is dict else '数组'}")
    return value
