"""uvicorn's HTTP/1.1 protocol with a deadline for the request head.

uvicorn bounds the idle time between requests (keep-alive) but not the time a client may
take to send a request's headers: a client that sends one byte every few seconds holds a
connection (and its buffers) for ever, and enough of them exhaust the service. Here each
request head must be complete within ``header_timeout`` seconds of its first byte (or of
the connection being opened), else the connection is closed. The body is bounded by the
service's request budget (``--request-timeout``).
"""

from __future__ import annotations

import asyncio
import os

from uvicorn.protocols.http.h11_impl import H11Protocol

#: seconds for a request head; ``gkrules serve --header-timeout`` sets it for every worker
#: process (uvicorn's workers import this class by name, so the value travels in the environment)
ENV_VAR = "GKRULES_HEADER_TIMEOUT"
DEFAULT_SECONDS = 10.0


class HeaderDeadlineH11(H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        self._head_timer: asyncio.TimerHandle | None = None
        try:
            self.header_timeout = float(os.environ.get(ENV_VAR) or DEFAULT_SECONDS)
        except ValueError:
            self.header_timeout = DEFAULT_SECONDS
        super().connection_made(transport)
        self._arm()

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _arm(self) -> None:
        if self._head_timer is None:
            self._head_timer = self.loop.call_later(self.header_timeout, self._head_overdue)

    def _disarm(self) -> None:
        if self._head_timer is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _head_overdue(self) -> None:
        self._head_timer = None
        if self._waiting_for_head() and not self.transport.is_closing():
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_head():
            self._arm()
        super().data_received(data)
        if not self._waiting_for_head():
            self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


__all__ = ["ENV_VAR", "HeaderDeadlineH11"]
