"""The shape of a bank-card number (16–19 digits, alone or in groups), in a module of its own:
both the card rules (cards.py) and the joining of numbers wrapped across lines (wrapped.py) read
it, and cards.py reads wrapped numbers."""

import regex

CARD = regex.compile(r"(?<![0-9A-Za-z*])(?:\d{16,19}|\d{4}(?:[ -]\d{4}){3}(?:[ -]\d{1,3})?|\d{6}[ -]\d{10,13})"
                     r"(?![0-9A-Za-z*])")

__all__ = ["CARD"]
