"""What a server process needs to build its engines and enforce its limits.

``gkrules serve`` passes the settings to every uvicorn worker process through one
environment variable (workers are separate processes that import the app factory).
"""

from __future__ import annotations

import json
import os

import attrs
from attrs import frozen

ENV_VAR = "GKRULES_SERVE_SETTINGS"
MiB = 1024 * 1024


@frozen
class ServerSettings:
    #: rule sets a request may choose (``"ruleset"``); the first is the default
    rulesets: tuple[str, ...] = ("national",)
    #: a request body larger than this is refused with 413 before it is read
    max_body_bytes: int = 32 * MiB
    #: one document larger than this is refused with 413
    max_document_bytes: int = 16 * MiB
    max_documents: int = 500
    #: receiving the body and checking must finish within this many seconds, else 503
    request_timeout: float = 60.0
    #: time budget of one checker on one document (None: the rule set's or the engine's)
    checker_timeout: float | None = None
    #: wall-clock seconds to load and check one document in a worker, else it is killed
    document_timeout: float = 60.0
    #: memory a check worker may use beyond the built engine (None: no cap)
    memory_bytes: int | None = 2048 * MiB
    #: check worker processes per service process (requests share them)
    check_workers: int = 2
    only_plugins: tuple[str, ...] | None = None
    disable_plugins: tuple[str, ...] = ()
    #: the review record ``POST /v1/decisions`` writes to: a JSON file, or a database URL
    #: (``sqlite:///…``, ``postgresql://…``); None: the endpoint answers 404
    record: str | None = None

    def to_env(self) -> str:
        return json.dumps(attrs.asdict(self), ensure_ascii=False)

    @classmethod
    def from_env(cls) -> ServerSettings:
        raw = os.environ.get(ENV_VAR)
        if not raw:
            return cls()
        data = json.loads(raw)
        for key in ("rulesets", "only_plugins", "disable_plugins"):
            if data.get(key) is not None:
                data[key] = tuple(data[key])
        return cls(**data)
