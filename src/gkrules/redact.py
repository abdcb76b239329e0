"""Redaction (条例第三十七条 区分处理): a masked copy of each text document, plus a report of
what was masked, where and why.

The values to mask are the personal-info checker's findings, after the rule set's allowlist
(an allowlisted value is kept and listed as kept, with its reason). Each finding's evidence
is its masked form, the same length as the value, so a copy keeps every offset, line and
column of the original; the report gives those places and never a raw value.

* ``.txt`` and ``.csv``: the copy is the original text with the masks applied, in the
  original encoding (byte-order mark included) and with the original line endings.
* ``.html``: every occurrence of each value in the page source is replaced by its mask; if a
  value cannot be found verbatim in the source (split by tags or written as entities), no
  copy is written and the document is reported as not redacted — never a half-masked page.
* ``.docx`` and ``.xlsx``: every part of the package (body, tables, headers/footers, comments,
  text boxes, shared strings, document properties), see :mod:`gkrules.redaction.ooxml`;
  comments are removed unless ``keep_comments``.
* ``.pdf``: the text is removed from the content streams, not covered, see
  :mod:`gkrules.redaction.pdf`.
* Other formats: not redacted, reported as such.

What a value becomes is chosen per rule (:mod:`gkrules.redaction.operators`): the checker's
mask by default, a pattern, a placeholder (``〔身份证号〕``) or nothing. The report (what,
where, why) is written beside the output folder, never inside it: the folder is what gets
published.

Redaction fails closed: a document whose check is incomplete gets no copy. Masking is
idempotent: a masked copy contains nothing left to mask, so redacting it again changes
nothing.

    report = gkrules.redact(["公示/"], output="脱敏/")
    masked, entries = gkrules.redact_text("申请人：吕振东，手机：13907391256")
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import attrs
from attrs import frozen

from gkrules import clock
from gkrules._version import __version__
from gkrules.errors import GkrulesError, UsageError
from gkrules.inputs import InputDocument, PathProblem, collect_paths
from gkrules.loaders.encoding import decode_text
from gkrules.model import Document, DocumentResult, Finding, Severity
from gkrules.redaction.operators import Operator, checker_mask, operator_for
from gkrules.script import original_document

CHECKER = "personal-info"
REPORT_NAME = "redaction-report.json"
#: the report's default place: beside the output folder, ``<folder>.redaction-report.json``
REPORT_SUFFIX = ".redaction-report.json"
REPORT_SCHEMA = "gkrules/redaction@1"
#: formats whose copy is the original text with masks applied place by place
SPAN_FORMATS = ("txt", "csv")
VALUE_FORMATS = ("html",)
PACKAGE_FORMATS = ("docx", "xlsx")
PDF_FORMATS = ("pdf",)


@frozen
class Redaction:
    """One masked value: where it was (1-based line and column, code-point offsets into the
    checked text), what stands there now, and why."""

    rule: str
    severity: str
    line: int
    column: int
    start: int
    end: int
    masked: str
    reason: str
    basis: str | None
    fingerprint: str
    #: where a person finds it in the original file (第N页, 表N第R行第C列, Sheet!A1, 页眉, 批注…)
    where: str | None = None


@frozen
class Kept:
    """A finding left unmasked because the rule set's allowlist says why."""

    rule: str
    line: int
    column: int
    reason: str


@frozen
class RedactedDocument:
    source: str
    output: str | None
    redactions: tuple[Redaction, ...] = ()
    kept: tuple[Kept, ...] = ()
    errors: tuple[str, ...] = ()
    #: what else was done to the copy or stays in it (tracked changes, properties, comments…)
    notes: tuple[str, ...] = ()


