"""birth-date: a birth date tied to a person: after a birth label (出生日期：, 生于), before 出生
(``1985年3月出生``) or in a 出生年月 column.

A full date of birth (with the day) identifies a person together with a name and is a
warning. Year and month only, and any birth date in an appointment or recruitment notice
(干部任前公示 publishes 出生年月 by rule), are ``info``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity

from .. import basis
from ..detection import Detection
from ..masking import mask_value
from ..recognizer import PersonalRule
from ..scene import Scene
from ..validators import real_date

_DATE = r"(?P<y>(?:18|19|20)\d{2})\s*(?:年|[-./])\s*(?P<m>\d{1,2})\s*(?:月|[-./])?\s*(?:(?P<d>\d{1,2})\s*日?)?"
_LABELLED = re.compile(r"[：:\s为是于]*" + _DATE)
# a date right before 出生 (``1985年3月出生``, ``1985年3月12日出生``)
_BEFORE_BORN = re.compile(r"(?P<y>(?:18|19|20)\d{2})年(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?\Z")
_CELL = re.compile(r"\s*" + _DATE + r"\s*$")

MESSAGE = "出生日期（{why}），与姓名等结合可识别个人，属个人信息"
INFO_MESSAGE = "出生日期（{why}）：{note}"
SUGGESTION = "无公开必要的，删除出生日期或只保留年份。"


class BirthDate(PersonalRule):
    """“出生日期”等标签后、“出生”之前（“1985年3月出生”）或“出生年月”栏中的日期（真实日期，不晚于检查日期）：
    完整的出生日期为警告；只有年月的，以及干部任前公示、录用公示（依规公开出生年月）中的出生日期为提示。
    """

    id = "birth-date"
    title = "出生日期"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私",)
    words = ("cues.birth", "cues.appointment")
    tests = ("tests/personal_info/test_pi_birth_date.py",)
    scan_order = 110
    label_kinds = ("birth",)

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def _detection(self, scene: Scene, m: re.Match, why: str) -> Detection | None:
        y, mo, d = int(m.group("y")), int(m.group("m")), m.group("d")
        date = real_date(y, mo, int(d) if d else 1)
        if date is None or date > scene.today:
            return None
        s, e = m.start("y"), (m.end("d") if d else m.end("m"))
        masked = mask_value(scene.raw(s, e), 0, 0)
        if d and not scene.is_appointment:
            return Detection(self.id, s, e, key=date.isoformat(), masked=masked,
                             message=MESSAGE.format(why=why), suggestion=SUGGESTION, priority=6)
        note = "任前、录用公示依规公开出生年月" if scene.is_appointment else "只有年月，请核实是否有公开必要"
        return Detection(self.id, s, e, key=f"{y}-{mo}", masked=masked, severity=Severity.INFO,
                         message=INFO_MESSAGE.format(why=why, note=note), suggestion=SUGGESTION, priority=6)

    def find(self, scene: Scene) -> Iterator[Detection]:
        text = scene.text
        for start, end, word in scene.labels("birth"):
            m = _LABELLED.match(text, end, min(scene.line_end(end), end + 24))
            why = f"标注为“{word}”"
            if m is None and word == "出生":
                m = _BEFORE_BORN.search(text, max(scene.line_start(start), start - 16), start)
                why = "写明出生年月"
            if m is not None:
                d = self._detection(scene, m, why)
                if d:
                    yield d
        for table in scene.doc.tables if scene.view.identity else ():
            head = table.rows[0] if table.rows and table.header_rows else ()
            if not any("出生" in h.text for h in head):
                continue
            cols = [j for j, h in enumerate(head) if "出生" in h.text]
            for row in table.body:
                for j in cols:
                    if j < len(row):
                        cell = row[j]
                        m = _CELL.match(text, cell.start, cell.end)
                        if m is not None:
                            d = self._detection(scene, m, "位于“出生年月”栏")
                            if d:
                                yield d
