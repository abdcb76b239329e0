"""Install a built wheel in a fresh virtual environment, away from the source tree, and
check the bundled example with it (run by ``tox run -e package``).

Usage: python tests/packaging/smoke_install.py DIST_DIR
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

EXAMPLE = "000047\n秘密★3年\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n现将方案印发给你们。\n"


def main(dist: Path) -> int:
    (wheel,) = dist.glob("gkrules-*.whl")
    (sdist,) = dist.glob("gkrules-*.tar.gz")
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("gkrules/py.typed", "gkrules/_build_version.py", "gkrules/_rulesets/national/ruleset.yaml"):
        assert needed in names, f"{needed} missing from {wheel.name}"
    version = wheel.name.split("-")[1]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        venv.create(root / "venv", with_pip=True)
        bindir = root / "venv" / ("Scripts" if sys.platform == "win32" else "bin")
        python = bindir / "python"
        subprocess.run([python, "-m", "pip", "install", "-q", str(wheel)], check=True)
        work = root / "site"
        work.mkdir()
        (work / "通知.txt").write_text(EXAMPLE, encoding="utf-8")
        out = subprocess.run([bindir / "gkrules", "--version"], cwd=work, capture_output=True, text=True, check=True)
        assert out.stdout.strip() == f"gkrules {version}", out.stdout
        run = subprocess.run([bindir / "gkrules", "check", ".", "--format", "json", "--today", "2024-05-06"],
                             cwd=work, capture_output=True, text=True, encoding="utf-8")
        assert run.returncode == 1, run.stderr
        report = json.loads(run.stdout)
        rules = {f["rule"] for d in report["documents"] for f in d["findings"]}
        assert "secrecy-mark" in rules and report["complete"], report
        assert report["tool"]["version"] == version
    print(f"ok: {wheel.name} and {sdist.name} install and check the example (version {version})")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
