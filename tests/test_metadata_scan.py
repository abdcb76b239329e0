"""The line scans of gkrules.metadata.scan give exactly what a multi-line regex search over the
whole text gives (they only skip lines that cannot match)."""

from __future__ import annotations

import functools
import heapq
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.metadata import fields, gbt9704
from gkrules.metadata.scan import by_last_char, ends_before, lines_at, lines_with, needle_starts, starts_of

FRAGMENTS = ["\n", "\n", " ", "  ", "\u3000", "\t", "2024年7月8日", "二〇二四年七月八日", "2024-07-08", "2024/7/8",
             "2024.7.8", "12.5", "-3", "7", "/",
             "青梧市统计局", "（此件主动公开）", "(此件公开发布)", "抄送：市委办公室", "抄 送: 各区", "2024年7月9日印发",
             "印发", "日", "标题：", "标 题:", "【发布日期】", "发文字号：青统字〔2024〕6号", "来源：", "•", "关于", "x",
             "】", "：", ":", "责任单位："]
texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)


def _first(rx, text, lines):
    return next((m for ls, le in lines if (m := rx.match(text, ls, le))), None)


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and a.span() == b.span()
                                         and a.groupdict() == b.groupdict())


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 300))
def test_first_line_with_a_literal_is_the_first_search_match(text, after):
    after = min(after, len(text))
    for rx, needle in ((gbt9704._PRINTED_LINE, "印发"), (gbt9704._COPY_LINE, "抄"),
                       (gbt9704._ANNOTATION_LINE, "此件")):
        assert _same(_first(rx, text, lines_with(text, (needle,), after)), rx.search(text, after))


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 300))
def test_date_lines_are_all_found(text, after):
    after = min(after, len(text))
    positions = heapq.merge(*((m.start() for m in rx.finditer(text, after))
                              for rx in (gbt9704._ENDS_WITH_RI, *gbt9704._ENDS_WITH_ISO)))
    candidates = list(lines_at(text, positions, after))
    for rx in (gbt9704._DATE_LINE, gbt9704._SIGNED_DATE_LINE):
        found = [m.span() for m in rx.finditer(text, after)]
        scanned = [m.span() for ls, le in candidates if (m := rx.match(text, ls, le))]
        assert scanned == found


@settings(max_examples=400, deadline=None)
@given(texts)
def test_field_lines_are_all_found(text):
    found = [m.start() for m in fields._FIELD_LINE.finditer(text)]
    scanned = [ls for ls, le in lines_at(text, (m.start() for m in fields._LABEL_END.finditer(text)))
               if fields._FIELD_LINE.match(text, ls, le)]
    assert scanned == found


def test_lines_with_several_needles_yields_each_line_once_in_order():
    text = "甲：乙\n丙\n丁:戊】\n\n：\n"
    assert list(lines_with(text, ("：", ":", "】"))) == [(0, 3), (6, 10), (12, 13)]
    assert list(lines_with(text, ("：",), after=1)) == [(12, 13)]  # a search from 1 cannot match line 1
    assert list(lines_at(text, [0, 1, 7, 12])) == [(0, 3), (6, 10), (12, 13)]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_iter_date_lines_is_the_whole_text_scan(text):
    def span(m):
        return gbt9704.Span(m.start("date"), m.end("date"), m.group("date"))

    whole = [span(m) for m in gbt9704._DATE_LINE.finditer(text)]
    whole += [span(m) for m in gbt9704._SIGNED_DATE_LINE.finditer(text)
              if gbt9704.SIGNATURE_ORG.search(m.group("org"))]
    assert gbt9704.iter_date_lines(text) == sorted(whole, key=lambda sp: sp.start)
    assert gbt9704.parse_tail(text).annotations == gbt9704.annotations(text)


LABEL_FRAGMENTS = ["\n", " ", "　", "•", "处罚决定日期", "处 罚 决 定 日 期", "许可日期", "检查结束日期", "：", ":", "【", "】",
                   "2024年8月21日", "2024-08-21", "无", "日期", "期", "间", "时间", "\t", "x"]


