"""Finding candidate partners without comparing every pair.

A catalogue can hold thousands of entries and a batch hundreds of documents, so the batch side
is indexed and every document and entry is looked up in it once: a name is indexed under itself and under each suffix left after
dropping up to ``slack`` leading characters (keeping at least ``MIN_SUFFIX``); numbers under
their year and serial; links as they are. A lookup returns candidates, which the caller
confirms with the exact rule (``names.same_name``, ``names.same_number``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

MIN_SUFFIX = 6


def _serial(number: str) -> tuple[str, str] | None:
    """(year, serial) of a normalised number ``机关代字〔YYYY〕N号``."""
    _org, sep, rest = number.rpartition("〔")
    year, sep2, serial = rest.partition("〕")
    if not sep or not sep2:
        return None
    return year, serial.rstrip("号")


class NameIndex:
    def __init__(self, slack: int):
        self.slack = slack
        self._exact: dict[str, list[int]] = defaultdict(list)
        self._suffix: dict[str, list[int]] = defaultdict(list)
        self._numbers: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._links: dict[str, list[int]] = defaultdict(list)
        self._lengths: set[int] = set()

    def add(self, key: int, names: Iterable[str] = (), numbers: Iterable[str] = (), links: Iterable[str] = ()) -> None:
        for n in names:
            self._exact[n].append(key)
            self._lengths.add(len(n))
            for k in range(1, min(self.slack, len(n) - MIN_SUFFIX) + 1):
                self._suffix[n[k:]].append(key)
        for num in numbers:
            serial = _serial(num)
            if serial:
                self._numbers[serial].append(key)
        for link in links:
            self._links[link].append(key)

    def candidates(self, names: Iterable[str] = (), numbers: Iterable[str] = (),
                   links: Iterable[str] = ()) -> set[int]:
        out: set[int] = set()
        exact, suffix = self._exact, self._suffix
        for p in names:
            if hit := exact.get(p):
                out.update(hit)
            n = len(p)
            if n < MIN_SUFFIX:
                continue
            if hit := suffix.get(p):  # p is the tail of an indexed name
                out.update(hit)
            for length in self._lengths:  # an indexed name is the tail of p
                if MIN_SUFFIX <= length < n and n - length <= self.slack and (hit := exact.get(p[n - length:])):
                    out.update(hit)
        for num in numbers:
            serial = _serial(num)
            if serial and (hit := self._numbers.get(serial)):
                out.update(hit)
        for link in links:
            if hit := self._links.get(link):
                out.update(hit)
        return out


__all__ = ["MIN_SUFFIX", "NameIndex"]
