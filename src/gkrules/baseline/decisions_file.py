"""Decisions from a file or a request (``gkrules baseline decide``, ``POST /v1/decisions``).

    reviewer: 王五            # default for every item
    stage: 终审
    decisions:
      - {document: site/a.docx, fingerprint: 3f2a…, decision: accept, reason: 已书面同意公开}
      - {document: site/a.docx, fingerprint: 9c41…, decision: reject}

Each item is matched to a finding of the check just made (so severity and the document's
version come from the check, never from the file); an item that matches nothing is an error.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from gkrules import clock
from gkrules.baseline.decide import Decision
from gkrules.baseline.record import STAGES, Review
from gkrules.errors import UsageError

_DECISIONS = {"accept": "accepted", "accepted": "accepted", "接受": "accepted",
              "reject": "rejected", "rejected": "rejected", "驳回": "rejected"}
_ITEM_KEYS = {"document", "fingerprint", "decision", "reason", "reviewer", "stage", "date"}


def read_decisions(file: str, found: Mapping[tuple[str, str], tuple], args) -> list[Decision]:
    import yaml

    try:
        data = yaml.safe_load(Path(file).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise UsageError(f"无法读取决定文件 {file}：{exc.strerror or exc}") from None
    except (yaml.YAMLError, UnicodeDecodeError):
        raise UsageError(f"决定文件 {file} 不是有效的 JSON 或 YAML") from None
    defaults = {"reviewer": args.reviewer, "stage": args.stage, "date": args.date}
    return parse_decisions(data, found, defaults, f"决定文件 {file}")


def _text(item: dict, key: str, default: Any, where: str) -> str:
    value = item.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise UsageError(f"{where}：缺少 {key}（非空字符串）")
    return value.strip()


def parse_decisions(data: Any, found: Mapping[tuple[str, str], tuple], defaults: Mapping[str, Any],
                    where: str) -> list[Decision]:
    """Structure decisions strictly; every problem is named in Chinese, never with content."""
    if isinstance(data, dict):
        defaults = {**defaults, **{k: data[k] for k in ("reviewer", "stage", "date") if data.get(k) is not None}}
        items = data.get("decisions")
    else:
        items = data
    if not isinstance(items, list) or not items:
        raise UsageError(f"{where} 无效：decisions 应为非空列表")
    out = []
    for i, item in enumerate(items):
        at = f"{where} 的 decisions[{i}]"
        if not isinstance(item, dict):
            raise UsageError(f"{at} 应为对象")
        unknown = sorted(set(item) - _ITEM_KEYS)
        if unknown:
            raise UsageError(f"{at}：未知的键 {unknown[0]!r}")
        doc = _text(item, "document", None, at)
        fp = _text(item, "fingerprint", None, at)
        decision = _DECISIONS.get(str(item.get("decision", "")).strip().lower())
        if decision is None:
            raise UsageError(f"{at}：decision 应为 accept（接受）或 reject（驳回）")
        stage = _text(item, "stage", defaults.get("stage"), at)
        if stage not in STAGES:
            raise UsageError(f"{at}：stage 应为 {'、'.join(STAGES)} 之一")
        reviewer = _text(item, "reviewer", defaults.get("reviewer"), at)
        if decision == "accepted":
            reason = _text(item, "reason", None, at)
        else:
            reason = str(item.get("reason") or "").strip() or "审查人驳回：须修改后再发布"
        date = item.get("date", defaults.get("date")) or clock.today()
        if isinstance(date, str):
            try:
                date = dt.date.fromisoformat(date)
            except ValueError:
                raise UsageError(f"{at}：date 应为 YYYY-MM-DD") from None
        if not isinstance(date, dt.date):
            raise UsageError(f"{at}：date 应为 YYYY-MM-DD")
        hit = found.get((doc, fp))
        if hit is None:
            raise UsageError(f"{at}：在本次检查的文件 {doc} 中没有指纹为 {fp} 的意见（文件已修改或指纹有误）")
        d, f = hit
        out.append(Decision(doc, f, d.sha256, Review(reviewer, stage, reason, date, decision)))  # type: ignore[arg-type]  # validated above
    return out
