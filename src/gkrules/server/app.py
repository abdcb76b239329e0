"""The HTTP service: a pre-publish gate for CMSes (Starlette on uvicorn).

* ``POST /v1/check``: documents in, the JSON report of ``gkrules/report@1`` out, HTTP 200
  whatever the findings (the gate decision is ``complete`` and ``summary``; the header
  ``X-Gkrules-Verdict`` says pass | fail | incomplete for clients that only look at headers);
* ``GET /v1/rules``, ``GET /v1/health``, ``GET /openapi.json``, ``GET /docs`` (the same, as a page).

Engines are built once per process, when the app is created, one per rule set a request may
choose. Documents are loaded and checked in worker processes of the engine's supervisor
(``gkrules.supervisor``: forked once at start-up, killed and replaced when a document
overruns its wall-clock or memory limit), driven from a thread, so that the event loop
stays free: ``/v1/health`` answers while checks run, and one hostile file costs one
worker for at most its document limit, never the service. A request that runs past its
own budget (receiving the body counts too) gets 503.
Every refusal is JSON ``{"error": {"code", "message"}}`` with a Chinese message; no
response ever carries a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import os
import time
from typing import Any

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gkrules import clock
from gkrules._version import __version__
from gkrules.effective_rules import effective_rules
from gkrules.engine import Engine
from gkrules.errors import GkrulesError
from gkrules.plugins import PluginManager
from gkrules.serialize import document_text_map, report_to_dict
from gkrules.server.docs_page import docs_page
from gkrules.server.openapi import openapi_document
from gkrules.server.parsing import CheckJob, RequestProblem, job_from_form, job_from_json, read_body
from gkrules.server.ready import quiet_upgrade_warnings
from gkrules.server.settings import ServerSettings
from gkrules.specs import RenderContext
from gkrules.supervisor import Limits

log = logging.getLogger("gkrules.server")
JSON_TYPE = "application/json; charset=utf-8"
#: output formats a caller may ask for with ?format=; JSON is the contract
FORMATS = {"json": JSON_TYPE, "sarif": "application/sarif+json; charset=utf-8",
           "html": "text/html; charset=utf-8", "text": "text/plain; charset=utf-8"}


def json_response(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    body = json.dumps(data, ensure_ascii=False).encode("utf-8")
    return Response(body, status_code=status, media_type=JSON_TYPE, headers=headers)


def error_response(status: int, code: str, message: str, problems: list[str] | None = None) -> Response:
    return json_response(RequestProblem(status, code, message, problems).body(), status)


class Service:
    """The engines of one process and the request handlers that use them."""

    def __init__(self, settings: ServerSettings, plugins: PluginManager | None = None):
        self.settings = settings
        self.plugins = plugins if plugins is not None else PluginManager(
            allow=settings.only_plugins, block=settings.disable_plugins)
        # engines by rule-set id; a request may name a rule set by its id or as --ruleset did
        self.engines: dict[str, Engine] = {}
        self.names: dict[str, str] = {}
        limits = Limits(document_seconds=settings.document_timeout, memory_bytes=settings.memory_bytes,
                        workers=settings.check_workers)
        for name in settings.rulesets:
            engine = Engine(name, plugins=self.plugins, timeout=settings.checker_timeout, limits=limits)
            self.engines.setdefault(engine.ruleset.id, engine)
            self.names[name] = self.names[engine.ruleset.id] = engine.ruleset.id
        self.built_at = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        self.store = None
        if settings.record:
            from gkrules.baseline.store import open_store
            self.store = open_store(settings.record)

    def start_workers(self) -> None:
        """Fork the check workers now, at start-up, before any request thread exists."""
        for engine in self.engines.values():
            engine.supervisor(self.settings.check_workers).prestart()

    def stop_workers(self) -> None:
        for engine in self.engines.values():
            engine.close()

    # -- handlers ------------------------------------------------------------------------

    async def health(self, request: Request) -> Response:
        broken = [f"检查器 {a.spec.id} 无法启动（{type(a.error).__name__}）"
                  for e in self.engines.values() for a in e.checkers if a.instance is None]
        data = {"status": "degraded" if broken else "ok", "version": __version__,
                "rulesets": [_ruleset(e) for e in self.engines.values()],
                "process": {"pid": os.getpid(), "engines_built_at": self.built_at},
                "plugins": [{"name": p.name, "version": p.version} for p in self.plugins.plugin_infos()],
                "problems": broken + [f.message for f in self.plugins.failures]}
        return json_response(data, 503 if broken else 200)

    async def rules(self, request: Request) -> Response:
        name = request.query_params.get("ruleset") or self.settings.rulesets[0]
        engine = self.engines.get(self.names.get(name, ""))
        if engine is None:
            return error_response(422, "invalid-request", f"规则集 {name!r} 未在本服务加载；可用：{'、'.join(self.engines)}")
        return json_response(effective_rules(engine))

    async def openapi(self, request: Request) -> Response:
        return json_response(openapi_document(self.settings, _base_url(request)))

    async def docs(self, request: Request) -> Response:
        page = docs_page(openapi_document(self.settings, _base_url(request)))
        return Response(page.encode("utf-8"), media_type="text/html; charset=utf-8")

    async def check(self, request: Request) -> Response:
        fmt = request.query_params.get("format", "json")
        if fmt not in FORMATS:
            return error_response(422, "invalid-request", f"未知的输出格式 {fmt!r}，可用：{'、'.join(FORMATS)}")
        budget = self.settings.request_timeout
        started = time.monotonic()
        try:
            with anyio.fail_after(budget):
                job = await self._job(request)
            with anyio.fail_after(budget - (time.monotonic() - started)):
                # off the event loop: the thread only waits on the workers' pipes
                report, texts, engine = await anyio.to_thread.run_sync(self._run, job, started + budget,
                                                                       abandon_on_cancel=True)
        except RequestProblem as exc:
            return json_response(exc.body(), exc.status)
        except TimeoutError:
            return error_response(503, "timeout", f"检查超过时间上限（{budget:g} 秒），未能完成，不得发布；"
                                                  "请稍后重试或分批提交")
        verdict = {0: "pass", 1: "fail"}.get(engine.exit_code(report), "incomplete")
        headers = {"X-Gkrules-Verdict": verdict}
        if fmt == "json":
            return json_response(report_to_dict(report), headers=headers)
        ctx = RenderContext(rules=engine.rule_catalog(), texts=texts)
        body = self.plugins.formatters()[fmt].render(report, ctx)
        return Response(body.encode("utf-8"), media_type=FORMATS[fmt], headers=headers)

    async def decisions(self, request: Request) -> Response:
        """Record reviewers' decisions (gkrules.server.decisions)."""
        from gkrules.server.decisions import decision_job, record_decisions

        if self.store is None:
            return error_response(404, "no-record", "本服务未配置审查记录（gkrules serve --record），不能记录审查决定")
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return error_response(415, "unsupported-media-type", "审查决定请使用 application/json 提交")
        budget = self.settings.request_timeout
        started = time.monotonic()
        try:
            with anyio.fail_after(budget):
                body = await read_body(request.receive, None, self.settings.max_body_bytes)
            job, decisions = decision_job(body, self.settings, clock.today(), self.names)
            with anyio.fail_after(budget - (time.monotonic() - started)):
                # the documents are re-checked in the supervisor's workers, off the event loop
                report, _, engine = await anyio.to_thread.run_sync(self._run, job, started + budget,
                                                                   abandon_on_cancel=True)
            # the record store is a file lock or a database transaction: off the event loop too
            result = await anyio.to_thread.run_sync(record_decisions, self.store, engine, report, decisions)
            return json_response(result)
        except RequestProblem as exc:
            return json_response(exc.body(), exc.status)
        except TimeoutError:
            return error_response(503, "timeout", f"检查超过时间上限（{budget:g} 秒），审查决定未记录")

    async def _job(self, request: Request) -> CheckJob:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if ctype not in ("application/json", "multipart/form-data"):
            raise RequestProblem(415, "unsupported-media-type",
                                 f"不支持的请求类型 {ctype or '（未声明）'}：请使用 application/json 或 multipart/form-data")
        declared = request.headers.get("content-length")
        try:
            size = int(declared) if declared is not None else None
        except ValueError:
            raise RequestProblem(400, "bad-request", "Content-Length 无效") from None
        body = await read_body(request.receive, size, self.settings.max_body_bytes)
        today = clock.today()
        if ctype == "application/json":
            return job_from_json(body, self.settings, today, self.names)
        replay = _replay(body)
        form_request = Request(request.scope, receive=replay)
        try:
            async with form_request.form(max_files=self.settings.max_documents, max_fields=16,
                                         max_part_size=self.settings.max_body_bytes) as form:
                return job_from_form(form, self.settings, today, self.names)
        except (MultiPartException, HTTPException) as exc:  # starlette wraps the parser's error
            detail = getattr(exc, "message", None) or getattr(exc, "detail", "")
            raise RequestProblem(400, "invalid-multipart", f"multipart 请求体无效（{detail}）：每个文件一个部分，"
                                                           "文件名即文档名") from None
        except AssertionError:  # starlette asserts python-multipart is installed
            raise RequestProblem(415, "unsupported-media-type", "服务未安装 python-multipart，无法接收上传文件") from None

    def _run(self, job: CheckJob, deadline: float):
        """The check itself, in a thread that hands the documents to the supervisor's workers;
        at the request's deadline the workers are freed (the request has its 503 by then)."""
        engine = self.engines[job.ruleset]
        report, docs = engine.check_documents(job.documents, today=job.today, catalog=job.catalog,
                                              deadline=deadline)
        return report, document_text_map(docs), engine


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _ruleset(engine: Engine) -> dict[str, Any]:
    from gkrules.calendar import calendar_status

    info = engine.ruleset_info()
    calendar = calendar_status(engine.ruleset)
    return {"id": info.id, "version": info.version, "digest": info.digest,
            "calendar": {"official": calendar["official"], "provisional": calendar["provisional"],
                         "text": calendar["text"]}}


