"""Every hook a gkrules plugin can implement.

Hooks *register* things (checkers, loaders, formatters, rule sets, filters) or *provide* one
object (the working-day calendar); the engine then runs what was registered, each checker in
its own error handling, so that one broken plugin cannot silence the others. There is
deliberately no per-document broadcast hook.

A plugin is a module or object with functions decorated by ``gkrules.hookimpl`` (defined
here, beside ``hookspec``) and listed under the ``gkrules`` entry-point group::

    [project.entry-points.gkrules]
    lanjiang = "gkrules_lanjiang.plugin"

``docs/plugins.md`` has a runnable example for each hook; ``tests/test_hook_docs.py`` fails
when a hook below lacks its documentation or its test.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from gkrules.protocols import WorkdayCalendar
    from gkrules.ruleset.model import Ruleset
    from gkrules.specs import (
        CheckerSpec,
        FilterSpec,
        FormatterSpec,
        LoaderSpec,
        RulesetSource,
    )

#: marks the hook specifications below
hookspec = pluggy.HookspecMarker("gkrules")
#: marks a plugin's implementation of a hook; re-exported as ``gkrules.hookimpl`` (and, for
#: plugins written before it moved here, ``gkrules.plugins.hookimpl``)
hookimpl = pluggy.HookimplMarker("gkrules")


@hookspec
def gkrules_checkers() -> Iterable[CheckerSpec]:
    """Register checkers.

    Called once when a plugin manager collects checkers, before any engine is built.
    Return (or yield) :class:`gkrules.specs.CheckerSpec` objects. A checker id must be unique
    across all plugins; two plugins registering the same id stop the run with a
    :class:`gkrules.errors.PluginError`.

    .. versionadded:: 0.1
    """


@hookspec
def gkrules_loaders() -> Iterable[LoaderSpec]:
    """Register document loaders.

    Called once when the plugin manager collects loaders. Return
    :class:`gkrules.specs.LoaderSpec` objects; each claims file extensions and may sniff
    content. A plugin loader registered for an extension that a built-in loader also claims
    takes precedence over the built-in one.

    .. versionadded:: 0.1
    """


@hookspec
def gkrules_formatters() -> Iterable[FormatterSpec]:
    """Register output formats for ``--format``.

    Called once when the plugin manager collects formatters. Return
    :class:`gkrules.specs.FormatterSpec` objects whose ``render(report, ctx)`` returns the
    whole output as a string.

    .. versionadded:: 0.1
    """


@hookspec
def gkrules_rulesets() -> Iterable[RulesetSource]:
    """Register rule sets shipped with a plugin, so that ``--ruleset ID`` finds them.

    Called when a rule set is looked up by id. Return
    :class:`gkrules.specs.RulesetSource` objects pointing at a ``ruleset.yaml`` file or at a
    folder holding one. A provincial rule set usually ``extends: national``.

    .. versionadded:: 0.1
    """


@hookspec
def gkrules_finding_filters() -> Iterable[FilterSpec]:
    """Register finding filters.

    Called once when an engine is built. Return :class:`gkrules.specs.FilterSpec` objects.
    A filter sees each finding after all checkers ran and may return a
    :class:`gkrules.model.Suppression` (with a justification) to move it to the document's
    ``suppressed`` list; it can never add or change findings.

    .. versionadded:: 0.1
    """


@hookspec(firstresult=True)
def gkrules_calendar(ruleset: Ruleset, year: int) -> WorkdayCalendar | None:
    """Provide the working-day calendar used by date rules.

    Called when a checker first needs working days for ``year`` under ``ruleset`` (the
    effective rule set, with its calendar supplements). Return an object implementing
    :class:`gkrules.specs.WorkdayCalendar`, or ``None`` to let the next plugin (and finally
    the built-in ``chinese-calendar`` source) answer. The first non-``None`` result wins, so
    a regional plugin can supply its own holidays.

    .. versionadded:: 0.1
    """


@hookspec
def gkrules_checker_error(checker: str, source: str, error: BaseException) -> None:
    """Observe a checker failure (for logging or monitoring).

    Called after a checker raised or overran its time budget on a document (``source``),
    once the engine has already recorded the blocking ``engine/checker-error`` finding.
    The return value is ignored, and an exception raised here is swallowed: this hook can
    neither change nor stop the run.

    .. versionadded:: 0.1
    """


# the hooks only (tests/test_hook_docs.py); hookspec and hookimpl are importable all the same
__all__ = [
    "gkrules_calendar",
    "gkrules_checker_error",
    "gkrules_checkers",
    "gkrules_finding_filters",
    "gkrules_formatters",
    "gkrules_loaders",
    "gkrules_rulesets",
]
