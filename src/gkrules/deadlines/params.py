"""Deadline parameters of a rule set (``checkers.release-deadline.params``).

The ``release-deadline`` checker, the ``gkrules deadlines`` monitor and the API read the same
section, so a bureau states its deadlines once. Defaults = the national rule set.
"""

from __future__ import annotations

import datetime as dt

from attrs import field, frozen

from gkrules.ruleset.convert import StrictValueError

ART_26 = "《政府信息公开条例》第二十六条（自信息形成或者变更之日起20个工作日内公开）"
BASIS_118 = "国办发〔2018〕118号（行政许可、行政处罚等执法决定信息自作出决定之日起7个工作日内公开）"
BASIS_49 = "《国家统计局行政处罚信息公示办法》（国统字〔2023〕49号，作出决定之日起7个工作日内公示）"
BASIS_RANDOM = ("《企业信息公示暂行条例》第六条（形成之日起20个工作日内公示）；"
                "国办发〔2018〕118号（执法决定信息20个工作日内公开）")
BASIS_REQUESTS = ("《政府信息公开条例》第三十条（补正：7个工作日内一次性告知，答复期限自收到补正的申请之日起计算）、"
                  "第三十一条（收到申请之日）、第三十三条（20个工作日内答复，经批准可延长不超过20个工作日，"
                  "征求第三方和其他机关意见所需时间不计算在内）")
BASIS_ANNUAL = "《政府信息公开条例》第四十九条（每年1月31日前公布本机关上一年度政府信息公开工作年度报告）"


def _positive(limit: int, what: str, low: int = 1):
    def check(_instance, _attribute, value) -> None:
        if not low <= value <= limit:
            raise StrictValueError(f"{what} 应为 {low} 到 {limit} 之间的整数，实际为 {value}")
    return check


@frozen
class DeadlineCategory:
    """A kind of information with its own period, recognised by its document kind, a word of
    its title, or a labelled date field that also starts the clock (处罚决定日期)."""

    id: str
    name: str
    workdays: int = field(validator=_positive(250, "workdays"))
    basis: str
    kinds: tuple[str, ...] = ()
    title_words: tuple[str, ...] = ()
    #: labelled fields whose date starts the clock (preferred to the 成文日期 of the page)
    date_labels: tuple[str, ...] = ()
    #: a title ending with one of these (通知, 办法…) is about the category, not one of its items
    exclude_title_endings: tuple[str, ...] = ()


#: 文种 of documents that speak *about* decisions (rules, notices, reports), not decisions
NOT_DECISIONS = ("通知", "通报", "办法", "规定", "意见", "方案", "细则", "制度", "要点", "解读", "规则", "指南",
                 "问答", "函", "报告", "总结", "计划")


DEFAULT_CATEGORIES = (
    DeadlineCategory(
        id="license", name="行政许可决定", workdays=7, basis=BASIS_118,
        title_words=("行政许可决定", "准予行政许可", "不予行政许可", "许可决定书", "行政许可信息", "行政许可结果"),
        date_labels=("许可决定日期", "作出许可决定日期", "作出行政许可决定日期", "行政许可决定日期", "许可日期",
                     "许可决定作出日期"),
        exclude_title_endings=NOT_DECISIONS,
    ),
    DeadlineCategory(
        id="penalty", name="行政处罚决定", workdays=7, basis=f"{BASIS_118}；{BASIS_49}",
        kinds=("penalty",),
        title_words=("行政处罚决定", "处罚决定书", "行政处罚信息", "行政处罚结果", "处罚信息公示"),
        date_labels=("处罚决定日期", "作出处罚决定日期", "作出行政处罚决定日期", "行政处罚决定日期", "处罚决定作出日期",
                     "作出处罚决定的日期", "处罚决定时间", "处罚日期"),
        exclude_title_endings=NOT_DECISIONS,
    ),
    DeadlineCategory(
        id="random-inspection", name="“双随机、一公开”抽查结果", workdays=20, basis=BASIS_RANDOM,
        title_words=("双随机", "随机抽查结果"),
        date_labels=("检查结束日期", "抽查结束日期", "检查完成日期", "抽查完成日期"),
        exclude_title_endings=("办法", "规定", "细则", "制度", "方案", "计划", "要点", "指南", "解读"),
    ),
)


