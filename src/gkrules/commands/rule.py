"""gkrules rule ID: explain one rule (like ``ruff rule``): what it finds, its severity and
legal basis, its examples, its checker's parameters, and where it is defined."""

from __future__ import annotations

import json
import sys

from gkrules.commands import EXIT_OK, add_plugin_options, plugin_manager
from gkrules.errors import UsageError

NAME = "rule"
HELP = "说明一条规则：检出什么、严重程度、依据、示例、参数及定义位置"


def add_arguments(p) -> None:
    p.description = "说明一条规则，如 gkrules rule personal-info/mobile（规则编号唯一时也可只写 mobile）。"
    p.add_argument("rule_id", metavar="规则", help="检查器/规则，或唯一的规则编号")
    p.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    add_plugin_options(p)


def _find(engine, rule_id: str):
    matches = [(a, r) for a in engine.checkers for r in a.spec.rules
               if rule_id in (f"{a.spec.id}/{r.id}", r.id)]
    if len(matches) == 1:
        return matches[0]
    if not matches:
        import difflib

        full = {r.id: f"{a.spec.id}/{r.id}" for a in engine.checkers for r in a.spec.rules}
        close = difflib.get_close_matches(rule_id, sorted(full.values()), n=3) or [
            full[r] for r in difflib.get_close_matches(rule_id, sorted(full), n=3)]
        hint = f"（是否应为 {'、'.join(close)}？）" if close else "（gkrules rules 列出全部规则）"
        raise UsageError(f"没有规则 {rule_id!r}{hint}")
    raise UsageError(f"规则编号 {rule_id!r} 不唯一：{'、'.join(f'{a.spec.id}/{r.id}' for a, r in matches)}；请写 检查器/规则")


def describe(engine, rule_id: str) -> dict:
    from gkrules.commands.rules import effective_rules

    active, info = _find(engine, rule_id)
    cid = active.spec.id
    settings = active.config.rules.get(info.id)
    marks = engine.ruleset.marks
    where = marks.lookup(("checkers", cid, "rules", info.id)) or marks.lookup(("checkers", cid))
    examples: dict[str, list[dict]] = {"fail": [], "pass": []}
    if settings is not None and settings.examples is not None:
        for kind, texts in (("fail", settings.examples.fail), ("pass", settings.examples.pass_)):
            for i, text in enumerate(texts):
                at = marks.lookup(("checkers", cid, "rules", info.id, "examples", kind, i))
                examples[kind].append({"text": text, "where": f"{at[0]}:{at[1]}" if at else None})
    checker = effective_rules(engine)["checkers"].get(cid, {})
    module = info.source or getattr(active.spec.factory, "__module__", None)
    severity = settings.severity if settings is not None and settings.severity is not None else info.severity
    return {"id": f"{cid}/{info.id}", "title": info.title, "description": info.description,
            "severity": severity.value, "default_severity": info.severity.value,
            "enabled": not (settings is not None and settings.enabled is False), "basis": info.basis,
            "tags": list(info.tags), "help_uri": info.help_uri, "examples": examples,
            "params": checker.get("params", {}),
            "defined": {"plugin": checker.get("plugin"), "module": module, "file": _module_file(module),
                        "ruleset": f"{where[0]}:{where[1]}" if where else None,
                        "ruleset_id": engine.ruleset.id,
                        "words": _word_files(marks, cid, info.words),
                        "tests": list(info.tests), "docs": info.help_uri,
                        "examples_note": info.examples_note or None}}


def _module_file(module: str | None) -> str | None:
    """The source file of a module, relative to the working directory when inside it."""
    if not module:
        return None
    import importlib.util
    from pathlib import Path

    try:
        spec = importlib.util.find_spec(module)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.origin:
        return None
    path = Path(spec.origin)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _word_files(marks, cid: str, words) -> dict[str, str | None]:
    """Each word-list parameter of the rule and the file (and line) its first word comes from."""
    out: dict[str, str | None] = {}
    for name in words:
        at = marks.lookup(("checkers", cid, "params", *name.split("."), 0))
        out[name] = f"{at[0]}:{at[1]}" if at else None
    return out


def _short(value) -> str:
    if isinstance(value, list) and len(value) > 8:
        return "、".join(map(str, value[:8])) + f" …（共 {len(value)} 项）"
    return json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)


def run(args) -> int:
    from gkrules.engine import Engine
    from gkrules.model import Severity

    engine = Engine(args.ruleset, plugins=plugin_manager(args), check_examples=False)
    data = describe(engine, args.rule_id)
    if args.format == "json":
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    sev = Severity(data["severity"]).label
    default = "" if data["severity"] == data["default_severity"] else f"（默认 {Severity(data['default_severity']).label}）"
    print(f"{data['id']}：{data['title']}")
    print(f"  严重程度：{sev}{default}{'' if data['enabled'] else '；本规则集已停用'}")
    print(f"  依据：{data['basis']}")
    if data["description"]:
        print(f"  说明：{data['description']}")
    if data["tags"]:
        print(f"  标签：{'、'.join(data['tags'])}")
    for kind, label in (("fail", "应检出的示例（fail）"), ("pass", "不应检出的示例（pass）")):
        if data["examples"][kind]:
            print(f"  {label}：")
            for ex in data["examples"][kind]:
                print(f"    - {ex['text'].rstrip()!r}  [{ex['where']}]")
    if data["params"]:
        print("  检查器参数：")
        for k, v in data["params"].items():
            print(f"    {k} = {_short(v)}")
    d = data["defined"]
    print(f"  定义：{d['file'] or d['module']}（插件 {d['plugin']}，模块 {d['module']}）")
    print(f"  规则集 {d['ruleset_id']} 中的设置：{d['ruleset'] or '（无）'}")
    for name, where in d["words"].items():
        print(f"  词表 {name}：{where or '（规则集中未给出）'}")
    if d["tests"]:
        print(f"  测试：{'、'.join(d['tests'])}；规则集示例由 tests/test_rule_examples.py 逐条运行")
    if d["docs"]:
        print(f"  文档：{d['docs']}")
    if d["examples_note"]:
        print(f"  示例说明：{d['examples_note']}")
    return EXIT_OK
