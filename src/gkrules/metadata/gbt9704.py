"""GB/T 9704-2012 elements of a 公文 as they survive text extraction.

The head (版头): 份号 (6 digits, line 1), 密级和保密期限 (机密★1年, line 2), 紧急程度 (特急/加急),
in the 2012 top-left layout, the 1999 top-right layout (``00012      机  密`` on one line), or
run together on one line by a PDF extractor (``000215　机密★1年``); then the 发文机关标志
(``…文件``) and the 发文字号. The tail: 成文日期 (Arabic or Chinese numerals), 附注
(``（此件主动公开）``), 抄送 and 印发.

``parse_head`` is shared by metadata extraction and the confidential-marker checker, so both
read a head the same way.
"""

# no ``from __future__ import annotations``: it binds the name ``annotations``, which this
# module's function of that name would shadow (type checkers then see a _Feature)
import bisect
import re
import unicodedata
from collections.abc import Iterable

from attrs import frozen

from gkrules.metadata.dates import search_date
from gkrules.metadata.scan import by_last_char, lines_at, lines_with, needle_starts, starts_of
from gkrules.textlines import iter_lines, split_lines

LEVELS = ("绝密", "机密", "秘密")
URGENCIES = ("特急", "加急", "特提", "平急")

_WS = re.compile(r"[^\S\n]+")
FENHAO = re.compile(r"^(?:\d{6}|0\d{2,5})$")
# a level, optionally followed by ★ and a period, date or condition, then optionally an urgency
_MARK = re.compile(r"^(?P<level>绝密|机密|秘密)(?:(?P<star>[★☆])(?P<period>.*?))?(?P<urgency>特急|加急|特提|平急)?$")
_FIELD_MARK = re.compile(r"^密级[:：]?(?P<level>绝密|机密|秘密)(?:(?P<star>[★☆])(?P<period>.*))?$")
DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fa5A-Za-z]{1,16}?)\s*(?P<open>[〔\[【(（［{｛])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[〕\]】)）］}｝])\s*(?P<di>第)?\s*(?P<num>\d{1,5})\s*号")
_DOC_NUMBER_OPENERS = frozenset("〔[【(（［{｛")


def search_doc_number(line: str) -> re.Match | None:
    """``DOC_NUMBER.search`` behind a cheap guard: the pattern tries up to 16 characters at
    every position, so lines without 号 or an opening bracket are ruled out first."""
    if "号" not in line or _DOC_NUMBER_OPENERS.isdisjoint(line):
        return None
    return DOC_NUMBER.search(line)


# a portal's column name (行政规范性文件, 政策文件) printed above the page is not a masthead
MASTHEAD = re.compile(r"^(?!(?:行政)?规范性文件$|(?:政策|部门|其他|政府|上级|本级|市级|县级|省级|通知)文件$)"
                      r"[\u4e00-\u9fa5（）()、]{2,40}(?:文件|函|便函|简报|专报|快报|通报|纪要)$")
# the closing bracket is optional: pages lose it ("（此件主动公开" as published)
ANNOTATION = re.compile(r"^[（(]\s*(?P<body>(?:此件|此文件|本件|本文件)[^（()）]{1,24}?)\s*[）)]?$")
PRINTED = re.compile(r"^(?P<org>\S.{0,40}?)\s+(?P<date>\S+年\S+月\S+日)\s*印发$")
_ANNEX_LINE = re.compile(r"^附件\s*[0-9０-９一二三四五六七八九十]*$")
_FIELD_LIKE = re.compile(r"^[•·●]?\s*[\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,7}[:：]")
_PROSE = re.compile(r"[，。；！？,;!?]")
SIGNATURE_ORG = re.compile(r"(?:局|厅|部|委|委员会|办公室|政府|中心|队|总队|院|处|科|股|会|所|站|公司|党组|党委|支部|小组)$")


@frozen
class Span:
    start: int
    end: int
    text: str


@frozen
class SecrecyMark:
    """A 国家秘密标志 found in the head."""

    level: str
    period: str | None
    start: int
    end: int
    text: str
    layout: str  # "2012" (own line), "1999" (beside the 份号), "field" (密级：…)


@frozen
class Head:
    fenhao: Span | None = None
    secrecy: SecrecyMark | None = None
    urgency: Span | None = None
    masthead: Span | None = None
    end_line: int = 0  # 0-based index of the first line after the head zone


