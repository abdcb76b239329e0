"""``gkrules check`` runs the rule set's examples beside the first documents: a rule set whose
own example fails still gives no report (exit 2, the constructor's message), and one whose
examples pass gives the same report as when they ran first."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest

from gkrules import Engine, InputDocument
from gkrules.cli import main
from gkrules.errors import RulesetError
from gkrules.supervisor import IsolatedRun, Limits

TODAY = dt.date(2024, 5, 6)
#: a rule set whose own pass example is a 4-unit category, which min_units 5 blocks
BROKEN = ("id: prov\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n    params:\n"
          "      min_units: 5\n    rules:\n      small-cell:\n        examples:\n          pass:\n"
          "            - \"| 行业 | 企业单位数（个） | 营业收入（亿元） |\\n| 合计 | 29 | 45.7 |\\n| 制造业 | 25 | 37.8 |\\n"
          "| 房地产业 | 4 | 7.9 |\\n\"\n")
NOTICE = "关于开展2024年统计执法检查的通知\n各区统计局：\n现将有关事项通知如下。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def constructor_message(rs: Path) -> str:
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    return str(exc.value)


@pytest.mark.parametrize("limits", [None, Limits(workers=2)], ids=["in-process", "workers"])
def test_a_failing_example_stops_the_check_with_the_constructors_message(tmp_path, limits):
    rs = write(tmp_path / "c.yaml", BROKEN)
    engine = Engine(str(rs), check_examples="beside", limits=limits)  # the start does not wait
    docs = [InputDocument(f"{i}.txt", NOTICE) for i in range(30)]
    with pytest.raises(RulesetError) as exc:
        engine.check(docs, today=TODAY, jobs=2)
    assert str(exc.value) == constructor_message(rs)
    engine.close()


def test_the_cli_writes_no_report_when_an_example_fails(tmp_path, capsys):
    rs = write(tmp_path / "c.yaml", BROKEN)
    folder = tmp_path / "docs"
    for i in range(30):
        write(folder / f"{i}.txt", NOTICE)
    out = tmp_path / "report.json"
    code = main(["check", str(folder), "--ruleset", str(rs), "--today", "2024-05-06", "--jobs", "2",
                 "--format", "json", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists()
    assert "c.yaml:12" in err and "误报了它自己的 pass 示例" in err and "Traceback" not in err


def test_passing_examples_give_the_same_report_as_examples_first(tmp_path):
    docs = [InputDocument(f"{i}.txt", NOTICE + ("联系人：王小明，手机 13812345678。\n" if i % 3 else ""))
            for i in range(12)]
    first = Engine("national", limits=Limits(workers=2)).check(docs, today=TODAY, jobs=2)
    beside = Engine("national", check_examples="beside", limits=Limits(workers=2)).check(docs, today=TODAY, jobs=2)
    assert first == beside


def test_notes_of_inherited_examples_are_printed_after_they_ran(tmp_path, capsys):
    rs = write(tmp_path / "prov" / "ruleset.yaml",
               "id: prov\nversion: '1'\nextends: national\ncheckers:\n  unit-identifiability:\n    params:\n"
               "      min_units: 5\n")
    doc = write(tmp_path / "a.txt", NOTICE)
    out = tmp_path / "r.json"
    assert main(["check", str(doc), "--ruleset", str(rs), "--today", "2024-05-06", "--format", "json",
                 "-o", str(out)]) == 0
    assert "注意" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["documents"]


def test_an_isolated_run_that_overruns_is_said_once_its_time_is_up():
    def backtrack():
        import re

        return re.match(r"(a+)+$", "a" * 64 + "!")  # minutes inside the regex engine

    run = IsolatedRun(backtrack, 0.5)
    assert not run.done()
    time.sleep(0.6)
    assert run.done()
    with pytest.raises(RulesetError, match="示例检查超过"):
        run.result()
