"""gkrules rules: the effective rules after layering."""

from __future__ import annotations

import json

from gkrules.commands import EXIT_OK, add_plugin_options, plugin_manager
from gkrules.effective_rules import effective_rules
from gkrules.model import Severity

NAME = "rules"
HELP = "显示分层合并后的有效规则"


def add_arguments(r) -> None:
    r.add_argument("--ruleset", default="national", metavar="ID|FILE", help="规则集标识或文件（默认 national）")
    r.add_argument("--format", choices=["text", "json"], default="text")
    add_plugin_options(r)


def run(args) -> int:
    from gkrules.engine import Engine

    engine = Engine(args.ruleset, plugins=plugin_manager(args))
    data = effective_rules(engine)
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return EXIT_OK
    rs = data["ruleset"]
    print(f"规则集：{rs['id']} {rs['version']}（{rs['digest']}）")
    print("分层：" + " → ".join(f"{c['id']}@{c['version']}（{c['file']}）" for c in rs["chain"]))
    print(data["calendar_years"]["text"])
    for cid, c in data["checkers"].items():
        state = "启用" if c["enabled"] else "停用"
        print(f"\n[{cid}] {state}（插件 {c['plugin']}）")
        for r in c["rules"]:
            flag = "" if r["enabled"] else "（停用）"
            print(f"  {r['id']:<28} {Severity(r['severity']).label}{flag}  {r['title']}")
            print(f"  {'':<28} 依据：{r['basis']}")
        for k, v in c["params"].items():
            shown = v
            if isinstance(v, list) and len(v) > 8:
                shown = "、".join(map(str, v[:8])) + f" …（共 {len(v)} 项）"
            print(f"  参数 {k} = {shown}")
    if data["allowlist"]:
        print(f"\n允许清单：{len(data['allowlist'])} 项")
    return EXIT_OK
