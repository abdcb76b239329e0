"""How an interpretation names its policy, and how two names are compared.

An interpretation points at its policy by title (《X》政策解读, 关于《X》的解读, 一图读懂《X》,
“X”解读, 〔X〕解读…), by 发文字号, by file name or title in a sidecar ``interprets``, or by
a link. A policy is known by its title, the title of the document its 印发 notice issues,
its number, its file name and its URL. Names are compared after NFKC and with brackets,
quotation marks and white space removed; one may carry a leading place or organ name that
the other leaves out (《企业统计人员管理办法》 for 青梧市企业统计人员管理办法).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from pathlib import PurePath

_DROP = re.compile(r"[\s《》〈〉<>“”\"'‘’「」『』【】\[\]〔〕［］]+")
_ISSUES = re.compile(r"(?:印发|发布|颁布|公布|出台|修订|修改)\s*(?P<inner>.+?)\s*的?(?:通知|公告|通告|决定)"
                     r"(?:[（(][^）)]*[）)])?$")
_BRACKETS = re.compile(r"《(?P<a>[^《》\n]{2,80})》|〈(?P<b>[^〈〉\n]{2,80})〉|<(?P<c>[^<>\n]{2,80})>"
                       r"|“(?P<d>[^“”\n]{2,80})”|\"(?P<e>[^\"\n]{2,80})\"|「(?P<f>[^「」\n]{2,80})」"
                       r"|〔(?P<g>[^〔〕\n]{4,80})〕|【(?P<h>[^【】\n]{4,80})】|\[(?P<i>[^\[\]\n]{4,80})\]")
_ABOUT = re.compile(r"关于(?P<x>.{2,80}?)的(?:政策)?解读")
# affixes around the policy's name in an interpretation title
_LEADING = re.compile(r"^(?:[^《]{0,20}?(?:负责同志|负责人|局长|主任|专家)就|[【\[［(（]?(?:一图(?:读|看)懂|图解|图说|"
                      r"(?:政策|视频|图文|音频|动漫|H5)?解读)[】\]］)）]?[：:｜|丨\s]*)")
# a bracketed tag that only names the form (【政策解读】), not the policy
_FORM_ONLY = re.compile(r"^(?:政策|文件|图文|视频|音频|新闻|专家)?(?:解读|图解|问答)$")
_TRAILING = re.compile(r"(?:的?(?:政策)?解读|答记者问|十问十答|政策问答|问答|新闻发布会答问实录|答问实录|答问|"
                       r"新闻发布会|吹风会)(?:[（(][^（()）]*[）)])?$")
_PARENS_TAIL = re.compile(r"[（(][^（()）]*[）)]$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fa5A-Za-z]{1,16}?\s*[〔\[【(（［]\s*(?:19|20)\d{2}\s*[〕\]】)）］]\s*第?\s*\d{1,5}\s*号")
URL = re.compile(r"https?://[^\s<>\"'，。；）)】]+", re.I)
_NUM = re.compile(r"(?P<org>.*?)[〔\[【(（［](?P<year>\d{4})[〕\]】)）］]第?0*(?P<n>\d+)号")


def normalise(s: str) -> str:
    """NFKC, without white space, brackets and quotation marks (for comparing names)."""
    return _DROP.sub("", unicodedata.normalize("NFKC", s)).replace("(", "（").replace(")", "）")


def base_name(s: str) -> str:
    """A normalised name without a trailing （试行）/（征求意见稿）and a leading 关于."""
    n = normalise(s)
    n = _PARENS_TAIL.sub("", n) if n.endswith("）") else n
    return n[2:] if n.startswith("关于") else n


def normalise_number(s: str) -> str | None:
    """青统规〔2024〕2号, 青统规[2024]第02号 → 青统规〔2024〕2号 (the same key)."""
    m = _NUM.fullmatch(unicodedata.normalize("NFKC", "".join(s.split())))
    if m is None:
        return None
    return f"{m.group('org')}〔{m.group('year')}〕{int(m.group('n'))}号"


_IN_BOOK_TITLE = re.compile(r"《[^《》]*》")


def inner_title(title: str) -> str | None:
    """The title of the document that a 印发/发布 notice issues (《X》 or bare X).

    The verb is looked for outside 《》 (a name may hold one: 关于公开征求《…数据发布管理办法
    （征求意见稿）》意见的公告 issues nothing)."""
    t = title.strip()
    masked = _IN_BOOK_TITLE.sub(lambda b: "《" + "\x00" * (len(b.group(0)) - 2) + "》", t) if "《" in t else t
    m = _ISSUES.search(masked)
    if not m:
        return None
    inner = t[m.start("inner"):m.end("inner")].strip()
    b = _BRACKETS.fullmatch(inner)
    if b:
        inner = next(g for g in b.groups() if g)
    return inner or None


def bracketed(text: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in _BRACKETS.finditer(text)]


def names_of(title: str | None, source: str | None = None, *, after_about: bool = True) -> set[str]:
    """Normalised names by which a document can be cited."""
    out: set[str] = set()
    if title:
        out.add(base_name(title))
        inner = inner_title(title)
        if inner:
            out.add(base_name(inner))
            # 关于印发《A》《B》的通知: each document it issues
            out.update(base_name(x) for x in bracketed(inner))
        if after_about and "关于" in title:
            out.add(base_name(title[title.index("关于"):]))
    if source:
        p = PurePath(source.replace("\\", "/"))
        out.add(base_name(p.stem))
    return {n for n in out if len(n) >= 2}


def refs_in_title(title: str) -> set[str]:
    """Names of the policy that an interpretation's title cites."""
    out = {base_name(x) for x in bracketed(title) if not _FORM_ONLY.match(base_name(x))}
    m = _ABOUT.search(title)
    if m:
        out.add(base_name(m.group("x")))
    bare = _TRAILING.sub("", _LEADING.sub("", title.strip())).strip(" ：:｜|丨")
    if bare and bare != title.strip():
        out.add(base_name(bare))
    return {n for n in out if len(n) >= 4}