@frozen
class RedactionReport:
    ruleset: str
    ruleset_version: str
    today: dt.date
    documents: tuple[RedactedDocument, ...]

    @property
    def complete(self) -> bool:
        return all(not d.errors for d in self.documents)

    def to_dict(self) -> dict:
        return {
            "schema": REPORT_SCHEMA,
            "tool": {"name": "gkrules", "version": __version__},
            "ruleset": {"id": self.ruleset, "version": self.ruleset_version},
            "today": self.today.isoformat(),
            "complete": self.complete,
            "documents": [
                {"source": d.source, "output": d.output,
                 "redactions": [attrs.asdict(r) for r in d.redactions],
                 "kept": [attrs.asdict(k) for k in d.kept],
                 "notes": list(d.notes),
                 "errors": list(d.errors)}
                for d in self.documents
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2) + "\n"


# -- applying masks ----------------------------------------------------------------------------

def _selected(result: DocumentResult, min_severity: Severity) -> list[Finding]:
    return [f for f in result.findings
            if f.checker == CHECKER and f.severity.at_least(min_severity) and f.location is not None
            and f.location.start is not None and f.location.end is not None]


def _replacement(f: Finding, raw: str) -> str:
    """The finding's masked form (see :func:`gkrules.redaction.operators.checker_mask`)."""
    return checker_mask(f, raw)


def _span(f: Finding) -> tuple[int, int]:
    """Where a finding to mask is (only findings with a text span are masked, see above)."""
    loc = f.location
    assert loc is not None and loc.start is not None and loc.end is not None
    return loc.start, loc.end


Replace = Callable[[Finding, str], str]


def apply_masks(text: str, findings: Sequence[Finding], replace: Replace = _replacement
                ) -> tuple[str, list[tuple[Finding, str]]]:
    """``text`` with each finding's span replaced by its mask (spans never overlap: the
    checker keeps one detection per place; a later overlapping one is skipped)."""
    out: list[str] = []
    done: list[tuple[Finding, str]] = []
    pos = 0
    for f in sorted(findings, key=_span):
        s, e = _span(f)
        if s < pos:
            continue
        mask = replace(f, text[s:e])
        out.append(text[pos:s])
        out.append(mask)
        done.append((f, mask))
        pos = e
    out.append(text[pos:])
    return "".join(out), done


def _redaction(f: Finding, mask: str) -> Redaction:
    loc = f.location
    assert loc is not None
    start, end = _span(f)
    return Redaction(rule=f.rule, severity=f.severity.value, line=loc.line or 0, column=loc.column or 0,
                     start=start, end=end, masked=mask, reason=f.message, basis=f.basis,
                     fingerprint=f.fingerprint, where=_place(f))


def _place(f: Finding) -> str | None:
    loc = f.location
    if loc is None:
        return None
    page = f"第{loc.page}页" if loc.page else ""
    if loc.ref:
        return loc.ref if not page or loc.ref.startswith(page) else f"{page}，{loc.ref}"
    return page or None


def _kept(result: DocumentResult) -> tuple[Kept, ...]:
    out = []
    for s in result.suppressed:
        f = s.finding
        if f.checker == CHECKER and f.location is not None:
            out.append(Kept(rule=f.rule, line=f.location.line or 0, column=f.location.column or 0,
                            reason=s.suppression.justification))
    return tuple(out)


def _raw_offsets(raw: str) -> list[int] | None:
    """Offsets of each character of the newline-normalised text in ``raw`` (None: equal)."""
    if "\r" not in raw:
        return None
    offsets = []
    i, n = 0, len(raw)
    while i < n:
        offsets.append(i)
        i += 2 if raw[i] == "\r" and i + 1 < n and raw[i + 1] == "\n" else 1
    offsets.append(n)
    return offsets


def _mask_source(data: bytes, doc: Document, findings: Sequence[Finding], replace: Replace = _replacement
                 ) -> tuple[bytes, list[tuple[Finding, str]]]:
    """The file's bytes with the masks applied at the findings' places (txt, csv)."""
    raw, encoding = decode_text(data)
    offsets = _raw_offsets(raw)
    if offsets is None:
        if raw != doc.text:
            raise GkrulesError("文件内容与检查时读取的文本不一致，无法逐字脱敏")
        masked, done = apply_masks(raw, findings, replace)
    else:
        _, done = apply_masks(doc.text, findings, replace)
        pieces, pos = [], 0
        for f, mask in done:  # in order, never overlapping: splice at the raw offsets
            start, end = _span(f)
            s, e = offsets[start], offsets[end]
            pieces += [raw[pos:s], mask]
            pos = e
        masked = "".join(pieces) + raw[pos:]
    return masked.encode(encoding), done


def _mask_html(data: bytes, doc: Document, findings: Sequence[Finding], replace: Replace = _replacement
               ) -> tuple[bytes, list[tuple[Finding, str]]]:
    """Every occurrence of each value in the page source replaced by its mask."""
    raw, encoding = decode_text(data)
    pairs = []
    for f in findings:
        start, end = _span(f)
        value = doc.text[start:end]
        mask = replace(f, value)
        if value not in raw:
            raise GkrulesError(f"第 {doc.line_of(start)} 行的{f.rule}值在网页源码中不是连续文字（被标签拆开或写成字符实体），"
                               "无法在源码中脱敏；请先修改网页源码")
        pairs.append((f, value, mask))
    for _, value, mask in sorted(pairs, key=lambda p: -len(p[1])):
        raw = raw.replace(value, mask)
    return raw.encode(encoding, errors="strict"), [(f, mask) for f, _, mask in pairs]


# -- public API --------------------------------------------------------------------------------

def redact_text(text: str, *, engine=None, name: str = "doc.txt", today: dt.date | None = None,
                min_severity: Severity | str = Severity.INFO) -> tuple[str, list[Redaction]]:
    """Mask the personal data of one text; returns (masked text, what was masked)."""
    from gkrules.engine import Engine

    engine = engine or Engine()
    today = today or clock.today()
    item = InputDocument(name, text)
    doc = original_document(engine.prepare(item))  # findings point at the original script
    report = engine.check([item], today=today)
    result = report.documents[0]
    if result.errors:
        raise GkrulesError("检查不完整，不能生成脱敏文本：" + "；".join(e.message for e in result.errors))
    masked, done = apply_masks(doc.text, _selected(result, Severity(min_severity)))
    return masked, [_redaction(f, m) for f, m in done]


def _targets(paths: Iterable[str | os.PathLike], output: Path, extensions: set[str]) -> list[tuple[Path, Path]]:
    """(input file, output file) pairs: a folder keeps its layout under ``output``, a file
    goes to ``output/<name>``. Two inputs must not map to one output, nor an input to itself."""
    pairs: list[tuple[Path, Path]] = []
    seen: dict[Path, Path] = {}
    for raw in paths:
        root = Path(raw)
        for f in collect_paths([root], extensions):
            if isinstance(f, PathProblem):  # nothing is left unmasked silently
                raise UsageError(f"{f.name}：{f.message}")
            rel = f.relative_to(root) if root.is_dir() else Path(f.name)
            target = output / rel
            key = target.resolve()
            if key == f.resolve():
                raise UsageError(f"输出位置与原文件相同：{f}（请指定另一个输出目录）")
            if key in seen and seen[key] != f.resolve():
                raise UsageError(f"两个文件会写到同一个输出位置：{seen[key]} 与 {f}")
            seen[key] = f.resolve()
            pairs.append((f, target))
    return pairs


def default_report_path(output: str | os.PathLike) -> Path:
    """Next to the output folder, never in it: the folder holds what goes on the website, and
    the report (fingerprints, places, reasons) is for the reviewers only."""
    out = Path(output).resolve()
    return out.with_name(out.name + REPORT_SUFFIX)


def redact(paths: Iterable[str | os.PathLike], *, output: str | os.PathLike, ruleset: str = "national",
           today: dt.date | None = None, engine=None, min_severity: Severity | str = Severity.INFO,
           report_path: str | os.PathLike | None = None, operators: Mapping[str, Operator] | None = None,
           dry_run: bool = False, keep_comments: bool = False) -> RedactionReport:
    """Write a redacted copy of each document under ``output`` and the report beside it
    (``<output>.redaction-report.json`` unless ``report_path`` says otherwise; never inside
    ``output``). ``operators`` choose what each rule's values become; ``dry_run`` writes
    nothing and returns what would be done."""
    from gkrules.engine import Engine

    engine = engine or Engine(ruleset)
    today = today or clock.today()
    level = Severity(min_severity)
    out_dir = Path(output)
    if out_dir.exists() and not out_dir.is_dir():
        raise UsageError(f"输出位置不是目录：{out_dir}")
    pairs = _targets(paths, out_dir, engine.loaders.extensions)
    rp = Path(report_path) if report_path is not None else default_report_path(out_dir)
    # the default is beside the output folder, never in it; a path the user names explicitly is
    # where they asked for it (issue 15: "unless asked")
    ops = dict(operators or {})

    def replace(f: Finding, raw: str) -> str:
        return operator_for(ops, f.rule).apply(f, raw)

    docs: list[RedactedDocument] = []
    for src, target in pairs:
        docs.append(_redact_file(engine, src, target, today, level, replace, dry_run, keep_comments))
    report = RedactionReport(ruleset=engine.ruleset.id, ruleset_version=engine.ruleset.version, today=today,
                             documents=tuple(docs))
    if dry_run:
        return report
    try:
        rp.parent.mkdir(parents=True, exist_ok=True)
        rp.write_text(report.to_json(), encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"无法写入脱敏报告 {rp}：{exc.strerror or exc}") from None
    return report


def _redact_file(engine, src: Path, target: Path, today: dt.date, level: Severity, replace: Replace = _replacement,
                 dry_run: bool = False, keep_comments: bool = False) -> RedactedDocument:
    source = str(src)
    # loaded and checked by the engine (in its workers when it has limits), the document
    # comes back with the report: nothing is read in this process
    report, docs = engine.check_documents([src], today=today)
    result = report.documents[0]
    if not docs:
        return RedactedDocument(source=source, output=None,
                                errors=tuple(f"无法读取：{e.message}" for e in result.errors))
    doc = docs[0]
    if result.errors:
        return RedactedDocument(source=source, output=None,
                                errors=tuple(f"检查不完整，未生成脱敏副本：{e.message}" for e in result.errors))
    findings = _selected(result, level)
    notes: list[str] = []
    try:
        data = src.read_bytes()
        if doc.format in SPAN_FORMATS:
            masked, done = _mask_source(data, doc, findings, replace)
        elif doc.format in VALUE_FORMATS:
            masked, done = _mask_html(data, doc, findings, replace)
        elif doc.format in PACKAGE_FORMATS + PDF_FORMATS:
            masked, done, notes = _redact_binary(doc, data, findings, replace, keep_comments)
        else:
            return RedactedDocument(source=source, output=None,
                                    errors=(f"不支持为 {doc.format} 格式生成脱敏副本",))
        if not dry_run:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(masked)
    except (GkrulesError, UnicodeEncodeError, OSError) as exc:
        msg = exc.message if isinstance(exc, GkrulesError) else (
            f"无法写入 {target}：{exc.strerror or exc}" if isinstance(exc, OSError) else "脱敏后的文本无法按原编码保存")
        return RedactedDocument(source=source, output=None, errors=(msg,))
    return RedactedDocument(source=source, output=None if dry_run else str(target),
                            redactions=tuple(_redaction(f, m) for f, m in done), kept=_kept(result), notes=tuple(notes))


def _redact_binary(doc: Document, data: bytes, findings: Sequence[Finding], replace: Replace,
                   keep_comments: bool = False):
    """docx, xlsx, pdf: the values (by the findings' spans in the checked text) replaced in
    the file itself; (bytes, done, notes)."""
    done: list[tuple[Finding, str]] = []
    pairs: dict = {}
    for f in sorted(findings, key=_span):
        start, end = _span(f)
        value = doc.text[start:end]
        if not value.strip():
            continue
        repl = pairs.setdefault(value, replace(f, value))
        done.append((f, "" if doc.format in PDF_FORMATS else repl))  # a PDF copy leaves a blank
    if doc.format in PDF_FORMATS:
        from gkrules.redaction.pdf import redact_pdf
        out, notes = redact_pdf(data, list(pairs.items()))
    else:
        from gkrules.redaction.ooxml import redact_package
        out, notes = redact_package(data, list(pairs.items()), remove_comments=not keep_comments)
    return out, done, notes


__all__ = ["Kept", "RedactedDocument", "Redaction", "RedactionReport", "apply_masks", "redact", "redact_text"]
