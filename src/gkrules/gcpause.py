"""Pausing the cyclic garbage collector while many acyclic objects are built.

Reading a large document builds millions of small objects (cells, rows, table entries) that
live until the document is done and cannot form reference cycles. Each full collection
walks all of them, and the collector runs full collections at intervals that do not grow as
fast as the heap does: on a 16 MB document with tables, collections took a quarter of the
time and made time per MB grow with the document's size. Objects built while the collector
is paused are still freed by reference counting as usual; only cycles wait for the next
collection.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def no_cycles() -> Iterator[None]:
    """The collector paused for the block (and left paused if it was paused already)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
