"""Metadata extraction (design §8): what a document says about itself.

Sources, strongest first: the host, a sidecar, the portal's header fields, the GB/T 9704
elements of the text, and the title. Every value records its source and, where it was read
from the text, its span, so checkers can point at the line that carries it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

import attrs

from gkrules.metadata import gbt9704
from gkrules.metadata.dates import parse_date
from gkrules.metadata.fields import FIELD_LABELS
from gkrules.metadata.kind import classify
from gkrules.metadata.role import document_role
from gkrules.metadata.sidecar import MetadataOverride, override_fields
from gkrules.model import Document, Metadata

if TYPE_CHECKING:
    from gkrules.facts import DocumentFacts

_DATE_FIELDS = ("formed", "published", "changed")
_SENTENCE = re.compile(r"[，。；！？,;]")
# "上海市统计局2024年政务公开工作要点 上海市统计局 2024-05-06": title, publisher, date
_LISTING_LINE = re.compile(r"^(?P<title>\S.{3,80}?)[^\S\n]+(?P<org>[\u4e00-\u9fa5]{2,30})[^\S\n]+"
                           r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2})[^\S\n]*$")
_TITLE_END = re.compile(r"(?:通知|办法|规定|细则|意见|方案|要点|公报|报告|决定|决定书|通报|公告|通告|解读|函|批复|"
                        r"制度|规则|计划|规划|总结|纪要|汇编|分析|情况|问答|指南|目录|措施|条例)(?:[（(][^）)]*[）)])?$")


_STAMP_MAX = 6
# a line of a CMS metadata block (索引号: …, • [ 发布机构 ], 主题分类, a bare value such as
# 02165835-025/2024-85375 or 2024-06-11): such blocks often stand above the title
_BLOCK_LABELS = "|".join(sorted({lab for labs in FIELD_LABELS.values() for lab in labs} |
                                {"信息索引号", "统一编号", "体裁分类", "组配分类", "责任部门", "生成日期"},
                                key=len, reverse=True))
# (【政策解读】… is a title: a bracket counts only around a known label, or alone on its line)
_METADATA_BLOCK_LINE = re.compile(rf"^(?:[•·●▪◆■*\-][^\S\n]*)?(?:[\[【][^\S\n]*(?:{_BLOCK_LABELS})[^\S\n]*[\]】]"
                                  rf"|[\[【][^\]】]{{0,12}}[\]】][^\S\n]*$"
                                  rf"|(?:{_BLOCK_LABELS})(?:[^\S\n]*[:：|｜\t]|[^\S\n]*$))")
#: a portal column's name printed above the page
_COLUMN_NAMES = frozenset({"行政规范性文件", "规范性文件", "政策文件", "政策解读", "通知公告", "工作动态", "其他文件"})
_SPACES = re.compile(r"[ \u3000\xa0]+")
_BLOCK_FIRSTS = frozenset("•·●▪◆■*-[【") | {lab[0] for labs in FIELD_LABELS.values() for lab in labs} | set("信统体组责生")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]{4}")
_CRUMB = re.compile(r"[>＞»›]|&gt;")
_POSITION = re.compile(r"^(?:当前位置|您的位置|您现在的位置|现在位置|所在位置)\s*[:：]")


def _next_nonempty(lines: list[tuple[int, int, str]], idx: int) -> tuple[int, str] | None:
    for j in range(idx + 1, min(idx + 4, len(lines))):
        if lines[j][2].strip():
            return lines[j][0], lines[j][2]
    return None


def _title_from_text(text: str, head_end_line: int) -> tuple[str, int, int] | None:
    # a CMS metadata block (one label or value a line) can stand above the title: when the
    # first dozen lines hold no title, look further
    found = _title_in_lines(text, head_end_line, 12)
    if found is _NOT_YET:
        found = _title_in_lines(text, head_end_line, 40)
    return None if found is _NOT_YET else found


_NOT_YET = object()


def _title_in_lines(text: str, head_end_line: int, window: int):
    lines = _split_lines(text, head_end_line + window)
    for idx in range(head_end_line, len(lines)):
        s, _e, line = lines[idx]
        stripped = line.strip()
        if not stripped:
            continue
        if not _CJK_RUN.search(stripped):
            continue
        sq = gbt9704.squeeze(stripped)
        if sq in _COLUMN_NAMES:
            continue
        if stripped[0] in _BLOCK_FIRSTS:  # (the label regex only for lines that can start one)
            unspaced = _SPACES.sub("", stripped) if " " in stripped or "\u3000" in stripped else stripped
            if _METADATA_BLOCK_LINE.match(unspaced):  # 索 引 号 → 索引号; tabs between cells stay
                continue
        # "…关于…的函" is a title, "白榆县统计局函" a masthead
        if (gbt9704.MASTHEAD.match(sq) and "关于" not in sq) or (len(stripped) < 60
                                                                 and gbt9704.search_doc_number(stripped)):
            continue
        if gbt9704.match_squeezed_mark(sq) or sq in gbt9704.URGENCIES or gbt9704.FENHAO.match(sq):
            continue
        nxt = _next_nonempty(lines, idx)
        if gbt9704.SIGNATURE_ORG.search(sq) and len(sq) <= 30 and "关于" not in sq and nxt is not None:
            n_start, n_line = nxt
            n_stripped = n_line.strip()
            # the issuing organ on a line of its own, the title's "关于…" on the next line
            if n_stripped.startswith("关于") and not _SENTENCE.search(n_stripped):
                start = s + (len(line) - len(line.lstrip()))
                end = n_start + (len(n_line) - len(n_line.lstrip())) + len(n_stripped)
                return stripped + n_stripped, start, end
            # a letterhead (白榆县统计局) above the 发文字号, the site's or organ's name above a title
            if (gbt9704.DOC_NUMBER.search(n_stripped) and len(n_stripped) < 60) or (
                    len(n_stripped) <= 90 and _TITLE_END.search(n_stripped) and not _SENTENCE.search(n_stripped)):
                continue
        # a short stamp above the title (工作秘密, 内部资料, 特急, 内部文件　注意保存…) is not the title
        if not _TITLE_END.search(sq) and all(len(part) <= _STAMP_MAX for part in stripped.split()):
            continue
        # a breadcrumb copied with the page (当前位置：首页 > 政务公开 > 通知公告)
        if len(_CRUMB.findall(stripped)) >= 2 or _POSITION.match(stripped):
            continue
        if len(stripped) > 90 or (_SENTENCE.search(stripped) and not stripped.startswith("关于")
                                  and "关于" not in stripped[:20]):
            return None
        if stripped.endswith(("：", ":")):
            return None
        start = s + (len(line) - len(line.lstrip()))
        title, end = _continued_title(lines, idx, stripped, start + len(stripped))
        return title, start, end
    # ran out of lines: more of the text may follow the window
    return _NOT_YET if len(lines) >= head_end_line + window else None


class _Found:
    """Values read so far, with the span and source of each (the first reader of a value wins
    unless a later one is stronger; each step below says which)."""

    def __init__(self, fields: dict[str, str]):
        self.values: dict[str, Any] = {}
        self.spans: dict[str, tuple[int, int]] = {}
        self.sources: dict[str, str] = {}
        self.fields = fields

    def put(self, name: str, value: Any, span: tuple[int, int] | None, source: str) -> None:
        self.values[name] = value
        if span is not None:
            self.spans[name] = span
        self.sources[name] = source

    def put_span(self, name: str, found: gbt9704.Span | gbt9704.SecrecyMark, source: str) -> None:
        self.put(name, found.text, (found.start, found.end), source)


def _continued_title(lines: list[tuple[int, int, str]], idx: int, title: str, end: int) -> tuple[str, int]:
    """A title broken over two lines ("…关于印发…公开" / "标准化…实施方案》的通知"): (title, end)."""
    if _TITLE_END.search(title):
        return title, end
    for j in range(idx + 1, min(idx + 4, len(lines))):
        s2, _e2, next_line = lines[j]
        n2 = next_line.strip()
        if not n2:
            continue
        if len(n2) <= 40 and _TITLE_END.search(n2) and not n2.endswith(("：", ":")):
            return title + n2, s2 + (len(next_line) - len(next_line.lstrip())) + len(n2)
        break
    return title, end


def extract(doc: Document, facts: DocumentFacts | None = None) -> Metadata:
    """Metadata read from the document's own text (and what its loader found).

    ``facts`` are the document's facts (the engine passes the ones its checkers will read);
    without them the text is read here."""
    if facts is None:
        from gkrules.facts import DocumentFacts  # the facts layer imports this package's parsers

        facts = DocumentFacts(doc)
    text = doc.text
    base = doc.metadata
    found = _Found(dict(base.fields))
    _loader_fields(found, text)
    _printed_fields(found, facts)
    head = facts.head()
    _head_values(found, head, text)
    head_end_offset = _head_end_offset(text, head)
    if "title" not in found.values:
        _title(found, text, head)
    if "addressee" not in found.values:
        after = found.spans["title"][1] if "title" in found.spans else head_end_offset
        addressee = gbt9704.find_addressee(text, after)
        if addressee:
            found.put_span("addressee", addressee, "gbt9704")
    tail = gbt9704.parse_tail(text, head_end_offset, facts.annotations, facts.date_positions)
    _tail_values(found, tail)
    _parse_dates(found.values)

    values, fields = found.values, found.fields
    kind, doctype = classify(values.get("title"), values.get("doc_number"))
    role = document_role(text, values.get("title"), values.get("doc_number"), values.get("publisher"), fields)
    return Metadata(role=role.role, role_reasons=role.reasons,
        **{k: v for k, v in values.items() if k in _METADATA_FIELDS},
        kind=kind, doctype=doctype, annotations=tuple(a.text for a in tail.annotations), encoding=base.encoding,
        normalised=base.normalised, format=base.format or doc.format, fields=fields, spans=found.spans,
        sources=found.sources, extra=dict(base.extra),
    )


def _loader_fields(found: _Found, text: str) -> None:
    """Loader-provided fields (HTML <meta>) map like printed labels."""
    for label, name in (("标题", "title"), ("发布日期", "published"), ("发布机构", "publisher")):
        if label in found.fields:
            found.put(name, found.fields[label], None, "header")
    title = found.values.get("title")
    if isinstance(title, str):
        at = text.find(title)  # a title the page also prints: point at it
        if at >= 0:
            found.spans["title"] = (at, at + len(title))


def _printed_fields(found: _Found, facts: DocumentFacts) -> None:
    """Header fields printed in the text; the first printed occurrence wins over <meta> tags."""
    for name, label, value, s, e in facts.header_fields:
        found.fields.setdefault(label, value)
        if name not in found.spans:
            found.put(name, value, (s, e), "header")


def _head_values(found: _Found, head: gbt9704.Head, text: str) -> None:
    """份号, 密级, 紧急程度 from the GB/T 9704 head; the 发文字号 wherever it stands."""
    if head.fenhao:
        found.put_span("fenhao", head.fenhao, "gbt9704")
    if head.secrecy and "secrecy" not in found.spans:
        found.put_span("secrecy", head.secrecy, "gbt9704")
    if head.urgency and "urgency" not in found.values:
        found.put_span("urgency", head.urgency, "gbt9704")
    if "doc_number" not in found.values:
        dn = gbt9704.find_doc_number(text)
        if dn:
            found.put_span("doc_number", dn, "gbt9704")


def _split_lines(text: str, limit: int) -> list[tuple[int, int, str]]:
    """``gbt9704.split_lines(text, limit)`` from one ``str.split`` (cheaper per line)."""
    out = []
    end = -1
    for line in gbt9704.head_lines(text, limit):
        start = end + 1
        end = start + len(line)
        out.append((start, end, line))
    return out


def _head_end_offset(text: str, head: gbt9704.Head) -> int:
    """Where the line after the head zone starts (the end of the text when there is none)."""
    if not head.end_line:
        return 0
    lines = text.split("\n", head.end_line)
    return len(text) - len(lines[-1]) if len(lines) > head.end_line else len(text)


def _title(found: _Found, text: str, head: gbt9704.Head) -> None:
    """The title: a listing line (title, publisher, date), or the first title-like line after
    the head; a 纪要's masthead is its title."""
    first = text.split("\n", 1)[0].strip()
    lm = _LISTING_LINE.match(first)
    if lm and parse_date(lm.group("date")):
        title = lm.group("title")
        at = text.find(title)
        found.put("title", title.strip(), (at, at + len(title)), "title")
        found.values.setdefault("publisher", lm.group("org"))
        found.sources.setdefault("publisher", "title")
        if "published" not in found.values:
            ds = text.find(lm.group("date"))
            found.put("published", lm.group("date"), (ds, ds + len(lm.group("date"))), "title")
        return
    line = _title_from_text(text, head.end_line)
    if line is None and head.masthead is not None and head.masthead.text.endswith("纪要"):
        # a 纪要's masthead (青梧市统计局局长办公会议纪要) is its title (GB/T 9704 §10.3)
        line = (head.masthead.text, head.masthead.start, head.masthead.end)
    if line:
        found.put("title", line[0], (line[1], line[2]), "title")