def head_lines(text: str, limit: int) -> list[str]:
    """The first ``limit`` lines of the text (those of ``split_lines(text, limit)``) by one
    ``str.split``: much cheaper per line than a generator that finds each line break."""
    lines = text.split("\n", limit)
    if len(lines) > limit:
        lines.pop()  # the rest of the text
    return lines


def squeeze(s: str) -> str:
    """NFKC with all white space removed (机  密 → 机密, ６ → 6); line breaks stay."""
    t = unicodedata.normalize("NFKC", s)
    if "\n" in t:
        return _WS.sub("", t).replace(" ", "")
    # no line break: str.split() drops the same white space (str.isspace, as the regex's \s)
    # for a fraction of a regex substitution's cost
    return "".join(t.split())


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip())
    return s + lead, s + len(seg.rstrip())


def match_mark(line: str) -> re.Match | None:
    """A whole line (white space ignored) that is a 密级 mark, as a match on its squeezed form."""
    return match_squeezed_mark(squeeze(line))


def match_squeezed_mark(sq: str) -> re.Match | None:
    """``match_mark`` for a line already squeezed."""
    return _MARK.match(sq) or _FIELD_MARK.match(sq)


def parse_head(text: str, max_lines: int = 12) -> Head:
    """Read the head zone: the first non-empty lines up to the title or body.

    Parsed once per document by the facts layer (``gkrules.facts.DocumentFacts.head``),
    which metadata extraction and the checkers read."""
    return _parse_head(text, max_lines)


_ISSUE_LINE = re.compile(r"^(?:[〔\[【(（]\d{4}[〕\]】)）]|\d{4}年)?第?[0-9一二三四五六七八九十百]+期(?:[（(]总第\d+期[）)])?$")


def _org_line(sq: str) -> bool:
    """A line that only names organs (a joint masthead's first lines: 青梧市统计局)."""
    return len(sq) <= 30 and SIGNATURE_ORG.search(sq) is not None and "关于" not in sq and not _PROSE.search(sq)


def _field_like(stripped: str) -> bool:
    return _FIELD_LIKE.match(stripped) is not None and len(stripped) < 80


_COLON_SPLIT = re.compile(r"([:：])")


def _lone_title_with_colon(text: str, stripped: str, line_end: int) -> bool:
    """``图解：…办法``, ``专家解读：…``: a first line of the form label：text, whose label is no
    header field and which no other field line follows, is a title, not an OA field."""
    from gkrules.metadata.fields import canonical  # fields does not import this module back

    label, _, value = _COLON_SPLIT.split(stripped, maxsplit=1)
    if not value.strip() or canonical(label.strip(" •·●\u3000")) is not None:
        return False
    pos = line_end
    while pos < len(text):  # the next non-empty line
        nxt = text.find("\n", pos + 1)
        nxt = len(text) if nxt == -1 else nxt
        following = text[pos + 1:nxt].strip()
        if following:
            return not _field_like(following)
        pos = nxt
    return True


