"""GB/T 9704-2012 elements of a 公文 as they survive text extraction.

The head (版头): 份号 (6 digits, line 1), 密级和保密期限 (机密★1年, line 2), 紧急程度 (特急/加急),
in the 2012 top-left layout, the 1999 top-right layout (``00012      机  密`` on one line), or
run together on one line by a PDF extractor (``000215　机密★1年``); then the 发文机关标志
(``…文件``) and the 发文字号. The tail: 成文日期 (Arabic or Chinese numerals), 附注
(``（此件主动公开）``), 抄送 and 印发.

``parse_head`` is shared by metadata extraction and the confidential-marker checker, so both
read a head the same way.
"""

from __future__ import annotations

import re
import unicodedata

from attrs import frozen

from gkrules.metadata.dates import search_date

LEVELS = ("绝密", "机密", "秘密")
URGENCIES = ("特急", "加急", "特提", "平急")

_WS = re.compile(r"[^\S\n]+")
FENHAO = re.compile(r"^(?:\d{6}|0\d{2,5})$")
# a level, optionally followed by ★ and a period, date or condition, then optionally an urgency
_MARK = re.compile(r"^(?P<level>绝密|机密|秘密)(?:(?P<star>[★☆])(?P<period>.*?))?(?P<urgency>特急|加急|特提|平急)?$")
_FIELD_MARK = re.compile(r"^密级[:：](?P<level>绝密|机密|秘密)(?:(?P<star>[★☆])(?P<period>.*))?$")
DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fa5A-Za-z]{1,16}?)\s*(?P<open>[〔\[【(（［{｛])\s*(?P<year>(?:19|20)\d{2})\s*"
    r"(?P<close>[〕\]】)）］}｝])\s*(?P<di>第)?\s*(?P<num>\d{1,5})\s*号")
MASTHEAD = re.compile(r"^[\u4e00-\u9fa5（）()、]{2,40}(?:文件|函|便函|简报|专报|快报|通报|纪要)$")
ANNOTATION = re.compile(r"^[（(]\s*(?P<body>(?:此件|此文件|本件|本文件)[^（()）]{1,24})\s*[）)]$")
PRINTED = re.compile(r"^(?P<org>\S.{0,40}?)\s+(?P<date>\S+年\S+月\S+日)\s*印发$")
SIGNATURE_ORG = re.compile(r"(?:局|厅|部|委|委员会|办公室|政府|中心|队|总队|院|处|科|股|会|所|站|公司)$")


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


def squeeze(s: str) -> str:
    """NFKC with all white space removed (机  密 → 机密, ６ → 6)."""
    return _WS.sub("", unicodedata.normalize("NFKC", s)).replace(" ", "")


def split_lines(text: str, limit: int | None = None) -> list[tuple[int, int, str]]:
    out = []
    start = 0
    n = len(text)
    while start <= n and (limit is None or len(out) < limit):
        end = text.find("\n", start)
        if end == -1:
            end = n
        out.append((start, end, text[start:end]))
        if end == n:
            break
        start = end + 1
    return out


def _strip_span(text: str, s: int, e: int) -> tuple[int, int]:
    seg = text[s:e]
    lead = len(seg) - len(seg.lstrip())
    return s + lead, s + len(seg.rstrip())


def match_mark(line: str) -> re.Match | None:
    """A whole line (white space ignored) that is a 密级 mark, as a match on its squeezed form."""
    sq = squeeze(line)
    return _MARK.match(sq) or _FIELD_MARK.match(sq)


def parse_head(text: str, max_lines: int = 12) -> Head:
    """Read the head zone: the first non-empty lines up to the title or body."""
    lines = split_lines(text, 40)
    fenhao = secrecy = urgency = masthead = None
    seen = 0
    end_line = 0
    for idx, (s, e, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        tokens = [t for t in _WS.split(stripped) if t]
        sq_tokens = [squeeze(t) for t in tokens]
        consumed = False
        # 份号 first on the line (alone, or with a 1999 top-right 密级 beside it)
        if sq_tokens and FENHAO.match(sq_tokens[0]) and fenhao is None and seen <= 3:
            fs = s + line.find(tokens[0])
            fenhao = Span(fs, fs + len(tokens[0]), tokens[0])
            rest = stripped[len(tokens[0]):]
            consumed = True
            if rest.strip():
                m = match_mark(rest)
                if m:
                    ms, me = _strip_span(text, s + line.find(tokens[0]) + len(tokens[0]), e)
                    secrecy = SecrecyMark(m.group("level"), (m.group("period") or None), ms, me,
                                          text[ms:me], "1999")
                    if m.groupdict().get("urgency"):
                        urgency = Span(ms, me, m.group("urgency"))
                else:
                    consumed = squeeze(rest) in URGENCIES
                    if consumed:
                        us, ue = _strip_span(text, s + line.find(tokens[0]) + len(tokens[0]), e)
                        urgency = Span(us, ue, squeeze(rest))
        elif secrecy is None and (m := match_mark(stripped)) is not None:
            ms, me = _strip_span(text, s, e)
            layout = "field" if squeeze(stripped).startswith("密级") else "2012"
            secrecy = SecrecyMark(m.group("level"), (m.group("period") or None), ms, me, text[ms:me], layout)
            if m.groupdict().get("urgency"):
                urgency = Span(ms, me, m.group("urgency"))
            consumed = True
        elif urgency is None and squeeze(stripped) in URGENCIES:
            us, ue = _strip_span(text, s, e)
            urgency = Span(us, ue, squeeze(stripped))
            consumed = True
        elif masthead is None and MASTHEAD.match(squeeze(stripped)):
            ms, me = _strip_span(text, s, e)
            masthead = Span(ms, me, stripped)
            consumed = True
        elif re.match(r"^附件\s*[0-9０-９一二三四五六七八九十]*$", squeeze(stripped)):
            consumed = True
        if consumed:
            end_line = idx + 1
            continue
        # header-field lines (OA exports) and the doc number belong to the head too
        if re.match(r"^[•·●]?\s*[\u4e00-\u9fa5][\u4e00-\u9fa5 \u3000]{0,7}[:：]", stripped) and len(stripped) < 80:
            end_line = idx + 1
            continue
        if DOC_NUMBER.search(stripped) and len(stripped) < 60:
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
                              rf"[^（()）\n]{{1,24}}[）)]){_SP}*$", re.M)
_COPY_LINE = re.compile(rf"^{_SP}*抄{_SP}*送{_SP}*[:：]{_SP}*(?P<v>[^\n]*)$", re.M)
_PRINTED_LINE = re.compile(rf"^{_SP}*(?P<v>[^\n]{{1,60}}?印发){_SP}*$", re.M)


def parse_tail(text: str, after: int = 0) -> Tail:
    """Signature date (the first one after offset ``after``), 附注, 抄送 and 印发 lines.

    Regular expressions over the whole text rather than a Python loop over lines: this runs
    on every document, and documents can be large."""
    formed = None
    candidates = []
    m = _DATE_LINE.search(text, after)
    if m:
        candidates.append((m.start("date"), m.end("date")))
    for sm in _SIGNED_DATE_LINE.finditer(text, after):
        if SIGNATURE_ORG.search(sm.group("org")):
            candidates.append((sm.start("date"), sm.end("date")))
            break
    if candidates:
        ds, de = min(candidates)
        formed = Span(ds, de, text[ds:de])
    annotations = tuple(Span(a.start("a"), a.end("a"), a.group("a")) for a in _ANNOTATION_LINE.finditer(text))
    cm = _COPY_LINE.search(text, after)
    copy_to = Span(cm.start("v"), cm.end("v"), cm.group("v").strip()) if cm else None
    pm = _PRINTED_LINE.search(text, after)
    printed = Span(pm.start("v"), pm.end("v"), pm.group("v").strip()) if pm and search_date(pm.group("v")) else None
    return Tail(formed, annotations, copy_to, printed)


def iter_date_lines(text: str) -> list[Span]:
    """Every signature date: a date alone on its line, or after the signing organ."""
    out = [Span(m.start("date"), m.end("date"), m.group("date")) for m in _DATE_LINE.finditer(text)]
    out += [Span(m.start("date"), m.end("date"), m.group("date")) for m in _SIGNED_DATE_LINE.finditer(text)
            if SIGNATURE_ORG.search(m.group("org"))]
    return sorted(out, key=lambda sp: sp.start)


def disclosure_of(annotation_or_value: str) -> str | None:
    """主动公开 | 依申请公开 | 不予公开 from a 附注 or a portal field value."""
    t = squeeze(annotation_or_value)
    if "依申请" in t:
        return "依申请公开"
    if "不予公开" in t or "不公开" in t or "免予公开" in t:
        return "不予公开"
    if "主动公开" in t or "公开发布" in t or t in ("公开", "全文公开"):
        return "主动公开"
    return None


# 主送机关: organs separated by 、，, each ending like an organ or a group of addressees
_ORGISH = re.compile(r"(?:局|厅|部|委|委员会|办|办公室|室|科|股|处|中心|单位|政府|部门|机关|企业|公司|组织|院|校|所|站|队|"
                     r"会|对象|办事处|街道|乡镇|社区|村|团体|个人|居民|公民|法人|同志)$")
_ADDRESSEE_SPLIT = re.compile(r"[、，,；;]|[^\S\n]+")
_ADDRESSEE_NOT = re.compile(r"[。！？!?]|如下|以下|下列|^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[）)]|\d+[.．、]|第)")


def _addressee_segments(body: str) -> list[str] | None:
    # 各县（市、区）统计局: the 、 inside the brackets does not separate organs
    flat = re.sub(r"[（(][^（）()\n]{0,12}[）)]", "", body.strip(" •·\u3000"))
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
    for s, _e, line in split_lines(text[after:], None):
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > max_lines:
            break
        if len(stripped) > 100 or _ADDRESSEE_NOT.search(stripped):
            continue
        colon = stripped.endswith(("：", ":"))
        body = stripped[:-1] if colon else stripped
        if not body or canonical(body.strip(" •·\u3000")) is not None:
            continue
        if not colon and ("各" not in body or len(body) > 40):
            continue
        if _addressee_segments(body) is None:
            continue
        start = after + s + line.find(stripped)
        return Span(start, start + len(body), body.strip())
    return None


def find_doc_number(text: str, max_lines: int = 20) -> Span | None:
    for s, _e, line in split_lines(text, max_lines):
        m = DOC_NUMBER.search(line)
        if m and len(line.strip()) < 80:
            return Span(s + m.start(), s + m.end(), m.group(0).strip())
    return None


__all__ = ["LEVELS", "URGENCIES", "Head", "SecrecyMark", "Span", "Tail", "disclosure_of", "find_addressee",
           "find_doc_number", "iter_date_lines",
           "match_mark", "parse_head", "parse_tail", "search_date", "split_lines", "squeeze"]