@functools.lru_cache(maxsize=1)
def _resolvers():
    from gkrules.deadlines.rules import RuleResolver
    from gkrules.testing import cached_engine

    active = next(a for a in cached_engine().checkers if a.spec.id == "release-deadline")
    scanned, by_regex, whole = (RuleResolver(active.config.params) for _ in range(3))
    assert scanned._label_end is not None and scanned._label_lasts is not None
    by_regex._label_lasts = None  # the label ends found by a regex scan
    whole._label_end = None  # the multi-line scan over the whole text
    return scanned, by_regex, whole


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(LABEL_FRAGMENTS), max_size=30).map("".join))
def test_labelled_dates_scan_only_lines_with_a_label_end(text):
    scanned, by_regex, whole = _resolvers()
    assert scanned.labelled_date(text) == by_regex.labelled_date(text) == whole.labelled_date(text)


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 300))
def test_printed_and_annotation_lines_by_their_literal_scans(text, after):
    after = min(after, len(text))
    ends = lines_at(text, (m.start() for m in gbt9704._ENDS_WITH_PRINTED.finditer(text, after)), after)
    assert _same(_first(gbt9704._PRINTED_LINE, text, ends), gbt9704._PRINTED_LINE.search(text, after))
    scanned = lines_at(text, (m.start() for m in gbt9704._ANNOTATION_LITERAL.finditer(text)))
    assert list(scanned) == list(lines_with(text, gbt9704._ANNOTATION_LITERALS))


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 300))
def test_date_positions_after_an_offset_are_a_scan_from_it(text, after):
    """The facts layer scans once from the start; parse_tail reads the positions from its
    offset on: the same as scanning from there, and the same tail."""
    after = min(after, len(text))
    everywhere = gbt9704.date_positions(text)
    assert [p for p in everywhere if p >= after] == gbt9704._date_positions(text, after)
    assert gbt9704.parse_tail(text, after, dates=everywhere) == gbt9704.parse_tail(text, after)
    assert gbt9704.date_lines(text, everywhere) == gbt9704.date_lines(text)


# the cheaper scans (str.find of a few characters) against the regex scans they replace
SCAN_FRAGMENTS = [*FRAGMENTS, "12", "5", "3.", ".", "-", "/", "日 ", "日\u3000", "٣", "\r", "\x1c", "\u2028", "期",
                  "间", "时间 ：", "日期】", "名称\t", "\t", "本文件", "本件", "公开方式：", "公开形式", "公开属性", "文件",
                  "性", "式", "件", "印发", "印发 ", "印"]
scan_texts = st.lists(st.sampled_from(SCAN_FRAGMENTS), max_size=40).map("".join)


@settings(max_examples=600, deadline=None)
@given(scan_texts, st.integers(0, 400))
def test_date_positions_from_line_ends_are_the_regex_scans(text, after):
    after = min(after, len(text))
    regex = sorted(m.start() for rx in (gbt9704._ENDS_WITH_RI, *gbt9704._ENDS_WITH_ISO) for m in rx.finditer(text, after))
    assert gbt9704._date_positions(text, after) == regex


@settings(max_examples=600, deadline=None)
@given(scan_texts)
def test_label_ends_from_the_closers_are_the_regex_scan(text):
    regex = [m.start() for m in fields._LABEL_END.finditer(text)]
    assert sorted(set(ends_before(text, fields._CLOSERS, fields._LASTS))) == regex
    assert fields.header_fields(text) == tuple(sorted(
        [*_regex_fields(text), *fields._stacked_fields(text)], key=lambda f: f[3]))


def _regex_fields(text):
    """_iter_fields over the lines the whole-text regex finds (the code before the closer scan)."""
    lines = list(lines_at(text, (m.start() for m in fields._LABEL_END.finditer(text))))
    fast = list(lines_at(text, ends_before(text, fields._CLOSERS, fields._LASTS)))
    assert fast == lines
    return list(fields._iter_fields(text))


