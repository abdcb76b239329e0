"""The pre-commit hook (``.pre-commit-hooks.yaml``), run by pre-commit itself against a
temporary site repository.

pre-commit clones this project from a local git repository (a snapshot of the working tree,
so uncommitted changes are tested too), builds the hook's virtualenv with ``pip install .``
(PyPI is the only network it needs: hatchling and gkrules' dependencies) and runs
``gkrules check`` on the staged documents.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("pyproject.toml", "README.md", "CHANGELOG.md", ".pre-commit-hooks.yaml", "src", "rulesets")
NOTICE = ("000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n"
          "现将方案印发给你们，请认真贯彻执行。\n")
CLEAN = "关于开展统计开放日活动的通知\n\n各单位：\n请按时参加。\n\n青梧市统计局\n2024年3月5日\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "测试", "GIT_AUTHOR_EMAIL": "test@example.invalid", "GIT_COMMITTER_NAME": "测试",
           "GIT_COMMITTER_EMAIL": "test@example.invalid", "GIT_CONFIG_NOSYSTEM": "1"}


def git(cwd: Path, *args: str, env: dict | None = None) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


def test_hook_definition_matches_pre_commit_fields():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "gkrules" and hook["language"] == "python" and hook["entry"] == "gkrules check"
    assert hook["require_serial"] is True  # one call, one release batch
    import re

    files = re.compile(hook["files"])
    assert all(files.search(n) for n in ("a.txt", "b.html", "c.HTM".lower(), "d.csv", "e.docx"))
    assert not any(files.search(n) for n in ("a.txt.meta.json", "README.md", "setup.py", "x.yaml"))


@pytest.mark.slow
def test_pre_commit_runs_the_hook(tmp_path):
    if shutil.which("git") is None:
        pytest.fail("pre-commit 测试需要 git")
    env = {**os.environ, **GIT_ENV, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "PRE_COMMIT_COLOR": "never"}
    env.pop("GIT_DIR", None)
    env.pop("GIT_INDEX_FILE", None)

    # this project, as the hook repository pre-commit clones
    hook_repo = tmp_path / "gkrules"
    hook_repo.mkdir()
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, hook_repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(src, hook_repo / name)
    git(hook_repo, "init", "-q", env=env)
    git(hook_repo, "add", "-A", env=env)
    git(hook_repo, "commit", "-q", "-m", "snapshot", env=env)
    git(hook_repo, "tag", "v0.2.0", env=env)
    rev = "v0.2.0"  # a release tag, as the docs tell users to write

    # a site kept in git
    site = tmp_path / "site"
    (site / "notices").mkdir(parents=True)
    (site / "notices" / "方案.txt").write_text(NOTICE, encoding="utf-8")
    (site / "notices" / "开放日.txt").write_text(CLEAN, encoding="utf-8")
    (site / "README.md").write_text("# 网站\n", encoding="utf-8")  # not a document: never passed to gkrules

    def config(*args: str) -> None:
        hooks = [{"id": "gkrules", "args": ["--today", "2024-05-06", *args]}]
        (site / ".pre-commit-config.yaml").write_text(
            yaml.safe_dump({"repos": [{"repo": str(hook_repo), "rev": rev, "hooks": hooks}]}, allow_unicode=True),
            encoding="utf-8")

    config()
    git(site, "init", "-q", env=env)
    git(site, "add", "-A", env=env)

    def pre_commit(*args: str, cwd: Path = site) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=cwd, env=env,
                              capture_output=True, text=True, timeout=900)

    run = pre_commit("run", "--all-files")
    assert run.returncode == 1, run.stdout + run.stderr
    assert "gkrules（政务公开发布前检查）" in run.stdout and "Failed" in run.stdout
    assert "confidential-marker/secrecy-mark" in run.stdout and "方案.txt" in run.stdout
    assert "README.md" not in run.stdout

    # the reviewer accepts the finding in the review record; the hook then passes
    subprocess.run([sys.executable, "-m", "gkrules", "baseline", "create", "notices", "--today", "2024-05-06",
                    "--reviewer", "张三", "--stage", "终审", "--reason", "历史存档，保密办已确认解密",
                    "--rule", "confidential-marker/secrecy-mark"],  # a blocking finding: its own reason
                   cwd=site, env=env, check=True, capture_output=True)
    config("--baseline", ".gkrules-baseline.json")
    git(site, "add", "-A", env=env)
    run = pre_commit("run", "--all-files")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Passed" in run.stdout

    # installed as a git hook: a commit with a new internal-use label is stopped
    assert pre_commit("install").returncode == 0
    git(site, "commit", "-q", "-m", "初始", env=env)
    (site / "notices" / "内部.txt").write_text("关于某事的通知\n\n内部资料 注意保存\n", encoding="utf-8")
    git(site, "add", "-A", env=env)
    commit = subprocess.run(["git", "commit", "-m", "新增"], cwd=site, env=env, capture_output=True, text=True,
                            timeout=900)
    assert commit.returncode != 0
    assert "internal-label" in commit.stdout + commit.stderr
    assert git(site, "log", "--format=%s", env=env).splitlines() == ["初始"]

    # trying the hook before configuring it, as the docs show: pre-commit try-repo at the tag
    tried = pre_commit("try-repo", str(hook_repo), "gkrules", "--ref", rev, "--files", "notices/内部.txt")
    assert tried.returncode != 0, tried.stdout + tried.stderr
    assert "internal-label" in tried.stdout and "Failed" in tried.stdout
