"""Document kind from the 文种 of the title (design §8): a first classification that batch
checkers refine. ``kind`` is one of policy | interpretation | notice | penalty | statistics |
other; ``doctype`` is the 文种 word itself (办法, 通知, 工作要点…)."""

from __future__ import annotations

import re

# longest first: 实施细则 before 细则, 工作要点 before 要点
_DOCTYPES: tuple[tuple[str, str], ...] = (
    ("行政处罚决定书", "penalty"), ("处罚决定书", "penalty"), ("决定书", "penalty"),
    ("答记者问", "interpretation"), ("政策解读", "interpretation"), ("解读", "interpretation"),
    ("十问十答", "interpretation"), ("问答", "interpretation"), ("答问实录", "interpretation"),
    ("答问", "interpretation"),
    ("实施细则", "policy"), ("实施办法", "policy"), ("管理办法", "policy"), ("暂行办法", "policy"),
    ("办法", "policy"), ("规定", "policy"), ("细则", "policy"), ("规则", "policy"), ("规程", "policy"),
    ("若干意见", "policy"), ("指导意见", "policy"), ("实施意见", "policy"), ("意见", "policy"),
    ("若干措施", "policy"), ("措施", "policy"), ("裁量基准清单", "policy"), ("裁量权基准清单", "policy"),
    ("裁量基准", "policy"), ("裁量权基准", "policy"), ("条例", "policy"), ("决定", "policy"), ("规范", "policy"),
    ("统计公报", "statistics"), ("公报", "statistics"), ("统计月报", "statistics"), ("主要指标", "statistics"),
    ("工作要点", "other"), ("要点", "other"), ("实施方案", "other"), ("工作方案", "other"), ("方案", "other"),
    ("工作计划", "other"), ("计划", "other"), ("规划", "other"), ("制度", "other"), ("总结", "other"),
    ("报告", "other"), ("指南", "other"), ("目录", "other"),
    ("通知", "notice"), ("通报", "notice"), ("公告", "notice"), ("通告", "notice"), ("公示", "notice"),
    ("函", "notice"), ("批复", "notice"), ("请示", "notice"), ("纪要", "notice"),
)
# 印发《X》的通知, and 印发X的通知 without the book-title marks
_ISSUED = re.compile(r"(?:印发|发布|转发|颁布)\s*(?:[《<〈]\s*(?P<inner>[^》>〉]+?)\s*[》>〉]|(?P<bare>[^《》<>〈〉]{4,80}?)的通知)")
# 图解：…, 【政策解读】…: the form of an interpretation heads the title
_INTERPRETATION_HEAD = re.compile(r"^[【\[［(（]?(?:一图读懂|一图看懂|图解|图说|解读|(?:政策|视频|图文|音频|动漫|H5)解读"
                                  r"|[^：:｜|丨《]{1,6}解读[：:｜|丨])")
# "…就《X》答记者问", "《X》解读（文字稿）": a 解读 of a named document; 数据解读 explains figures
_NAMED_INTERPRETATION = re.compile(r"[《〈].+?[》〉].*?(?:解读|答记者问|答问|新闻发布会|吹风会)")
_PENALTY = re.compile(r"行政处罚|处罚决定|处罚信息")
#: the 规 of a 规范性文件 number (…规〔2024〕1号)
_NORMATIVE_NUMBER = re.compile(r"规\s*[〔\[【(（]")


# the words by their last character, in _DOCTYPES order: a title can only end with those
_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _word, _kind in _DOCTYPES:
    _BY_LAST.setdefault(_word[-1], []).append((_word, _kind))
_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[）)]$")


def _doctype_of(title: str) -> tuple[str, str] | None:
    t = title.strip().rstrip("。. ")
    t = _TRAILING_NOTE.sub("", t).strip()  # （试行）, （征求意见稿）
    for word, kind in _BY_LAST.get(t[-1:], ()):
        if t.endswith(word):
            return word, kind
    return None


def classify(title: str | None, doc_number: str | None = None) -> tuple[str | None, str | None]:
    """(kind, doctype) from the title (and the 规 of a 规范性文件 number)."""
    if not title:
        if doc_number and _NORMATIVE_NUMBER.search(doc_number):
            return "policy", None
        return None, None
    found = _doctype_of(title)
    if (_INTERPRETATION_HEAD.match(title) or _NAMED_INTERPRETATION.search(title)) and "数据解读" not in title:
        return "interpretation", found[0] if found and found[1] == "interpretation" else "解读"
    if found and found[1] == "interpretation":
        return "interpretation", found[0]
    if _PENALTY.search(title) and found and found[1] in ("penalty", "notice"):
        return "penalty", found[0]
    m = _ISSUED.search(title)
    if m and found and found[0] == "通知":
        inner = _doctype_of(m.group("inner") or m.group("bare"))
        if inner:
            return inner[1], inner[0]
    if found:
        kind, doctype = found[1], found[0]
        if doc_number and _NORMATIVE_NUMBER.search(doc_number) and kind in ("notice", "other"):
            kind = "policy"
        return kind, doctype
    return None, None


#: header fields whose value may say 规范性文件 (文件类型：行政规范性文件)
CATEGORY_LABELS = ("文件类型", "文件类别", "文件分类", "公文种类")


def normative_reason(meta, number_pattern: re.Pattern, categories) -> str | None:
    """Why a document is a 行政规范性文件 (a 规 number, a 文件类型 field saying so), in Chinese,
    or None. ``meta`` is a :class:`gkrules.model.Metadata`."""
    if meta.doc_number and number_pattern.search(meta.doc_number):
        return f"发文字号“{meta.doc_number}”带“规”字，是行政规范性文件编号"
    for label in CATEGORY_LABELS:
        value = meta.fields.get(label)
        if value and any(c in value for c in categories):
            return f"{label}栏标明“{value}”"
    return None
