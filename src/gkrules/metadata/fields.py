"""Header fields as government portals and OA exports print them.

``标    题: …``, ``• 索 引 号: …``, ``【成文日期】2023-10-23``, ``密　　级：机密``, several fields
on one line (``发布日期：2025-02-21　来源：桐溪县统计局``), and label/value cells of a portal's
metadata table. Labels may be spread with spaces; a line counts only if it starts with one.

A metadata table without colons (``<th>文号</th><td>…</td>``, a Word table, a table copied
from a browser) reaches the text as tab-separated cells: such a row counts when its cells
alternate label, value, label, value… (``发布机构\t青梧市统计局\t成文日期\t2024-05-08``), so
the header row of a listing (``标题\t发文字号\t公开方式``) or of a data table
(``名称\t单位\t数量``) does not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.metadata.scan import ends_before, lines_at

#: canonical name → labels, most specific first
FIELD_LABELS: dict[str, tuple[str, ...]] = {
    "title": ("标题", "文件标题", "文件名称", "信息名称", "名称"),
    "index_no": ("索引号",),
    "issuer": ("发文机关", "发文单位", "发文机构", "制发机关", "成文单位"),
    "publisher": ("发布机构", "发布单位", "公开单位", "信息来源", "来源"),
    "doc_number": ("发文字号", "文号", "发文号", "文件编号"),
    "formed": ("成文日期", "成文时间", "发文日期", "生成日期", "形成日期", "印发日期"),
    "published": ("发布日期", "发布时间", "公开日期", "公开时间", "上网日期", "上网时间", "公示日期", "公布日期"),
    "changed": ("变更日期", "修订日期"),
    "disclosure": ("公开方式", "公开属性", "公开形式", "公开类型", "公开类别", "公开选项", "信息公开方式",
                   "信息公开属性"),
    "topic": ("主题分类", "主题词", "所属主题"),
    "category": ("文件类型", "文件类别", "文件分类", "公文种类"),
    "validity": ("有效性", "文件状态", "效力状态", "时效性"),
    "secrecy": ("密级",),
    "secrecy_period": ("保密期限",),
    "urgency": ("紧急程度", "缓急程度"),
    "addressee": ("主送机关", "主送"),
    "copy_to": ("抄送机关", "抄送"),
}

_LABEL_TO_FIELD = {label: name for name, labels in FIELD_LABELS.items() for label in labels}


def _spread(label: str) -> str:
    return r"[^\S\n]*".join(re.escape(c) for c in label)


_ALL = sorted(_LABEL_TO_FIELD, key=len, reverse=True)
_LABEL_ALT = "|".join(_spread(lab) for lab in _ALL)
# 【成文日期】…, [ 成文日期 ]… (the square-bracket form of some CMS lists), 成文日期：…
_LABEL_RX = re.compile(rf"【[^\S\n]*(?P<b>{_LABEL_ALT})[^\S\n]*】|\[[^\S\n]*(?P<d>{_LABEL_ALT})[^\S\n]*\]"
                       rf"|(?P<c>{_LABEL_ALT})[^\S\n]*[:：]")
_FIELD_LINE = re.compile(rf"^(?:[^\S\n]|[•·●▪◆■*\-])*(?:【[^\S\n]*(?:{_LABEL_ALT})[^\S\n]*】"
                         rf"|\[[^\S\n]*(?:{_LABEL_ALT})[^\S\n]*\]|(?:{_LABEL_ALT})[^\S\n]*[:：])", re.M)
# a row of tab-separated cells that starts with a label cell (no colon)
_TAB_LINE = re.compile(rf"^[^\S\n]*(?:{_LABEL_ALT})[^\S\n\t]*\t", re.M)
_FIELD_START = re.compile(r"(?:[^\S\n]|[•·●▪◆■*\-])*[【\[" + "".join(sorted({re.escape(lab[0]) for lab in _ALL})) + "]")
_LABEL_END = re.compile("[" + "".join(sorted({re.escape(lab[-1]) for lab in _ALL})) + r"][^\S\n]*[:：】\]\t]")
#: what ends a label (the closing class of _LABEL_END): _iter_fields finds the match starts of
#: _LABEL_END from these few characters (scan.ends_before) instead of a scan of every position
_CLOSERS = ":：】]\t"
_TRIM = " \t\u3000\u2002\u2003\xa0•·|｜"


def canonical(label: str) -> str | None:
    return _LABEL_TO_FIELD.get("".join(label.split()).replace("\u3000", ""))


def iter_fields(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    """(canonical name, label as printed, value, value start, value end) for every header field."""
    yield from header_fields(text)


def header_fields(text: str) -> tuple[tuple[str, str, str, int, int], ...]:
    """``iter_fields`` as a tuple in text order: read once per document by the facts layer."""
    return tuple(sorted([*_iter_fields(text), *_stacked_fields(text)], key=lambda f: f[3]))


# a label alone on its line, its value on the next one (CMS blocks of <div>label</div><div>value</div>)
_FIRSTS = frozenset(lab[0] for lab in _ALL)
_LASTS = frozenset(lab[-1] for lab in _ALL)
assert not any(c.isspace() or c in _CLOSERS for c in _LASTS)  # what scan.ends_before needs
#: a label line is short: longer lines are not tried against every label
_LONGEST_LABEL = 2 * max(len(lab) for lab in _ALL) + 4
#: stacked label/value lines are looked for only in the page's opening, where such blocks stand
STACKED_WINDOW = 1000


def _stacked_fields(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    window = text[:STACKED_WINDOW]
    lines = window.split("\n")
    pos = 0
    for i in range(len(lines) - 1):
        line = lines[i]
        pos += len(line) + 1  # the start of the next line, where the value would be
        if not line or len(line) > _LONGEST_LABEL:
            continue  # (a length test first: most lines are text, not a label)
        label = line.strip(_TRIM)
        if not label or label[0] not in _FIRSTS or label[-1] not in _LASTS:
            continue
        name = canonical(label)
        if name is None:
            continue
        raw = lines[i + 1]
        value = raw.strip(_TRIM)
        if not value or len(value) > 80 or canonical(value) is not None:
            continue
        start = pos + raw.find(value)
        yield name, "".join(label.split()), value, start, start + len(value)


def _iter_fields(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    # a field line has a label's last character right before a colon or 】: match only the
    # lines holding that (see gkrules.metadata.scan), not every line start of the text
    for line_start, line_end in lines_at(text, ends_before(text, _CLOSERS, _LASTS)):
        # _FIELD_LINE tries every label; first make sure the line starts like one
        if not _FIELD_START.match(text, line_start, line_end):
            continue
        if not _FIELD_LINE.match(text, line_start, line_end):
            if _TAB_LINE.match(text, line_start, line_end):
                yield from _tab_cells(text, line_start, line_end)
            continue
        line = text[line_start:line_end]
        hits = list(_LABEL_RX.finditer(line))
        for i, m in enumerate(hits):
            label = m.group("b") or m.group("d") or m.group("c")
            name = canonical(label)
            if name is None:
                continue
            vs = m.end()
            ve = hits[i + 1].start() if i + 1 < len(hits) else len(line)
            raw = line[vs:ve]
            value = raw.strip(_TRIM)
            if not value:
                continue
            offset = raw.find(value)
            start = line_start + vs + offset
            yield name, "".join(label.split()), value, start, start + len(value)


def _tab_cells(text: str, line_start: int, line_end: int) -> Iterator[tuple[str, str, str, int, int]]:
    """Fields of a row of label and value cells (``标题\t…\t发文字号\t…``): every even cell a
    label, no odd cell one."""
    cells = []
    pos = line_start
    for raw in text[line_start:line_end].split("\t"):
        cells.append((raw, pos))
        pos += len(raw) + 1
    pairs = []
    for i in range(0, len(cells), 2):
        label = cells[i][0].strip(_TRIM)
        name = canonical(label)
        value_raw, vpos = cells[i + 1] if i + 1 < len(cells) else ("", pos)
        if name is None or canonical(value_raw.strip(_TRIM)) is not None:
            return
        pairs.append((name, label, value_raw, vpos))
    for name, label, value_raw, vpos in pairs:
        value = value_raw.strip(_TRIM)
        if value:
            start = vpos + value_raw.find(value)
            yield name, "".join(label.split()), value, start, start + len(value)