def same_number(a: str, b: str) -> bool:
    """Two normalised numbers name one document: same year and serial, and one 机关代字 ends the
    other (a number found in running text drags the words before it along: 本文解读青统规〔…〕)."""
    ma, mb = _NUM.fullmatch(a), _NUM.fullmatch(b)
    if ma is None or mb is None or (ma.group("year"), ma.group("n")) != (mb.group("year"), mb.group("n")):
        return False
    oa, ob = ma.group("org"), mb.group("org")
    short, long_ = (oa, ob) if len(oa) <= len(ob) else (ob, oa)
    return len(short) >= 2 and long_.endswith(short)


def any_same_number(refs: Iterable[str], numbers: Iterable[str]) -> str | None:
    numbers = list(numbers)
    for r in refs:
        for n in numbers:
            if same_number(r, n):
                return n
    return None


def numbers_in(text: str) -> set[str]:
    out = set()
    for m in DOC_NUMBER.finditer(text):
        n = normalise_number(m.group(0))
        if n:
            out.add(n)
    return out


def urls_in(text: str) -> set[str]:
    return {normalise_url(u) for u in URL.findall(text)}


def normalise_url(url: str) -> str:
    u = url.strip().rstrip("/")
    return re.sub(r"^https?://", "", u, flags=re.I).lower()


def same_name(a: str, b: str, slack: int) -> bool:
    """Equal, or equal but for a leading place/organ name of at most ``slack`` characters."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 6 and long_.endswith(short) and len(long_) - len(short) <= slack


def any_same(refs: Iterable[str], names: Iterable[str], slack: int) -> str | None:
    names = list(names)
    for r in refs:
        for n in names:
            if same_name(r, n, slack):
                return r
    return None


__all__ = ["DOC_NUMBER", "URL", "any_same", "any_same_number", "base_name", "bracketed", "inner_title", "names_of", "normalise",
           "normalise_number", "normalise_url", "numbers_in", "refs_in_title", "same_name", "same_number", "urls_in"]
