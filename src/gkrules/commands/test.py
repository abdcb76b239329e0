"""gkrules test RULESET: run a rule set's examples alone (like ``semgrep --test``).

Every rule's ``examples.fail`` must be found and every ``examples.pass`` must stay clean,
under the rule set's own parameters. Examples inherited from a parent rule set that no
longer hold are listed as skipped with the note that says how to replace them.
"""

from __future__ import annotations

import json
import sys

from gkrules.commands import EXIT_FINDINGS, EXIT_OK, add_plugin_options, plugin_manager

NAME = "test"
HELP = "单独运行规则集中每条规则的示例（fail 示例须检出，pass 示例不得误报）"


def add_arguments(p) -> None:
    p.description = ("按规则集自身的参数运行其全部示例，逐条列出结果。自己的示例不成立时退出码 1；"
                     "继承自上级规则集、在本规则集参数下不再成立的示例列为“跳过”，并说明如何替换。")
    p.add_argument("ruleset", metavar="RULESET", help="规则集标识或文件")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    p.add_argument("--verbose", "-v", action="store_true", help="也列出通过的示例")
    add_plugin_options(p)


def run(args) -> int:
    from gkrules.engine import Engine

    engine = Engine(args.ruleset, plugins=plugin_manager(args), check_examples=False)
    outcomes = list(engine.example_outcomes())
    failed = [o for o in outcomes if not o.ok and o.inherited_note is None]
    skipped = [o for o in outcomes if not o.ok and o.inherited_note is not None]
    if args.format == "json":
        data = {"ruleset": {"id": engine.ruleset.id, "version": engine.ruleset.version},
                "passed": len(outcomes) - len(failed) - len(skipped), "failed": len(failed),
                "skipped": len(skipped),
                "examples": [{"rule": o.rule, "kind": o.kind, "where": o.where,
                              "result": "ok" if o.ok else ("skipped" if o.inherited_note else "failed"),
                              "message": o.inherited_note or o.problem} for o in outcomes]}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        for o in outcomes:
            if o.ok and args.verbose:
                print(f"通过  {o.rule} {o.kind}  {o.where}")
            elif not o.ok and o.inherited_note is None:
                print(f"失败  {o.where}: {o.problem}")
            elif not o.ok:
                print(f"跳过  {o.where}: {o.inherited_note}")
        print(f"规则集 {engine.ruleset.id} {engine.ruleset.version}：示例 {len(outcomes)} 个，"
              f"通过 {len(outcomes) - len(failed) - len(skipped)}，失败 {len(failed)}，跳过（继承）{len(skipped)}")
    return EXIT_FINDINGS if failed else EXIT_OK