def _parse_head(text: str, max_lines: int) -> Head:
    """Long because: one pass over the head's lines whose state (份号 seen, 密级 seen, organ
    lines pending a joint masthead, where the head ends) every kind of element reads and
    changes; split into functions, that state would travel through every call on a path that
    runs for each document."""
    fenhao = secrecy = urgency = masthead = None
    seen = 0
    end_line = 0
    pending: list[int] = []  # starts of organ lines that may open a joint masthead (…局 / …委员会 / 文件)
    for idx, (s, e, line) in enumerate(iter_lines(text, 40)):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        first = _WS.split(stripped, 1)[0]  # stripped has no leading space: never empty
        consumed = False
        sq = None
        # 份号 first on the line (alone, or with a 1999 top-right 密级 beside it)
        if fenhao is None and seen <= 3 and FENHAO.match(squeeze(first)):
            fs = s + line.find(first)
            fenhao = Span(fs, fs + len(first), first)
            rest = stripped[len(first):]
            consumed = True
            if rest.strip():
                m = match_mark(rest)
                if m:
                    ms, me = _strip_span(text, s + line.find(first) + len(first), e)
                    secrecy = SecrecyMark(m.group("level"), (m.group("period") or None), ms, me,
                                          text[ms:me], "1999")
                    if m.groupdict().get("urgency"):
                        urgency = Span(ms, me, m.group("urgency"))
                else:
                    consumed = squeeze(rest) in URGENCIES
                    if consumed:
                        us, ue = _strip_span(text, s + line.find(first) + len(first), e)
                        urgency = Span(us, ue, squeeze(rest))
        else:
            sq = squeeze(stripped)  # once per line: NFKC is the costly part
            if secrecy is None and (m := match_squeezed_mark(sq)) is not None:
                ms, me = _strip_span(text, s, e)
                layout = "field" if sq.startswith("密级") else "2012"
                secrecy = SecrecyMark(m.group("level"), (m.group("period") or None), ms, me, text[ms:me], layout)
                if m.groupdict().get("urgency"):
                    urgency = Span(ms, me, m.group("urgency"))
                consumed = True
            elif urgency is None and sq in URGENCIES:
                us, ue = _strip_span(text, s, e)
                urgency = Span(us, ue, sq)
                consumed = True
            elif masthead is None and (MASTHEAD.match(sq) or (pending and sq == "文件")):
                # a joint masthead: 青梧市统计局 / 青梧市发展和改革委员会 / 文件
                ms, me = _strip_span(text, pending[0] if pending else s, e)
                masthead = Span(ms, me, "".join(squeeze(text[ms:me]).split()))
                pending.clear()
                consumed = True
            elif _ANNEX_LINE.match(sq) or _ISSUE_LINE.match(sq):
                consumed = True
        if consumed:
            end_line = idx + 1
            continue
        if masthead is None and sq is not None and _org_line(sq) and len(pending) < 3:
            pending.append(s)
            continue
        if pending:  # organ lines without a masthead after them: the head ended before them
            break
        # header-field lines (OA exports) and the doc number belong to the head too
        if _field_like(stripped) and not (seen == 1 and _lone_title_with_colon(text, stripped, e)):
            end_line = idx + 1
            continue
        if len(stripped) < 60 and search_doc_number(stripped):
            end_line = idx + 1
            continue
        break
    return Head(fenhao, secrecy, urgency, masthead, end_line)


@frozen
class Tail:
    formed: Span | None = None
    annotations: tuple[Span, ...] = ()
    copy_to: Span | None = None
    printed: Span | None = None