@settings(max_examples=600, deadline=None)
@given(scan_texts, st.sampled_from(["期", "日", "间", "-"]))
def test_starts_of_a_character_are_the_regex_match_starts(text, char):
    tail = re.compile(r"[^\S\n]*[:：】]")
    regex = [m.start() for m in re.finditer(re.escape(char) + tail.pattern, text)]
    assert starts_of(text, char, tail) == regex


@settings(max_examples=600, deadline=None)
@given(scan_texts)
def test_annotation_literals_by_their_last_character(text):
    groups = by_last_char(gbt9704._ANNOTATION_LITERALS)
    regex = list(lines_at(text, (m.start() for m in gbt9704._ANNOTATION_LITERAL.finditer(text))))
    assert list(lines_at(text, needle_starts(text, groups))) == regex
    assert list(lines_with(text, gbt9704._ANNOTATION_LITERALS)) == regex


ADDRESSEE_FRAGMENTS = ["\n", "\n", "\n\n", " \n", "\u3000", " ", "各区县统计局", "，", "、", "市直有关部门", "：", ":", "局机关各科室",
                       "局属事业单位", "各", "如下：", "一、", "关于印发…的通知", "x", "标题：", "各县（市、区）统计局"]


def _addressee_by_generator(text, after=0, max_lines=40):
    """find_addressee as it read lines before (a generator over the lines of text[after:])."""
    from gkrules.textlines import iter_lines

    seen = 0
    for s, _e, line in iter_lines(text[after:]):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        colon = stripped.endswith(("：", ":"))
        if not colon and ("各" not in stripped or len(stripped) > 40):
            continue
        if len(stripped) > 100 or gbt9704._ADDRESSEE_NOT.search(stripped):
            continue
        body = stripped[:-1] if colon else stripped
        if not body or fields.canonical(body.strip(" •·\u3000")) is not None:
            continue
        if gbt9704._addressee_segments(body) is None:
            continue
        start = after + s + line.find(stripped)
        return gbt9704.Span(start, start + len(body), body.strip())
    return None


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(ADDRESSEE_FRAGMENTS), max_size=60).map("".join), st.integers(0, 200),
       st.integers(1, 6))
def test_addressee_from_one_split_is_the_line_by_line_reading(text, after, max_lines):
    after = min(after, len(text))
    assert gbt9704.find_addressee(text, after, max_lines) == _addressee_by_generator(text, after, max_lines)


@settings(max_examples=400, deadline=None)
@given(scan_texts, st.integers(0, 12))
def test_head_lines_are_split_lines(text, limit):
    from gkrules.metadata import _head_end_offset, _split_lines

    assert _split_lines(text, limit) == gbt9704.split_lines(text, limit)
    lines = gbt9704.split_lines(text, limit + 1)
    before = lines[min(limit, len(lines) - 1)][0] if limit < len(lines) else len(text)
    assert _head_end_offset(text, gbt9704.Head(end_line=limit)) == (before if limit else 0)


@settings(max_examples=400, deadline=None)
@given(scan_texts, st.integers(0, 300))
def test_printed_lines_from_the_find_of_yin(text, after):
    after = min(after, len(text))
    regex = [m.start() for m in gbt9704._ENDS_WITH_PRINTED.finditer(text, after)]
    assert starts_of(text, "印", gbt9704._PRINTED_TAIL, after) == regex


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "ab", "c", "\n", "bc", "x"]), max_size=30).map("".join),
       st.lists(st.sampled_from(["a", "b", "ab", "bc", "abc", "cb", "c"]), min_size=1, max_size=4, unique=True))
def test_needle_starts_are_every_occurrence(text, needles):
    every = sorted(i for n in needles for i in range(len(text)) if text.startswith(n, i))
    assert needle_starts(text, by_last_char(needles)) == every


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from(["机", "密", " ", "\u3000", "\t", "\n", "\xa0", "\x1c", "\u2028", "\x85",
                                         "６", "ｱ", "\u200b", "a"]), max_size=20))
def test_squeeze_is_nfkc_without_white_space(text):
    import unicodedata

    assert gbt9704.squeeze(text) == gbt9704._WS.sub("", unicodedata.normalize("NFKC", text)).replace(" ", "")
