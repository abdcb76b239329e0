"""Integration tests of the separately installed plugin packages under ``plugins/``.

They need the package installed (the tox env ``plugins`` does that). Without it they skip —
unless ``GKRULES_REQUIRE_PLUGINS=1`` (set by that env and CI), where a missing plugin is a
failure: a CI run that silently skipped them would prove nothing.
"""

from __future__ import annotations

import importlib.metadata as im
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN = "lanjiang"


def plugin_installed(name: str = PLUGIN) -> bool:
    return any(ep.name == name for ep in im.entry_points(group="gkrules"))


def _missing_message() -> str | None:
    if plugin_installed():
        return None
    return f"插件 {PLUGIN} 未安装（pip install ./plugins/gkrules-{PLUGIN}，或运行 tox run -e plugins）"


def _required() -> bool:
    return os.environ.get("GKRULES_REQUIRE_PLUGINS") == "1"


def pytest_runtest_setup(item):
    message = _missing_message()
    if message and not _required():
        pytest.skip(message)


def pytest_runtest_call(item):
    # in the call phase, so the test is reported as FAILED (a setup failure would be an ERROR)
    message = _missing_message()
    if message and _required():
        pytest.fail(f"GKRULES_REQUIRE_PLUGINS=1 但{message}", pytrace=False)


def run_gkrules(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh interpreter, so entry points are discovered as a user's run would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("GKRULES_PLUGINS", "GKRULES_DISABLE_PLUGINS")}
    full_env.update(env or {})
    full_env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, "-m", "gkrules", *args], capture_output=True, text=True,
                          encoding="utf-8", cwd=cwd, env=full_env, timeout=120)


@pytest.fixture
def gk():
    return run_gkrules
