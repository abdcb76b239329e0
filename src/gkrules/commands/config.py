"""gkrules config [PATH]: the effective settings for a path and where each came from."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from gkrules.commands import EXIT_OK
from gkrules.errors import UsageError

NAME = "config"
HELP = "显示对某个路径生效的设置及每项的来源（设置文件、命令行或默认值）"


def add_arguments(p) -> None:
    p.description = ("从 PATH（默认当前目录）向上查找 gkrules.toml、.gkrules.toml 与 pyproject.toml 的 [tool.gkrules]，"
                     "显示合并后的设置与每项的来源；近处的文件覆盖远处的文件。")
    p.add_argument("path", nargs="?", default=".", metavar="PATH", help="文件或目录（默认当前目录）")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式（默认 text）")
    p.add_argument("--isolated", action="store_true", help="不读取任何设置文件（只显示默认值）")


def run(args) -> int:
    from gkrules.settings import KEYS, default_jobs, effective_settings

    path = Path(args.path)
    if not path.exists():
        raise UsageError(f"路径不存在：{args.path}")
    settings = effective_settings(path, isolated=args.isolated)
    rows = []
    for key in KEYS:
        value = settings[key]
        shown = value if not (key == "jobs" and value is None) else f"{default_jobs()}（可用的 CPU 核数）"
        rows.append({"key": key, "value": shown, "source": settings.source(key), "description": KEYS[key][2]})
    if args.format == "json":
        data = {"path": str(path), "files": [sf.label for sf in settings.files],
                "ignore_files": sorted({str(base) for _, base in settings.ignore_patterns}),
                "settings": {r["key"]: {"value": r["value"], "source": r["source"]} for r in rows}}
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    files = "、".join(sf.label for sf in settings.files) or "（无，全部为默认值）"
    print(f"路径：{path}")
    print(f"设置文件（由远及近）：{files}")
    for r in rows:
        value = r["value"]
        text = "、".join(value) if isinstance(value, list) else ("（未设置）" if value is None else str(value))
        text = text or "（空）"
        print(f"  {r['key']:<15} = {text}    ← {r['source']}")
    if settings.ignore_patterns:
        print(f"排除文件 .gkrulesignore 中的模式：{'、'.join(p for p, _ in settings.ignore_patterns)}")
    return EXIT_OK
