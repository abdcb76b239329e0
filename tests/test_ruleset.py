"""Rule sets: layering, includes, word files, strict validation with file:line in Chinese."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from gkrules import Engine, InputDocument, load_ruleset
from gkrules.errors import RulesetError
from gkrules.ruleset.yamlio import load_yaml


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(exc: RulesetError) -> str:
    return str(exc)


def test_national_is_bundled_and_spells_out_every_default():
    from gkrules.checkers.confidential_marker.params import ConfidentialMarkerParams

    rs = load_ruleset("national")
    assert rs.id == "national" and rs.digest.startswith("sha256:")
    params = rs.data["checkers"]["confidential-marker"]["params"]
    import attrs

    assert set(params) == {a.name for a in attrs.fields(ConfidentialMarkerParams)}
    assert "内部资料" in params["internal_labels"]  # read from words/internal-labels.txt


def test_extends_appends_and_removes_list_items(tmp_path):
    write(tmp_path / "words.txt", "# 省级补充\n内部明电\n仅供澜江省内部使用\n")
    rs = write(tmp_path / "ruleset.yaml", """\
id: province
version: "1"
extends: national
checkers:
  confidential-marker:
    params:
      internal_labels+: {file: words.txt}
      self_references-: [本页]
""")
    layered = load_ruleset(str(rs))
    labels = layered.data["checkers"]["confidential-marker"]["params"]["internal_labels"]
    assert labels[-2:] == ["内部明电", "仅供澜江省内部使用"] and "内部资料" in labels
    assert "本页" not in layered.data["checkers"]["confidential-marker"]["params"]["self_references"]
    assert [c[0] for c in layered.chain] == ["national", "province"]
    assert layered.digest != load_ruleset("national").digest
    finding = Engine(str(rs)).check([InputDocument("a.txt", "内部明电\n\n关于做好防汛统计工作的通知\n")],
                                    today=dt.date(2024, 6, 1)).documents[0].findings
    assert [f.rule for f in finding] == ["internal-label"]


def test_unknown_key_is_reported_with_file_line_and_hint(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '1'\nextends: national\nchekers: {}\n")
    with pytest.raises(RulesetError) as exc:
        load_ruleset(str(rs))
    text = problems_of(exc.value)
    assert "site.yaml:4" in text and "未知的键 'chekers'" in text and "是否应为 'checkers'" in text


def test_wrong_types_are_not_coerced(tmp_path):
    rs = write(tmp_path / "site.yaml", """\
id: site
version: '1'
extends: national
checkers:
  confidential-marker:
    enabled: "false"
""")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    text = problems_of(exc.value)
    assert "site.yaml:6" in text and "应为布尔值" in text and "字符串 'false'" in text


def test_checker_params_are_validated_strictly_all_at_once(tmp_path):
    rs = write(tmp_path / "site.yaml", """\
id: site
version: '1'
extends: national
checkers:
  confidential-marker:
    params:
      head_lines: "12"
      label_line_slack: 6.5
      head_line: 3
""")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    text = problems_of(exc.value)
    assert "site.yaml:7" in text and "head_lines" in text and "应为整数" in text
    assert "site.yaml:8" in text and "label_line_slack" in text
    assert "site.yaml:9" in text and "未知的键 'head_line'" in text and "是否应为 'head_lines'" in text


def test_unknown_checker_and_rule_and_bad_severity(tmp_path):
    rs = write(tmp_path / "site.yaml", """\
id: site
version: '1'
extends: national
checkers:
  confidential-markers: {}
  confidential-marker:
    rules:
      secrecy-marks: {severity: block}
      internal-label: {severity: high}
""")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    text = problems_of(exc.value)
    assert "site.yaml:9" in text and "'high'" in text and "block、warn、info" in text


def test_unknown_checker_id_is_named(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-markers: {}\n")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    assert "site.yaml:5" in str(exc.value) and "未知的检查器 'confidential-markers'" in str(exc.value)


def test_unknown_rule_id_is_named(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '1'\nextends: national\ncheckers:\n"
                                       "  confidential-marker:\n    rules:\n      secrecy-marks: {severity: block}\n")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    assert "site.yaml:7" in str(exc.value) and "是否应为 'secrecy-mark'" in str(exc.value)


def test_rule_failing_its_own_example_does_not_load(tmp_path):
    rs = write(tmp_path / "site.yaml", """\
id: site
version: '1'
extends: national
checkers:
  confidential-marker:
    rules:
      internal-label:
        examples:
          fail:
            - "国家秘密的密级分为绝密、机密、秘密三级。"