def _tail_values(found: _Found, tail: gbt9704.Tail) -> None:
    """成文日期, the disclosure attribute of the 附注, 抄送 and 印发."""
    if tail.formed and "formed" not in found.values:
        found.put_span("formed", tail.formed, "gbt9704")
    if "disclosure" in found.values:
        found.values["disclosure"] = gbt9704.disclosure_of(found.values["disclosure"]) or found.values["disclosure"]
    else:
        for a in tail.annotations:
            d = gbt9704.disclosure_of(a.text)
            if d:
                found.put("disclosure", d, (a.start, a.end), "gbt9704")
                break
    if tail.copy_to and "copy_to" not in found.values:
        found.put_span("copy_to", tail.copy_to, "gbt9704")
    if tail.printed:
        found.put_span("printed_by", tail.printed, "gbt9704")


def _parse_dates(values: dict[str, Any]) -> None:
    """Dates parsed; an unparseable value stays only in ``fields`` (checkers report it)."""
    for name in _DATE_FIELDS:
        if name in values and isinstance(values[name], str):
            parsed = parse_date(values[name])
            if parsed is None:
                del values[name]
            else:
                values[name] = parsed


_METADATA_FIELDS = {a.name for a in attrs.fields(Metadata)} - {
    "kind", "doctype", "annotations", "encoding", "normalised", "format", "role", "role_reasons", "fields", "spans",
    "sources", "extra"}


