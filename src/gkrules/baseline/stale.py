"""Entries of the review record that no longer match anything: reported, never silent.

A stale entry (the finding was fixed, or the text it accepted changed) is shown as an
``info`` finding ``baseline/stale-entry`` on its document, so that the JSON contract stays
as it is and the gate decision does not change; ``gkrules baseline update`` removes it.
Only documents that were checked (and loaded) in this run are judged.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import TYPE_CHECKING

import attrs

from gkrules.baseline.record import Entry
from gkrules.model import Finding, Report, Severity
from gkrules.specs import RuleInfo

if TYPE_CHECKING:
    from gkrules.filters.baseline import BaselineFilter

STALE_RULE = RuleInfo(
    "stale-entry", "审查记录中已接受的意见已不再出现", Severity.INFO,
    "《政府信息公开条例》第十七条（公开前审查）：审查记录应与待发布文件的现状一致",
    ("审查记录",), "文件已修改或问题已消除，审查记录中的对应条目应清理（gkrules baseline update）。")
STALE_KEY = ("baseline", "stale-entry")


def present_fingerprints(report: Report, flt: BaselineFilter) -> dict[str, set[str]]:
    """Fingerprints found per document key, whether reported or suppressed by any filter."""
    out: dict[str, set[str]] = defaultdict(set)
    for d in report.documents:
        if d.sha256 is None:  # not loaded: nothing can be said about its entries
            continue
        key = flt.document_key(d.source)
        out[key].update(f.fingerprint for f in d.findings)
        out[key].update(s.finding.fingerprint for s in d.suppressed)
    return out


def stale_entries(report: Report, flt: BaselineFilter) -> dict[str, list[Entry]]:
    """Entries of checked documents that matched no finding, by document key."""
    present = present_fingerprints(report, flt)
    out: dict[str, list[Entry]] = defaultdict(list)
    for e in flt.baseline.entries:
        if e.document in present and e.fingerprint not in present[e.document]:
            out[e.document].append(e)
    return out


def invalid_entries(report: Report, flt: BaselineFilter) -> dict[str, list[tuple[Entry, str]]]:
    """Acceptances of findings still present that no longer hold (document changed since the
    decision, or the acceptance falls short of the rule set's waiver policy), with why."""
    out: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    for d in report.documents:
        if d.sha256 is None:
            continue
        key = flt.document_key(d.source)
        for f in d.findings:
            e = flt.index.get((key, f.fingerprint))
            if e is None or e.decision != "accepted":
                continue
            why = flt.invalid_reason(e, d.sha256)
            if why is not None:
                out[key].append((e, why))
    return out


def invalid_finding(e: Entry, why: str) -> Finding:
    return _entry_finding(e, "invalid",
                          f"审查记录中对 {_what(e)} 的接受不再有效：{why}（原为{e.stage}，审查人 {e.reviewer}，"
                          f"{e.date.isoformat()}）；请用 gkrules baseline audit --interactive 重新审查")


def stale_finding(e: Entry) -> Finding:
    return _entry_finding(e, "stale",
                          f"审查记录中已接受的意见 {_what(e)} 已不再出现（{e.stage}，审查人 {e.reviewer}，"
                          f"{e.date.isoformat()}）；请运行 gkrules baseline update 清理该条目")


def _what(e: Entry) -> str:
    return f"{e.checker}/{e.rule}" + (f"（{e.title}）" if e.title else "")


def _entry_finding(e: Entry, kind: str, message: str) -> Finding:
    """A ``baseline/stale-entry`` finding about record entry ``e``; ``kind`` keeps the
    fingerprints of a lapsed and of a vanished entry apart."""
    return Finding(
        checker=STALE_KEY[0], rule=STALE_KEY[1], severity=STALE_RULE.severity, message=message,
        basis=STALE_RULE.basis, tags=STALE_RULE.tags,
        fingerprint=hashlib.sha256(f"gkrules/{kind}\0{e.document}\0{e.fingerprint}".encode()).hexdigest()[:32])


def with_stale_findings(report: Report, flt: BaselineFilter) -> Report:
    """The report with one ``baseline/stale-entry`` finding per stale entry (summary updated)."""
    stale = stale_entries(report, flt)
    invalid = invalid_entries(report, flt)
    if not stale and not invalid:
        return report
    docs = []
    for d in report.documents:
        key = flt.document_key(d.source)
        extra = [stale_finding(e) for e in stale.get(key, [])] if d.sha256 is not None else []
        extra += [invalid_finding(e, why) for e, why in invalid.get(key, [])]
        docs.append(attrs.evolve(d, findings=d.findings + tuple(extra)) if extra else d)
    counts = Counter(f.severity for d in docs for f in d.findings)
    summary = attrs.evolve(report.summary, block=counts[Severity.BLOCK], warn=counts[Severity.WARN],
                           info=counts[Severity.INFO])
    return attrs.evolve(report, documents=tuple(docs), summary=summary)
