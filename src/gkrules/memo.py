"""A bounded memo for pure functions of short keys (a header cell, a mail domain, a catalogue
entry) that a checker evaluates again and again across documents.

It belongs to the object that owns the function (a checker's compiled setup), never to a
module, and it is emptied when it reaches ``limit`` entries, so hostile input with endless
distinct keys cannot grow it without bound.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")

DEFAULT_LIMIT = 4096


class BoundedMemo(Generic[K, V]):
    __slots__ = ("_compute", "_limit", "_values")

    def __init__(self, compute: Callable[[K], V], limit: int = DEFAULT_LIMIT):
        self._compute = compute
        self._limit = limit
        self._values: dict[K, V] = {}

    def __call__(self, key: K) -> V:
        values = self._values
        try:
            return values[key]
        except KeyError:
            pass
        if len(values) >= self._limit:
            values.clear()
        value = values[key] = self._compute(key)
        return value

    def __len__(self) -> int:
        return len(self._values)


__all__ = ["DEFAULT_LIMIT", "BoundedMemo"]
