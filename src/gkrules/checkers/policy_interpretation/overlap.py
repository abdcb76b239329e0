"""How much of an interpretation is copied from its policy, word for word.

安顺-style rules reject an interpretation that is a mere excerpt or compression of the policy
(rules-basis §4.4). Measured on the text without punctuation and white space: the share of the
interpretation's characters covered by runs of ``run`` characters that also occur in the
policy. Quoting the policy's title or one article leaves most of a real interpretation
uncovered; restating the articles does not.
"""

from __future__ import annotations

import re
import unicodedata

_KEEP = re.compile(r"[\u3400-\u9fff\uf900-\ufaffA-Za-z0-9]+")


def squash(text: str) -> str:
    return "".join(_KEEP.findall(unicodedata.normalize("NFKC", text)))


def copied_share(interpretation: str, policy: str, run: int) -> tuple[float, int]:
    """(share of the interpretation's characters inside copied runs, its length)."""
    a, b = squash(interpretation), squash(policy)
    if len(a) < run or len(b) < run:
        return 0.0, len(a)
    grams = {b[i:i + run] for i in range(len(b) - run + 1)}
    covered = 0
    reach = 0  # characters up to here are already counted
    for i in range(len(a) - run + 1):
        if a[i:i + run] in grams:
            start = max(i, reach)
            covered += i + run - start
            reach = i + run
    return covered / len(a), len(a)


__all__ = ["copied_share", "squash"]
