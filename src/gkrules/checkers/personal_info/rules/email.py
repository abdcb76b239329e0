"""email: a person's mailbox (free-mail, or labelled personal); an office's is public.

Boundaries are ASCII-only, so adjacent Han characters are never absorbed. A mailbox is an
office contact, and public, when its domain is a public body's (gov.cn…), when a label says
so (单位邮箱, 投稿邮箱…) or when the label follows a unit's name (综合科邮箱, 住户调查股，邮箱).
Otherwise a free-mail address (qq.com, 163.com…) is a person's; a mailbox on another domain
is probably a work address and is reported as ``info`` for a reviewer to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.facts import DocumentFacts
from gkrules.memo import BoundedMemo
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..kit import Kit
from ..masking import mask_email
from ..owner import office_block, owner_of
from ..recognizer import PersonalRule
from ..scene import Scene

# matched outwards from each @ (a whole-text scan for addresses is several times slower)
_LOCAL_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._%+-")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
                     r"\.[A-Za-z]{2,}(?![A-Za-z0-9-]|\.[A-Za-z0-9])")
_CLAUSE_END = "。；;！？\n"

MESSAGE = "个人电子邮箱（{why}），属个人联系方式，公开发布须删除或脱敏"
OTHER_MESSAGE = "电子邮箱（非公共机构域名，可能是个人工作邮箱），请核实是否属于个人"
CONTACT_MESSAGE = "工作联系人的电子邮箱（{why}）：请确认是单位邮箱而不是个人邮箱"
BLOCK_MESSAGE = "电子邮箱（免费邮箱，位于单位的联系方式中）：请确认是单位邮箱而不是个人邮箱"
SUGGESTION = "删除个人邮箱，改为单位公务邮箱；确需保留的，脱敏后发布。"


def _under(domain: str, suffixes: frozenset[str]) -> bool:
    """``domain`` is one of ``suffixes`` or a subdomain of one."""
    parts = domain.split(".")
    return any(".".join(parts[i:]) in suffixes for i in range(len(parts)))


class Email(PersonalRule):
    """电子邮箱，包括与中文连写的（``联系邮箱tjj@stats.gov.cn欢迎来信``）。gov.cn 等公共机构域名、标注为“单位
    邮箱”“投稿邮箱”等或紧跟科室名称（综合科邮箱、住户调查股，邮箱）的邮箱是办公联系方式，不报告。免费邮箱
    （qq.com、163.com 等）或标注“个人邮箱”的邮箱为警告，当事人的按 party_severity（默认阻断）报告；工作联系人
    的邮箱、单位联系方式块（同一行或相邻行有办公电话、传真等，且没有写到具体人员）中的免费邮箱为提示；其他
    企业域名的邮箱可能是个人工作邮箱，以提示级别报告。
    """

    id = "email"
    title = "个人电子邮箱"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "联系方式")
    words = ("cues.mail", "cues.personal_mail", "cues.office_mail", "cues.office", "cues.party", "cues.contact",
             "mail_domains.institutional", "mail_domains.personal")
    tests = ("tests/personal_info/test_pi_email.py",)
    scan_order = 50
    hidden_in_penalty = True

    def __init__(self, setup: CheckerSetup, kit: Kit):
        super().__init__(setup, kit)
        p = self.params
        self.institutional = frozenset(d.lower() for d in p.mail_domains.institutional)
        self.personal = frozenset(d.lower() for d in p.mail_domains.personal)
        #: "institutional", "personal" or "other", by domain (domains repeat across documents)
        self.domain_kind: Callable[[str], str] = BoundedMemo(self._domain_kind).__call__

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def _domain_kind(self, domain: str) -> str:
        return ("institutional" if _under(domain, self.institutional) else
                "personal" if _under(domain, self.personal) else "other")

    def _office_label(self, scene: Scene, start: int) -> bool:
        """The label says it is a unit's mailbox, or comes right after a unit's name."""
        w = self.params.windows
        cue = scene.nearest_before(start, w.before, ("mail", "office_mail", "personal_mail", "office"))
        if cue is None:
            return False
        if "personal_mail" in cue.kinds:
            return False
        if "office_mail" in cue.kinds or "office" in cue.kinds:
            return True
        # 综合科邮箱 / 区统计局住户调查股，邮箱：the words before the label name a unit
        ls = scene.line_start(cue.start)
        head = scene.text[max(ls, cue.start - w.before):cue.start]
        for ch in _CLAUSE_END:
            head = head.rsplit(ch, 1)[-1]
        return self.kit.owned_by_org(head)

    @staticmethod
    def _address(text: str, at: int) -> tuple[int, int, str] | None:
        """(start, end, lower-case domain) of the address around the @ at ``at``."""
        start, stop = at, max(0, at - 64)
        while start > stop and text[start - 1] in _LOCAL_CHARS:
            start -= 1
        while start < at and not text[start].isalnum():  # the local part starts with a letter or digit
            start += 1
        if start == at or (start > 0 and text[start - 1] in "*@"):
            return None
        domain = _DOMAIN.match(text, at + 1)
        if domain is None:
            return None
        return start, domain.end(), domain.group().lower()

    def find(self, scene: Scene) -> Iterator[Detection]:
        text = scene.text
        at = text.find("@")
        while at != -1:
            found = self._address(text, at)
            at = text.find("@", at + 1)
            if found is None:
                continue
            s, e, domain = found
            kind = self.domain_kind(domain)
            if kind == "institutional":
                continue
            verdict = self._judge(scene, s, kind)
            if verdict is None:
                continue
            message, severity = verdict
            yield Detection(self.id, s, e, key=text[s:e].lower(),
                            masked=mask_email(scene.raw(s, e), self.params.masks.email_local),
                            message=message, severity=severity, suggestion=SUGGESTION, priority=20)

    def _judge(self, scene: Scene, s: int, kind: str) -> tuple[str, Severity | None] | None:
        """(message, severity) of a mailbox on a non-institutional domain, None when it is an
        office's. Who it belongs to is asked in order: a label saying 个人邮箱; a party; a
        label or unit saying it is an office's; a work contact; a person named on the line;
        an organisation; a block of office contacts; finally the kind of domain."""
        cue = scene.nearest_before(s, self.params.windows.before, ("personal_mail",))
        owner = owner_of(scene, s)
        personal = kind == "personal"
        if cue is not None:
            why = f"标注为“{cue.word}”"
        elif owner.kind == "party":
            why = "免费邮箱" if personal else "电子邮箱"
        elif self._office_label(scene, s) or owner.kind == "org":
            return None
        elif owner.kind == "contact":
            return CONTACT_MESSAGE.format(why=owner.why), owner.severity
        elif personal and (owner.kind == "person" or self._named(scene, s)):
            why = "免费邮箱，与自然人姓名同行"
        elif personal and office_block(scene, s):
            return BLOCK_MESSAGE, Severity.INFO
        elif personal:
            why = "免费邮箱，未注明为单位邮箱"
        else:
            return OTHER_MESSAGE, Severity.INFO
        severity = owner.severity if owner.kind in ("party", "person", "penalty") else None
        if severity is not None:
            why += "，" + owner.why
        return MESSAGE.format(why=why), severity

    def _named(self, scene: Scene, pos: int) -> bool:
        ls = scene.line_start(pos)
        return any(True for _ in self.kit.names.in_line(scene, ls, scene.line_end(pos)))