def apply_override(meta: Metadata, override: MetadataOverride | None, source: str, text: str | None = None) -> Metadata:
    """Values from a sidecar or the host replace what the text said (``text``: the document's,
    to read its role again when the host names its publisher, title or number)."""
    if override is None:
        return meta
    given = override_fields(override)
    changes: dict[str, Any] = {}
    extra = dict(meta.extra)
    sources = dict(meta.sources)
    spans = dict(meta.spans)
    for key, value in given.items():
        if key in ("url", "deadline_workdays"):
            extra[key] = value
        else:
            changes[key] = value
        sources[key] = source
        spans.pop(key, None)
    if "title" in given and "kind" not in given:
        kind, doctype = classify(given["title"], given.get("doc_number", meta.doc_number))
        changes.setdefault("kind", kind or meta.kind)
        changes.setdefault("doctype", doctype or meta.doctype)
    if text is not None and given.keys() & {"publisher", "title", "doc_number"}:
        role = document_role(text, given.get("title", meta.title), given.get("doc_number", meta.doc_number),
                             given.get("publisher", meta.publisher), meta.fields)
        changes.setdefault("role", role.role)
        changes.setdefault("role_reasons", role.reasons)
    return attrs.evolve(meta, **changes, sources=sources, spans=spans, extra=extra)


__all__ = ["apply_override", "extract"]
