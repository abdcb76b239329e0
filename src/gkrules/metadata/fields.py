"""Header fields as government portals and OA exports print them.

``标    题: …``, ``• 索 引 号: …``, ``【成文日期】2023-10-23``, ``密　　级：机密``, several fields
on one line (``发布日期：2025-02-21　来源：桐溪县统计局``), and label/value cells of a portal's
metadata table. Labels may be spread with spaces; a line counts only if it starts with one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.metadata.scan import lines_at

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
    "disclosure": ("公开方式", "公开属性", "公开形式", "公开类型", "公开类别", "信息公开方式", "信息公开属性"),
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
_LABEL_RX = re.compile(rf"【[^\S\n]*(?P<b>{_LABEL_ALT})[^\S\n]*】|(?P<c>{_LABEL_ALT})[^\S\n]*[:：]")
_FIELD_LINE = re.compile(rf"^(?:[^\S\n]|[•·●▪◆■*\-])*(?:【[^\S\n]*(?:{_LABEL_ALT})[^\S\n]*】|(?:{_LABEL_ALT})[^\S\n]*[:：])",
                         re.M)
_FIELD_START = re.compile(r"(?:[^\S\n]|[•·●▪◆■*\-])*[【" + "".join(sorted({re.escape(lab[0]) for lab in _ALL})) + "]")
_LABEL_END = re.compile("[" + "".join(sorted({re.escape(lab[-1]) for lab in _ALL})) + r"][^\S\n]*[:：】]")
_TRIM = " \t\u3000\u2002\u2003\xa0•·|｜"


def canonical(label: str) -> str | None:
    return _LABEL_TO_FIELD.get("".join(label.split()).replace("\u3000", ""))


def iter_fields(text: str) -> Iterator[tuple[str, str, str, int, int]]:
    """(canonical name, label as printed, value, value start, value end) for every header field."""
    # a field line has a label's last character right before a colon or 】: match only the
    # lines holding that (see gkrules.metadata.scan), not every line start of the text
    for line_start, line_end in lines_at(text, (m.start() for m in _LABEL_END.finditer(text))):
        # _FIELD_LINE tries every label; first make sure the line starts like one
        if not (_FIELD_START.match(text, line_start, line_end) and _FIELD_LINE.match(text, line_start, line_end)):
            continue
        line = text[line_start:line_end]
        hits = list(_LABEL_RX.finditer(line))
        for i, m in enumerate(hits):
            label = m.group("b") or m.group("c")
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
