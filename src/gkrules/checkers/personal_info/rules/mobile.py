"""mobile: a mobile number (11 digits on an allocated network code), its owner setting the
level."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..owner import Owner, owner_of
from ..recognizer import PersonalRule
from ..scene import Scene
from ..wrapped import NOTE, WrappedNumber

# a decimal point next to the digits makes them part of a number (3.13812345678); a comma
# does not: eleven digits are never a thousands group, and CSV puts a comma between fields.
# (stdlib re, searched in the short windows of numeric runs: less set-up per search than the
# regex module, which was used before with one look-behind ``(?<![0-9A-Za-z*]|\d\.)``; re
# needs the two alternatives as two look-behinds, the same condition)
_MOBILE = re.compile(r"(?<![0-9A-Za-z*])(?<!\d\.)(?:(?:\+|00)86[ -]?)?(?P<core>1[3-9]\d[ -]?\d{4}[ -]?\d{4})"
                     r"(?![0-9A-Za-z*]|\.\d)")

MESSAGE = "个人手机号码（{why}），属个人联系方式，公开发布须删除或脱敏"
CONTACT_MESSAGE = "工作联系人的手机号码（{why}）：请确认是单位工作号码而不是个人号码，个人号码应改为办公电话"
ORG_MESSAGE = "单位联系方式中的手机号码（{why}）：请确认是单位工作号码而不是个人号码"
SUGGESTION = "删除手机号码，改为单位办公电话；确需保留的，按“前3位后4位”脱敏（如 138****1234）。"


def placeholder(digits: str) -> bool:
    """A sample number (13800000000, 13988888888): one digit repeated after the network code,
    as forms and instructions print them."""
    return len(set(digits[3:])) == 1


class Mobile(PersonalRule):
    """已分配号段的 11 位手机号码，可带 +86/0086、空格或连字符。号段相符的 11 位流水号从数字上无法区分，由上下文
    决定：“手机”“联系电话”等标签或“手机号码”栏目使之成为电话；最近的标签是“项目编号”“流水号”等编号、
    金额栏目、紧跟计量单位（元、千瓦时、户、人次…，词表 `unit-words.txt`）或位于网址中的，不报告；示例号码
    （13800000000）不报告。表格中没有电话表头的号码，只在人员名单（有“姓名”栏）中才算。级别按号码属于谁：
    当事人、申请人等的手机号码以及行政处罚公开中自然人的手机号码按 party_severity（默认阻断）报告；通知中
    工作联系人（联系人、经办人）、单位或以“咨询电话”“值班电话”等办公标签公开的号码按 contact_severity
    （默认提示）报告；其余为警告。跨行断开、前有电话标签的号码接起来判断。
    """

    id = "mobile"
    title = "个人手机号码"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "联系方式")
    words = ("cues.phone", "cues.office", "cues.serial", "cues.amount", "cues.unit", "cues.party", "cues.contact",
             "mobile_prefixes")
    tests = ("tests/personal_info/test_pi_mobile.py", "tests/personal_info/test_pi_owner.py")
    scan_order = 30
    numeric = True
    wrapped = "mobile"
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def validate(self, digits: str) -> bool:
        """Eleven digits on an allocated network code, not a sample number."""
        return len(digits) == 11 and digits[:3] in self.kit.mobile_prefixes and not placeholder(digits)

    def find(self, scene: Scene) -> Iterator[Detection]:
        for m in scene.finditer(_MOBILE, min_len=11, first="108"):
            core = m.group("core")
            digits = core.replace(" ", "").replace("-", "")
            if not self.validate(digits):
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
                owner = Owner("org", self.params.contact_severity, "")
            yield self._detection(scene, s, e, digits, why, owner)

    def find_wrapped(self, scene: Scene, number: WrappedNumber) -> Iterator[Detection]:
        s, digits = number.start, number.digits
        if not self.validate(digits):
            return
        header = scene.header(s)
        hcue = next((c for c in scene.header_cues(s) if "phone" in c.kinds), None) if header else None
        cue = hcue or scene.nearest_before(s, self.params.windows.before,
                                           ("phone", "serial", "amount", "card", "id_card"))
        if cue is None or "phone" not in cue.kinds:
            return
        yield self._detection(scene, s, number.end, digits, f"标注为“{cue.word}”{NOTE}", owner_of(scene, s))

    def _detection(self, scene: Scene, s: int, e: int, digits: str, why: str, owner: Owner) -> Detection:
        if owner.why:
            why += "，" + owner.why
        message = ORG_MESSAGE if owner.kind == "org" else CONTACT_MESSAGE if owner.kind == "contact" else MESSAGE
        mask = self.params.masks.mobile
        return Detection(self.id, s, e, key=digits, masked=mask_value(scene.raw(s, e), mask.keep_head, mask.keep_tail),
                         message=message.format(why=why), severity=owner.severity, suggestion=SUGGESTION,
                         priority=20)

    def _why(self, scene: Scene, start: int, end: int) -> str | None:
        """Why this is a phone number, or None when the context says it is not one."""
        w = self.params.windows
        hcues = scene.header_cues(start)
        if any("phone" in c.kinds for c in hcues):
            return "位于“" + (scene.header(start) or "") + "”栏"
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
            return "位于人员名单中" if "name_before" in scene.row_header_kinds(start) else None
        return "号段已分配的 11 位号码"

    def _office_label(self, scene: Scene, start: int) -> bool:
        cue = scene.nearest_before(start, self.params.windows.party, ("phone", "office"))
        return cue is not None and "office" in cue.kinds
