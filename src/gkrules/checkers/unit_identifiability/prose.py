"""The prose scan (unit-identifiability.md §6): one pass over the text outside tables that
finds what the prose rules decide on — stated small counts with or without their figure,
stated shares of the largest units, whole-group attributes, named organisations with their
own survey figures, ranking lists and exclusion statements.

The scan words nothing: it gives *observations* (attrs classes below) and each rule module
turns those of its kind into findings with its own messages. Organisation suffixes and
indicator names are Aho-Corasick word lists (one pass over the text each); numbers and
sentence shapes are ``regex`` patterns run only on the sentences those hits point at.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from typing import Literal

import regex
from attrs import frozen

try:
    import ahocorasick_rs
except ImportError:  # pragma: no cover - a platform without its wheel (gkrules.matching)
    ahocorasick_rs = None  # type: ignore[assignment]  # the engine's matcher does the work

from gkrules.context import CheckerSetup
from gkrules.matching import (
    WINDOW,
    KeywordMatcher,
    longest_non_overlapping,
    make_matcher,
    overlapping_matches,
)

from .params import PublicSource, UnitIdentifiabilityParams

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUM = r"\d+(?:\.\d+)?"
FIGURE = regex.compile(
    rf"{_NUM}\s*(?:亿元|万元|千元|元|万吨|吨|千瓦时|万千瓦时|亿千瓦时|万人|人|万美元|亿美元|台|辆|件)"
    rf"|(?:增长|下降|增加|减少|提高|回落|增速为?|增幅为?)\s*{_NUM}\s*[%％]"
    rf"|占[^，。；\n]{{0,16}}?{_NUM}\s*[%％]|拉动[^，。；\n]{{0,24}}?{_NUM}\s*个?百分点|贡献率[^，。；\n]{{0,6}}?{_NUM}\s*[%％]"
    rf"|{_NUM}\s*个?百分点|{_NUM}\s*[%％]")
GROWTH = regex.compile(rf"(?:同比|比上年)?(?:增长|下降)\s*{_NUM}\s*[%％]")
_UNIT_NOUN = r"(?:企业|单位|公司|工厂|法人|网点|商户|调查户|样本户|住户|农户)"
SMALL_COUNT = regex.compile(
    # 仅有1家规模以上企业 / 只有2家企业纳入统计
    r"(?:仅有?的?|只有的?|唯一(?:的)?|共有?|只)\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户|个)"
    rf"(?:规模以上|规上|限额以上|限上)?[^，。；\n]{{0,20}}?{_UNIT_NOUN}"
    # 规模以上企业仅1户 / 烟草制品业仅1家（家、户 are measure words of units on their own）
    # 只有1户从事个体经营: 家/户 standing for the units, followed by a verb (not 2家医院)
    rf"|(?:{_UNIT_NOUN}[^，。；\n]{{0,8}}?)?(?:仅有?|只有|只)\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户)"
    r"(?![\p{Han}])|(?:仅有?|只有|只)\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户)"
    r"(?=从事|经营|实现|完成|纳入|属于|位于|为|是|的)")
# 规上工业企业2家 / 有规模以上工业企业1家 (no 仅/只: reported only with the group's own figure)
PLAIN_COUNT = regex.compile(
    rf"{_UNIT_NOUN}\s*(?:共|有|共有)?\s*(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户)(?![\p{{Han}}\d])"
    # 全县2家规上企业营业收入增长12%
    rf"|(?<![\d.])(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户)(?:规模以上|规上|限额以上|限上)?[^，。；\n]{{0,10}}?{_UNIT_NOUN}"
    # 全县首家规上数字经济企业全年实现营业收入2.1亿元: one unit and its own figure
    rf"|首(?P<n>家)[^，。；\n]{{0,16}}?{_UNIT_NOUN}")
_OTHER_GROUP = regex.compile(r"\d+\s*(?:家|户|个)|[一二两三四五六七八九十]+\s*(?:家|户)|全(?:国|省|市|县|区|镇|乡|行业)|其中")
TWO_SHARES = regex.compile(
    rf"(?:前两位|前2位|前两家|前2家|最大的两家|居前两位|前两名|前2名)[^。；\n]{{0,30}}?分别占[^。；\n]{{0,24}}?"
    rf"(?P<s1>{_NUM})\s*[%％]\s*[和、与及,，]\s*(?P<s2>{_NUM})\s*[%％]")
LARGEST_SHARE = regex.compile(
    rf"(?:规模最大|最大|第一大|居首位|排名第一|排第一|龙头)的?(?:一家|1家)?(?:企业|单位|公司)[^。；\n]{{0,24}}?"
    rf"占[^。；\n，]{{0,20}}?(?P<s1>{_NUM})\s*[%％]")
TOP_N_SHARE = regex.compile(
    rf"(?:前|最大的)(?P<n>[二两三四五2-5])(?:家|位|名)(?:企业|单位|公司)?[^。；\n]{{0,20}}?(?:合计|共)?占[^。；\n，]{{0,20}}?"
    rf"(?P<s>{_NUM})\s*[%％]")
GROUP_ATTRIBUTE = regex.compile(
    r"(?P<n>\d+|[一二两三四五六七八九十]+)\s*(?:家|户|个)[^。；，\n]{0,20}?(?:全部|均|都|全都|无一例外)(?:为|是|处于|出现|实现)?"
    r"(?P<attr>亏损|停产|减产|外资|关停|歇业|下降|增长|负增长|盈利|停工)")
RANKING = regex.compile(
    r"(?:排名前|前)(?:三|五|十|二十|3|5|10|20)(?:强|位|名|家)|百强|十强|二十强|龙头企业名单|纳税大户|重点企业名单")
EXCLUSION = regex.compile(r"(?:剔除|扣除|除去|不含|除)\s*(?P<org>[^，。；\n]{2,30}?)\s*(?:以外|之外|外|因素|影响|后)")
SENTENCE_END = "。！？!?；;\n"


def cn_int(text: str) -> int | None:
    if text == "家":  # 首家: the first, a single unit
        return 1
    if text.isdigit():
        return int(text)
    if text == "十":
        return 10
    if len(text) == 2 and text[0] == "十":
        return 10 + CN_DIGITS.get(text[1], 0)
    if len(text) == 2 and text[1] == "十":
        return CN_DIGITS.get(text[0], 0) * 10
    if len(text) == 3 and text[1] == "十":
        return CN_DIGITS.get(text[0], 0) * 10 + CN_DIGITS.get(text[2], 0)
    return CN_DIGITS.get(text) if len(text) == 1 else None


@frozen
class Sentence:
    start: int
    end: int
    text: str


@frozen
class OrgName:
    start: int
    end: int
    name: str


@frozen
class SmallCount:
    """仅有1家规模以上企业…: a stated count of fewer than ``min_units`` units, with the group's
    own figure if the sentence gives one (small-count-text) or without (small-count-mention)."""

    start: int
    end: int
    n: int
    matched: str
    #: the sentence, stripped, at most 60 characters
    shown: str
    figure: str | None


@frozen
class ShareStatement:
    """A stated share of the largest units: ``two`` (前两位分别占 s1、s2, s1 >= s2), ``largest``
    (最大企业占 s1) or ``top-n`` (前 n 家合计占 s1)."""

    kind: Literal["two", "largest", "top-n"]
    start: int
    end: int
    shown: str
    s1: float
    s2: float = 0.0
    n: int = 0


@frozen
class GroupStatement:
    """N家企业全部亏损: every unit of a stated group shares an attribute."""

    start: int
    end: int
    n: int
    attr: str
    matched: str
    shown: str


@frozen
class NamedFigure:
    """A named organisation with a figure of its own: in a ranking list or not, allow-listed
    as a public source or not."""

    start: int
    end: int
    name: str
    figure: str
    ranked: bool
    public: PublicSource | None


@frozen
class RankedNames:
    """Names in a list ranked by a survey indicator, without figures (one per list)."""

    names: tuple[OrgName, ...]


@frozen
class ExclusionStatement:
    """剔除XX公司影响后增长5%: a figure of the rest once a named unit is excluded."""

    start: int
    end: int
    org: str
    shown: str


#: what the prose scan observes (the name is kept for the guard tests)
ProseHit = SmallCount | ShareStatement | GroupStatement | NamedFigure | RankedNames | ExclusionStatement


def sentences(text: str, start: int, end: int) -> Iterator[Sentence]:
    """text[start:end] cut after every sentence-end character (and the rest at the end)."""
    for m in _SENTENCE.finditer(text, start, end):
        yield Sentence(m.start(), m.end(), m.group())


def sentence_at(text: str, pos: int, start: int, end: int) -> tuple[int, int]:
    """(start, end) of the sentence of text[start:end] (as cut by :func:`sentences`) that
    holds ``pos``."""
    m = _END_BACK.search(text, start, pos)
    s = m.end() if m else start
    m = _END_FWD.search(text, pos, end)
    return s, m.end() if m else end


_SENTENCE = regex.compile(r"[^。！？!?；;\n]*[。！？!?；;\n]|[^。！？!?；;\n]+")
_END_FWD = regex.compile(r"[。！？!?；;\n]")
_END_BACK = regex.compile(r"[。！？!?；;\n]", flags=regex.REVERSE)

# Cheap guards: every match of a rule's pattern in a sentence contains a guard hit, so a
# sentence without one cannot give that rule a finding. The count guard is a regex (it needs
# \d and \s as the patterns have them): a scan for its non-overlapping hits still marks every
# sentence that holds an occurrence (one is either covered by a reported hit, which then
# overlaps the sentence, or is itself reported). The other guards are words, all found by one
# Aho-Corasick pass that reports every occurrence. Each guard is a substring of the matches:
#: SMALL_COUNT / PLAIN_COUNT: the 家/户 after a number, 首家, or 仅/只/唯一/共…N个
_COUNT_GUARD = regex.compile(
    r"[家户](?<=[\d一二两三四五六七八九十]\s*[家户])|首家"
    r"|(?:仅|只|唯一|共)[有的]{0,2}\s*(?:\d+|[一二两三四五六七八九十]+)\s*个")
#: TWO_SHARES / LARGEST_SHARE / TOP_N_SHARE: 前两…, 最大…, 第一大, 居首位, 龙头
DOMINANCE_WORDS = (*("前" + n for n in "二两三四五2345"), "最大", "第一", "首位", "龙头")
#: GROUP_ATTRIBUTE: the 全部/均/都 … attribute at its end (全都 ends in 都)
GROUP_WORDS = tuple(q + v + a for q in ("全部", "均", "都", "无一例外") for v in ("", "为", "是", "处于", "出现", "实现")
                    for a in ("亏损", "停产", "减产", "外资", "关停", "歇业", "下降", "增长", "负增长", "盈利", "停工"))
#: EXCLUSION: 剔除/扣除/除去/除, 不含
EXCLUSION_WORDS = ("除", "不含")
#: RANKING: (排名)前N强/位/名/家, 百强…
RANKING_WORDS = (*("前" + n + s for n in ("三", "五", "十", "二十", "3", "5", "10", "20") for s in "强位名家"),
                 "百强", "十强", "二十强", "龙头企业名单", "纳税大户", "重点企业名单")
_F_COUNT, _F_DOMINANCE, _F_GROUP, _F_NAME, _F_EXCLUSION, _F_RANKING = 1, 2, 4, 8, 16, 32
#: the characters a count guard match starts with, each found by ``str.find``: a ``regex``
#: (or ``re``) scan of the text for them tested every character, the larger part of the
#: prose scan's cost; a ``match`` at each of the few places they occur gives the same hits
_COUNT_STARTS = "家户首仅只唯共"
_NUMERALS = frozenset("一二两三四五六七八九十")


def count_guard_hits(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """(start, end, _F_COUNT) of each match ``_COUNT_GUARD.finditer(text, start, end)`` gives
    (non-overlapping, in order), from a ``match`` at each character a match can start with."""
    find = text.find
    places = []
    for c in _COUNT_STARTS:
        i = find(c, start, end)
        while i != -1:
            places.append(i)
            i = find(c, i + 1, end)
    places.sort()
    hits: list[tuple[int, int, int]] = []
    last = start
    for i in places:
        if i < last or not _may_start_count(text, i, end):
            continue
        m = _COUNT_GUARD.match(text, i, end)
        if m is not None:
            last = m.end()
            hits.append((i, last, _F_COUNT))
    return hits


def _may_start_count(text: str, i: int, end: int) -> bool:
    """False where no count guard match can start at ``i`` (a ``match`` call costs more than
    this look at a neighbour): 家/户 right after a Chinese character that is no numeral (国家,
    住户: the look-behind wants a number and white space only), 首 not before 家, and 仅/只/
    唯一/共 before a Chinese character other than 有, 的 or a numeral (中共中央, 共同)."""
    c = text[i]
    if c in "家户":
        before = text[i - 1] if i else ""
        return before != "" and not ("\u4e00" <= before <= "\u9fff" and before not in _NUMERALS)
    if c == "首":
        return text.startswith("家", i + 1, end)
    if c == "唯":
        if not text.startswith("一", i + 1, end):
            return False
        i += 1
    after = text[i + 1] if i + 1 < end else ""
    return after != "" and not ("\u4e00" <= after <= "\u9fff" and after not in _AFTER_ONLY)


_AFTER_ONLY = _NUMERALS | {"有", "的"}


_NAME_CHAR = regex.compile(r"[\p{Han}A-Za-z0-9（）()·]")
_COORD = regex.compile(r"[和及与或]")
_COUNTED = regex.compile(r"[\d一二两三四五六七八九十百几多数各该本此这那每]+[家个户]?.*")
_REPORTING_RATE = regex.compile(r"(?:报送率|及时率|参与率|完成率|覆盖率|回收率|合格率)达?$")
_LEAD = regex.compile(r"^(?:受|随着|由于|因|全年|今年|去年|当年|年内|上半年|下半年|前三季度|[一二三四]季度|剔除|扣除|除去|不含|在|据|对|由|向|赴|与|和|及|同|其中|如|是|为|把|将|被|从|到|经|让|使|请|以|由于|因为|又|还|也|均|都|全市|全县|全区|的|了|、)+")


CHUNK = WINDOW  # the longest text one ahocorasick-rs call gets (gkrules.matching.WINDOW)


def _guard_automaton(flags: dict[str, int], chunk: int = CHUNK) -> Callable[[str, int], list[tuple[int, int, int]]]:
    """(start + offset, end + offset, flags) of every occurrence of a guard word in a text.

    ahocorasick-rs as a DFA where it is installed: the guard scan reads every character of the
    text outside tables, and pyahocorasick's trie walk (or the library's default NFA) cost
    three times as much over the benchmark corpus — the larger part of the prose scan. A text
    longer than ``chunk`` is scanned in windows of ``chunk`` characters plus a word's length,
    each keeping the words that start in its first ``chunk``: every occurrence once."""
    words = [w for w in flags if w]
    if ahocorasick_rs is not None and words:
        automaton = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
        values = [flags[w] for w in words]
        longest = max(map(len, words))
        return lambda text, offset: [(offset + s, offset + e, values[i])
                                     for i, s, e in overlapping_matches(automaton, text, longest, chunk)]
    matcher = make_matcher({w: flags[w] for w in words})  # pyahocorasick: the same occurrences
    return lambda text, offset: [(offset + h.start, offset + h.end, h.payload) for h in matcher.iter(text)]


class ProseRules:
    def __init__(self, setup: CheckerSetup, p: UnitIdentifiabilityParams):
        self.p = p
        self.suffixes = setup.keyword_matcher(p.org_suffixes)
        self.indicators = setup.keyword_matcher(p.indicators)
        self.known = setup.keyword_matcher(p.known_units)
        self.categories = setup.keyword_matcher(p.category_names)
        self.self_pub = setup.keyword_matcher(p.self_published_words)
        self.enforce = setup.keyword_matcher(p.enforcement_words)
        self.followers = tuple(p.org_suffix_followers)
        self.generic = tuple(sorted(p.generic_org_words, key=len, reverse=True))
        # the same words by their last character, in that order: _peel tries only those
        self._generic_by_last: dict[str, list[str]] | None = {}
        for g in self.generic:
            if not g:
                self._generic_by_last = None  # an empty word: keep the plain loop
                break
            self._generic_by_last.setdefault(g[-1], []).append(g)
        self.public = {"".join(s.entity.split()): s for s in p.public_sources}
        # guard for org_names: a name needs a suffix or a known unit inside the sentence
        words = sorted({w for w in (*p.org_suffixes, *p.known_units) if w}, key=len, reverse=True)
        self.name_guard = re.compile("|".join(re.escape(w) for w in words)) if words else None
        flags: dict[str, int] = {}
        for group, flag in ((DOMINANCE_WORDS, _F_DOMINANCE), (GROUP_WORDS, _F_GROUP), (EXCLUSION_WORDS, _F_EXCLUSION),
                            (RANKING_WORDS, _F_RANKING), (words, _F_NAME)):
            for w in group:
                flags[w] = flags.get(w, 0) | flag
        self._guard_words = _guard_automaton(flags)

    # -- names ---------------------------------------------------------------------------

    def org_names(self, text: str, start: int, end: int) -> list[OrgName]:
        """Organisation names in text[start:end]: a suffix hit extended to the left over name
        characters, generic words (该公司, 上市公司…) and leading function words removed."""
        seg = text[start:end]
        out: list[OrgName] = []
        hits = longest_non_overlapping(self.suffixes.iter(seg))
        # 非金属矿物制品业, 铁精矿, 专科医院: a suffix inside a category name ends no name
        masks = [(c.start, c.end) for c in self.categories.iter(seg)] if hits else []
        for h in hits:
            nxt = seg[h.end:h.end + 2]
            # 矿产、厂房 are not names; 公司产值、厂产量 are (an indicator starts there)
            if any(nxt.startswith(f) for f in self.followers) and not self._indicator_at(seg, h.end):
                continue
            if any(a <= h.start and h.end <= b for a, b in masks):
                continue
            i = h.start
            # a name does not run across 的 or 了 (全年新投产的青梧…有限公司, 调研了…)
            while i > 0 and _NAME_CHAR.match(seg[i - 1]) and seg[i - 1] not in "的了" and h.end - (i - 1) <= 40:
                i -= 1
            name = seg[i:h.end]
            lead = _LEAD.match(name)
            if lead:
                name = name[lead.end():]
                i += lead.end()
            core = name[: len(name) - len(h.word)]
            # peel generic words off the end (国有企业集团 → 国有企业 → 国有 → ""): what is
            # left must still be a name of its own
            rest = self._peel(core)
            if len(rest) < 2:
                continue
            # 购物中心和大型商场, 宾馆及星级酒店: a coordination that ends in a generic class
            tail = _COORD.split(core)[-1] if _COORD.search(core) else None
            if tail is not None and not self._peel(tail):
                continue
            if len(core) < 2 or _COUNTED.fullmatch(core):
                continue
            out.append(OrgName(start + i, start + h.end, name))
        for h in self.known.iter(seg):
            out.append(OrgName(start + h.start, start + h.end, h.word))
        out.sort(key=lambda o: o.start)
        # drop names inside other names
        kept: list[OrgName] = []
        for o in out:
            if kept and o.start < kept[-1].end:
                if o.end - o.start > kept[-1].end - kept[-1].start:
                    kept[-1] = o
                continue
            kept.append(o)
        return kept

    def _peel(self, core: str) -> str:
        """Generic words peeled off the end (国有企业集团 → 国有企业 → 国有 → "")."""
        rest = core
        while rest:
            words = self.generic if self._generic_by_last is None else self._generic_by_last.get(rest[-1], ())
            g = next((g for g in words if rest.endswith(g)), None)
            if g is None:
                break
            rest = rest[: len(rest) - len(g)]
        return rest

    def _indicator_at(self, text: str, pos: int) -> bool:
        return any(h.start == 0 for h in self.indicators.iter(text[pos:pos + 8]))

    def has(self, matcher: KeywordMatcher, text: str) -> bool:
        return next(iter(matcher.iter(text)), None) is not None

    def excluded_context(self, text: str) -> str | None:
        """Why a sentence's figures are not survey data of the named unit, if they are not."""
        if self.has(self.enforce, text):
            return "enforcement"
        if self.has(self.self_pub, text):
            return "self-published"
        return None

    def figure_after(self, text: str, pos: int, limit: int = 40) -> regex.Match | None:
        """An indicator followed by a figure, starting at ``pos`` within ``limit`` characters
        (the match's offsets are in ``text``)."""
        seg = text[pos:pos + limit + 24]
        for h in self.indicators.iter(seg):
            if h.start > limit:
                break
            m = FIGURE.search(text, pos + h.end, pos + min(len(seg), h.end + 24))
            if m:
                return m
        return None

    # -- the rules -----------------------------------------------------------------------

    def guard_words(self, text: str) -> list[tuple[int, int, int]]:
        """(start, end, flags) of every guard word in ``text``, in order. One call for the
        whole text, each prose span taking the hits inside it (the same hits as a scan of each
        span): the text's UTF-8 form, kept with the string, then serves the other
        ahocorasick-rs scans of it, personal-info's label scan among them."""
        return sorted(self._guard_words(text, 0))

    def check(self, text: str, spans: list[tuple[int, int]],
              words: list[tuple[int, int, int]] | None = None) -> Iterator[ProseHit]:
        """Every rule on every sentence of the spans, in order — but only on the sentences
        their guards mark (see ``_marked``): the others cannot give a finding. The list of
        ranked names is closed at the first non-blank sentence after the list; no finding
        comes between it and the next marked sentence, so closing it there is the same.
        ``words``: :meth:`guard_words` of the text, if the caller has them."""
        ranking_until = -1
        list_until = -1  # names without figures count as a ranking only in the list itself
        bare: list[OrgName] = []  # ranked names without figures, one finding per list
        if words is None:
            words = self.guard_words(text) if spans else []
        for start, end in spans:
            for ss, se, flags in self._marked(text, start, end, words):
                s = Sentence(ss, se, text[ss:se])
                if not s.text.strip():
                    continue
                if bare and s.start > list_until:
                    yield _ranked_names(bare)
                    bare = []
                if flags & _F_RANKING and RANKING.search(s.text) and self.has(self.indicators, s.text):
                    ranking_until = max(ranking_until, self._line_end(text, s.end, self.p.ranking_window_lines))
                    heading = s.text.rstrip().endswith(("：", ":")) or "如下" in s.text
                    list_until = max(list_until, ranking_until if heading else s.end)
                if flags & _F_COUNT:
                    yield from self._small_count(s)
                if flags & _F_DOMINANCE:
                    yield from self._dominance(s)
                if flags & _F_GROUP:
                    yield from self._group_attribute(s)
                if flags & _F_NAME:
                    yield from self._named(text, s, s.start <= ranking_until, bare if s.start <= list_until else None)
                    if flags & _F_EXCLUSION:
                        yield from self._exclusion(s)
        if bare:
            yield _ranked_names(bare)

    def _marked(self, text: str, start: int, end: int, words: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
        """(start, end, rule flags) of the sentences of text[start:end] that some guard hits,
        in text order (``words``: the guard word hits of the whole text, in order)."""
        hits = count_guard_hits(text, start, end)
        # a look-up, not a scan per span: a scan of the text for each gap between tables made a
        # document with thousands of tables quadratic
        first, last = bisect_left(words, (start,)), bisect_left(words, (end,))
        hits += [h for h in words[first:last] if h[1] <= end]
        if not hits:
            return []
        hits.sort()
        marked: dict[int, list[int]] = {}  # sentence start -> [end, flags]
        cur_s = cur_e = -1
        for a, b, flag in hits:
            if not cur_s <= a < cur_e:
                cur_s, cur_e = sentence_at(text, a, start, end)
            slot = marked.setdefault(cur_s, [cur_e, 0])
            slot[1] |= flag
            s, e = cur_s, cur_e
            while e < b:  # a hit that runs on into the next sentences marks them too
                s, e = sentence_at(text, e, start, end)
                slot = marked.setdefault(s, [e, 0])
                slot[1] |= flag
        return [(s, e, f) for s, (e, f) in sorted(marked.items())]

    @staticmethod
    def _line_end(text: str, pos: int, lines: int) -> int:
        for _ in range(lines):
            nxt = text.find("\n", pos + 1)
            if nxt == -1:
                return len(text)
            pos = nxt
        return pos

    def _small_count(self, s: Sentence) -> Iterator[SmallCount]:
        if not any(c in s.text for c in "家户个"):
            return
        seen = set()
        for plain, m in [*((False, m) for m in SMALL_COUNT.finditer(s.text)),
                         *((True, m) for m in PLAIN_COUNT.finditer(s.text))]:
            n = cn_int(m.group("n"))
            if n is None or not (1 <= n < self.p.min_units) or m.end() in seen:
                continue
            seen.add(m.end())
            if self.excluded_context(s.text):
                continue
            if m.group("n") == "家" and self.org_names(s.text, 0, len(s.text)):
                continue  # ××公司成为全市首家……: the named-unit rule reports the name
            # the figure must be a survey indicator of those units (营业收入1.86亿元) or their
            # growth, not an award or a rate about the survey (奖励资金200万元, 报送率98.5%)
            fig = self.figure_after(s.text, m.end(), 60) or GROWTH.search(s.text, m.end())
            # the figure is the group's own only if no other group (全县…58家) comes between
            if fig is not None and _OTHER_GROUP.search(s.text, m.end(), fig.start()):
                fig = None
            if plain and fig is None:
                # 规上工业企业2家，完成产值3.1亿元: a count stated without 仅/只 is reported only
                # with its own figure
                continue
            shown = s.text.strip()[:60]
            # 只有两家企业出口交货值超过10亿元: a size class, not the group's figure (one unit
            # above a threshold is still an interval about that unit)
            if fig and n >= 2 and _is_threshold(fig):
                fig = None
            figure = fig.group(0) if fig and not _is_rate_of_reporting(fig) else None
            yield SmallCount(s.start + m.start(), s.start + m.end(), n, m.group(0), shown, figure)

    def _dominance(self, s: Sentence) -> Iterator[ShareStatement]:
        """Stated shares of the largest units (the dominance rule decides on them)."""
        shown = s.text.strip()[:60]
        for m in TWO_SHARES.finditer(s.text):
            s1, s2 = sorted((float(m.group("s1")), float(m.group("s2"))), reverse=True)
            yield ShareStatement("two", s.start + m.start(), s.start + m.end(), shown, s1, s2)
        for m in LARGEST_SHARE.finditer(s.text):
            yield ShareStatement("largest", s.start + m.start(), s.start + m.end(), shown, float(m.group("s1")))
        for m in TOP_N_SHARE.finditer(s.text):
            yield ShareStatement("top-n", s.start + m.start(), s.start + m.end(), shown, float(m.group("s")),
                                 n=cn_int(m.group("n")) or 0)

    def _group_attribute(self, s: Sentence) -> Iterator[GroupStatement]:
        if not self.p.group_attribute_factor:
            return
        for m in GROUP_ATTRIBUTE.finditer(s.text):
            n = cn_int(m.group("n"))
            if n is None or not (1 <= n < self.p.group_attribute_factor * self.p.min_units):
                continue
            yield GroupStatement(s.start + m.start(), s.start + m.end(), n, m.group("attr"), m.group(0),
                                 s.text.strip()[:60])

    def _named(self, text: str, s: Sentence, ranked: bool, bare: list[OrgName] | None = None) -> Iterator[NamedFigure]:
        """Named units with their own figures; names in a ranking list without one go to ``bare``."""
        names = self.org_names(text, s.start, s.end)
        if not names:
            return
        if self.excluded_context(s.text):
            return
        # 剔除XX公司影响后增长5%: the figure is the remainder's, the exclusion rule reports it
        excluded = [(s.start + m.start("org"), s.start + m.end("org")) for m in EXCLUSION.finditer(s.text)]
        for k, o in enumerate(names):
            if any(a <= o.start < b for a, b in excluded):
                continue
            # the figure belongs to the name when it follows it before the next name
            stop = names[k + 1].start if k + 1 < len(names) else s.end
            rel = o.end - s.start
            seg_end = stop - s.start
            frame = _FRAME.match(s.text, rel)
            if frame and _FRAME_START.search(s.text[:o.start - s.start]):
                # 受X影响，全市…下降5.3% / 在X带动下，…: the figure after the clause is not X's
                seg_end = min(seg_end, rel + len(frame.group("inside")))
                fig = self.figure_after(s.text[:seg_end], rel, seg_end - rel)
            else:
                fig = self.figure_after(s.text, rel, max(8, min(40, seg_end - rel + 16)))
            if fig is None and k + 1 < len(names):
                # 、-joined names with one joint figure: A、B、C合计拉动…
                between = text[o.end:names[k + 1].start]
                if between.strip() in ("、", "和", "与", "及", "，"):
                    last = names[-1]
                    fig = self.figure_after(s.text, last.end - s.start, 40)
            if fig is None:
                if bare is not None and not self.public.get("".join(o.name.split())):
                    bare.append(o)
                continue
            yield NamedFigure(o.start, o.end, o.name, fig.group(0), ranked, self.public.get("".join(o.name.split())))

    def _exclusion(self, s: Sentence) -> Iterator[ExclusionStatement]:
        for m in EXCLUSION.finditer(s.text):
            org = m.group("org")
            abs_start = s.start + m.start("org")
            names = self.org_names(s.text, m.start("org"), m.end("org"))
            if not names:
                continue
            if not FIGURE.search(s.text, m.end()):
                continue
            yield ExclusionStatement(abs_start, s.start + m.end("org"), org, s.text.strip()[:60])


class NameHits:
    """``search(text, pos, endpos)``: whether an organisation suffix or a known unit (a word of
    ``ProseRules.name_guard``) lies inside text[pos:endpos] — what ``name_guard.search`` tells,
    answered from the guard word hits of the whole text (``guard_words``) instead of a search
    of each table's cells with an alternation of some three hundred words."""

    __slots__ = ("_hits",)

    def __init__(self, words: list[tuple[int, int, int]]):
        self._hits = [(s, e) for s, e, flags in words if flags & _F_NAME]

    def search(self, text: str, pos: int, endpos: int, /) -> bool:
        hits = self._hits
        for k in range(bisect_left(hits, (pos,)), len(hits)):
            s, e = hits[k]
            if s >= endpos:
                return False
            if e <= endpos:
                return True
        return False


# 受X影响， / 在X带动下， / 由于X停产检修，: X frames a clause whose figure is someone else's
_FRAME_START = regex.compile(r"(?:^|[，,；;：:])[\s　]*(?:受|在|由于|因|随着)[^，,；;。]*$")
_FRAME = regex.compile(r"(?P<inside>[^，,；;。]*?(?:带动|影响|推动|拉动|作用|带领|引领|停产|检修|减产|投产)[^，,；;。]{0,4})[，,]")


def _ranked_names(bare: list[OrgName]) -> RankedNames:
    return RankedNames(tuple(bare))


def _is_rate_of_reporting(fig: regex.Match) -> bool:
    """报送率/及时率/参与率 are rates about the survey itself, not the unit's data."""
    before = fig.string[max(0, fig.start() - 6):fig.start()]
    return bool(_REPORTING_RATE.search(before)) and "%" in fig.group(0)


_THRESHOLD_BEFORE = regex.compile(r"(?:超过|超|过|突破|逾|不足|低于|高于|大于|小于)$")
_THRESHOLD_AFTER = regex.compile(r"^(?:以上|以下|及以上|之上)")


def _is_threshold(fig: regex.Match) -> bool:
    """A figure that bounds a size class (超过10亿元, 1亿元以上), not a reported value."""
    before = fig.string[max(0, fig.start() - 2):fig.start()]
    return bool(_THRESHOLD_BEFORE.search(before) or _THRESHOLD_AFTER.match(fig.string[fig.end():fig.end() + 3]))
