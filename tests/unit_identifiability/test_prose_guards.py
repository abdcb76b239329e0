"""The prose rules run only on sentences their guards mark (a speed measure): the findings
must be exactly those of running every rule on every sentence."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.unit_identifiability import prose as prose_module
from gkrules.checkers.unit_identifiability.prose import (
    RANKING,
    SENTENCE_END,
    OrgName,
    ProseHit,
    ProseRules,
    Sentence,
    _ranked_names,
    sentence_at,
    sentences,
)
from gkrules.engine import Engine


@pytest.fixture(scope="module")
def prose() -> ProseRules:
    engine = Engine("national", check_examples=False)
    return next(a.instance.rules[0].kit.prose for a in engine.checkers if a.spec.id == "unit-identifiability")


def _sentences_by_char(text: str, start: int, end: int) -> Iterator[Sentence]:
    s = start
    for i in range(start, end):
        if text[i] in SENTENCE_END:
            yield Sentence(s, i + 1, text[s:i + 1])
            s = i + 1
    if s < end:
        yield Sentence(s, end, text[s:end])


def reference(rules: ProseRules, text: str, spans: list[tuple[int, int]]) -> list[ProseHit]:
    """Every rule on every sentence (the loop before the guards)."""
    out: list[ProseHit] = []
    ranking_until = list_until = -1
    bare: list[OrgName] = []
    for start, end in spans:
        for s in _sentences_by_char(text, start, end):
            if not s.text.strip():
                continue
            if bare and s.start > list_until:
                out.append(_ranked_names(bare))
                bare = []
            if RANKING.search(s.text) and rules.has(rules.indicators, s.text):
                ranking_until = max(ranking_until, rules._line_end(text, s.end, rules.p.ranking_window_lines))
                heading = s.text.rstrip().endswith(("：", ":")) or "如下" in s.text
                list_until = max(list_until, ranking_until if heading else s.end)
            out.extend(rules._small_count(s))
            out.extend(rules._dominance(s))
            out.extend(rules._group_attribute(s))
            out.extend(rules._named(text, s, s.start <= ranking_until, bare if s.start <= list_until else None))
            out.extend(rules._exclusion(s))
    if bare:
        out.append(_ranked_names(bare))
    return out


FRAGMENTS = [
    "仅有", "仅", "只有", "只", "唯一的", "共有", "共", "的", "有", "1", "2", "3", "12", "两", "一", "十", "二十",
    "家", "户", "个", "首家", "规模以上", "规上", "企业", "单位", "调查户", "公司", "有限公司", "集团", "厂", "矿",
    "医院", "营业收入", "产值", "利润", "出口交货值", "1.2亿元", "3.5万元", "增长", "下降", "12.5%", "8％",
    "个百分点", "前两位", "前2家", "分别占", "60.1%", "34.9%", "最大的", "规模最大的企业", "第一大", "居首位",
    "龙头", "占", "91.6%", "前三家", "合计占", "全部", "均为", "都", "亏损", "停产", "剔除", "扣除", "除",
    "不含", "以外", "因素", "影响", "后", "排名前十", "十强", "百强", "纳税大户", "名单", "如下", "：", "。",
    "；", ";", "！", "?", "\n", " ", "　", "，", "、", "和", "鹤汀纸业", "青梧钢铁", "宏盛纺织", "受", "带动",
    "全县", "全市", "其中", "报送率", "超过", "以上", "公告", "立案", "处罚", "实现", "完成",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80), st.data())
def test_guarded_sentences_give_the_same_findings(prose, parts, data):
    text = "".join(parts)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    spans = [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=False) if b > a] or [(0, len(text))]
    assert list(prose.check(text, spans)) == reference(prose, text, spans)


def test_real_documents_give_the_same_findings(prose):
    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    texts.append(
        "　　全县规上工业企业2家，完成产值3.1亿元。造纸业4家企业营业收入6.82亿元，其中营业收入居前两位的企业"
        "分别占该行业的60.1%和34.9%。\n排名前十的企业名单如下：\n1. 鹤汀纸业有限公司\n2. 青梧钢铁有限公司\n"
        "　　剔除鹤汀纸业有限公司影响后，全县产值增长5.2%。3家企业全部亏损。\n")
    for text in texts:
        assert list(prose.check(text, [(0, len(text))])) == reference(prose, text, [(0, len(text))])


@given(st.text(alphabet="ab。；\n!?", max_size=30), st.data())
def test_sentences_and_sentence_at_agree_with_the_character_loop(text, data):
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = list(_sentences_by_char(text, start, end))
    assert list(sentences(text, start, end)) == expected
    for s in expected:
        for pos in range(s.start, s.end):
            assert sentence_at(text, pos, start, end) == (s.start, s.end)


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    out, depth, cls, start, i = [], 0, False, 0, 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


GUARDED = [(name, alt, guard) for name, guard in (
    ("SMALL_COUNT", "_COUNT_GUARD"), ("PLAIN_COUNT", "_COUNT_GUARD"), ("GROUP_ATTRIBUTE", "GROUP_WORDS"),
    ("TWO_SHARES", "DOMINANCE_WORDS"), ("LARGEST_SHARE", "DOMINANCE_WORDS"), ("TOP_N_SHARE", "DOMINANCE_WORDS"),
    ("EXCLUSION", "EXCLUSION_WORDS"), ("RANKING", "RANKING_WORDS"),
) for alt in _alternatives(getattr(prose_module, name).pattern)]


def _guard_hits(guard, text: str) -> bool:
    if isinstance(guard, tuple):
        return any(w in text for w in guard)
    return guard.search(text) is not None


@pytest.mark.parametrize(("name", "alternative", "guard"), GUARDED,
                         ids=[f"{n}-{i}" for i, (n, _, _) in enumerate(GUARDED)])
def test_every_match_of_a_rule_pattern_contains_a_match_of_its_guard(name, alternative, guard):
    rule = getattr(prose_module, name)
    guard_of = getattr(prose_module, guard)
    # strings drawn from the alternative (stdlib syntax for hypothesis), checked with the real patterns
    example = st.from_regex(re.compile(alternative.replace(r"\p{Han}", "\u4e00-\u9fff")))
    matched = 0

    @settings(max_examples=300, deadline=None)
    @given(example)
    def run(s):
        nonlocal matched
        for m in rule.finditer(s):
            matched += 1
            assert _guard_hits(guard_of, m.group()), (name, m.group())

    run()
    assert matched > 0


def _every_occurrence(words: dict[str, int], text: str, offset: int) -> list[tuple[int, int, int]]:
    """Every occurrence of every word, by plain substring search (the guard scan's reference)."""
    return sorted((offset + i, offset + i + len(w), f) for w, f in words.items() if w
                  for i in range(len(text)) if text.startswith(w, i))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60), st.integers(0, 50))
