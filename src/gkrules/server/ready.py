"""Say the service is ready only once it answers.

uvicorn logs "running on" when its socket is bound, which is before the worker processes of
``--workers N`` have built their engines; a deployment script (or a test) that waits for a
line on stderr must only see one when a request would succeed. A daemon thread of the
``gkrules serve`` process polls ``/v1/health`` on the local address and prints the line
when an answer comes (200 or 503: a degraded service answers too, and says why).
"""

from __future__ import annotations

import http.client
import logging
import sys
import threading
import time
from collections.abc import Callable

#: uvicorn's h11 protocol logs this for every request with ``Upgrade: h2c`` (the JDK's
#: HttpClient sends it by default); the request is answered in HTTP/1.1 as RFC 9110 allows
UPGRADE_WARNING = "Unsupported upgrade request."


class _DropUpgradeWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != UPGRADE_WARNING


def quiet_upgrade_warnings() -> None:
    """Keep the h2c upgrade warning out of the log (one per Java request would bury real ones)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _DropUpgradeWarning) for f in logger.filters):
        logger.addFilter(_DropUpgradeWarning())


def probe_host(host: str) -> str:
    """The address to reach a server listening on ``host`` from this machine."""
    if host in ("0.0.0.0", ""):
        return "127.0.0.1"
    if host == "::":
        return "::1"
    return host


def answers(host: str, port: int, timeout: float = 2.0) -> bool:
    """True when ``GET /v1/health`` gets any HTTP answer from the service."""
    conn = http.client.HTTPConnection(probe_host(host), port, timeout=timeout)
    try:
        conn.request("GET", "/v1/health")
        return conn.getresponse().status in (200, 503)
    except OSError:
        return False
    finally:
        conn.close()


def announce_when_ready(host: str, port: int, line: str, *, interval: float = 0.2,
                        probe: Callable[[str, int], bool] = answers) -> threading.Thread:
    """Start a daemon thread that prints ``line`` to stderr once the service answers."""

    def wait() -> None:
        while not probe(host, port):
            time.sleep(interval)
        print(line, file=sys.stderr, flush=True)

    thread = threading.Thread(target=wait, name="gkrules-ready", daemon=True)
    thread.start()
    return thread
