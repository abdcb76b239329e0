"""Mobile numbers: 11 digits on an allocated network code, optionally +86/0086, optionally
grouped 3-4-4 with spaces or hyphens.

An 11-digit serial number that starts with a valid code cannot be told from a mobile by its
digits (personal-info.md §3.3): the context decides. A label (手机, 联系电话…) or a 手机号码
column makes it a phone; the nearest label being a serial (项目编号, 流水号…), an amount
column or a unit right after it (元, 千瓦时, 户…) makes it a number, and so does a web
address around it. In a table, a number with no phone header counts only in a table of
people (a 姓名 column). Whose number it is (``owner.owner_of``) sets the severity: a party's,
or a natural person's in a published penalty decision, gets ``party_severity``; a work
contact's (联系人, 经办人), an organisation's or one published under an office label
(咨询电话, 值班电话) gets ``contact_severity``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..detection import Detection
from ..masking import mask_value
from ..owner import Owner, owner_of

# a decimal point next to the digits makes them part of a number (3.13812345678); a comma
# does not: eleven digits are never a thousands group, and CSV puts a comma between fields
_MOBILE = regex.compile(r"(?<![0-9A-Za-z*]|\d\.)(?:(?:\+|00)86[ -]?)?(?P<core>1[3-9]\d[ -]?\d{4}[ -]?\d{4})"
                        r"(?![0-9A-Za-z*]|\.\d)")

MESSAGE = "个人手机号码（{why}），属个人联系方式，公开发布须删除或脱敏"
CONTACT_MESSAGE = "工作联系人的手机号码（{why}）：请确认是单位工作号码而不是个人号码，个人号码应改为办公电话"
ORG_MESSAGE = "单位联系方式中的手机号码（{why}）：请确认是单位工作号码而不是个人号码"
SUGGESTION = "删除手机号码，改为单位办公电话；确需保留的，按“前3位后4位”脱敏（如 138****1234）。"


def placeholder(digits: str) -> bool:
    """A sample number (13800000000, 13988888888): one digit repeated after the network code,
    as forms and instructions print them."""
    return len(set(digits[3:])) == 1


def people_table(scene, pos: int, kit) -> bool:
    """A table with a column of people's names (姓名, 联系人…)."""
    return "name_before" in scene.row_header_kinds(pos)


class MobileRecognizer:
    #: the rules it reports (it is not run when the rule set switches all of them off)
    rules = ("mobile",)
    rule = "mobile"
    #: looks only inside numeric runs (nothing to do without one)
    numeric = True

    def __init__(self, kit):
        self.kit = kit
        self.prefixes = frozenset(kit.params.mobile_prefixes)
        self.mask = kit.params.masks.mobile

    def _why(self, scene, start: int, end: int) -> str | None:
        """Why this is a phone number, or None when the context says it is not one."""
        w = self.kit.params.windows
        hcues = scene.header_cues(start)
        if any("phone" in c.kinds for c in hcues):
            return "位于“" + scene.header(start) + "”栏"
        if any(k in c.kinds for c in hcues for k in ("serial", "amount")):
            return None
        tail = scene.after(end, 5).lstrip()
        if tail.startswith(self.kit.units):
            return None
        cue = scene.nearest_before(start, w.before, ("phone", "office", "serial", "amount", "card", "id_card",
                                                     "org_code"))
        if cue is not None:
            if "phone" in cue.kinds or "office" in cue.kinds:
                return f"标注为“{cue.word}”"
            return None
        if scene.header(start) is not None:
            return "位于人员名单中" if people_table(scene, start, self.kit) else None
        return "号段已分配的 11 位号码"

    def _office_label(self, scene, start: int) -> bool:
        cue = scene.nearest_before(start, self.kit.params.windows.party, ("phone", "office"))
        return cue is not None and "office" in cue.kinds

    def find(self, scene) -> Iterator[Detection]:
        for m in scene.finditer(_MOBILE, min_len=11, first="108"):
            core = m.group("core")
            digits = core.replace(" ", "").replace("-", "")
            if len(digits) != 11 or digits[:3] not in self.prefixes or placeholder(digits):
                continue
            s, e = m.start("core"), m.end("core")
            if scene.in_url(s):
                continue
            why = self._why(scene, s, e)
            if why is None:
                continue
            owner = owner_of(scene, s)
            if owner.kind != "party" and self._office_label(scene, s):
                # published as the office's own line (咨询电话、值班电话…): a work number
                owner = Owner("org", self.kit.params.contact_severity, "")
            if owner.why:
                why += "，" + owner.why
            message = ORG_MESSAGE if owner.kind == "org" else CONTACT_MESSAGE if owner.kind == "contact" else MESSAGE
            yield Detection(self.rule, s, e, key=digits,
                            masked=mask_value(scene.raw(s, e), self.mask.keep_head, self.mask.keep_tail),
                            message=message.format(why=why), severity=owner.severity,
                            suggestion=SUGGESTION, priority=20)
