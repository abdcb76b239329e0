"""gkrules serve: the HTTP pre-publish service (needs the extra ``gkrules[server]``)."""

from __future__ import annotations

import argparse
import os
import sys

from gkrules.commands import (
    EXIT_OK,
    add_plugin_options,
    plugin_manager,
    positive_float,
    positive_int,
    show_notes,
)
from gkrules.errors import UsageError

NAME = "serve"
HELP = "启动 HTTP 检查服务（供内容管理系统发布前调用）"


def _port(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(value) from None
    if not 0 <= n <= 65535:
        raise argparse.ArgumentTypeError(value)
    return n


def add_arguments(p) -> None:
    from gkrules.server.settings import MiB, ServerSettings

    d = ServerSettings()
    p.description = ("启动 HTTP 服务：POST /v1/check 提交文件，返回 JSON 报告（gkrules/report@1）；"
                     "另有 GET /v1/rules、GET /v1/health、GET /openapi.json。说明见 docs/integration.md。")
    p.add_argument("--host", default="127.0.0.1", help="监听地址（默认 127.0.0.1，只接受本机连接）")
    p.add_argument("--port", type=_port, default=8080, help="监听端口（默认 8080）")
    p.add_argument("--ruleset", action="append", default=None, metavar="ID|FILE",
                   help="加载的规则集（可重复；第一个为默认，请求可用 ruleset 字段选择其他已加载的规则集）")
    p.add_argument("--workers", type=positive_int, default=1, metavar="N", help="工作进程数（默认 1；建议等于 CPU 核数）")
    p.add_argument("--max-body-mb", type=positive_float, default=d.max_body_bytes / MiB, metavar="MB",
                   help=f"请求体上限（MB，默认 {d.max_body_bytes // MiB}）")
    p.add_argument("--max-document-mb", type=positive_float, default=d.max_document_bytes / MiB, metavar="MB",
                   help=f"单个文件上限（MB，默认 {d.max_document_bytes // MiB}）")
    p.add_argument("--max-documents", type=positive_int, default=d.max_documents, metavar="N",
                   help=f"一次请求的文件数上限（默认 {d.max_documents}）")
    p.add_argument("--request-timeout", type=positive_float, default=d.request_timeout, metavar="SECONDS",
                   help=f"一次请求的时间上限（秒，默认 {d.request_timeout:g}；超时返回 503）")
    p.add_argument("--timeout", type=positive_float, default=None, metavar="SECONDS",
                   help="每个检查器处理单个文件的时间上限（秒）")
    p.add_argument("--record", metavar="FILE|URL",
                   help="审查记录（POST /v1/decisions 写入）：JSON 文件，或 sqlite:///路径、postgresql://… 数据库")
    p.add_argument("--document-timeout", type=positive_float, default=d.document_timeout, metavar="SECONDS",
                   help=f"单个文件读取和检查的总时间上限（秒，默认 {d.document_timeout:g}）；超时的检查进程被终止")
    p.add_argument("--memory-mb", type=positive_float, default=(d.memory_bytes or 0) / MiB, metavar="MB",
                   help=f"每个检查进程在引擎之外可用的内存上限（MB，默认 {(d.memory_bytes or 0) // MiB}）")
    p.add_argument("--check-workers", type=positive_int, default=d.check_workers, metavar="N",
                   help=f"每个服务进程的检查进程数（默认 {d.check_workers}）")
    p.add_argument("--header-timeout", type=positive_float, default=10.0, metavar="SECONDS",
                   help="客户端发送请求头的时间上限（秒，默认 10）；超时即断开连接（防止慢速请求占满连接）")
    p.add_argument("--access-log", action=argparse.BooleanOptionalAction, default=True, help="记录访问日志（默认记录）")
    add_plugin_options(p)


def run(args) -> int:
    try:
        import uvicorn

        from gkrules.server.app import create_app
    except ImportError as exc:
        raise UsageError(f"HTTP 服务需要额外的依赖（{exc.name}）：pip install 'gkrules[server]'") from None
    from gkrules.server.ready import announce_when_ready
    from gkrules.server.settings import ENV_VAR, MiB, ServerSettings

    settings = ServerSettings(
        rulesets=tuple(dict.fromkeys(args.ruleset or ["national"])),
        max_body_bytes=int(args.max_body_mb * MiB), max_document_bytes=int(args.max_document_mb * MiB),
        max_documents=args.max_documents, request_timeout=args.request_timeout, checker_timeout=args.timeout,
        document_timeout=max(args.document_timeout, 2 * args.timeout if args.timeout else 0.0),
        memory_bytes=int(args.memory_mb * MiB), check_workers=args.check_workers,
        only_plugins=tuple(args.only_plugin) if args.only_plugin is not None else None,
        disable_plugins=tuple(args.disable_plugin), record=args.record)
    # build once here: an invalid rule set or plugin stops the start with a clear message
    app = create_app(settings, plugin_manager(args))
    for engine in app.state.service.engines.values():
        show_notes(engine)
    from gkrules.server import protocol

    os.environ[protocol.ENV_VAR] = str(args.header_timeout)
    # h11, not httptools: httptools drops the body of a request that carries "Upgrade: h2c",
    # which the JDK's default HttpClient sends on every http:// request (see docs/integration.md);
    # HeaderDeadlineH11 is h11 that also cuts off clients sending their headers slowly
    common = dict(host=args.host, port=args.port, access_log=args.access_log, log_level="info",
                  server_header=False, proxy_headers=False, http=protocol.HeaderDeadlineH11)
    print(f"gkrules 服务正在启动：规则集 {'、'.join(settings.rulesets)}；工作进程 {args.workers}", file=sys.stderr)
    base = f"http://{args.host}:{args.port}"
    announce_when_ready(args.host, args.port, f"gkrules 服务已就绪：{base}/v1/check（接口说明 {base}/docs）")
    if args.workers == 1:
        uvicorn.run(app, **common)
    else:
        os.environ[ENV_VAR] = settings.to_env()  # each worker process builds its own engines from it
        uvicorn.run("gkrules.server.app:app_from_env", factory=True, workers=args.workers, **common)
    return EXIT_OK
