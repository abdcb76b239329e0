"""home-address: a natural person's detailed address (below the township level).

By a natural person's address label (家庭住址, 户籍地, 家住…) followed by an address that
reaches house level (18号, 802室, 五组23号). A general address label (通讯地址, 地址, 住所)
counts only when it belongs to a party who is a natural person (申请人：王建军，…通讯地址：…);
``，住澧州市…12号`` is the residence of the person just named.

What may be published stops at the township or sub-district (乡镇、街道, personal-info.md
§5.1): the finding covers only what lies below it (road, estate, building, unit, room,
village group), which is also what a redacted copy hides. An agency's 办公地址 and a
company's registered 住所 are never read.

In a table the column header is the label of every cell under it (CSV, xlsx, docx, HTML,
text and PDF tables alike): a 住址/家庭住址/现住址/户籍地 column is read cell by cell, and so
is a 地址/通讯地址/住所 column of a table of people who are not office-holders or firms (a
户主 or 申请人 column, or a 姓名 column with no 职务 or 企业名称 beside it). A form table
(``| 家庭住址 | 澧州市…12号 |``) gives the label and its value in neighbouring cells.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.facts import DocumentFacts
from gkrules.model import Finding, Severity, Table

from .. import basis
from ..detection import Detection
from ..kit import Kit
from ..masking import mask_all
from ..owner import owner_of
from ..recognizer import PersonalRule
from ..scene import Scene

# house level: a door, room or unit number (short: 1563200户 is a count of households)
_NUM = r"(?:(?<!\d)\d{1,5}|[一二三四五六七八九十百零〇两]+)"
_HOUSE = re.compile(rf"{_NUM}\s*(?:号(?![楼院])|室)|{_NUM}单元")
_END = re.compile(r"[，,。；;|、）)\n]")
_GAP = re.compile(r"[：:\s为是]*")
# administrative levels that may stay; 小区/社区/园区… end in 区 but are below the township
_ADMIN = re.compile(r"(?:街道|镇|乡|苏木|自治县|县|旗|(?<![小社园校景片城营厂])区|(?<![超])市|自治州|州|盟|省|自治区)")

# ``……，住澧州市城西区……12号`` (the way decisions and judgments give a natural person's
# residence): 住 after a separator, or glued to the ID number before it, then a place name
_BEFORE_RESIDES = frozenset("，,；;、 　)）0123456789Xx")
# 住户、住房、住宿、住建… are words, not "lives at"
_NOT_RESIDES = frozenset("户房宿所址宅院建")
_PLACE = re.compile(r"[\u4e00-\u9fff]{1,10}?(?:省|自治区|市|县|区|旗|镇|乡|街道)")
# a character every address label has (住址, 地址, 住所, 居所, 户籍地…): a table without one
# is skipped by a look for each (``str.find``: a character-class search tested every
# character of every table, most of this rule's cost on a statistics release)
_ADDRESS_CHARS = "住址所居籍"
# a general address header that is an office's or a firm's (办公地址, 单位地址, 注册地址…)
_NOT_HOME_HEADER = re.compile(r"办公|单位|企业|公司|机关|注册|经营|营业|生产|项目|工程")
# columns that make a table one of office-holders or organisations, whose 地址 is public
_PUBLIC_TABLE = re.compile(r"职务|职位|分工|职称|企业|单位名称|公司|机构名称|统一社会信用代码|信用代码|法定代表人")

MESSAGE = "详细住址（标注为“{label}”，具体到门牌号或房号{extra}），属个人信息；住址最多公开到乡镇、街道"
SUGGESTION = "删除街道（乡镇）以下的详细地址，或整体删除住址。"


def keep_until(address: str) -> int:
    """How many leading characters may stay: up to the last administrative level (at most
    街道/乡镇) before the first number of the address."""
    first_num = re.search(r"\d|[一二三四五六七八九十百零〇两]+\s*(?:组|号|栋|幢|单元|室)", address)
    limit = first_num.start() if first_num else len(address)
    keep = 0
    for m in _ADMIN.finditer(address, 0, limit):
        keep = m.end()
        if m.group() in ("街道", "镇", "乡", "苏木"):
            break
    return keep


class HomeAddress(PersonalRule):
    """“家庭住址”“住址”“家住”“户籍地”等标签后、具体到门牌号或房号的地址；“通讯地址”“地址”“住所”等只在属于
    作为自然人的当事人时才算（词表 `party-address-cues.txt`）；决定书写法“……，住××市××区……12号”也算。
    住址最多公开到乡镇、街道：报告并隐去其下的部分（道路、小区、楼栋、单元、房号、村民小组）。机关办公地址、
    企业住所不报告。表格中，表头就是其下各单元格的标签：住址、家庭住址、现住址、户籍地栏逐格判断；地址、通讯
    地址、住所栏只在人员表（有户主、申请人栏，或有姓名栏而无职务、企业名称栏）中判断；表单式表格
    （一格写“家庭住址”，右边一格写住址）以相邻单元格为标签。当事人的住址和行政处罚公开中自然人的住址按 party_severity（默认
    阻断）报告。
    """

    id = "home-address"
    title = "详细住址"
    severity = Severity.WARN
    basis = basis.GENERAL
    tags = ("个人隐私", "住址")
    words = ("cues.home_address", "cues.party_address", "cues.party")
    tests = ("tests/personal_info/test_pi_address.py", "tests/personal_info/test_pi_table_formats.py")
    scan_order = 90
    label_kinds = ("home_address", "party_address")
    hidden_in_penalty = True

    def __init__(self, setup: CheckerSetup, kit: Kit):
        super().__init__(setup, kit)
        # the cue words that give a header an address label (as the cue book holds them): a
        # word that lies inside one header cell's text can be looked for in the cells joined;
        # one with white space (or a NUL) in it could span two cells, and then every table
        # has its headers read
        words = {w.strip() for k in ("home_address", "party_address") for w in kit.book.words.get(k, ())} - {""}
        spans_cells = any(c.isspace() or c == "\x00" for w in words for c in w)
        self._header_words = None if spans_cells else re.compile(
            "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)")

    def check(self, facts: DocumentFacts, ctx: CheckContext) -> Iterable[Finding]:
        return self.report(facts, ctx)

    def find(self, scene: Scene) -> Iterator[Detection]:
        for label_start, label_end, label in scene.labels("home_address"):
            yield from self._read(scene, label_start, label_end, label)
        for label_start, label_end, label in scene.labels("party_address"):
            yield from self._read(scene, label_start, label_end, label, party_only=True)
        text = scene.text
        at = text.find("住")
        while at != -1:
            if at > 0 and text[at - 1] in _BEFORE_RESIDES and text[at + 1:at + 2] not in _NOT_RESIDES \
                    and _PLACE.match(text, at + 1):
                yield from self._read(scene, at, at + 1, "住")
            at = text.find("住", at + 1)
        if scene.doc.tables:
            yield from self._tables(scene)

    def _column_label(self, scene: Scene, header: str, kinds: set[str]) -> str | None:
        """The address label a column header gives its cells, or None (not an address column,
        or one of an office's or firm's addresses)."""
        for c in self.kit.header_cues(header):
            if "home_address" in c.kinds:
                return c.word
        if "party" not in kinds and "name_before" not in kinds:
            return None
        for c in self.kit.header_cues(header):
            if "party_address" in c.kinds and _NOT_HOME_HEADER.search(header) is None:
                return c.word
        return None

    def _tables(self, scene: Scene) -> Iterator[Detection]:
        """Address columns and form cells of every table (cells are document offsets)."""
        view, doc_text = scene.view, scene.doc.text
        for table in scene.doc.tables:
            if not table.body or all(doc_text.find(c, table.start, table.end) == -1 for c in _ADDRESS_CHARS):
                continue
            labels = self._column_labels(scene, table)
            # no address column, and no 住 for a form cell to start with: nothing to read (most
            # tables are figures; this keeps the cell loop off them)
            forms = doc_text.find("住", table.start, table.end) != -1
            if not forms and not any(labels):
                continue
            for row in table.body:
                for j, cell in enumerate(row):
                    label = labels[j] if j < len(labels) else None
                    if label is None and forms and j > 0:
                        label = self._form_label(row[j - 1].text)
                    if label is not None and cell.text.strip():
                        s, e = view.to_view(cell.start), view.to_view(cell.end)
                        yield from self._read_span(scene, s, e, label)

    def _column_labels(self, scene: Scene, table: Table) -> list[str | None]:
        """The address label each column's header gives its cells (``_column_label``); none
        when no header cell holds a word of an address label, found by one search instead of
        the cue words of every header (居民… lets most statistics tables past the first test)."""
        words = self._header_words
        if words is not None and words.search("\x00".join(c.text for r in table.header for c in r)) is None:
            return []
        kit = self.kit
        headers = [" ".join(r[j].text.strip() for r in table.header if j < len(r))
                   for j in range(max((len(r) for r in table.rows), default=0))]
        kinds = {k for h in headers for c in kit.header_cues(h) for k in c.kinds}
        public = any(_PUBLIC_TABLE.search(h) for h in headers) and "party" not in kinds
        return [None if public and "home_address" not in {k for c in kit.header_cues(h) for k in c.kinds}
                else self._column_label(scene, h, kinds) for h in headers]

    def _form_label(self, text: str) -> str | None:
        """A form cell that is only a home-address label (``家庭住址``, ``现住址：``)."""
        core = text.strip().rstrip("：:")
        if not core or len(core) > 8:
            return None
        cues = self.kit.header_cues(core)
        if len(cues) == 1 and "home_address" in cues[0].kinds and cues[0].end - cues[0].start >= len(core) - 2:
            return cues[0].word
        return None

    def _read(self, scene: Scene, label_start: int, label_end: int, label: str, *,
              party_only: bool = False) -> Iterator[Detection]:
        text = scene.text
        gap = _GAP.match(text, label_end)
        assert gap is not None  # _GAP matches the empty string too
        start = gap.end()
        stop = min(scene.line_end(start), start + self.params.windows.address)
        yield from self._read_span(scene, start, stop, label, party_only=party_only)

    def _read_span(self, scene: Scene, start: int, stop: int, label: str, *,
                   party_only: bool = False) -> Iterator[Detection]:
        """The address that starts at ``start`` and ends before ``stop`` at the latest."""
        text = scene.text
        end_m = _END.search(text, start, stop)
        end = end_m.start() if end_m else stop
        address = text[start:end].rstrip()
        if len(address) < 4 or "*" in address:
            return
        ends = [m.end() for m in _HOUSE.finditer(address)]
        if not ends:
            return
        address = address[:ends[-1]]  # glued text goes on (…12号联系电话…): not address
        s = start + keep_until(address)
        e = start + len(address)
        owner = owner_of(scene, start, org=False)
        if party_only and owner.kind != "party":
            return  # 通讯地址、住所… of an office or a company
        severity = owner.severity if owner.kind in ("party", "person", "penalty") else None
        extra = "，" + owner.why if severity is not None else ""
        yield Detection(self.id, s, e, key="".join(address.split()),
                        masked=mask_all(scene.raw(s, e)),
                        message=MESSAGE.format(label=label, extra=extra), severity=severity,
                        suggestion=SUGGESTION, priority=12)