@frozen
class RequestParams:
    """依申请公开: reply periods (条例第三十、三十三条)."""

    reply_workdays: int = field(default=20, validator=_positive(250, "reply_workdays"))
    extension_max_workdays: int = field(default=20, validator=_positive(250, "extension_max_workdays"))
    correction_notice_workdays: int = field(default=7, validator=_positive(250, "correction_notice_workdays"))
    #: third parties answer within this many working days (条例第三十二条); longer pauses get a note
    consultation_workdays: int = field(default=15, validator=_positive(250, "consultation_workdays"))
    basis: str = BASIS_REQUESTS


def _month_day(_instance, _attribute, value: str) -> None:
    try:
        d = dt.date.fromisoformat(f"2001-{value}")  # not a leap year: 02-29 is no yearly date
    except ValueError:
        raise StrictValueError(f"due 应为每年的月-日（MM-DD），如 \"01-31\"，实际为 {value!r}") from None
    if d.strftime("%m-%d") != value:
        raise StrictValueError(f"due 应写成两位月份和两位日期（MM-DD），实际为 {value!r}")


@frozen
class PeriodicItem:
    """Information due every year by a fixed date: the report on year Y is due on ``due``
    (MM-DD) of year Y + ``year_offset``. Documents and catalogue entries are recognised by a
    title that ends with one of ``title_words``."""

    id: str
    name: str
    due: str = field(validator=_month_day)
    title_words: tuple[str, ...]
    basis: str
    year_offset: int = 1

    def __attrs_post_init__(self) -> None:
        if not self.title_words:
            raise StrictValueError(f"定期事项 {self.id} 的 title_words 不能为空")
        if not 0 <= self.year_offset <= 1:
            raise StrictValueError(f"定期事项 {self.id} 的 year_offset 只能是 0（当年）或 1（次年）")

    def due_for(self, year: int) -> dt.date:
        """The due date of the instance about ``year``."""
        month, day = (int(p) for p in self.due.split("-"))
        return dt.date(year + self.year_offset, month, day)


ANNUAL_REPORT = PeriodicItem(
    id="annual-report", name="政府信息公开工作年度报告", due="01-31",
    title_words=("政府信息公开工作年度报告", "政府信息公开年度报告"), basis=BASIS_ANNUAL,
)


@frozen
class ReleaseDeadlineParams:
    """``checkers.release-deadline.params``."""

    #: 主动公开 within this many working days of formation or change (条例第二十六条)
    default_workdays: int = field(default=20, validator=_positive(250, "default_workdays"))
    default_basis: str = ART_26
    #: not yet published and due within this many working days → info
    due_soon_workdays: int = field(default=3, validator=_positive(60, "due_soon_workdays", 0))
    categories: tuple[DeadlineCategory, ...] = DEFAULT_CATEGORIES
    #: documents with these 公开属性 are not proactively published: no deadline
    skip_disclosures: tuple[str, ...] = ("依申请公开", "不予公开")
    #: information formed before this day is not under the 20-working-day rule (the 2007
    #: regulation took effect on 2008-05-01)
    effective_from: dt.date = dt.date(2008, 5, 1)
    #: report a document without any formation date (info: cannot evaluate)
    report_missing_formation: bool = True
    #: a document with no publication date of its own, formed more than this many working days
    #: before the check date, is most likely an old document being republished (site migration,
    #: 补充公开 of an archive): its lateness is reported as info (``historical``), not warn;
    #: 0 turns this off
    historical_after_workdays: int = field(default=250, validator=_positive(2500, "historical_after_workdays", 0))
    requests: RequestParams = field(factory=RequestParams)
    periodic: tuple[PeriodicItem, ...] = (ANNUAL_REPORT,)

    def __attrs_post_init__(self) -> None:
        for what, ids in (("categories", [c.id for c in self.categories]),
                          ("periodic", [p.id for p in self.periodic])):
            dup = sorted({i for i in ids if ids.count(i) > 1})
            if dup:
                raise StrictValueError(f"{what} 中的 id 重复：{'、'.join(dup)}")
