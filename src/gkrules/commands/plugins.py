"""gkrules plugins: which plugins loaded, what they provide, which failed."""

from __future__ import annotations

import json

from gkrules.commands import EXIT_ERROR, EXIT_OK, add_plugin_options, plugin_manager

NAME = "plugins"
HELP = "列出已加载的插件"


def add_arguments(p) -> None:
    p.add_argument("--format", choices=["text", "json"], default="text")
    add_plugin_options(p)


def run(args) -> int:
    pm = plugin_manager(args)
    checkers = pm.checkers()
    items = []
    for info in pm.plugin_infos():
        provided = sorted(cid for cid in checkers if pm.owner_of_checker(cid) == info.name)
        items.append({"name": info.name, "version": info.version, "hooks": pm.hooks_of(info.name),
                      "checkers": provided})
    failures = [{"name": f.name, "message": f.message} for f in pm.failures]
    if args.format == "json":
        print(json.dumps({"plugins": items, "failures": failures}, ensure_ascii=False, indent=2))
    else:
        for it in items:
            extra = f"；检查器：{'、'.join(it['checkers'])}" if it["checkers"] else ""
            print(f"{it['name']} {it['version'] or ''}  钩子：{'、'.join(it['hooks'])}{extra}")
        for f in failures:
            print(f"未加载：{f['message']}")
    return EXIT_OK if not failures else EXIT_ERROR
