"""Masks for personal values: what findings show as evidence and what ``redact`` writes.

A mask replaces characters one for one (offsets and line lengths stay the same), keeps the
separators a value was written with (``138-****-5678``) and never shows more than the
configured head and tail. ``*`` is the mask character: every recognizer treats a value with
``*`` in it as already masked, so masking is idempotent.
"""

from __future__ import annotations

MASK = "*"


def mask_value(raw: str, keep_head: int, keep_tail: int) -> str:
    """Mask the letters and digits of ``raw`` except the first ``keep_head`` and the last
    ``keep_tail`` of them; other characters (spaces, hyphens, ·) stay.

    If the value is too short to hide anything with those counts, everything is masked
    (unless it is masked already).
    """
    if raw.isascii() and raw.isalnum():  # the common case: plain digits and letters
        n = len(raw)
        if keep_head + keep_tail >= n:
            return MASK * n
        return raw[:keep_head] + MASK * (n - keep_head - keep_tail) + raw[n - keep_tail:]
    positions = [i for i, c in enumerate(raw) if c.isalnum()]
    n = len(positions)
    if keep_head + keep_tail >= n:
        if MASK in raw:  # masked already, and no more visible than allowed: leave it
            return raw
        keep_head = keep_tail = 0
    hidden = set(positions[keep_head:n - keep_tail])
    return "".join(MASK if i in hidden else c for i, c in enumerate(raw))


def mask_all(raw: str) -> str:
    """Every character masked except white space (line structure stays)."""
    return "".join(c if c.isspace() else MASK for c in raw)


def mask_email(raw: str, keep_local: int) -> str:
    """``h*******@126.com``: the local part hidden but its first characters, the domain kept
    (it says which provider, not who)."""
    local, sep, domain = raw.partition("@")
    if not sep:
        return mask_all(raw)
    keep = min(keep_local, max(0, len(local) - 1))
    return local[:keep] + MASK * (len(local) - keep) + "@" + domain


def pseudonym(raw: str, surname_len: int) -> str:
    """Court style: the surname kept, each character of the given name replaced by 某."""
    return raw[:surname_len] + "某" * (len(raw) - surname_len)
