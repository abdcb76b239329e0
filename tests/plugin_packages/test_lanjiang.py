"""The 澜江省 plugin installed from plugins/gkrules-lanjiang: entry-point loading, rule-set
layering, its findings, and blocking it by name (flag and environment variable)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[1] / "data" / "seeds"
ADDED_LABELS = ["澜统内参", "统计内参", "领导参阅件", "仅供决策参考", "仅限系统内部使用", "系统内部资料", "内部明电", "请勿扩散"]

DRAFT = """澜统内参

2025年前三季度全省经济运行情况

　　前三季度，全省地区生产总值（初步数）4128.6亿元，同比增长5.1%。
　　全省规模以上工业增加值同比增长6.2%。
"""


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "经济运行情况.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def _findings(proc) -> list[tuple[str, str, str, int]]:
    report = json.loads(proc.stdout)
    return [(f["checker"], f["rule"], f["severity"], f["location"]["line"])
            for d in report["documents"] for f in d["findings"]]


# -- entry-point loading -------------------------------------------------------------------

def test_plugins_lists_lanjiang_with_its_hooks_and_checker(gk):
    proc = gk("plugins", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    entry = next(p for p in data["plugins"] if p["name"] == "lanjiang")
    assert entry["version"] == "0.1.0"
    assert entry["hooks"] == ["gkrules_checkers", "gkrules_rulesets"]
    assert entry["checkers"] == ["lanjiang-data-status"]
    assert data["failures"] == []
    text = gk("plugins")
    assert "lanjiang 0.1.0" in text.stdout and "lanjiang-data-status" in text.stdout


# -- layering -------------------------------------------------------------------------------

def test_rules_shows_the_layered_rule_set(gk):
    proc = gk("rules", "--ruleset", "lanjiang", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [c["id"] for c in data["ruleset"]["chain"]] == ["national", "lanjiang"]
    cm = data["checkers"]["confidential-marker"]
    labels = cm["params"]["internal_labels"]
    assert labels[-len(ADDED_LABELS):] == ADDED_LABELS and "内部资料" in labels  # appended to national's
    assert {r["id"]: r["severity"] for r in cm["rules"]}["fenhao-without-mark"] == "block"
    ds = data["checkers"]["lanjiang-data-status"]
    assert ds["enabled"] is True and ds["plugin"] == "lanjiang"
    national = json.loads(gk("rules", "--format", "json").stdout)
    assert national["checkers"]["lanjiang-data-status"]["enabled"] is False  # off by default
    assert not set(ADDED_LABELS) & set(national["checkers"]["confidential-marker"]["params"]["internal_labels"])
    text = gk("rules", "--ruleset", "lanjiang")
    assert "分层：national@" in text.stdout and "→ lanjiang@" in text.stdout
    assert "[lanjiang-data-status] 启用（插件 lanjiang）" in text.stdout


def test_check_with_lanjiang_finds_the_extra_label_and_the_data_status(gk, draft):
    proc = gk("check", str(draft), "--ruleset", "lanjiang", "--format", "json", "--today", "2025-10-20")
    assert proc.returncode == 1, proc.stderr
    assert _findings(proc) == [
        ("confidential-marker", "internal-label", "block", 1),
        ("lanjiang-data-status", "unfinalised-figures", "warn", 5),
    ]
    report = json.loads(proc.stdout)
    assert report["ruleset"]["id"] == "lanjiang"
    assert "lanjiang" in {p["name"] for p in report["tool"]["plugins"]}


def test_national_is_unchanged_by_installing_the_plugin(gk, draft):
    proc = gk("check", str(draft), "--format", "json", "--today", "2025-10-20")
    assert proc.returncode == 0, proc.stderr
    assert _findings(proc) == []


def test_seeds_pass_the_provincial_rule_set(gk):
    proc = gk("check", str(SEEDS), "--ruleset", "lanjiang", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout)
    assert report["complete"] is True and len(report["documents"]) == 5
    # checked today, years after they were signed: only release-deadline may call them late
    serious = [(d["source"], f["checker"], f["rule"]) for d in report["documents"] for f in d["findings"]
               if f["severity"] in ("block", "warn") and f["checker"] != "release-deadline"]
    assert report["summary"]["block"] == 0 and serious == []


# -- blocking by name ---------------------------------------------------------------------

@pytest.mark.parametrize("how", ["flag", "env"])
def test_blocked_plugin_is_not_loaded(gk, how):
    proc = (gk("plugins", "--format", "json", "--disable-plugin", "lanjiang") if how == "flag"
            else gk("plugins", "--format", "json", env={"GKRULES_DISABLE_PLUGINS": "lanjiang"}))
    assert proc.returncode == 0, proc.stderr
    names = {p["name"] for p in json.loads(proc.stdout)["plugins"]}
    assert "lanjiang" not in names and "confidential-marker" in names


@pytest.mark.parametrize("how", ["flag", "env"])
def test_blocked_plugin_takes_its_rule_set_with_it(gk, draft, how):
    args = ["check", str(draft), "--ruleset", "lanjiang", "--format", "json"]
    proc = (gk(*args, "--disable-plugin", "lanjiang") if how == "flag"
            else gk(*args, env={"GKRULES_DISABLE_PLUGINS": "lanjiang"}))
    # fail closed: the check does not silently fall back to another rule set
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert "找不到规则集 'lanjiang'" in proc.stderr and "national" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_blocked_plugin_removes_its_findings(gk, draft, tmp_path):
    """A site rule set that uses only national words: blocking lanjiang removes its checker's
    findings; a rule set that still names the checker fails closed."""
    site = tmp_path / "site.yaml"
    site.write_text("id: site\nversion: '1'\nextends: national\n"
                    "checkers:\n  lanjiang-data-status:\n    enabled: true\n", encoding="utf-8")
    loaded = gk("check", str(draft), "--ruleset", str(site), "--format", "json")
    assert ("lanjiang-data-status", "unfinalised-figures", "warn", 5) in _findings(loaded)
    without = gk("check", str(draft), "--format", "json", "--disable-plugin", "lanjiang")
    assert without.returncode == 0 and _findings(without) == []
    assert "lanjiang" not in {p["name"] for p in json.loads(without.stdout)["tool"]["plugins"]}
    named = gk("check", str(draft), "--ruleset", str(site), "--format", "json", "--disable-plugin", "lanjiang")
    assert named.returncode == 2
    assert "未知的检查器 'lanjiang-data-status'" in named.stderr and "site.yaml" in named.stderr


def test_allow_list_without_lanjiang_leaves_it_out(gk):
    proc = gk("plugins", "--format", "json", "--only-plugin", "some-other-province")
    names = {p["name"] for p in json.loads(proc.stdout)["plugins"]}
    assert "lanjiang" not in names and "confidential-marker" in names  # built-ins always load


def test_in_process_plugin_manager_honours_the_block_list(monkeypatch):
    from gkrules.plugins import PluginManager

    assert "lanjiang" in PluginManager().names
    assert "lanjiang" not in PluginManager(block=["lanjiang"]).names
    monkeypatch.setenv("GKRULES_DISABLE_PLUGINS", "other, lanjiang")
    pm = PluginManager()
    assert "lanjiang" not in pm.names and "lanjiang" not in pm.rulesets()
    assert "lanjiang-data-status" not in pm.checkers()
