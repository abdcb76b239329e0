"""Settings found on their own and the ruff-style CLI conventions of ``gkrules check``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkrules.cli import COMMANDS, build_parser, main
from gkrules.settings import default_jobs, effective_settings, is_excluded

TODAY = "2024-05-06"
FOUR_UNITS = ("| 行业 | 企业单位数（个） | 营业收入（亿元） |\n| 合计 | 29 | 45.7 |\n| 制造业 | 25 | 37.8 |\n"
              "| 房地产业 | 4 | 7.9 |\n")
PROVINCIAL = "id: prov\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n    params:\n      min_units: 5\n"
MOBILE = "关于某事的通知\n\n联系人：王建国，手机：13912345678。\n"
MARKED = "000047\n机密★10年\n\n关于某事的通知\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_cli(capsys, *argv: str) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rules_of(report: dict) -> dict[str, set[str]]:
    return {d["source"]: {f"{f['checker']}/{f['rule']}" for f in d["findings"]} for d in report["documents"]}


@pytest.fixture
def site(tmp_path, monkeypatch):
    """A site folder with gkrules.toml naming a provincial rule set, a baseline and an exclude."""
    root = tmp_path / "site"
    write(root / "rules" / "prov.yaml", PROVINCIAL)
    write(root / "统计数据" / "规上工业.txt", FOUR_UNITS)
    write(root / "政策文件" / "通知.txt", MOBILE)
    write(root / "草稿" / "未定稿.txt", MARKED)
    write(root / "gkrules.toml", 'ruleset = "rules/prov.yaml"\nbaseline = "review.json"\nexclude = ["草稿"]\n')
    monkeypatch.chdir(root)
    return root


def test_check_dot_uses_the_ruleset_baseline_and_exclude_with_no_flags(site, capsys):
    # the reviewer accepts the mobile number (a baseline made with the same rule set)
    code, _, _ = run_cli(capsys, "baseline", "create", "政策文件", "--ruleset", "rules/prov.yaml", "-f", "review.json",
                         "--reviewer", "张三", "--stage", "自审", "--reason", "本人同意公开", "--rule", "personal-info/mobile",
                         "--today", TODAY)
    assert code == 0
    code, out, err = run_cli(capsys, "check", ".", "--format", "json", "--today", TODAY)
    report = json.loads(out)
    assert report["ruleset"]["id"] == "prov"                                       # the provincial rule set
    found = rules_of(report)
    assert set(found) == {"政策文件/通知.txt", "统计数据/规上工业.txt"}                 # 草稿/ excluded
    assert "unit-identifiability/small-cell" in found["统计数据/规上工业.txt"]          # min_units 5 in force
    assert "personal-info/mobile" not in found["政策文件/通知.txt"]                     # accepted in the baseline
    assert report["summary"]["suppressed"] >= 1
    assert code == 1 and "注意" in err                                              # the inherited-example note
    code, out, _ = run_cli(capsys, "config")
    assert code == 0
    for key, value in (("ruleset", "prov.yaml"), ("baseline", "review.json"), ("exclude", "草稿")):
        line = next(ln for ln in out.splitlines() if ln.strip().startswith(key + " "))
        assert value in line and "gkrules.toml" in line, line


def test_nearer_settings_win_per_folder(site, capsys):
    write(site / "统计数据" / "gkrules.toml", 'ruleset = "national"\n')
    write(site / "review.json", "")
    (site / "review.json").unlink()
    write(site / "gkrules.toml", 'ruleset = "rules/prov.yaml"\nexclude = ["草稿"]\n')
    write(site / "政策文件" / "规上工业.txt", FOUR_UNITS)
    _, out, _ = run_cli(capsys, "check", ".", "--format", "json", "--today", TODAY)
    found = rules_of(json.loads(out))
    assert "unit-identifiability/small-cell" in found["政策文件/规上工业.txt"]       # prov: min_units 5
    assert "unit-identifiability/small-cell" not in found["统计数据/规上工业.txt"]   # national: min_units 3
    assert json.loads(out)["ruleset"]["id"] in ("prov+national", "national+prov")
    s = effective_settings(site / "统计数据")
    assert s["ruleset"] == "national" and s.source("ruleset").endswith("统计数据/gkrules.toml")
    assert s["exclude"] == ["草稿"] and s.source("exclude") == "gkrules.toml"


def test_pyproject_root_and_command_line(tmp_path, monkeypatch, capsys):
    write(tmp_path / "pyproject.toml", '[tool.gkrules]\nmin-severity = "warn"\nfail-on = "warn"\n')
    write(tmp_path / "proj" / "pyproject.toml", "[project]\nname = 'x'\n")  # no table: not a settings file
    write(tmp_path / "proj" / "sub" / ".gkrules.toml", "root = true\njobs = 3\n")
    s = effective_settings(tmp_path / "proj")
    assert s["min-severity"] == "warn" and s.source("min-severity").endswith("pyproject.toml [tool.gkrules]")
    s = effective_settings(tmp_path / "proj" / "sub")
    assert s["jobs"] == 3 and s["min-severity"] == "info"  # root = true: nothing above it
    s = effective_settings(tmp_path / "proj", {"min-severity": "block"})
    assert s["min-severity"] == "block" and s.source("min-severity") == "命令行"
    write(tmp_path / "bad" / "gkrules.toml", 'min-severity = "high"\nrulset = "x"\n')
    write(tmp_path / "bad" / "a.txt", MOBILE)
    code, _, err = run_cli(capsys, "check", tmp_path / "bad" / "a.txt")
    assert code == 2 and "min-severity" in err and "rulset" in err and "Traceback" not in err


def test_select_ignore_min_severity_and_exit_codes(tmp_path, capsys):
    doc = write(tmp_path / "a.txt", MARKED + MOBILE)
    base = ["check", doc, "--format", "json", "--today", TODAY, "--isolated"]
    _, out, _ = run_cli(capsys, *base)
    everything = rules_of(json.loads(out))[str(doc)]
    assert {"confidential-marker/secrecy-mark", "personal-info/mobile"} <= everything
    code, out, _ = run_cli(capsys, *base, "--select", "personal-info")
    assert rules_of(json.loads(out))[str(doc)] == {"personal-info/mobile"} and code == 0  # mobile is a warning
    code, out, _ = run_cli(capsys, *base, "--ignore", "confidential-marker/secrecy-mark,personal-info")
    left = rules_of(json.loads(out))[str(doc)]
    assert not any(r.startswith(("personal-info/", "confidential-marker/secrecy")) for r in left)
    # the display level hides, the fail level still decides
    code, out, _ = run_cli(capsys, "check", doc, "--format", "json", "--today", TODAY, "--isolated",
                           "--select", "personal-info", "--min-severity", "block", "--fail-on", "info")
    assert rules_of(json.loads(out))[str(doc)] == set() and code == 1


def test_output_formats(tmp_path, capsys):
    doc = write(tmp_path / "a.txt", MARKED + MOBILE)
    base = ["check", doc, "--today", TODAY, "--isolated", "--output-format"]
    _, out, _ = run_cli(capsys, *base, "json")
    n = sum(len(d["findings"]) for d in json.loads(out)["documents"])
    _, out, _ = run_cli(capsys, *base, "concise")
    assert len([ln for ln in out.splitlines() if ln.startswith(f"{doc}:")]) == n
    _, out, _ = run_cli(capsys, *base, "json-lines")
    assert len([json.loads(ln) for ln in out.splitlines()]) == n
    _, out, _ = run_cli(capsys, *base, "junit")
    suite = ET.fromstring(out).find("testsuite")
    assert suite is not None and int(suite.get("failures")) >= 1
    _, out, _ = run_cli(capsys, *base, "github")
    assert out.count("::error file=") >= 1 and len(out.splitlines()) == n
    _, out, _ = run_cli(capsys, *base, "gitlab")
    issues = json.loads(out)
    assert len(issues) == n and "critical" in {i["severity"] for i in issues}
    _, out, _ = run_cli(capsys, *base, "grouped")
    assert out.startswith(f"{doc}:")
    _, out, _ = run_cli(capsys, "check", doc, "--today", TODAY, "--isolated", "--statistics")
    assert "confidential-marker/secrecy-mark" in out and out.splitlines()[0].split()[0].isdigit()


def test_summary_on_stderr_only_when_the_report_goes_to_a_file(tmp_path, capsys):
    doc = write(tmp_path / "a.txt", MARKED)
    code, out, err = run_cli(capsys, "check", doc, "--today", TODAY, "--isolated", "-o", tmp_path / "r.json",
                             "--format", "json")
    assert code == 1 and out == "" and "共 1 个文件" in err and "阻断 1" in err and "r.json" in err
    _, _, err = run_cli(capsys, "check", doc, "--today", TODAY, "--isolated")
    assert "共 1 个文件" not in err
    _, _, err = run_cli(capsys, "check", doc, "--today", TODAY, "--isolated", "-o", tmp_path / "r.txt", "-q")
    assert err == ""


def test_stdin_with_a_filename(tmp_path):
    write(tmp_path / "gkrules.toml", 'ignore = ["disclosure-attribute"]\n')
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    p = subprocess.run([sys.executable, "-m", "gkrules", "check", "-", "--stdin-filename", str(tmp_path / "通知"),
                        "--format", "json", "--today", TODAY], input=MARKED.encode("utf-8"), capture_output=True,
                       env=env, timeout=120)
    assert p.returncode == 1, p.stderr.decode()
    report = json.loads(p.stdout)
    assert [d["source"] for d in report["documents"]] == ["通知"]
    found = rules_of(report)["通知"]
    assert "confidential-marker/secrecy-mark" in found and not any(r.startswith("disclosure-attribute") for r in found)


def test_rule_command(capsys):
    code, out, _ = run_cli(capsys, "rule", "personal-info/mobile")
    assert code == 0 and "依据" in out and "示例" in out and "personal-info.yaml" in out and "检查器参数" in out
    code, out, _ = run_cli(capsys, "rule", "secrecy-mark", "--format", "json")
    data = json.loads(out)
    assert data["id"] == "confidential-marker/secrecy-mark" and data["examples"]["fail"]
    code, _, err = run_cli(capsys, "rule", "mobil")
    assert code == 2 and "personal-info/mobile" in err


def test_help_is_chinese(capsys):
    parser = build_parser()
    texts = [parser.format_help()]
    sub = next(a for a in parser._actions if a.dest == "command")
    for p in sub.choices.values():
        texts.append(p.format_help())
        for a in p._actions:
            if getattr(a, "choices", None) and isinstance(a.choices, dict):
                texts.extend(sp.format_help() for sp in a.choices.values())
    assert len(texts) > len(COMMANDS)
    for text in texts:
        for english in ("usage:", "options:", "positional arguments", "show this help", "show program's"):
            assert english not in text, text[:200]


def test_jobs_default_to_usable_cores():
    assert default_jobs() == len(os.sched_getaffinity(0))


_NAME = st.text(st.characters(min_codepoint=0x4E00, max_codepoint=0x4E50) | st.sampled_from("abc-_"), min_size=1,
                max_size=6)


@given(above=st.lists(_NAME, min_size=1, max_size=3), below=st.lists(_NAME, min_size=0, max_size=3), name=_NAME)
def test_name_patterns_never_match_folders_above_the_settings_file(tmp_path_factory, above, below, name):
    base = Path("/", *above)
    path = base.joinpath(*below, name + ".txt")
    for part in above:
        assert not is_excluded(path, [(part, base)]) or part in below or part == name + ".txt"
    assert is_excluded(path, [(name + ".txt", base)])
    if below:
        assert is_excluded(path, [(below[0], base)])
        assert is_excluded(path, [("/".join(below) + "/*", base)]) or not below


_REPORT_TEXT = MARKED + MOBILE + "\n内部资料 注意保存\n" + FOUR_UNITS


@pytest.fixture(scope="module")
def sample_report():
    import datetime as dt

    from gkrules import Engine, InputDocument

    return Engine("national").check([InputDocument("a.txt", _REPORT_TEXT)], today=dt.date(2024, 5, 6))


@given(data=st.data())
def test_select_and_ignore_partition_the_findings(sample_report, data):
    """Selecting a set of rules and ignoring the same set split the findings in two, and
    engine findings are in both."""
    from gkrules.report_filter import at_least, select_rules

    findings = [f for _, f in sample_report.findings()]
    names = sorted({f.checker for f in findings} | {f"{f.checker}/{f.rule}" for f in findings})
    chosen = data.draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    kept = [f for _, f in select_rules(sample_report, chosen, []).findings()]
    dropped = [f for _, f in select_rules(sample_report, [], chosen).findings()]
    engine = [f for f in findings if f.checker == "engine"]
    assert sorted(f.fingerprint for f in kept + dropped) == sorted(f.fingerprint for f in findings + engine)
    level = data.draw(st.sampled_from(["info", "warn", "block"]))
    from gkrules.model import Severity

    shown = at_least(sample_report, Severity(level))
    assert all(f.severity.at_least(Severity(level)) for _, f in shown.findings())
    assert shown.summary.block == sum(f.severity == Severity.BLOCK for _, f in shown.findings())


def test_everything_excluded_says_so(tmp_path, capsys):
    write(tmp_path / "草稿" / "a.txt", MARKED)
    code, _, err = run_cli(capsys, "check", tmp_path, "--isolated", "--exclude", "草稿", "--today", TODAY)
    # a gate that read nothing never says "publish" (issue 15): exit 2, and it says why
    assert code == 2 and "没有要检查的文件" in err and "1 个按排除设置跳过" in err
    code, _, _ = run_cli(capsys, "check", tmp_path / "草稿" / "a.txt", "--isolated", "--exclude", "草稿",
                         "--today", TODAY)
    assert code == 1  # a file named on the command line is checked unless --force-exclude
    code, _, err = run_cli(capsys, "check", tmp_path / "草稿" / "a.txt", "--isolated", "--exclude", "草稿",
                           "--force-exclude", "--today", TODAY)
    assert code == 2 and "没有要检查的文件" in err
