"""What a provincial rule-set or plugin author meets: inherited examples under new
parameters, ``{file:}`` paths, every problem at once, undeclared rule ids, ``gkrules test``."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from gkrules import CheckerSpec, Engine, InputDocument, PluginManager, RuleInfo, Severity, hookimpl
from gkrules.cli import main
from gkrules.errors import RulesetError

TODAY = dt.date(2024, 5, 6)
#: a category of 4 enterprises with its revenue: fine at min_units 3, identifying at 5
FOUR_UNITS = ("| 行业 | 企业单位数（个） | 营业收入（亿元） |\n| 合计 | 29 | 45.7 |\n| 制造业 | 25 | 37.8 |\n"
              "| 房地产业 | 4 | 7.9 |\n")
PROVINCIAL = "id: prov\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n    params:\n      min_units: 5\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_provincial_min_units_loads_with_a_note_naming_both_files(tmp_path):
    rs = write(tmp_path / "prov" / "ruleset.yaml", PROVINCIAL)
    engine = Engine(str(rs))
    assert len(engine.notes) == 1
    note = engine.notes[0]
    assert "national" in note and "unit-identifiability.yaml" in note and "prov/ruleset.yaml" in note
    assert "checkers.unit-identifiability.rules.small-cell.examples.pass" in note and "`pass: []`" in note
    # the raised threshold is in force
    report = engine.check([InputDocument("统计.txt", FOUR_UNITS)], today=TODAY)
    assert "small-cell" in {f.rule for _, f in report.findings()}
    national = Engine("national").check([InputDocument("统计.txt", FOUR_UNITS)], today=TODAY)
    assert "small-cell" not in {f.rule for _, f in national.findings()}


def test_replacing_or_dropping_the_inherited_example_silences_the_note(tmp_path):
    replaced = write(tmp_path / "a.yaml", PROVINCIAL + (
        "    rules:\n      small-cell:\n        examples:\n          pass:\n"
        "            - \"| 行业 | 企业单位数（个） | 营业收入（亿元） |\\n| 合计 | 60 | 45.7 |\\n| 制造业 | 50 | 37.8 |\\n"
        "| 房地产业 | 10 | 7.9 |\\n\"\n"))
    dropped = write(tmp_path / "b.yaml", PROVINCIAL + "    rules:\n      small-cell:\n        examples:\n          pass: []\n")
    assert Engine(str(replaced)).notes == []
    assert Engine(str(dropped)).notes == []


def test_own_example_that_fails_still_stops_the_rule_set(tmp_path):
    rs = write(tmp_path / "c.yaml", PROVINCIAL + (
        "    rules:\n      small-cell:\n        examples:\n          pass:\n"
        "            - \"| 行业 | 企业单位数（个） | 营业收入（亿元） |\\n| 合计 | 29 | 45.7 |\\n| 制造业 | 25 | 37.8 |\\n"
        "| 房地产业 | 4 | 7.9 |\\n\"\n"))
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    assert "c.yaml:12" in str(exc.value) and "误报了它自己的 pass 示例" in str(exc.value)


def test_cli_prints_the_note_and_checks(tmp_path, capsys):
    rs = write(tmp_path / "prov" / "ruleset.yaml", PROVINCIAL)
    doc = write(tmp_path / "统计.txt", FOUR_UNITS)
    code = main(["check", str(doc), "--ruleset", str(rs), "--today", "2024-05-06"])
    err = capsys.readouterr().err
    assert code == 1  # the 4-unit category blocks under min_units 5
    assert "注意" in err and "prov/ruleset.yaml" in err and "Traceback" not in err


def test_every_problem_in_one_run(tmp_path):
    rs = write(tmp_path / "bad.yaml", """\
id: bad
version: '1'
extends: national
engine:
  rules:
    checker-error: {severity: warn}
checkers:
  confidential-marker:
    params:
      head_lines: "12"
    rules:
      secrecy-marks: {severity: block}
  policy-interpretation:
    rules:
      unknown-rule: {severity: warn}
  personal-info:
    rules:
      mobile:
        examples:
          pass:
            - "联系人：王建国，手机：13912345678。"
""")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    text = str(exc.value)
    assert "head_lines" in text                        # a parameter of the wrong type
    assert "secrecy-marks" in text and "unknown-rule" in text  # unknown rule ids in two checkers
    assert "checker-error" in text                     # an engine rule that cannot be configured
    assert "误报了它自己的 pass 示例" in text            # an own example of a checker whose params are valid
    assert len(exc.value.problems) == 5, exc.value.problems


@pytest.mark.parametrize("where", ["main", "include"])
def test_file_paths_are_relative_to_the_file_that_names_them(tmp_path, where):
    entry = "checkers:\n  confidential-marker:\n    params:\n      internal_labels+: {file: %s}\n"
    head = "id: rel\nversion: '1'\nextends: national\n"
    if where == "main":
        write(tmp_path / "rs" / "ruleset.yaml", head + entry % "lists/words.txt")
        write(tmp_path / "rs" / "lists" / "words.txt", "# 主文件旁的词表\n青统内参\n")
    else:
        write(tmp_path / "rs" / "ruleset.yaml", head + "include: [parts/*.yaml]\n")
        write(tmp_path / "rs" / "parts" / "more.yaml", entry % "../lists/words.txt")
        write(tmp_path / "rs" / "lists" / "words.txt", "青统内参\n")
    engine = Engine(str(tmp_path / "rs" / "ruleset.yaml"))
    report = engine.check([InputDocument("a.txt", "青统内参\n\n全市工业运行情况\n")], today=TODAY)
    assert "internal-label" in {f.rule for _, f in report.findings()}


class _Liar:
    """A plugin whose checker reports a rule id it never declared."""

    class _Checker:
        def check(self, ctx):
            if "触发" in ctx.text:
                yield ctx.finding("undeclared", 0, 2, "未声明的规则")
            else:
                yield ctx.finding("declared", 0, 1, "已声明的规则")

    @hookimpl
    def gkrules_checkers(self):
        yield CheckerSpec("liar", lambda setup: self._Checker(),
                          (RuleInfo("declared", "已声明", Severity.WARN, "测试依据"),))


def test_a_checker_may_only_report_rules_it_declared():
    engine = Engine("national", plugins=PluginManager(extra=[("liar", _Liar())]))
    report = engine.check([InputDocument("a.txt", "触发检查\n"), InputDocument("b.txt", "正常\n")], today=TODAY)
    bad, good = report.documents
    assert not report.complete
    assert [(f.checker, f.rule) for f in bad.findings if f.checker in ("engine", "liar")] == [("engine", "checker-error")]
    assert "undeclared" in bad.findings[-1].message or any("undeclared" in e.message for e in bad.errors)
    assert bad.errors[0].code == "checker-error" and bad.errors[0].checker == "liar"
    assert ("liar", "declared") in {(f.checker, f.rule) for f in good.findings}


def test_gkrules_test_runs_the_examples_alone(tmp_path, capsys):
    assert main(["test", "national"]) == 0
    out = capsys.readouterr().out
    assert "失败 0" in out and "跳过（继承）0" in out
    rs = write(tmp_path / "prov" / "ruleset.yaml", PROVINCIAL)
    assert main(["test", str(rs), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["skipped"] == 1 and data["failed"] == 0 and data["passed"] > 100
    bad = write(tmp_path / "bad.yaml", PROVINCIAL + (
        "    rules:\n      small-cell:\n        examples:\n          fail:\n            - \"全市工业运行平稳。\\n\"\n"))
    assert main(["test", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "失败" in out and "bad.yaml:12" in out
