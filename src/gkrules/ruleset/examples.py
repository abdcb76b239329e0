"""Rule examples that hold several documents.

A batch checker (``policy-interpretation``) judges documents against each other, so one of
its examples is a small release batch. Its documents are written one after another, each
opened by a line ``=== 文件名 ===``::

    === 办法.txt ===
    青梧市统计局关于印发《青梧市统计调查员管理办法》的通知
    …
    === 解读.txt ===
    《青梧市统计调查员管理办法》政策解读
    …

Text before the first such line (or an example without any) is one document named after the
example.
"""

from __future__ import annotations

import re

_SEPARATOR = re.compile(r"^===[^\S\n]*(?P<name>[^\s=][^\n=]*?)[^\S\n]*===[^\S\n]*$", re.M)


def split_example(text: str, default_name: str) -> list[tuple[str, str]]:
    """[(file name, text)] of the documents of one example."""
    parts: list[tuple[str, str]] = []
    matches = list(_SEPARATOR.finditer(text))
    head = text[: matches[0].start()] if matches else text
    if head.strip() or not matches:
        parts.append((default_name, head))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        parts.append((m.group("name"), text[m.end() + 1: end]))
    return parts


__all__ = ["split_example"]
