"""The document-format checker: GB/T 9704-2012 conformance of 发文字号, 成文日期 and 附注."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import DocumentFormatChecker
from .params import DocumentFormatParams

RULES = (
    RuleInfo(
        "doc-number", "发文字号格式不规范", Severity.INFO,
        "GB/T 9704-2012《党政机关公文格式》第7.2.5条（年份用六角括号〔〕括入，序号不编虚位、不加“第”字）",
        tags=("公文格式",),
        description="本文件自己的发文字号（元数据栏或版头下的文号行）用了【】、[]、()，序号加“第”或编虚位（01）。",
    ),
    RuleInfo(
        "formed-date", "成文日期格式不规范", Severity.INFO,
        "GB/T 9704-2012《党政机关公文格式》第7.3.5.4条（成文日期用阿拉伯数字将年、月、日标全，年份标全称，月、日不编虚位）",
        tags=("公文格式",),
        description="落款的成文日期用汉字数字（二〇二一年…）、短横线（2024-07-08）或编虚位（07月）。",
    ),
    RuleInfo(
        "annotation", "附注格式或位置不规范", Severity.INFO,
        "GB/T 9704-2012《党政机关公文格式》第7.3.6条（附注居左空二字加圆括号编排在成文日期下一行）",
        tags=("公文格式", "公开属性"),
        description="（此件主动公开）等附注用了半角括号，或不在成文日期的下一行。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="document-format",
        factory=DocumentFormatChecker,
        rules=RULES,
        params=DocumentFormatParams,
        description="公文格式（GB/T 9704-2012）：发文字号、成文日期、附注",
    )
