"""Whose contact is it: a party's (当事人, 申请人…), a work contact's (联系人, 经办人…), an
organisation's (``名称：某某公司　联系方式：…``), or nobody's in particular.

The answer sets the severity of phones, e-mails and addresses. A party's data gets
``party_severity``; so does any natural person's in a published penalty decision (浙江办法
第七条). That escalation is about the punished person and third parties, never about the
issuing office: a work contact or an organisation's number keeps its ordinary level. In a
penalty decision the line must show that it is the office's (an office landline or label,
or the unit named with the contact: ``联系人：执法科 陈敏``), because the party's own
contact is written the same way.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from gkrules.model import Severity

from .cues import Cue

#: a landline: an area code and a 7–8 digit number (``0739-8826103``, ``(0931)8123456``)
LANDLINE = re.compile(r"(?<![0-9A-Za-z*])(?:[(（]0\d{2,3}[)）][ -]?|0\d{2,3}[ -]?)[2-9]\d{6,7}(?![0-9A-Za-z*])")
#: characters skipped when walking back from a value to whoever it belongs to: separators,
#: other numbers and addresses given with it (``电话：0731-8456…，手机：``)
_BETWEEN = frozenset("，,：:、；; 　/（(-+.@_转#0123456789"
                     "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
#: cue kinds that may stand between an organisation's name and its number
_LABEL_KINDS = frozenset({"phone", "mail", "office", "office_mail"})
#: how far back a party's enumeration of data is followed within one sentence
#: (申请人：王建军，身份证号：…，联系电话：…，通讯地址：…，电子邮箱：…)
_SENTENCE_REACH = 240
_SENTENCE_END = "。；;！？"
# the name after a party label, up to the next separator
_PARTY_NAME = re.compile(r"(?:名称|姓名)?[：:\s]*([^\s，,；;。（(：:|]{2,40})")
_HAN_TOKEN = re.compile(r"[\u4e00-\u9fff]{2,16}")


class Owner(NamedTuple):
    #: "party" (a natural person), "org-party" (an organisation that is a party), "contact",
    #: "person" (someone named at the head of the value's block: 姓名：, 经营者：), "org",
    #: "penalty" or "" (nobody in particular)
    kind: str
    severity: Severity | None
    #: a clause for the message ("属于“申请人”"), empty when there is nothing to say
    why: str
    cue: Cue | None = None


NOBODY = Owner("", None, "")


def office_line(scene, pos: int) -> bool:
    """The line of ``pos`` gives an office's contact: an office label (办公电话, 传真…) or a
    landline (individuals in published documents are reached by mobile)."""
    ls, le = scene.line_start(pos), scene.line_end(pos)
    if any("office" in c.kinds for c in scene.hits(ls, le)):
        return True
    return LANDLINE.search(scene.text, ls, le) is not None


def _lines(scene, pos: int, above: int, below: int) -> list[tuple[int, int]]:
    """(start, end) of the line of ``pos`` and of up to ``above``/``below`` lines around it."""
    ls, le = scene.line_start(pos), scene.line_end(pos)
    out = [(ls, le)]
    s = ls
    for _ in range(above):
        if s == 0:
            break
        s = scene.line_start(s - 1)
        out.append((s, scene.line_end(s)))
    e = le
    for _ in range(below):
        if e >= len(scene.text):
            break
        out.append((e + 1, scene.line_end(e + 1)))
        e = out[-1][1]
    return out


def office_block(scene, pos: int) -> bool:
    """``pos`` lies in an office's block of contacts (a 公开指南's 联系电话、传真、电子邮箱 lines, a
    page footer): an office label or a landline on its
    line or the lines next to it; and no party named on it or on the two lines above."""
    for ls, le in _lines(scene, pos, 2, 0):
        if any("party" in c.kinds for c in scene.hits(ls, le)):
            return False
    for ls, le in _lines(scene, pos, 1, 1):
        if any("office" in c.kinds for c in scene.hits(ls, le)):
            return True
        if LANDLINE.search(scene.text, ls, le) is not None:
            return True
    return False


def org_owned(scene, start: int, cues: list[Cue]) -> str | None:
    """The organisation whose number this is, when only labels, separators and other numbers
    stand between its name and the value (``名称：湖南中信招标有限公司　联系方式：0731-…，150…``)."""
    if scene.header(start) is not None:
        return None  # a table row: the unit in another column is where the person works
    text, kit = scene.text, scene.kit
    ls = scene.line_start(start)
    labels = {c.end: c for c in cues if not c.kinds.isdisjoint(_LABEL_KINDS)}
    pos = start
    while pos > ls:
        if text[pos - 1] in _BETWEEN or (text[pos - 1] in ")）" and pos > ls + 1 and text[pos - 2].isdigit()):
            pos -= 1  # (a closing parenthesis only inside a number: (0731)8456…)
        elif pos in labels:
            pos = labels[pos].start
        else:
            break
    head = text[max(ls, pos - 40):pos]
    return head if kit.owned_by_org(head) else None


def _unit_named(scene, cue: Cue, start: int) -> bool:
    """``联系人：执法科 陈敏``: a unit is named between the contact label and the value."""
    kit = scene.kit
    return any(kit.is_org_name(m.group()) for m in _HAN_TOKEN.finditer(scene.text, cue.end, start))


def _sentence_party(scene, start: int) -> Cue | None:
    """A party named earlier in the same sentence, beyond the ``party`` window."""
    ls = scene.line_start(start)
    if start - ls <= scene.kit.params.windows.party:
        return None
    lo = max(ls, start - _SENTENCE_REACH)
    seg = scene.text[lo:start]
    base = lo + max(seg.rfind(c) for c in _SENTENCE_END) + 1
    hits = scene.hits(base, start)
    return next((c for c in reversed(hits) if "party" in c.kinds), None)


#: a line of a form-like block: a short label, a colon, its value (联系电话：…)
_FIELD = re.compile(r"[ \t\u3000]*[\u4e00-\u9fff（）()]{2,12}[：:]")
_BLOCK_REACH = 6  # lines of one block looked at above a value
_HEADING = 20  # the longest heading line of a block (一、申请人基本信息)
_PERSON_KINDS = frozenset({"party", "contact", "name_before"})
_ORG = frozenset({"org"})
#: labels of a person's workplace in a form (the organisation there is not the block's subject)
_EMPLOYER = frozenset({"单位", "工作单位", "所在单位", "任职单位", "就职单位", "单位名称"})
#: labels of personal data: a line labelled so continues its block's party
_DATA_KINDS = frozenset({"phone", "mail", "personal_mail", "private_phone", "party_address", "home_address",
                         "id_card", "card", "birth", "social_security", "passport", "travel_permit"})


def _block_lead(scene, start: int) -> Cue | None:
    """Who heads the form-like block of ``label：value`` lines that the value's line belongs
    to: the label starting the nearest line above that names a person (申请人：王建军,
    联系人：李丹, 姓名：王芳, 经营者：赖德明) or an organisation (处罚机关：澧州市统计局; a cue
    of kind ``org``), or a party named in a short heading right above the block
    (``一、申请人信息``), which also says whose a ``姓名：`` block is. The value's own line
    must be labelled with a kind of personal data (联系电话：, 通讯地址：…; not 处罚机关：…)."""
    text = scene.text
    ls = scene.line_start(start)
    own = _FIELD.match(text, ls, start)
    if own is None:
        return None
    label = scene.hits(ls, own.end())
    if not label or label[-1].end < own.end() - 1 or label[-1].kinds.isdisjoint(_DATA_KINDS):
        return None
    person = None  # 姓名：王建军 heads the block; a heading above may say whose (申请人信息)
    employer = None  # 单位：某某局, unless a person heads the block
    for _ in range(_BLOCK_REACH):
        if ls == 0:
            break
        ls = scene.line_start(ls - 1)
        le = scene.line_end(ls)
        field = _FIELD.match(text, ls, le)
        if field is None:  # the heading above the block, or the end of the block
            line = text[ls:le].strip()
            if len(line) > _HEADING or any(c in line for c in _SENTENCE_END + "，,"):
                break
            return next((c for c in scene.hits(ls, le) if "party" in c.kinds), person or employer)
        hits = scene.hits(ls, field.end())
        lead = next((c for c in hits if not c.kinds.isdisjoint(_PERSON_KINDS)), None)
        if lead is None and person is employer is None and scene.kit.is_org_name(text[field.end():le].strip()):
            # 处罚机关：澧州市统计局⏎联系电话：…: the lines below are the organisation's; 单位：… may
            # be the workplace of a person named above (姓名：王芳⏎单位：城东区统计局⏎邮箱：…)
            org_cue = Cue(field.start(), field.end(), text[field.start():field.end()], _ORG)
            if text[ls:field.end() - 1].strip() not in _EMPLOYER:
                return org_cue
            employer = org_cue
            continue
        if lead is not None:
            if person is not None or not lead.kinds.isdisjoint(("party", "contact")):
                return person or lead
            person = lead
    return person or employer


def _party(scene, cue: Cue) -> Owner:
    """A party that is a natural person (申请人：王建军), or an organisation (当事人名称：某某
    有限公司), whose contacts are not a natural person's."""
    name = _PARTY_NAME.match(scene.text, cue.end)
    if name is not None and scene.kit.is_org_name(name.group(1)):
        return Owner("org-party", None, "", cue)
    return Owner("party", scene.kit.params.party_severity, f"属于“{cue.word}”", cue)


