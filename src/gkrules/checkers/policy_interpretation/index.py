"""Finding candidate partners without comparing every pair.

A catalogue can hold thousands of entries and a batch hundreds of documents, so names are
looked up, not scanned: a name is indexed under itself and under each suffix left after
dropping up to ``slack`` leading characters (keeping at least ``MIN_SUFFIX``); numbers under
their year and serial; links as they are. A lookup returns candidates, which the caller
confirms with the exact rule (``names.same_name``, ``names.same_number``).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable, Iterable

MIN_SUFFIX = 6
_YEAR_SERIAL = re.compile(r"〔(?P<year>\d{4})〕(?P<n>\d+)号$")


def _serial(number: str) -> tuple[str, str] | None:
    m = _YEAR_SERIAL.search(number)
    return (m.group("year"), m.group("n")) if m else None


class NameIndex:
    def __init__(self, slack: int):
        self.slack = slack
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._suffix: dict[str, list[int]] = defaultdict(list)
        self._numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._links: dict[str, list[int]] = defaultdict(list)

    def add(self, key: int, names: Iterable[str] = (), numbers: Iterable[str] = (), links: Iterable[str] = ()) -> None:
        for n in names:
            self._exact[n].append(key)
            for k in range(1, min(self.slack, len(n) - MIN_SUFFIX) + 1):
                self._suffix[n[k:]].append(key)
        for num in numbers:
            serial = _serial(num)
            if serial:
                self._numbers[serial].append(key)
        for link in links:
            self._links[link].append(key)

    def candidates(self, names: Iterable[str] = (), numbers: Iterable[str] = (),
                   links: Iterable[str] = ()) -> set[Hashable]:
        out: set[int] = set()
        for p in names:
            out.update(self._exact.get(p, ()))
            if len(p) >= MIN_SUFFIX:
                out.update(self._suffix.get(p, ()))  # p is the tail of an indexed name
                for k in range(1, min(self.slack, len(p) - MIN_SUFFIX) + 1):
                    out.update(self._exact.get(p[k:], ()))  # an indexed name is the tail of p
        for num in numbers:
            serial = _serial(num)
            if serial:
                out.update(self._numbers.get(serial, ()))
        for link in links:
            out.update(self._links.get(link, ()))
        return out


__all__ = ["MIN_SUFFIX", "NameIndex"]
