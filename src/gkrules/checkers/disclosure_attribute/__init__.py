"""The disclosure-attribute checker: the 公开属性 of every document to be published."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import DisclosureAttributeChecker
from .params import DisclosureAttributeParams

_BASIS_80 = ("《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）第一部分第（一）项"
             "（公文拟稿时明确主动公开、依申请公开、不予公开的公开属性，随公文一并报批）")

RULES = (
    RuleInfo(
        "withheld", "不予公开的文件在待发布文件中", Severity.BLOCK,
        _BASIS_80 + "；《政府信息公开条例》第十四条、第十五条、第十六条",
        tags=("公开属性", "单项否决"),
        description="附注（此件不予公开）（含旧称“不公开”）、网站公开属性栏或发布系统元数据标明不予公开。",
    ),
    RuleInfo(
        "normative-withheld", "行政规范性文件被定为不予公开", Severity.BLOCK,
        "《国务院办公厅关于加强行政规范性文件制定和监督管理工作的通知》（国办发〔2018〕37号）"
        "（行政规范性文件应当向社会公开发布，不得以内部文件形式印发执行，未经公布的不得作为行政管理依据）；" + _BASIS_80,
        tags=("公开属性", "规范性文件"),
        description="××规〔年份〕序号或文件类型栏表明是行政规范性文件，公开属性却是不予公开。",
    ),
    RuleInfo(
        "on-request", "依申请公开的文件在待发布文件中", Severity.WARN,
        _BASIS_80 + "；《政府信息公开条例》第二十七条（依申请公开）、第四十四条（可转为主动公开）",
        tags=("公开属性",),
        description="附注（此件依申请公开）、公开方式/公开形式栏或元数据标明依申请公开：主动发布前须重新审定公开属性。",
    ),
    RuleInfo(
        "conflict", "附注与网站公开方式栏不一致", Severity.WARN,
        "GB/T 9704-2012《党政机关公文格式》第7.3.6条；《党政机关公文处理工作条例》第九条第（十二）项；" + _BASIS_80,
        tags=("公开属性",),
        description="附注、网站公开方式/公开属性栏和发布系统元数据中的公开属性不一致。",
    ),
    RuleInfo(
        "missing", "公文未标注公开属性", Severity.WARN, _BASIS_80,
        tags=("公开属性",),
        description="有发文字号或 GB/T 9704 版头的公文，既无附注，也无公开方式栏，发布系统也未提供公开属性。",
    ),
    RuleInfo(
        "missing-page", "页面未标注公开属性", Severity.INFO, _BASIS_80,
        tags=("公开属性",),
        description="不是公文的页面（新闻、统计表、工作总结等）没有公开属性：提示核实。",
    ),
    RuleInfo(
        "unknown-value", "公开属性取值不规范", Severity.INFO, _BASIS_80,
        tags=("公开属性",),
        description="公开方式栏或附注写了三种公开属性以外的取值。",
    ),
    RuleInfo(
        "repost", "转载的文件未标注公开属性：由制发机关确定", Severity.INFO, _BASIS_80,
        tags=("公开属性",),
        description="从内容认出的转发、转载（见 policy-interpretation 的 repost）没有公开属性时，不报“公文未标注公开属性”，"
                    "改为提示核对制发机关的公开方式。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="disclosure-attribute",
        factory=DisclosureAttributeChecker,
        rules=RULES,
        params=DisclosureAttributeParams,
        description="公开属性：不予公开、依申请公开、附注与公开方式栏不一致、公文未标注公开属性",
    )
