"""What a table's 注/说明 lines say its symbols mean (unit-identifiability.md §5.3).

Yearbooks use blanks and dashes for "zero / below the smallest unit / no data", so those
count as suppressions only where the legend says so; "…" and friends count without one.
"""

from __future__ import annotations

import re

from attrs import frozen

_SYMBOL = r"(?P<sym>……|…|\.\.\.|—|－|-|×|x|X|\*|＊|D|/|空格|空白)"
# a symbol is defined only where it stands quoted or alone before 表示/为…; an empty pair of
# quotes (“”) is the blank cell
_DEFINITION = re.compile(
    r"(?:[“\"「『]" + _SYMBOL + r"[”\"」』]|(?<![\w\u4e00-\u9fa5])" + _SYMBOL.replace("sym", "sym2")
    + r"|(?P<empty>[“\"「『]\s*[”\"」』]))\s*(?:均)?(?:表示|为|代表|系|指)(?P<meaning>[^；;。\n]{1,60})")
_SUPPRESSED = re.compile(r"保密|未予?公[布开]|不予?公[布开]|不宜公[布开]|保护|调查对象|商业秘密|隐去|涉及单个|涉密|不足\s*\d|少于\s*\d|"
                         r"不足[三两二]|少于[三两二]|数据略|资料略")
_NOT_SUPPRESSED = re.compile(r"^(?:无|零|数据不详|不详|不适用|无此项|无数据|缺|空缺|该项无|没有|数字不足|不足本表最小单位)")
_SMALL_COUNT = re.compile(r"(?:不足|少于|小于)\s*(?P<n>\d+|[三两二四五])\s*(?:家|个|户|个单位|家企业)")
_SUBITEM = re.compile(r"[#＃]|其中")
_CN = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5}


@frozen
class Legend:
    """Symbols the legend defines as suppressed, and the count bound it gives (if any)."""

    suppressed: frozenset[str] = frozenset()
    not_suppressed: frozenset[str] = frozenset()
    #: "不足3家" in the legend: a suppressed count lies in [1, n - 1]
    small_count_below: int | None = None
    #: the legend says # / 其中 rows are parts, not addends
    subitems_not_additive: bool = False

    def is_suppression(self, text: str, always: tuple[str, ...], legend_only: tuple[str, ...]) -> bool:
        t = "".join(text.split())
        if not t:
            return ("空白" in self.suppressed or "空格" in self.suppressed) and "空白" in legend_only
        if t in self.not_suppressed:
            return False
        if t in always:
            return True
        return t in legend_only and t in self.suppressed


def parse_legend(lines: list[str] | tuple[str, ...]) -> Legend:
    suppressed: set[str] = set()
    not_suppressed: set[str] = set()
    small: int | None = None
    subitems = False
    for line in lines:
        for m in _DEFINITION.finditer(line):
            sym = "空白" if m.group("empty") is not None else (m.group("sym") or m.group("sym2"))
            sym = "空白" if sym == "空格" else sym
            meaning = m.group("meaning").strip()
            if _SUPPRESSED.search(meaning):
                suppressed.add(sym)
                # "…" and "..." are one symbol in print
                if sym in ("…", "……", "..."):
                    suppressed.update(("…", "……", "..."))
                sm = _SMALL_COUNT.search(meaning)
                if sm:
                    n = sm.group("n")
                    small = int(n) if n.isdigit() else _CN.get(n)
            elif _NOT_SUPPRESSED.match(meaning):
                not_suppressed.add(sym)
        if _SUBITEM.search(line) and re.search(r"不参与合计|不参与汇总|不计入合计|非合计项|为.{0,12}的一部分|包含在", line):
            subitems = True
    return Legend(frozenset(suppressed), frozenset(not_suppressed), small, subitems)
