"""person-name: the name of a natural person on the line of their personal data."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import pseudonym
from ..recognizer import PersonalRule
from ..scene import Scene

MESSAGE = "与上述个人信息同现的自然人姓名（按裁判文书公开的做法可隐去名字，只保留姓氏）"
SUGGESTION = "如需隐去，保留姓氏，名字以“某”代替。"


class PersonName(PersonalRule):
    """与身份证号码、手机号码、住址、健康信息等个人信息（提示级别的除外）同一行出现的自然人姓名：姓名标签后、行首
    或列表项开头、“××同志”“××先生”之前、“姓名”栏中；姓氏取自规则集的姓氏词表，不用模型。与职务相连的公职
    人员姓名（局长蒋文涛）不报告，已隐名的（张某、张**）不报告。提示级别，供脱敏时隐名。
    """

    id = "person-name"
    title = "与个人信息同现的自然人姓名"
    severity = Severity.INFO
    basis = basis.GENERAL + basis.NAMES
    tags = ("个人隐私",)
    words = ("cues.surname", "cues.compound_surname", "cues.name_before", "cues.name_after", "cues.official_title")
    tests = ("tests/personal_info/test_pi_names.py",)
    scan_order = 200
    after_scan = True
    belongs_to_person = False
    hidden_in_penalty = True

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find_after(self, scene: Scene, found: list[Detection]) -> Iterator[Detection]:
        """The names on the lines of ``found`` (what the other rules kept) that say a value
        belongs to someone (not the ``info`` ones)."""
        personal = self.kit.personal_ids
        lines = {scene.line_start(d.start) for d in found if d.rule in personal and d.severity != Severity.INFO}
        for ls in sorted(lines):
            for s, e, sl in self.kit.names.in_line(scene, ls, scene.line_end(ls)):
                yield Detection(self.id, s, e, key=scene.text[s:e], masked=pseudonym(scene.raw(s, e), sl),
                                message=MESSAGE, suggestion=SUGGESTION, priority=1)
