"""The built-in plugin that ships the ``national`` rule set (the default baseline)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from gkrules.plugins import hookimpl
from gkrules.specs import RulesetSource


def bundled_rulesets_dir() -> Path:
    """Where the bundled rule sets are: inside the installed wheel, or ``rulesets/`` of a
    source checkout (editable installs)."""
    packaged = Path(str(resources.files("gkrules"))) / "_rulesets"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "rulesets"


@hookimpl
def gkrules_rulesets():
    base = bundled_rulesets_dir()
    yield RulesetSource(id="national", path=base / "national",
                        description="全国基线规则集：政府信息公开条例、保密法、统计法等的默认规则")
    yield RulesetSource(id="national-strict", path=base / "national-strict",
                        description="全国基线的严格口径：政策解读须与政策文件同日发布")