_SP = r"[^\S\n]"
_DATE_BODY = (r"[12１２][0-9０-９]{3}[^\S\n]*年[^\S\n]*[0-9０-９]{1,2}[^\S\n]*月[^\S\n]*[0-9０-９]{1,2}[^\S\n]*日"
              r"|[〇零○ＯO一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
              r"|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_DATE_LINE = re.compile(rf"^{_SP}*(?P<date>{_DATE_BODY}){_SP}*$", re.M)
_SIGNED_DATE_LINE = re.compile(
    rf"^{_SP}*(?P<org>[^\s\u3000]{{2,30}}?){_SP}{{2,}}(?P<date>{_DATE_BODY}){_SP}*$", re.M)
# （此件主动公开）, also written 此文件/本件/本文件, and （公开方式：主动公开）
_ANNOTATION_LINE = re.compile(rf"^{_SP}*(?P<a>[（(]{_SP}*(?:此件|此文件|本件|本文件|(?:公开方式|公开属性|公开形式){_SP}*[:：])"
                              rf"[^（()）\n]{{1,24}}?(?:[）)]|(?={_SP}*$))){_SP}*$", re.M)
#: literals one of which every 附注 line holds (the line pattern is tried only on those lines)
_ANNOTATION_LITERALS = ("此件", "此文件", "本件", "本文件", "公开方式", "公开属性", "公开形式")
#: the same literals in one scan (the lines holding any of them, as lines_with finds them); the
#: reference for the cheaper scan by their last characters (件, 式, 性) that annotations() runs
_ANNOTATION_LITERAL = re.compile("|".join(_ANNOTATION_LITERALS))
_ANNOTATION_BY_LAST = by_last_char(_ANNOTATION_LITERALS)
_COPY_LINE = re.compile(rf"^{_SP}*抄{_SP}*送{_SP}*[:：]{_SP}*(?P<v>[^\n]*)$", re.M)
_PRINTED_LINE = re.compile(rf"^{_SP}*(?P<v>[^\n]{{1,60}}?印发){_SP}*$", re.M)
_ENDS_WITH_PRINTED = re.compile(rf"印发{_SP}*$", re.M)  # (the definition, in the tests)
#: what follows the 印 of a line ending in 印发 (its match starts, by scan.starts_of)
_PRINTED_TAIL = re.compile(rf"发{_SP}*$", re.M)


# a date line ends with 日 (Chinese forms) or an ISO date (a separator and one or two digits):
# the only lines the date patterns can match. These scans are the definition that
# _date_positions' one scan of the reversed text gives (tests/test_metadata_scan.py)
_ENDS_WITH_RI = re.compile(rf"日{_SP}*$", re.M)
_ENDS_WITH_ISO = tuple(re.compile(rf"{sep}\d{{1,2}}{_SP}*$", re.M) for sep in (r"\.", "-", "/"))


def _first_line_match(rx: re.Pattern, text: str, lines: Iterable[tuple[int, int]]) -> re.Match | None:
    for ls, le in lines:
        m = rx.match(text, ls, le)
        if m:
            return m
    return None


_SEAL_NOTE = re.compile(r"[（(][^（()）]{0,6}[）)]$")


def _signed_above(text: str, line_start: int) -> bool:
    """The nearest non-empty line above ``line_start`` names the signing organ(s)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        above = text[start:end].strip()
        if above:
            # 青梧市统计局（盖章）: the seal note is not part of the organ's name
            above = _SEAL_NOTE.sub("", squeeze_keep_space(above))
            return len(above) <= 60 and all(_org_line(part) for part in _WS.split(above))
        end = start - 1
    return False


def squeeze_keep_space(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def parse_tail(text: str, after: int = 0, notes: tuple[Span, ...] | None = None,
               dates: tuple[int, ...] | None = None) -> Tail:
    """Signature date (the first one after offset ``after``), 附注, 抄送 and 印发 lines
    (``notes``, ``dates``: the 附注 and :func:`date_positions` of the text, when the facts
    layer already has them).

    Each line pattern is tried only on the lines holding a literal it requires (a line ending
    in 日 or an ISO date, 此件, 抄, 印发; see ``gkrules.metadata.scan``): this runs on every
    document, and ``^``-anchored multi-line patterns cost an attempt at every position."""
    formed = None
    candidates = []
    first_date = date_line = signed = None
    positions = _date_positions(text, after) if dates is None else dates[bisect.bisect_left(dates, after):]
    for ls, le in lines_at(text, positions, after):
        if date_line is None and (dm := _DATE_LINE.match(text, ls, le)) is not None:
            # the signature date sits under the signing organ; a date alone on a line of the
            # body (报到时间：/2024年6月12日) is a date the text talks about
            first_date = first_date or dm
            if _signed_above(text, ls):
                date_line = dm
        if signed is None:
            sm = _SIGNED_DATE_LINE.match(text, ls, le)
            if sm and SIGNATURE_ORG.search(sm.group("org")):
                signed = sm
        if date_line is not None and signed is not None:
            break
    if date_line is None and signed is None:
        date_line = first_date  # no organ signs: the first date line
    for m in (date_line, signed):
        if m is not None:
            candidates.append((m.start("date"), m.end("date")))
    if candidates:
        ds, de = min(candidates)
        formed = Span(ds, de, text[ds:de])
    cm = _first_line_match(_COPY_LINE, text, lines_with(text, ("抄",), after))
    copy_to = Span(cm.start("v"), cm.end("v"), cm.group("v").strip()) if cm else None
    # only a line that ends in 印发 can match (印发 is common in titles and sentences)
    pm = _first_line_match(_PRINTED_LINE, text, lines_at(text, starts_of(text, "印", _PRINTED_TAIL, after), after))
    printed = Span(pm.start("v"), pm.end("v"), pm.group("v").strip()) if pm and search_date(pm.group("v")) else None
    return Tail(formed, annotations(text) if notes is None else notes, copy_to, printed)


def annotations(text: str) -> tuple[Span, ...]:
    """Every 附注 line (``（此件主动公开）``) of the text: ``parse_tail(text).annotations``
    (``notes``, when the facts layer already found them)."""
    return tuple(Span(a.start("a"), a.end("a"), a.group("a"))
                 for ls, le in lines_at(text, needle_starts(text, _ANNOTATION_BY_LAST))
                 if (a := _ANNOTATION_LINE.match(text, ls, le)))


def iter_date_lines(text: str) -> list[Span]:
    """Every signature date: a date alone on its line, or after the signing organ."""
    return list(date_lines(text))


def date_lines(text: str, dates: tuple[int, ...] | None = None) -> tuple[Span, ...]:
    """``iter_date_lines`` as a tuple (what the facts layer keeps; ``dates``: the text's
    :func:`date_positions`, when known)."""
    # both patterns match whole lines that end in a date: only lines ending in 日 or in an ISO
    # date are tried (see parse_tail), each the way the multi-line scan would try it
    lines = list(lines_at(text, _date_positions(text, 0) if dates is None else dates))
    out = [Span(m.start("date"), m.end("date"), m.group("date"))
           for ls, le in lines if (m := _DATE_LINE.match(text, ls, le))]
    out += [Span(m.start("date"), m.end("date"), m.group("date"))
            for ls, le in lines if (m := _SIGNED_DATE_LINE.match(text, ls, le)) and SIGNATURE_ORG.search(m.group("org"))]
    return tuple(sorted(out, key=lambda sp: sp.start))


def date_positions(text: str) -> tuple[int, ...]:
    """Where the lines that end in a date have that ending, ascending: the four whole-text
    scans that :func:`parse_tail` (metadata) and :func:`date_lines` (checkers) both start
    from, made once per document by the facts layer. A match cannot start inside another
    (each starts with 日 or a separator that the rest of the match cannot hold), so the
    positions at or after any offset are those a scan from that offset finds."""
    return tuple(_date_positions(text, 0))


def _date_positions(text: str, after: int) -> list[int]:
    """Where lines that end in a date (日, or an ISO date) have that ending, ascending: the
    match starts of ``_ENDS_WITH_RI`` and ``_ENDS_WITH_ISO`` from ``after``, read in the reversed
    text, where each is a line break followed by the reversed ending (a scan for a literal line
    break instead of four scans, one of them for every "." of the text). A line has at most
    one such ending: the date ends where its last non-space character is."""
    rev = text[::-1]
    size = len(text)
    last = _REVERSED_LAST_LINE.match(rev)  # the last line of the text (no line break after it)
    found = [] if last is None else [size - last.end()]
    found += [size - m.end() for m in _REVERSED_ENDING.finditer(rev)]  # the others, after a break
    found.reverse()
    return found if not after else [p for p in found if p >= after]


# 日 or a separator and one or two digits, then white space to the line end, reversed
_REVERSED_ENDING = re.compile(rf"\n{_SP}*(?:日|\d{{1,2}}[-./])")
_REVERSED_LAST_LINE = re.compile(rf"{_SP}*(?:日|\d{{1,2}}[-./])")


_ANNOTATION_WRAP = re.compile(r"^[（(]?(?:此件|此文件|本件|本文件)?(?P<body>.*?)[）)]?$")
_WITHHELD = re.compile(r"不(?:予|宜|对外|在网上|上网|在网站|在互联网)?公开|免予公开")


def annotation_body(squeezed: str) -> str:
    """（此件公开） → 公开: what a 附注 says, without its brackets and 此件."""
    m = _ANNOTATION_WRAP.match(squeezed)
    assert m is not None  # every part of the pattern is optional: it matches any string
    return m.group("body")


_CHECKED = "☑✓✔√■☒▣◼●◉⊠"
_BOXES = re.compile(rf"[{_CHECKED}□☐○◯◻]")


def checked_choice(value: str) -> str:
    """What a form's tick boxes chose: ``☑主动公开 □依申请公开 □不予公开`` → ``主动公开``
    (an empty string when nothing is ticked); a value without boxes as it is."""
    if not _BOXES.search(value):
        return value
    parts = _BOXES.split(value)
    marks = _BOXES.findall(value)
    return " ".join(part.strip() for mark, part in zip(marks, parts[1:], strict=True) if mark in _CHECKED)


def disclosure_of(annotation_or_value: str) -> str | None:
    """主动公开 | 依申请公开 | 不予公开 from a 附注 or a portal field value (the national words; the
    disclosure-attribute checker reads them with its rule set's word lists)."""
    t = squeeze(checked_choice(annotation_or_value))
    if "依申请" in t:
        return "依申请公开"
    if _WITHHELD.search(t):
        return "不予公开"
    if "主动公开" in t or "公开发布" in t or "向社会公开" in t or annotation_body(t) in ("公开", "全文公开"):
        return "主动公开"
    return None


# 主送机关: organs separated by 、，, each ending like an organ or a group of addressees
_ORGISH = re.compile(r"(?:局|厅|部|委|委员会|办|办公室|室|科|股|处|中心|单位|政府|部门|机关|企业|公司|组织|院|校|所|站|队|"
                     r"会|对象|办事处|街道|乡镇|社区|村|团体|个人|居民|公民|法人|同志)$")
_ADDRESSEE_SPLIT = re.compile(r"[、，,；;]|[^\S\n]+")
_ADDRESSEE_NOT = re.compile(r"[。！？!?]|如下|以下|下列|^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\d+[.．、]|第)")


_BRACKETED = re.compile(r"[（(][^（）()\n]{0,12}[）)]")


def _addressee_segments(body: str) -> list[str] | None:
    # 各县（市、区）统计局: the 、 inside the brackets does not separate organs
    flat = _BRACKETED.sub("", body.strip(" •·\u3000"))
    segments = [seg for seg in _ADDRESSEE_SPLIT.split(flat) if seg]
    if not segments or not all(_ORGISH.search(seg) for seg in segments):
        return None
    return segments


def find_addressee(text: str, after: int = 0, max_lines: int = 40) -> Span | None:
    """The 主送机关 line: organs ending in a colon (``各区县统计局，市直有关部门：``) on a line of
    their own after the title; extraction sometimes loses the colon, so a line of organs
    with 各 (``局机关各科室、局属事业单位``) counts too."""
    from gkrules.metadata.fields import canonical  # fields does not import this module back

    seen = 0
    start = after
    # one split in C, then per line only what rules most lines out (a generator of lines
    # costs several times more per line)
    for line in text[after:].split("\n"):
        s = start
        start += len(line) + 1
        if not line or line.isspace():
            continue
        seen += 1
        if seen > max_lines:
            break
        # every test below only rules a line out: the cheapest come first (a line can only
        # end with a colon or hold 各 if it holds one)
        if "：" not in line and ":" not in line and "各" not in line:
            continue
        stripped = line.strip()
        colon = stripped.endswith(("：", ":"))
        if not colon and ("各" not in stripped or len(stripped) > 40):
            continue
        if len(stripped) > 100 or _ADDRESSEE_NOT.search(stripped):
            continue
        body = stripped[:-1] if colon else stripped
        if not body or canonical(body.strip(" •·\u3000")) is not None:
            continue
        if _addressee_segments(body) is None:
            continue
        at = s + line.find(stripped)
        return Span(at, at + len(body), body.strip())
    return None


_SIGNER = re.compile(r"^签发人[:：]?.{0,12}$")


def _number_line(line: str, m: re.Match) -> bool:
    """The document's own number: on a line of its own, ending a field or title line
    (``发文字号：…``, ``…行政处罚决定书（岚统罚决字〔2024〕第3号）``) or followed by a 签发人
    (上行文). A number cited in prose (``…印发了鹤统规〔2024〕1号文件，…``), inside a title that
    goes on (``关于转发…（国统字〔2024〕5号）的通知``) or in a later cell of a listing row belongs to
    another document."""
    if "\t" in line[:m.start()].strip():
        return False
    before, after = squeeze(line[:m.start()]), squeeze(line[m.end():])
    if _PROSE.search(before) or _PROSE.search(after):
        return False
    return after in ("", "）", ")", "]", "】") or _SIGNER.match(after) is not None


def find_doc_number(text: str, max_lines: int = 20) -> Span | None:
    """The first 发文字号 on one of the first ``max_lines`` lines (only lines holding 号 can),
    standing on its own line (see ``_number_line``)."""
    for s, e in lines_with(text, ("号",)):
        if text.count("\n", 0, s) >= max_lines:
            return None
        line = text[s:e]
        if len(line.strip()) >= 80:
            continue  # not a line of its own: a paragraph is not searched (on a PII-dense corpus
            # of long paragraphs that cite 〔2023〕31号 the search was 15% of Engine.check)
        m = search_doc_number(line)
        if m and _number_line(line, m):
            return Span(s + m.start(), s + m.end(), m.group(0).strip())
    return None


__all__ = ["LEVELS", "URGENCIES", "Head", "SecrecyMark", "Span", "Tail", "annotation_body", "annotations", "checked_choice", "date_lines", "date_positions", "disclosure_of", "find_addressee",
           "find_doc_number", "iter_date_lines", "iter_lines", "match_mark", "match_squeezed_mark", "parse_head",
           "parse_tail", "search_date", "search_doc_number", "split_lines", "squeeze"]
