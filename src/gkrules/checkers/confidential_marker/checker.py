"""confidential-marker: 国家秘密标志 and internal-use labels on a document to be published.

A mention is not a marking. A 密级 counts only where a marking stands: in the head (版头) as
GB/T 9704 places it (2012 top-left, 1999 top-right beside the 份号, an OA ``密级：`` field),
or as a line of its own with ★ (the head of an annex further down). A level listed in
prose, a list heading such as （一）绝密级, an example in quotation marks, a former marking in
a declassification table: none of these is a marking.

An internal-use label (内部资料、注意保存、工作秘密…) counts on a line that is nothing but
labels (a cover stamp, a 附注), or in a sentence that says it of the document itself
(本材料为内部资料…, 本表…不得外传) — not as a duty stated in a rule or a pledge.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from collections.abc import Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.matching import longest_non_overlapping
from gkrules.metadata import gbt9704
from gkrules.metadata.dates import cn_small, parse_date
from gkrules.model import Finding

from .params import ConfidentialMarkerParams

_SP = r"[^\S\n]"
# a line that is only a mark (★ required away from the head), optionally after a 份号
_MARK_LINE = re.compile(rf"^{_SP}*(?:\d{{3,6}}{_SP}+)?(?P<mark>(?:绝|机|秘){_SP}*密{_SP}*[★☆][^\n]{{0,24}}?){_SP}*$", re.M)
_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+[条章节])")
_STRIP = re.compile(r"[\s（）()【】\[\]〔〕「」『』<>《》，。、：:；;！!？?·…—\-*★“”\"']")
_TITLE_SUFFIX = re.compile(r"(?:办法|规定|制度|通知|细则|意见|方案|要点|规则|条例|管理|工作|培训|教育|检查)$")
_SENTENCE_END = "。；;！!？?\n"
# 1年, 6个月; also in Chinese numerals (一年, 十个月, 二十年), which GB/T 9704 does not allow but people write
_PERIOD = re.compile(r"(?P<n>\d+|[一二两三四五六七八九十]{1,3})\s*(?P<unit>年|个月|月)")

MARK_SUGGESTION = "涉密文件不得在互联网公开。如确需公开，须由定密机关依法解密并撤除国家秘密标志、重新履行保密审查后再发布。"
LABEL_SUGGESTION = "内部使用的材料一般不公开；如经审查确可公开，请撤除内部标志，按保密审查程序报批后再发布。"


def _add_period(start: dt.date, n: int, unit: str) -> dt.date:
    months = n * 12 if unit == "年" else n
    y, m = divmod(start.month - 1 + months, 12)
    year, month = start.year + y, m + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)


class ConfidentialMarkerChecker:
    def __init__(self, setup: CheckerSetup):
        p: ConfidentialMarkerParams = setup.params or ConfidentialMarkerParams()
        self.p = p
        self.labels = setup.keyword_matcher(p.internal_labels)
        self.self_refs = tuple(p.self_references)
        self.label_words = sorted(set(p.internal_labels), key=len, reverse=True)
        # more than label_line_slack characters that neither _STRIP removes nor any label word
        # contains: whatever the replacements, the line keeps them, so it is no label line
        label_chars = "".join(sorted({re.escape(ch) for w in self.label_words for ch in w}))
        strip_class = _STRIP.pattern[1:-1]
        kept = f"{strip_class}{label_chars}"  # complementary classes: a linear match, no backtracking
        self._too_much_text = re.compile(rf"(?:[{kept}]*[^{kept}]){{{p.label_line_slack + 1}}}")

    # -- 国家秘密标志 ------------------------------------------------------------------

    def _describe_period(self, level: str, period: str | None, ctx: CheckContext) -> tuple[str, str | None]:
        """(period description, expiry note) for the message."""
        cap = self.p.max_period_years.get(level)
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

    def _mark_finding(self, ctx: CheckContext, level: str, period: str | None, start: int, end: int,
                      where: str) -> Finding:
        desc, expired = self._describe_period(level, period, ctx)
        text = ctx.text[start:end].strip()
        message = f"{where}标有国家秘密标志「{text}」（密级：{level}；{desc}），涉密文件严禁公开发布"
        if expired:
            message += f"；{expired}"
        return ctx.finding("secrecy-mark", start, end, message, evidence=text, suggestion=MARK_SUGGESTION,
                           key=f"{level}|{period or ''}")

    def _marks(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        head = gbt9704.parse_head(text, self.p.head_lines)
        seen: set[int] = set()
        if head.secrecy is not None:
            s = head.secrecy
            where = "文件版头" if s.layout != "field" else "文件的密级栏"
            seen.add(ctx.document.line_of(s.start))
            yield self._mark_finding(ctx, s.level, s.period, s.start, s.end, where)
        elif head.fenhao is not None and len(head.fenhao.text) == 6:
            f = head.fenhao
            yield ctx.finding(
                "fenhao-without-mark", f.start, f.end,
                f"文件版头有份号「{f.text}」但未见密级标志：按规定只有涉密公文才标注份号，请核实文件是否涉密",
                evidence=f.text, suggestion="核实该文件的密级；确属非涉密文件的，发布前删除份号。")
        # a 密级 header field wherever metadata extraction read it: its own line (密　　级：机密),
        # beside other fields (紧急程度：特急　密级：机密★1年), a table row (密级\t机密)
        meta = ctx.metadata
        if meta.sources.get("secrecy") == "header" and "secrecy" in meta.spans:
            s, e = meta.spans["secrecy"]
            parsed = gbt9704.match_mark(text[s:e])
            if parsed is not None and ctx.document.line_of(s) not in seen:
                seen.add(ctx.document.line_of(s))
                yield self._mark_finding(ctx, parsed.group("level"), parsed.group("period") or None, s, e,
                                         "文件的密级栏")
        if "★" not in text and "☆" not in text:
            return
        for m in _MARK_LINE.finditer(text):
            line = ctx.document.line_of(m.start("mark"))
            if line in seen:
                continue
            parsed = gbt9704.match_mark(m.group("mark"))
            if parsed is None:
                continue
            seen.add(line)
            yield self._mark_finding(ctx, parsed.group("level"), parsed.group("period") or None,
                                     m.start("mark"), m.end("mark"),
                                     "文件中单独成行")

    # -- internal-use labels ------------------------------------------------------------

    def _line_bounds(self, text: str, pos: int) -> tuple[int, int]:
        s = text.rfind("\n", 0, pos) + 1
        e = text.find("\n", pos)
        return s, (len(text) if e == -1 else e)

    def _is_label_line(self, line: str) -> bool:
        if self._too_much_text.match(line):  # the common case: a sentence that mentions a label
            return False
        core = _STRIP.sub("", line)
        if not core or _ENUMERATOR.match(line.strip()):
            return False
        rest = core
        for w in self.label_words:
            rest = rest.replace(w, "")
        if len(rest) == len(core):
            return False
        return len(rest) <= self.p.label_line_slack and not _TITLE_SUFFIX.search(rest)

    def _heading(self, text: str, line_end: int, words: list[str]) -> bool:
        """A label line that heads a paragraph about the label (工作秘密 / 工作秘密是指……) in a
        text that explains such labels: a topic, not a stamp on this document."""
        pos = line_end
        while pos < len(text):
            nxt = text.find("\n", pos + 1)
            nxt = len(text) if nxt == -1 else nxt
            following = text[pos + 1:nxt].strip()
            if following:
                return any(following.startswith(w) and len(following) > len(w) for w in words)
            pos = nxt
        return False

    def _sentence(self, text: str, pos: int, line_start: int, line_end: int) -> str:
        s = max((text.rfind(ch, line_start, pos) for ch in _SENTENCE_END), default=-1)
        s = max(s + 1, line_start)
        ends = [i for i in (text.find(ch, pos, line_end) for ch in _SENTENCE_END) if i != -1]
        return text[s:min(ends) if ends else line_end]

    def _labels(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for hit in longest_non_overlapping(self.labels.iter(text)):
            ls, le = self._line_bounds(text, hit.start)
            by_line.setdefault(ls, []).append((hit.start, hit.end, hit.word))
        for ls, hits in sorted(by_line.items()):
            _, le = self._line_bounds(text, ls)
            line = text[ls:le]
            words = sorted({w for _, _, w in hits}, key=line.find)
            start = min(h[0] for h in hits)
            end = max(h[1] for h in hits)
            if self._is_label_line(line):
                if self._heading(text, le, words):
                    continue
                shown = line.strip()
                s = ls + (len(line) - len(line.lstrip()))
                e = s + len(shown)
            else:
                # the sentence around each hit, computed once (not once per self-reference word)
                sentence = next((sent for sent in (self._sentence(text, h[0], ls, le) for h in hits)
                                 if any(r in sent for r in self.self_refs)), None)
                if sentence is None:
                    continue
                shown = sentence.strip()
                s, e = start, end
            yield ctx.finding(
                "internal-label", s, e,
                f"文件标有内部使用标志「{'、'.join(words)}」（原文：{shown[:40]}），属内部事务信息或工作秘密，未经审查批准不得公开发布",
                evidence=shown[:60], suggestion=LABEL_SUGGESTION, key="|".join(words))

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        yield from self._marks(ctx)
        yield from self._labels(ctx)