def _replay(body: bytes):
    sent = False

    async def receive() -> dict:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


# -- errors: JSON, Chinese, never a traceback -------------------------------------------------

async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 500)
    if status == 404:
        return error_response(404, "not-found", f"没有这个接口：{request.url.path}（可用：/v1/check、/v1/rules、/v1/health、/openapi.json、/docs）")
    if status == 405:
        return error_response(405, "method-not-allowed", f"{request.url.path} 不支持 {request.method} 方法")
    return error_response(status, "http-error", str(getattr(exc, "detail", "")) or "请求无效")


async def _internal_error(request: Request, exc: Exception) -> Response:
    # the exception's text may quote a document: only its class, unless debugging was asked for
    if os.environ.get("GKRULES_DEBUG"):
        log.exception("内部错误：%s", type(exc).__name__)
    else:
        log.error("内部错误：%s", type(exc).__name__)
    if isinstance(exc, GkrulesError):
        return error_response(422, exc.code, exc.message)
    return error_response(500, "internal", "服务内部错误，本次检查未完成，不得发布；请联系管理员查看服务日志")


def create_app(settings: ServerSettings | None = None, plugins: PluginManager | None = None) -> Starlette:
    service = Service(settings or ServerSettings(), plugins)
    routes = [
        Route("/v1/check", service.check, methods=["POST"]),
        Route("/v1/decisions", service.decisions, methods=["POST"]),
        Route("/v1/rules", service.rules, methods=["GET"]),
        Route("/v1/health", service.health, methods=["GET"]),
        Route("/openapi.json", service.openapi, methods=["GET"]),
        Route("/docs", service.docs, methods=["GET"]),
    ]
    quiet_upgrade_warnings()

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        service.start_workers()
        try:
            yield
        finally:
            service.stop_workers()

    app = Starlette(routes=routes, exception_handlers={HTTPException: _http_error, Exception: _internal_error},
                    lifespan=lifespan)
    app.state.service = service
    return app


def app_from_env() -> Starlette:
    """The factory each uvicorn worker process calls (``gkrules serve --workers N``)."""
    return create_app(ServerSettings.from_env())


__all__ = ["Service", "app_from_env", "create_app"]
