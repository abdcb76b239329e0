"""Where the review record lives, behind one small interface.

* :class:`JsonFileStore`: the JSON file (``.gkrules-baseline.json``) of a single desk and of
  pre-commit; every write is read-modify-write under an exclusive lock on a hidden
  sidecar ``.<name>.lock`` file (``fcntl.flock``), so two processes or threads deciding at once never
  overwrite each other's decisions.
* a database (SQLite or PostgreSQL, see ``gkrules.baseline.sqlstore``) for a server that
  several reviewers share, chosen by a URL (``sqlite:///…``, ``postgresql://…``).

Every store applies decisions through :func:`gkrules.baseline.decide.apply`, so the waiver
policy holds the same way whatever the store.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from gkrules.baseline.decide import Decision, apply
from gkrules.baseline.policy import ReviewPolicy
from gkrules.baseline.record import Baseline, load, save


class RecordStore(Protocol):
    def read(self) -> Baseline:
        """The whole record as it is now."""

    def record(self, decisions: Iterable[Decision], policy: ReviewPolicy,
               titles: Mapping[tuple[str, str], str] | None = None) -> Baseline:
        """Add these decisions atomically (all or none) and return the record after them."""


class JsonFileStore:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        # hidden, so that checking the folder the record sits in never picks the lock file up
        self._lock_path = self.path.with_name("." + self.path.name.lstrip(".") + ".lock")
        self._thread_lock = threading.Lock()

    @contextmanager
    def _locked(self):
        import fcntl

        with self._thread_lock, open(self._lock_path, "a+b") as fh:
            fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def read(self) -> Baseline:
        return load(self.path) if self.path.exists() else Baseline()

    def record(self, decisions, policy, titles=None) -> Baseline:
        with self._locked():
            updated = apply(self.read(), policy, decisions, titles)
            save(updated, self.path)
            return updated


def open_store(where: str) -> RecordStore:
    """A store by URL (``sqlite:///path``, ``postgresql://…``) or by JSON file path."""
    if "://" in where:
        from gkrules.baseline.sqlstore import SqlStore

        return SqlStore(where)
    return JsonFileStore(where)
