"""The review record (审查记录): findings that reviewers accepted, keyed by fingerprint.

An entry names the document (relative to the record's folder), the finding's fingerprint
(checker + rule + hashed normalised value + occurrence: never a line number, so the entry
holds when text elsewhere in the document changes), the rule, the severity it was accepted
at, and who accepted it at which review stage (自审/送审/终审), why and when. Earlier reviews
of the same entry are kept in ``history``.

Nothing in the file repeats document text: no message, no evidence, no line. The rule's
title says what kind of finding it was; ``gkrules baseline audit`` shows the masked evidence
from a fresh check.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import Any, Literal

import attrs
import cattrs
from attrs import field, frozen

from gkrules.errors import UsageError
from gkrules.model import Severity
from gkrules.ruleset.convert import CONVERTER as _STRICT
from gkrules.ruleset.convert import format_path, iter_problems

SCHEMA = "gkrules/baseline@2"
#: records of the first schema (no decision, no document version) are still read
READABLE_SCHEMAS = ("gkrules/baseline@1", SCHEMA)
DEFAULT_FILE = ".gkrules-baseline.json"
#: review stages in order: the author's own check, the department's, the final sign-off
STAGES: tuple[str, ...] = ("自审", "送审", "终审")
Stage = Literal["自审", "送审", "终审"]
Decision = Literal["accepted", "rejected"]
DECISION_LABEL = {"accepted": "接受", "rejected": "驳回"}


def _non_blank(_inst: Any, att: attrs.Attribute, value: str) -> None:
    if not value.strip():
        raise ValueError(f"{att.name} 不能为空")


@frozen
class Review:
    """One decision on one finding: who, at which stage, what, why, when, on which version
    (SHA-256 of the file) of the document; ``bulk`` when one reason covered several findings."""

    reviewer: str = field(validator=_non_blank)
    stage: Stage
    reason: str = field(validator=_non_blank)
    date: dt.date
    decision: Decision = "accepted"
    document_sha256: str | None = None
    bulk: bool = False


@frozen
class Entry:
    document: str
    fingerprint: str
    checker: str
    rule: str
    severity: Severity
    reviewer: str = field(validator=_non_blank)
    stage: Stage
    reason: str = field(validator=_non_blank)
    date: dt.date
    title: str = ""
    #: accepted (suppressed while the document is unchanged) or rejected (must be fixed)
    decision: Decision = "accepted"
    #: the version of the document decided on; another version invalidates the decision
    document_sha256: str | None = None
    bulk: bool = False
    history: tuple[Review, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return self.document, self.fingerprint

    @property
    def review(self) -> Review:
        return Review(self.reviewer, self.stage, self.reason, self.date, self.decision, self.document_sha256,
                      self.bulk)

    def signed(self, review: Review) -> Entry:
        """This entry decided again (a later stage, or a new decision): the current review goes
        to history, which is only ever appended to."""
        return attrs.evolve(self, reviewer=review.reviewer, stage=review.stage, reason=review.reason,
                            date=review.date, decision=review.decision,
                            document_sha256=review.document_sha256 or self.document_sha256, bulk=review.bulk,
                            history=(*self.history, self.review))

    def holds_for(self, sha256: str | None) -> bool:
        """Whether the decision was made on this version of the document (records of the
        first schema carry no version and hold as before)."""
        return self.document_sha256 is None or sha256 is None or self.document_sha256 == sha256


@frozen
class RulesetRef:
    id: str
    version: str
    digest: str


@frozen
class Baseline:
    schema: str = SCHEMA
    generated_by: str = ""
    ruleset: RulesetRef | None = None
    entries: tuple[Entry, ...] = ()

    def with_entries(self, entries: Iterable[Entry], **changes: Any) -> Baseline:
        ordered = sorted({e.key: e for e in entries}.values(),
                         key=lambda e: (e.document, e.checker, e.rule, e.fingerprint))
        return attrs.evolve(self, entries=tuple(ordered), **changes)

    def stage_counts(self) -> dict[str, int]:
        return {s: sum(1 for e in self.entries if e.stage == s) for s in STAGES}


def stage_rank(stage: str) -> int:
    return STAGES.index(stage)


def document_key(source: str, root: Path) -> str:
    """How an entry names a document: its path relative to the record's folder, with ``/``.

    ``source`` is the document's path as the check saw it (relative to the current folder,
    or absolute), so that ``gkrules check site/`` and ``gkrules check ./site`` agree.
    """
    try:
        rel = os.path.relpath(os.path.abspath(source), os.path.abspath(root))
    except ValueError:  # another drive (Windows)
        return PurePath(source).as_posix()
    return PurePath(rel).as_posix()


_out = cattrs.Converter()
_out.register_unstructure_hook(dt.date, lambda d: d.isoformat())
_out.register_unstructure_hook(Severity, lambda s: s.value)


def _drop_defaults(review: dict[str, Any]) -> None:
    if review.get("document_sha256") is None:
        review.pop("document_sha256", None)
    if not review.get("bulk"):
        review.pop("bulk", None)


def to_dict(baseline: Baseline) -> dict[str, Any]:
    data = _out.unstructure(baseline)
    data["schema"] = SCHEMA
    for e in data["entries"]:
        if not e["history"]:
            del e["history"]
        if not e["title"]:
            del e["title"]
        _drop_defaults(e)
        for h in e.get("history", ()):
            _drop_defaults(h)
    if data["ruleset"] is None:
        del data["ruleset"]
    return data


def dumps(baseline: Baseline) -> str:
    return json.dumps(to_dict(baseline), ensure_ascii=False, indent=2) + "\n"


def parse(data: Any, where: str) -> Baseline:
    """Strictly structure a parsed JSON document; every problem is named, in Chinese."""
    if not isinstance(data, dict):
        raise UsageError(f"{where} 无效：顶层应为 JSON 对象")
    if data.get("schema") not in READABLE_SCHEMAS:
        raise UsageError(f"{where} 无效：schema 应为 {SCHEMA!r}，实际为 {data.get('schema')!r}")
    try:
        baseline = _STRICT.structure(data, Baseline)
    except Exception as exc:  # cattrs exception groups
        problems = "；".join(f"{format_path(p)}: {m}" for p, m in iter_problems(exc))
        raise UsageError(f"{where} 无效：{problems}") from None
    seen: set[tuple[str, str]] = set()
    for i, e in enumerate(baseline.entries):
        if e.key in seen:
            raise UsageError(f"{where} 无效：entries[{i}] 与前面的条目重复（{e.document}，{e.fingerprint}）")
        seen.add(e.key)
    return baseline


def load(path: str | os.PathLike) -> Baseline:
    p = Path(path)
    try:
        raw = p.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"审查记录文件不存在：{path}（可用 gkrules baseline create 建立）") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"无法读取审查记录文件 {path}：{exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise UsageError(f"审查记录文件 {path} 不是有效的 JSON（第 {exc.lineno} 行：{exc.msg}）") from None
    return parse(data, f"审查记录文件 {path}")


def save(baseline: Baseline, path: str | os.PathLike) -> None:
    p = Path(path)
    tmp = p.with_name(p.name + ".tmp")
    try:
        tmp.write_text(dumps(baseline), encoding="utf-8")
        os.replace(tmp, p)  # never leave a half-written review record
    except OSError as exc:
        raise UsageError(f"无法写入审查记录文件 {path}：{exc.strerror or exc}") from None
