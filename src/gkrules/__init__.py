"""gkrules: checks Chinese government documents before publication (政务公开发布前审查).

Public API::

    import gkrules
    report = gkrules.check("notices/", ruleset="national", today=datetime.date(2024, 5, 6))
    report = gkrules.check_text("机密★10年\n关于……的通知", name="通知")   # one text, no file
    engine = gkrules.Engine("national")          # compile once, check many batches
    report = engine.check([gkrules.InputDocument("a.txt", "……")])
    gkrules.redact(["notices/"], output="redacted/")   # masked copies (条例第三十七条)
"""

from gkrules._version import __version__
from gkrules.engine import Engine, check, check_text
from gkrules.errors import (
    CalendarError,
    GkrulesError,
    InputError,
    PluginError,
    RulesetError,
    UnsupportedFormatError,
    UsageError,
)
from gkrules.inputs import InputDocument
from gkrules.model import (
    Block,
    CatalogEntry,
    Cell,
    Document,
    DocumentResult,
    Finding,
    Location,
    Metadata,
    Report,
    Severity,
    Table,
)
from gkrules.plugins import PluginManager, hookimpl
from gkrules.redact import RedactionReport, redact, redact_text
from gkrules.ruleset import Ruleset, load_ruleset
from gkrules.specs import CheckerSpec, FilterSpec, FormatterSpec, LoaderSpec, RuleInfo, RulesetSource

__all__ = [
    "Block",
    "CalendarError",
    "CatalogEntry",
    "Cell",
    "CheckerSpec",
    "Document",
    "DocumentResult",
    "Engine",
    "FilterSpec",
    "Finding",
    "FormatterSpec",
    "GkrulesError",
    "InputDocument",
    "InputError",
    "LoaderSpec",
    "Location",
    "Metadata",
    "PluginError",
    "PluginManager",
    "RedactionReport",
    "Report",
    "RuleInfo",
    "Ruleset",
    "RulesetError",
    "RulesetSource",
    "Severity",
    "Table",
    "UnsupportedFormatError",
    "UsageError",
    "__version__",
    "check",
    "check_text",
    "hookimpl",
    "load_ruleset",
    "redact",
    "redact_text",
]
