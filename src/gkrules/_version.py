"""The version: written from the git tag into ``_build_version.py`` when the package is
built or installed (hatch-vcs); an installed distribution's metadata otherwise."""

from __future__ import annotations

try:
    from gkrules._build_version import __version__
except ImportError:  # a source tree that was never installed
    from importlib.metadata import PackageNotFoundError, version

    try:
        __version__ = version("gkrules")
    except PackageNotFoundError:
        __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
