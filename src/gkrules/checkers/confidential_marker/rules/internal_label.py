"""internal-label: 内部资料、注意保存、工作秘密… said of the document itself.

A label counts on a line that is nothing but labels (a cover stamp, a 附注), or in a sentence
that says it of the document (本材料为内部资料…, 本表…不得外传) — not as a duty stated in a
rule or a pledge, and not as the heading of a paragraph that explains the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.matching import longest_non_overlapping
from gkrules.model import Finding, Severity
from gkrules.rule import Rule

from .. import basis
from ..kit import STRIP, Kit

_ENUMERATOR = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\d+[.．、]|第[一二三四五六七八九十百]+[条章节])")
_TITLE_SUFFIX = re.compile(r"(?:办法|规定|制度|通知|细则|意见|方案|要点|规则|条例|管理|工作|培训|教育|检查)$")
_SENTENCE_END = "。；;！!？?\n"

SUGGESTION = "内部使用的材料一般不公开；如经审查确可公开，请撤除内部标志，按保密审查程序报批后再发布。"


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e == -1 else e)


def _heading(text: str, line_end: int, words: list[str]) -> bool:
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


def _sentence(text: str, pos: int, line_start: int, line_end: int) -> str:
    s = max((text.rfind(ch, line_start, pos) for ch in _SENTENCE_END), default=-1)
    s = max(s + 1, line_start)
    ends = [i for i in (text.find(ch, pos, line_end) for ch in _SENTENCE_END) if i != -1]
    return text[s:min(ends) if ends else line_end]


class InternalLabel(Rule):
    """单独成行的内部标志或“本材料为内部资料”等指向文件自身的说明；规章、承诺书中作为义务出现的同类词语不算。"""

    id = "internal-label"
    title = "内部使用标志（内部资料、注意保存、工作秘密等）"
    severity = Severity.BLOCK
    basis = basis.INTERNAL_LABEL
    tags = ("保密", "内部事务")
    tests = ("tests/checkers/test_confidential_marker.py", "tests/test_redteam_documents.py")
    words = ("internal_labels", "self_references")
    kit: Kit

    def _is_label_line(self, line: str) -> bool:
        kit = self.kit
        if kit.too_much_text.match(line):  # the common case: a sentence that mentions a label
            return False
        core = STRIP.sub("", line)
        if not core or _ENUMERATOR.match(line.strip()):
            return False
        rest = core
        for w in kit.label_words:
            rest = rest.replace(w, "")
        if len(rest) == len(core):
            return False
        return len(rest) <= kit.p.label_line_slack and not _TITLE_SUFFIX.search(rest)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterator[Finding]:
        text = facts.text
        by_line: dict[int, list[tuple[int, int, str]]] = {}
        for hit in longest_non_overlapping(self.kit.labels.iter(text)):
            ls, le = _line_bounds(text, hit.start)
            by_line.setdefault(ls, []).append((hit.start, hit.end, hit.word))
        for ls, hits in sorted(by_line.items()):
            _, le = _line_bounds(text, ls)
            line = text[ls:le]
            words = sorted({w for _, _, w in hits}, key=line.find)
            start = min(h[0] for h in hits)
            end = max(h[1] for h in hits)
            if self._is_label_line(line):
                if _heading(text, le, words):
                    continue
                shown = line.strip()
                s = ls + (len(line) - len(line.lstrip()))
                e = s + len(shown)
            else:
                # the sentence around each hit, computed once (not once per self-reference word)
                sentence = next((sent for sent in (_sentence(text, h[0], ls, le) for h in hits)
                                 if any(r in sent for r in self.kit.self_refs)), None)
                if sentence is None:
                    continue
                shown = sentence.strip()
                s, e = start, end
            yield self.finding(
                ctx, s, e,
                f"文件标有内部使用标志「{'、'.join(words)}」（原文：{shown[:40]}），属内部事务信息或工作秘密，未经审查批准不得公开发布",
                evidence=shown[:60], suggestion=SUGGESTION, key="|".join(words))
