"""A document's role on the page, read from its content: a repost of another organ's document,
or the bureau's own internal work rule.

Duties follow the organ that made a document: a county site reposting a 国家统计局 or
provincial 规范性文件 does not owe its interpretation or its 公开属性 (the maker does), and a
bureau's own 《政府信息公开工作实施细则》 that divides work among its 科室 is an internal
rule, not a 规范性文件, whatever its title ends with. Checkers read ``Metadata.role``
(``repost`` | ``internal`` | None) and ``Metadata.role_reasons`` (Chinese, for messages).

Signs of a repost: 转发/转载 in the title; "现将…转发给你们", "特转发…" in the opening; a
来源 field naming an organ other than the 发布机构 field; a national 文号 (国发、国办发、国统字…)
on a page whose publisher is a local organ. Signs of an internal rule: an applicability
clause limited to the bureau ("本细则适用于本局…", "局机关各科室…") and no outside party in it.
"""

from __future__ import annotations

import re

from attrs import frozen

REPOST = "repost"
INTERNAL = "internal"

_TITLE_REPOST = re.compile(r"转发|转载")
_BODY_REPOST = re.compile(r"现将[^。；\n]{0,80}?转发给你们|特转发|现转发|予以转发|转发如下|现予转发|转发给你们")
# 国务院、国务院办公厅、国家统计局 numbers
_NATIONAL_NUMBER = re.compile(r"^(?:国发|国办发|国办函|国统字|国统办字|国统制|国统办函|国统函)")
_LOCAL_ORGAN = re.compile(r"[省市县区州盟旗镇]")
_ORGAN_HEAD = re.compile(r"^(?P<org>[\u4e00-\u9fa5]{2,30}?(?:人民政府办公厅|人民政府办公室|人民政府|统计局办公室|统计局|"
                         r"调查总队|调查队|办公厅|办公室|委员会|局|厅|委|部))(?:关于|转发|印发)")
_APPLIES_INTERNAL = re.compile(r"适用于(?P<who>本局|局机关|本机关|市局机关|县局机关|区局机关)(?P<rest>[^。；\n]{0,40})")
_OUTSIDE = re.compile(r"企业|公民|法人|统计调查对象|个体|社会|单位和个人|下级|各(?:区|县|市|乡|镇)")


@frozen
class DocRole:
    role: str | None = None
    reasons: tuple[str, ...] = ()


def _field(fields, *labels: str) -> str | None:
    for label in labels:
        value = fields.get(label)
        if value and value.strip():
            return value.strip()
    return None


_SPACES = re.compile(r"\s+")
_ORGAN_CHAR = re.compile(r"[局委厅府部办队院]")
_REPOSTED_ORGAN = re.compile(r"(?:现将|特转发)(?P<org>[\u4e00-\u9fa5]{2,20}?(?:统计局|人民政府|办公厅|委员会|调查总队))[《〈]")
_PLACE = re.compile(r"国家|国务院|中共中央|[\u4e00-\u9fa5]{1,8}?(?:自治区|自治州|省|市|州|盟|县|区|旗)(?![市县区州])")


def _place(org: str) -> str | None:
    """The most specific place an organ's name starts with (湖南省湘潭县统计局 → 湘潭县;
    国家统计局 → 国家), or None."""
    name, at, last = _SPACES.sub("", org), 0, None
    while (m := _PLACE.match(name, at)) is not None:
        last, at = m.group(0), m.end()
        if last in ("国家", "国务院", "中共中央"):
            return "国家"
    return last


def _other_place(source: str, publisher: str) -> bool:
    """The 来源 is an organ of another place or level than the publisher (湖南省统计局 on a
    湘潭县 page); a portal naming its own government (常山县政府 above 常山县统计局) is not."""
    a, b = _place(source), _place(publisher)
    return a is not None and b is not None and a != b


def repost_reasons(text: str, title: str | None, doc_number: str | None, publisher: str | None,
                   fields) -> list[str]:
    reasons = []
    if title and _TITLE_REPOST.search(title):
        reasons.append(f"标题为转发文件（{title[:60]}）")
    m = _BODY_REPOST.search(text, 0, 3000) if text.find("转发", 0, 3000) >= 0 else None  # every form says 转发
    if m:
        reasons.append(f"正文写明转发（“{m.group(0)[:40]}”）")
    source = _field(fields, "来源", "信息来源", "文件来源")
    issuer_field = _field(fields, "发布机构", "发布单位", "公开单位")
    if source and issuer_field and _ORGAN_CHAR.search(source) and _other_place(source, issuer_field):
        reasons.append(f"来源“{source}”不是发布机构“{issuer_field}”")
    site = publisher or issuer_field
    if doc_number and _NATIONAL_NUMBER.match(doc_number) and site and _LOCAL_ORGAN.search(site):
        reasons.append(f"文号“{doc_number}”是国务院或国家统计局的文号，发布机构是“{site}”")
    elif site and title and (m := _ORGAN_HEAD.match(title.strip())) and _other_place(m.group("org"), site):
        reasons.append(f"标题中的制发机关“{m.group('org')}”不是发布机构“{site}”")
    return reasons


def internal_reasons(text: str) -> list[str]:
    reasons: list[str] = []
    if "适用于" not in text:
        return reasons
    for m in _APPLIES_INTERNAL.finditer(text):
        if not _OUTSIDE.search(m.group("rest")):
            reasons.append(f"正文规定只适用于{m.group('who')}（本机关内部工作规则）")
            break
    return reasons


def document_role(text: str, title: str | None, doc_number: str | None, publisher: str | None,
                  fields) -> DocRole:
    reasons = repost_reasons(text, title, doc_number, publisher, fields)
    if reasons:
        return DocRole(REPOST, tuple(reasons))
    reasons = internal_reasons(text)
    if reasons:
        return DocRole(INTERNAL, tuple(reasons))
    return DocRole()


def origin_of(text: str, title: str | None) -> str | None:
    """The organ whose document is reposted, when the title or the opening names it."""
    for line in ([title] if title else []) + text[:600].split("\n"):
        m = _ORGAN_HEAD.match(line.strip()) if line else None
        if m:
            return m.group("org")
    m = _REPOSTED_ORGAN.search(text[:3000])
    return m.group("org") if m else None


__all__ = ["INTERNAL", "REPOST", "DocRole", "document_role", "internal_reasons", "origin_of", "repost_reasons"]
