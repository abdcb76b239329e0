"""lanjiang-data-status: figures marked as not final (初步数、快报数、预计数、未经审定…) in a
document that is about to be published.

澜江省统计局 publishes statistics only once they are final (定案) or already released by the
authorised body; a draft that still says 快报数 or 未经审定 has skipped that gate. A status
word counts only where it marks figures:

* as a qualifier in brackets: 地区生产总值（初步数）、2024年（快报数）;
* in a table cell or a note line (注：2024年数据为快报数);
* after a copula (以上数据为预计数, 数据均系初步数) or as the subject of a figure
  (全年预计数为5200亿元);
* a status statement (数据未经审定, 尚未定案) in a sentence about data.

Not flagged: a sentence stating a duty or a definition (未经审定的数据不得对外公布, 统计数据分为
初步数、快报数和最终核实数), a quoted term (将“快报数”改为定案数), a longer phrase that
only contains a status word (预计数万人), and **初步核算**: under the national GDP revision
system (初步核算 → 初步核实 → 最终核实) the 初步核算数 is the authorised release itself, not
a draft, so the official preliminary GDP release passes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.model import Finding

from .params import DataStatusParams

RULE = "unfinalised-figures"
_SENTENCE_END = "。；;！!？?\n"
_OPEN, _CLOSE = "（(【[", "）)】]"
_QUOTES = {"“": "”", "‘": "’", "「": "」", "『": "』", '"': '"'}
_NOTE_LINE = re.compile(r"^\s*[（(]?(?:注|说明|备注|资料来源|数据来源)\s*[0-9０-９一二三四五六七八九十]*\s*[：:，,）)]")
_SUBJECT_OF_FIGURE = re.compile(r"^\s*(?:为|是|达到?|约为?)\s*[0-9０-９]")
_MAX_QUALIFIER = 40

SUGGESTION = ("发布前请向数据管理部门确认：数据已审定（定案）或已由有权机关正式公布；"
              "用定案数替换，或删除数据状态标注。确需发布初步数据的，须按发布审批程序报批并说明数据状态及修订安排。")


class DataStatusChecker:
    def __init__(self, setup: CheckerSetup):
        p: DataStatusParams = setup.params or DataStatusParams()
        self.p = p
        words: dict[str, str] = {}
        for w in p.status_labels:
            words[w] = "label"
        for w in p.status_statements:
            words[w] = "statement"
        for w in p.exempt_terms:
            words[w] = "exempt"
        self.matcher = setup.keyword_matcher(words)
        self.duty = setup.keyword_matcher(p.duty_cues)
        self.nouns = setup.keyword_matcher(p.data_nouns)
        self.copulas = tuple(sorted(p.copulas, key=len, reverse=True))

    # -- where a hit stands ------------------------------------------------------------

    @staticmethod
    def _bounds(text: str, pos: int, stops: str) -> tuple[int, int]:
        ls = text.rfind("\n", 0, pos) + 1
        le = text.find("\n", pos)
        le = len(text) if le == -1 else le
        if stops == "\n":
            return ls, le
        s = max(text.rfind(ch, ls, pos) for ch in stops if ch != "\n") + 1
        ends = [i for i in (text.find(ch, pos, le) for ch in stops if ch != "\n") if i != -1]
        return max(s, ls), (min(ends) if ends else le)

    def _has(self, matcher, text: str) -> bool:
        return next(iter(matcher.iter(text)), None) is not None

    @staticmethod
    def _bracketed(line: str, s: int, e: int) -> str | None:
        """The bracket content holding line[s:e], if a short bracket holds it."""
        depth, opened = 0, -1
        for i in range(s - 1, -1, -1):
            ch = line[i]
            if ch in _CLOSE:
                depth += 1
            elif ch in _OPEN:
                if depth == 0:
                    opened = i
                    break
                depth -= 1
        if opened == -1:
            return None
        closed = next((i for i in range(e, len(line)) if line[i] in _CLOSE), -1)
        if closed == -1 or closed - opened > _MAX_QUALIFIER:
            return None
        return line[opened + 1:closed]

    def _in_cell(self, ctx: CheckContext, start: int) -> str | None:
        for table in ctx.document.tables:
            if table.start <= start < table.end:
                for row in table.rows:
                    for cell in row:
                        if cell.start <= start < cell.end:
                            return cell.text
        return None

    def _marks(self, ctx: CheckContext, start: int, end: int, kind: str) -> bool:
        text = ctx.text
        if text[start - 1:start] in _QUOTES and text[end:end + 1] == _QUOTES[text[start - 1]]:
            return False  # a quoted term is a mention
        ls, le = self._bounds(text, start, "\n")
        line = text[ls:le]
        ss, se = self._bounds(text, start, _SENTENCE_END)
        sentence = text[ss:se]
        duty = self._has(self.duty, sentence)
        if kind == "statement":
            return not duty and self._has(self.nouns, sentence)
        qualifier = self._bracketed(line, start - ls, end - ls)
        if qualifier is not None and not self._has(self.duty, qualifier):
            return True
        cell = self._in_cell(ctx, start)
        if cell is not None:
            return not self._has(self.duty, cell)
        if duty:
            return False
        if _NOTE_LINE.match(line):
            return True
        before = text[ss:start].rstrip()
        if before.endswith(self.copulas):
            return True
        return bool(_SUBJECT_OF_FIGURE.match(text[end:se]))

    # -- the check --------------------------------------------------------------------------

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        text = ctx.text
        hits = list(self.matcher.iter(text))
        if not hits:
            return
        exempt = [(h.start, h.end) for h in hits if h.payload == "exempt"]
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for h in sorted(hits, key=lambda h: (h.start, -(h.end - h.start))):
            if h.payload == "exempt" or any(s <= h.start and h.end <= e for s, e in exempt):
                continue
            if not self._marks(ctx, h.start, h.end, h.payload):
                continue
            by_line.setdefault(text.rfind("\n", 0, h.start) + 1, []).append((h.start, h.end, h.word))
        for ls, found in sorted(by_line.items()):
            le = text.find("\n", ls)
            line = text[ls:len(text) if le == -1 else le].strip()
            words = list(dict.fromkeys(w for _, _, w in found))
            shown = line if len(line) <= 50 else line[:50] + "…"
            yield ctx.finding(
                RULE, found[0][0], found[-1][1],
                f"文件中的数据标注为「{'、'.join(words)}」（原文：{shown}），尚非定案数据，"
                "发布前须确认数据已审定或已由有权机关正式公布",
                evidence=shown, suggestion=SUGGESTION, key="|".join(words))
