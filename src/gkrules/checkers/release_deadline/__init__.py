"""The release-deadline checker (发布时限), registered as a plugin like any third-party checker."""

from __future__ import annotations

from gkrules.deadlines.params import ART_26, BASIS_49, BASIS_118
from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import ReleaseDeadlineChecker
from .params import ReleaseDeadlineParams

_CALENDAR = "工作日按国务院办公厅每年的节假日安排计算（含调休上班日），起算日不计入（《中华人民共和国民法典》第二百零一条）"

RULES = (
    RuleInfo(
        "late", "超过公开时限", Severity.WARN,
        f"{ART_26}；{BASIS_118}；{BASIS_49}。{_CALENDAR}",
        tags=("发布时限",),
        description="主动公开信息自成文（或变更）之日起 20 个工作日内公开；行政处罚、行政许可决定 7 个工作日；"
                    "目录条目可自定时限。发布日期（未写发布日期的按检查日期）晚于最后期限即报告，并说明逾期几个工作日。",
    ),
    RuleInfo(
        "historical", "历史文件补充公开（时限仅作提示）", Severity.INFO,
        f"{ART_26}。{_CALENDAR}",
        tags=("发布时限",),
        description="文件本身没有发布日期、成文已超过 historical_after_workdays 个工作日（默认 250，约一年）："
                    "多为历史文件补充公开或网站迁移，逾期无法补救，只作提示；元数据写明原发布日期时按原日期计算。",
    ),
    RuleInfo(
        "due-soon", "即将到期", Severity.INFO, f"{ART_26}。{_CALENDAR}",
        tags=("发布时限",),
        description="尚未发布、距最后期限不超过 due_soon_workdays 个工作日（默认 3）时提示最后期限；"
                    "定期公开事项（如政府信息公开工作年度报告）临近公布期限时同样提示。",
    ),
    RuleInfo(
        "date-order", "发布日期早于成文日期", Severity.WARN, ART_26,
        tags=("发布时限", "日期"),
        description="发布日期早于成文日期，或成文日期晚于检查日期：日期有误，时限无法判断。",
    ),
    RuleInfo(
        "unparseable-date", "日期无法识别", Severity.WARN, f"{ART_26}；GB/T 9704-2012 第7.3.5.4条（成文日期）",
        tags=("发布时限", "日期"),
        description="成文日期、发布日期、变更日期或处罚决定日期栏的内容不是有效日期（如“2024年13月5日”）。",
    ),
    RuleInfo(
        "no-formation-date", "没有成文日期，无法判断时限", Severity.INFO, ART_26,
        tags=("发布时限",),
        description="有发文字号或公开属性的文件，其本身及元数据中都没有成文日期（或变更日期、处罚决定日期），"
                    "无法判断是否按时公开。没有日期的新闻、表格、片段不报告。",
    ),
    RuleInfo(
        "periodic-late", "定期公开事项逾期", Severity.WARN,
        "《政府信息公开条例》第四十九条（每年1月31日前公布上一年度政府信息公开工作年度报告）；"
        "规则集中配置的其他定期公开事项（如统计公报、统计年鉴）的公布期限",
        tags=("发布时限", "年度报告"),
        description="标题以定期公开事项名称结尾的文件（如“2025年政府信息公开工作年度报告”），"
                    "发布日期（或检查日期）晚于该事项的公布期限。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="release-deadline",
        factory=ReleaseDeadlineChecker,
        rules=RULES,
        params=ReleaseDeadlineParams,
        description="发布时限：主动公开 20 个工作日、处罚与许可决定 7 个工作日、定期公开事项（按官方节假日和调休计算）",
    )
