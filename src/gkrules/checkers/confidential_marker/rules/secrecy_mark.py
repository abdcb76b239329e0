"""secrecy-mark: a 国家秘密标志 (密级★保密期限) where a marking stands.

A mention is not a marking. A 密级 counts in the head (版头) as GB/T 9704 places it (2012
top-left, 1999 top-right beside the 份号, an OA ``密级：`` field), in a 密级 header field
wherever metadata extraction read one, or on a line of its own with ★ (the head of an annex
further down). A level listed in prose, a list heading such as （一）绝密级, an example in
quotation marks: none of these is a marking.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.metadata import gbt9704
from gkrules.metadata.dates import cn_small, parse_date
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import Kit

_SP = r"[^\S\n]"
# a line that is only a mark (★ required away from the head), optionally after a 份号
_MARK_LINE = re.compile(rf"^{_SP}*(?:\d{{3,6}}{_SP}+)?(?P<mark>(?:绝|机|秘){_SP}*密{_SP}*[★☆][^\n]{{0,24}}?){_SP}*$", re.M)
# 1年, 6个月; also in Chinese numerals (一年, 十个月, 二十年), which GB/T 9704 does not allow but people write
_PERIOD = re.compile(r"(?P<n>\d+|[一二两三四五六七八九十]{1,3})\s*(?P<unit>年|个月|月)")

SUGGESTION = "涉密文件不得在互联网公开。如确需公开，须由定密机关依法解密并撤除国家秘密标志、重新履行保密审查后再发布。"


def _add_period(start: dt.date, n: int, unit: str) -> dt.date:
    months = n * 12 if unit == "年" else n
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


class SecrecyMark(Rule):
    """版头或单独成行的绝密/机密/秘密标志（含★与保密期限、解密时间或条件），以及“密级：”栏。
    正文中提及密级、列举密级、引用示例或解密清单中的原密级不属于标志。"""

    id = "secrecy-mark"
    title = "国家秘密标志（密级★保密期限）"
    severity = Severity.BLOCK
    basis = basis.SECRECY_MARK
    tags = ("保密", "单项否决")
    tests = ("tests/checkers/test_confidential_marker.py", "tests/test_redteam_documents.py")
    kit: Kit

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        text = facts.text
        p = self.kit.p
        head = facts.head(p.head_lines)
        seen: set[int] = set()
        if head.secrecy is not None:
            s = head.secrecy
            where = "文件版头" if s.layout != "field" else "文件的密级栏"
            seen.add(facts.line_of(s.start))
            yield self._finding(ctx, s.level, s.period, s.start, s.end, where)
        # a 密级 header field wherever metadata extraction read it: its own line (密　　级：机密),
        # beside other fields (紧急程度：特急　密级：机密★1年), a table row (密级\t机密)
        meta = facts.metadata
        if meta.sources.get("secrecy") == "header" and "secrecy" in meta.spans:
            s_, e_ = meta.spans["secrecy"]
            parsed = gbt9704.match_mark(text[s_:e_])
            if parsed is not None and facts.line_of(s_) not in seen:
                seen.add(facts.line_of(s_))
                yield self._finding(ctx, parsed.group("level"), parsed.group("period") or None, s_, e_, "文件的密级栏")
        if "★" not in text and "☆" not in text:
            return
        for m in _MARK_LINE.finditer(text):
            line = facts.line_of(m.start("mark"))
            if line in seen:
                continue
            parsed = gbt9704.match_mark(m.group("mark"))
            if parsed is None:
                continue
            seen.add(line)
            yield self._finding(ctx, parsed.group("level"), parsed.group("period") or None,
                                m.start("mark"), m.end("mark"), "文件中单独成行")

    def _finding(self, ctx: CheckContext, level: str, period: str | None, start: int, end: int,
                 where: str) -> Finding:
        desc, expired = self._describe_period(level, period, ctx)
        text = ctx.text[start:end].strip()
        message = f"{where}标有国家秘密标志「{text}」（密级：{level}；{desc}），涉密文件严禁公开发布"
        if expired:
            message += f"；{expired}"
        return self.finding(ctx, start, end, message, evidence=text, suggestion=SUGGESTION,
                            key=f"{level}|{period or ''}")

    def _describe_period(self, level: str, period: str | None, ctx: CheckContext) -> tuple[str, str | None]:
        """(period description, expiry note) for the message."""
        cap = self.kit.p.max_period_years.get(level)
        if not period:
            return f"未标注保密期限（按{level}最长 {cap} 年认定）", None
        p = unicodedata.normalize("NFKC", period).strip()
        if p in ("长期", "永久"):
            return "保密期限：长期", None
        formed = ctx.metadata.formed
        m = _PERIOD.fullmatch(p)
        n_value = (int(m.group("n")) if m.group("n").isdigit() else cn_small(m.group("n"))) if m else None
        if m and n_value is not None:
            n, unit = n_value, m.group("unit")
            years = n if unit == "年" else n / 12
            desc = f"保密期限：{n}{'年' if unit == '年' else '个月'}"
            if cap is not None and years > cap:
                desc += f"（超过{level}最长 {cap} 年的法定期限）"
            if formed is None:
                return desc + "（无成文日期，无法判断是否届满）", None
            expiry = _add_period(formed, n, unit)
            if expiry < ctx.today:
                return desc, (f"按成文日期 {formed.isoformat()} 计算，保密期限已于 {expiry.isoformat()} 届满，"
                              "但仍须定密机关确认解密并撤除标志、经保密审查后方可公开")
            return desc + f"（至 {expiry.isoformat()}）", None
        until = parse_date(p)
        if until is not None:
            if until < ctx.today:
                return f"解密时间：{until.isoformat()}", ("标注的解密时间已过，但仍须定密机关确认解密并撤除标志、"
                                                     "经保密审查后方可公开")
            return f"解密时间：{until.isoformat()}", None
        return f"解密条件：{p}", None
