"""Personal names by rule (no model): a surname from the rule set's lists and one or two more
Han characters, standing where a name stands — after a label (姓名：, 申请人, 户主…), before
同志/先生/女士, at the head of a list item (``1．骆振华（普查中心）``) or in a 姓名 column.

A name next to an official title (局长蒋文涛, 蒋文涛局长) is an official in a role and is not
returned. Masked names (张某, 张某某, 张**) are already de-identified.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

_LEAD = re.compile(r"[\s\u3000]*(?:[\d一二三四五六七八九十]+[．.、)）]|[（(][\d一二三四五六七八九十]+[）)])?[\s\u3000]*")
_AFTER_HEAD = "（(，,：:、　 |"
#: characters that do not occur in given names but do in words that start with a surname
#: character (市场, 于是, 申请, 高度…)
_NOT_GIVEN = set("的和与及在是为等市县区局省镇乡村街路号科股室年日元个项请报表度")


class NameFinder:
    def __init__(self, kit):
        cues = kit.params.cues
        self.kit = kit
        self.surnames = frozenset(cues.surname)
        self.compound = frozenset(cues.compound_surname)
        self.titles = tuple(sorted(cues.official_title, key=len, reverse=True))
        self.before_rx = kit.name_before_rx
        self.after = tuple(cues.name_after)
        #: words that end a name (张三同志, 张三局长)
        self.stops = self.after + self.titles
        # a "name" that starts a cue word (申请人, 高级统计师…) is no name
        self.cue_at = kit.book.match

    def parse(self, text: str, pos: int, max_len: int = 3) -> tuple[int, int] | None:
        """(length, surname length) of a name starting at ``pos``: the longest that fits
        before a non-Han character, or an explicit end given by the caller's context."""
        for sl in (2, 1):
            if text[pos:pos + sl] in (self.compound if sl == 2 else self.surnames):
                given = 0
                while (given < 2 and pos + sl + given < len(text) and "\u4e00" <= text[pos + sl + given] <= "\u9fff"
                       and not text.startswith(self.stops, pos + sl + given)):
                    given += 1
                if given and "某" not in text[pos + sl:pos + sl + given]:
                    return sl + given, sl
        return None

    def _official(self, text: str, s: int, e: int) -> bool:
        return text[max(0, s - 6):s].endswith(self.titles) or text[e:e + 6].startswith(self.titles)

    def _ok(self, text: str, s: int, length: int) -> bool:
        name = text[s:s + length]
        if any(c in name for c in "某*＊X×") or any(c in _NOT_GIVEN for c in name[1:]):
            return False
        # a label or title that starts with a surname character (申请人, 高级统计师…)
        return self.cue_at(text, s) is None

    def in_line(self, scene, ls: int, le: int) -> Iterator[tuple[int, int, int]]:
        """(start, end, surname length) of names on the line [ls, le)."""
        text = scene.text
        seen: set[int] = set()

        def emit(s: int, exact_end: int | None = None):
            got = self.parse(text, s)
            if got is None:
                return None
            length, sl = got
            if exact_end is not None and s + length != exact_end:
                if exact_end - s not in (sl + 1, sl + 2):
                    return None
                length = exact_end - s
            if s in seen or not self._ok(text, s, length) or self._official(text, s, s + length):
                return None
            seen.add(s)
            return s, s + length, sl

        # 1. the head of the line or of a list item
        lead = _LEAD.match(text, ls, le)
        assert lead is not None  # _LEAD matches the empty string too
        got = self.parse(text, lead.end())
        if got is not None:
            s = lead.end()
            nxt = text[s + got[0]:s + got[0] + 1]
            if nxt and nxt in _AFTER_HEAD:
                r = emit(s)
                if r:
                    yield r
        # 2. after a label
        if self.before_rx is not None:
            for m in self.before_rx.finditer(text, ls, le):
                p = m.end()
                while p < le and text[p] in "：: 　":
                    p += 1
                r = emit(p)
                if r:
                    yield r
        # 3. before 同志/先生/女士
        for word in self.after:
            i = text.find(word, ls, le)
            while i != -1:
                for length in (3, 2, 4):
                    s = i - length
                    if s >= ls:
                        r = emit(s, exact_end=i)
                        if r:
                            yield r
                            break
                i = text.find(word, i + 1, le)
        # 4. a table cell under a 姓名 column
        for cell_start, cell_end in self._name_cells(scene, ls, le):
            r = emit(cell_start, exact_end=cell_end)
            if r:
                yield r

    def _name_cells(self, scene, ls: int, le: int) -> Iterator[tuple[int, int]]:
        if not scene.doc.tables or not scene.view.identity:
            return  # cells are in document offsets; they equal view offsets only then
        starts, cells = scene.cell_index()
        dls, dle = ls, le
        i = bisect.bisect_left(starts, dls)
        while i < len(cells) and cells[i][0] < dle:
            s, e, header = cells[i][:3]
            if header and "姓名" in header:
                raw = scene.doc.text[s:e]
                core = raw.strip()
                if core:
                    off = raw.index(core)
                    yield s + off, s + off + len(core)
            i += 1
