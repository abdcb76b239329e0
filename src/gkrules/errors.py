"""Typed exceptions of the public API.

Every exception carries a message in Chinese that the CLI prints as is (never a traceback).
The CLI maps all of them to exit code 2: a publishing gate must treat them as "do not publish".
"""

from __future__ import annotations


class GkrulesError(Exception):
    """Base class of every error gkrules raises on purpose."""

    #: short machine-readable code, used in report ``errors`` entries
    code = "error"

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.message


class UsageError(GkrulesError):
    """Wrong arguments: unknown option values, a path that does not exist, a bad date."""

    code = "usage"


class InputError(GkrulesError):
    """A document could not be read: missing, unreadable, too large, corrupt or not decodable."""

    code = "input"


class UnsupportedFormatError(InputError):
    """No loader handles this kind of file."""

    code = "unsupported-format"


class RulesetError(GkrulesError):
    """A rule set is invalid: unknown key, wrong type, bad reference, failing example.

    ``problems`` holds every problem found (one rule set can have many), each already
    formatted as ``file:line: message (field)``.
    """

    code = "ruleset"

    def __init__(self, message: str, *, problems: list[str] | None = None, path: str | None = None,
                 line: int | None = None):
        super().__init__(message, path=path, line=line)
        self.problems = list(problems or [])

    def __str__(self) -> str:
        if not self.problems:
            return super().__str__()
        return self.message + "\n" + "\n".join("  - " + p for p in self.problems)


class PluginError(GkrulesError):
    """A plugin is broken in a way that stops the run (e.g. two plugins claim one checker id)."""

    code = "plugin"


class CalendarError(GkrulesError):
    """A working-day computation needs a year that no calendar source covers."""

    code = "calendar"


class ProvisionalCalendarError(CalendarError):
    """An exact working-day answer was asked for, but it depends on the 调休 of a year whose
    holiday arrangement is not yet announced (a provisional year, docs/calendar.md): the
    interval methods (``count_bounds``, ``deadline_bounds``) answer instead."""

    code = "calendar-provisional"

    def __init__(self, message: str, *, years: tuple[int, ...] = ()):
        super().__init__(message)
        self.years = years


class CheckerTimeout(GkrulesError):
    """A checker exceeded its time budget on a document (used internally by the engine)."""

    code = "checker-timeout"