def owner_of(scene, start: int, *, org: bool = True) -> Owner:
    """Whose value starts at ``start`` (same line, ``windows.party`` characters back).

    ``org``: whether an organisation may own it (phones and e-mails; not home addresses)."""
    kit = scene.kit
    p = kit.params
    cues = scene.cues_before(start, p.windows.party)
    for c in reversed(cues):
        if "party" in c.kinds:
            return _party(scene, c)
    if scene.doc.tables and "party" in scene.row_header_kinds(start):
        return Owner("party", p.party_severity, "表中为当事人信息")
    penalty = scene.is_penalty
    contact = next((c for c in reversed(cues) if "contact" in c.kinds), None)
    if contact is not None and (not penalty or _unit_named(scene, contact, start) or office_line(scene, start)):
        return Owner("contact", p.contact_severity, f"为“{contact.word}”的联系方式", contact)
    if contact is None and scene.doc.tables and "contact" in scene.row_header_kinds(start) \
            and (not penalty or office_line(scene, start)):
        return Owner("contact", p.contact_severity, "表中为工作联系人")
    party = _sentence_party(scene, start)
    if party is not None:
        return _party(scene, party)
    lead = _block_lead(scene, start)
    if lead is not None and "org" in lead.kinds:
        if org and (not penalty or office_line(scene, start)):
            return Owner("org", p.contact_severity, "为单位的联系方式")
    elif lead is not None:
        if "party" in lead.kinds:
            return _party(scene, lead)
        if "contact" in lead.kinds:
            if not penalty or _unit_named(scene, lead, scene.line_end(lead.end)) or office_line(scene, start):
                return Owner("contact", p.contact_severity, f"为“{lead.word}”的联系方式", lead)
        else:
            return Owner("person", p.party_severity if penalty else None,
                         "行政处罚公开中自然人的联系方式" if penalty else "", lead)
    if org and (not penalty or office_line(scene, start)) and org_owned(scene, start, cues) is not None:
        return Owner("org", p.contact_severity, "为单位的联系方式")
    if penalty:
        return Owner("penalty", p.party_severity, "行政处罚公开中自然人的联系方式")
    return NOBODY