""")
    with pytest.raises(RulesetError) as exc:
        Engine(str(rs))
    assert "site.yaml:10" in str(exc.value) and "没有检出它自己的 fail 示例" in str(exc.value)


def test_extends_cycle_and_missing_parent(tmp_path):
    a = write(tmp_path / "a.yaml", "id: a\nversion: '1'\nextends: b.yaml\n")
    write(tmp_path / "b.yaml", "id: b\nversion: '1'\nextends: a.yaml\n")
    with pytest.raises(RulesetError, match="循环"):
        load_ruleset(str(a))
    c = write(tmp_path / "c.yaml", "id: c\nversion: '1'\nextends: guangdong\n")
    with pytest.raises(RulesetError, match=r"找不到规则集 'guangdong'") as exc:
        load_ruleset(str(c))
    assert exc.value.line == 3


def test_yaml_syntax_error_and_duplicate_key(tmp_path):
    bad = write(tmp_path / "bad.yaml", "id: x\nversion: '1'\nchecks: [unclosed\n")
    with pytest.raises(RulesetError, match="YAML 语法错误") as exc:
        load_ruleset(str(bad))
    assert exc.value.path.endswith("bad.yaml")
    dup = write(tmp_path / "dup.yaml", "id: x\nversion: '1'\nid: y\n")
    with pytest.raises(RulesetError, match="重复的键") as exc:
        load_ruleset(str(dup))
    assert exc.value.line == 3


@pytest.mark.parametrize(("text", "line", "said"), [
    ("id: x\nversion: '1'\nchecks: [a, b\nother: 1\n", 4, "方括号"),
    ("id: x\nchecks:\n  - a\n - b\n", 4, "缩进"),
    ("id: x\n\tversion: '1'\n", 2, "制表符"),
    ("id: x\npattern: \"\\d+\"\n", 2, "单引号"),
    ("id: x\nname: 'open\n", 3, "引号"),
])
def test_yaml_syntax_errors_are_said_in_chinese(tmp_path, text, line, said):
    """The parser's English complaint is not shown: the line, the column and what to fix are."""
    bad = write(tmp_path / "bad.yaml", text)
    with pytest.raises(RulesetError) as exc:
        load_ruleset(str(bad))
    assert exc.value.line == line
    assert said in exc.value.message and f"第 {line} 行" in exc.value.message
    assert not any("a" <= ch.lower() <= "z" for ch in exc.value.message.replace("YAML", ""))


def test_missing_word_file(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '1'\nextends: national\ncheckers:\n  confidential-marker:\n"
                                       "    params:\n      internal_labels: {file: nowhere.txt}\n")
    with pytest.raises(RulesetError, match=r"无法读取词表文件 nowhere\.txt"):
        load_ruleset(str(rs))


def test_cli_exits_2_with_chinese_message_naming_file_and_line(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '1'\nextends: national\nengine:\n  fail_on: blocker\n")
    doc = write(tmp_path / "a.txt", "通知\n")
    p = subprocess.run([sys.executable, "-m", "gkrules", "check", str(doc), "--ruleset", str(rs)],
                       capture_output=True, text=True)
    assert p.returncode == 2
    assert "Traceback" not in p.stderr
    assert "site.yaml:5" in p.stderr and "fail_on" in p.stderr and "取值无效" in p.stderr


def test_rules_command_prints_layered_rules(tmp_path):
    rs = write(tmp_path / "site.yaml", "id: site\nversion: '2'\nextends: national\ncheckers:\n  confidential-marker:\n"
                                       "    rules:\n      internal-label: {severity: warn}\n")
    p = subprocess.run([sys.executable, "-m", "gkrules", "rules", "--ruleset", str(rs), "--format", "json"],
                       capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    import json

    data = json.loads(p.stdout)
    assert [c["id"] for c in data["ruleset"]["chain"]] == ["national", "site"]
    rules = {r["id"]: r for r in data["checkers"]["confidential-marker"]["rules"]}
    assert rules["internal-label"]["severity"] == "warn" and rules["secrecy-mark"]["severity"] == "block"


def test_unreadable_rule_set_files_are_said_in_chinese(tmp_path):
    """A file that cannot be read names the class of problem, not the library's English text."""
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("id: 澜江\nversion: '1'\n".encode("gbk"))
    with pytest.raises(RulesetError, match="不是 UTF-8 编码") as exc:
        load_ruleset(str(gbk))
    assert not any("a" <= ch.lower() <= "z" for ch in exc.value.message.replace("UTF", ""))
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    with pytest.raises(RulesetError, match="这是一个目录") as exc:
        load_yaml(folder)  # (load_ruleset reads a folder as a rule-set directory)
    assert not any("a" <= ch.lower() <= "z" for ch in exc.value.message.replace("yaml", ""))