def test_the_guard_word_scan_finds_every_occurrence(prose, parts, offset):
    """The DFA scan (ahocorasick-rs) reports each occurrence of each guard word, overlapping
    ones included, as the trie walk of pyahocorasick did."""
    text = "".join(parts)
    words = {**{w: 2 for w in prose_module.DOMINANCE_WORDS}, **{w: 16 for w in prose_module.EXCLUSION_WORDS},
             **{w: 32 for w in prose_module.RANKING_WORDS}, "公司": 8, "有限公司": 8, "除去": 1}
    scan = prose_module._guard_automaton(words)
    assert sorted(scan(text, offset)) == _every_occurrence(words, text, offset)
    for chunk in (1, 2, 3, 7):  # a text longer than the window: scanned window by window
        assert sorted(prose_module._guard_automaton(words, chunk=chunk)(text, offset)) == \
            _every_occurrence(words, text, offset)
    assert sorted(prose._guard_words(text, offset)) == sorted(
        (s, e, f) for s, e, f in _every_occurrence(_flags_of(prose), text, offset))


def _flags_of(prose: ProseRules) -> dict[str, int]:
    """The guard words with their flags, as ProseRules builds them."""
    words = sorted({w for w in (*prose.p.org_suffixes, *prose.p.known_units) if w}, key=len, reverse=True)
    flags: dict[str, int] = {}
    m = prose_module
    for group, flag in ((m.DOMINANCE_WORDS, m._F_DOMINANCE), (m.GROUP_WORDS, m._F_GROUP),
                        (m.EXCLUSION_WORDS, m._F_EXCLUSION), (m.RANKING_WORDS, m._F_RANKING), (words, m._F_NAME)):
        for w in group:
            flags[w] = flags.get(w, 0) | flag
    return flags


COUNT_TEXT = st.one_of(
    st.text(alphabet="家户首仅只唯一二两十共有的个 \n\t　3０国住企业中", max_size=40),
    st.lists(st.sampled_from(["仅", "只", "唯一", "唯", "共", "有", "的", "3", "12", "十二", "两", "一", "个", "家", "户",
                              "首", "首家", " ", "\n", "　", "国", "中", "０", "企业"]), max_size=16).map("".join))


@settings(max_examples=1000, deadline=None)
@given(COUNT_TEXT, st.data())
def test_count_guard_hits_are_those_of_the_regex_scan(text, data):
    """The count guard's hits found from str.find and a match at each place are those of
    ``_COUNT_GUARD.finditer`` (spans cut anywhere: its look-behind sees before the span)."""
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    expected = [(m.start(), m.end(), prose_module._F_COUNT)
                for m in prose_module._COUNT_GUARD.finditer(text, start, end)]
    assert prose_module.count_guard_hits(text, start, end) == expected


def test_count_guard_hits_on_real_documents():
    seeds = Path(__file__).resolve().parents[1] / "data" / "seeds"
    for p in sorted(seeds.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        expected = [(m.start(), m.end(), prose_module._F_COUNT)
                    for m in prose_module._COUNT_GUARD.finditer(text, 0, len(text))]
        assert prose_module.count_guard_hits(text, 0, len(text)) == expected


def test_count_guard_hits_on_every_short_count_phrase():
    """Every combination of the pieces a count guard match is made of (and of near misses),
    at every cut of the span: the hits are those of the regex scan."""
    pieces = (["", "2", "国", " "], ["仅", "只", "唯一", "唯", "共", "首", "", "中"], ["有", "的", "有的", "", " ", "国"],
              ["3", "十二", "两", "", "国"], [" ", ""], ["个", "家", "户", ""])
    guard, flag = prose_module._COUNT_GUARD, prose_module._F_COUNT
    for parts in itertools.product(*pieces):
        text = "".join(parts) + "。"
        for start, end in ((0, len(text)), (1, len(text)), (0, len(text) - 2)):
            expected = [(m.start(), m.end(), flag) for m in guard.finditer(text, start, end)]
            assert prose_module.count_guard_hits(text, start, end) == expected, (text, start, end)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=40), st.data())
def test_name_hits_answer_as_the_name_guard_pattern(prose, parts, data):
    """A table may name a unit when an organisation word lies inside its cells: the guard word
    hits of the whole text say so exactly when a search with the name guard pattern does."""
    text = "".join(parts)
    names = prose_module.NameHits(prose.guard_words(text))
    for _ in range(4):
        pos = data.draw(st.integers(0, len(text)))
        endpos = data.draw(st.integers(pos, len(text)))
        assert names.search(text, pos, endpos) == (prose.name_guard.search(text, pos, endpos) is not None)
