"""The policy-interpretation checker (batch): 三同步 of policies and their interpretations."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import PolicyInterpretationChecker
from .params import PolicyInterpretationParams

_BASIS_80 = ("《〈关于全面推进政务公开工作的意见〉实施细则》（国办发〔2016〕80号）第二部分（“谁起草、谁解读”，"
             "政策文件与解读方案、解读材料同步组织、同步审签、同步部署）")

RULES = (
    RuleInfo(
        "missing-interpretation", "政策文件未同步发布政策解读", Severity.BLOCK,
        _BASIS_80 + "；各地政策解读工作规范（如辽政办〔2022〕43号）：规章、行政规范性文件及涉及群众切身利益的政策文件应当解读",
        tags=("政策解读", "三同步"),
        description="规章、行政规范性文件（××规〔年份〕序号、文件类型栏）和办法、规定、细则、意见等政策文件，"
                    "在本批次和已发布目录中都找不到解读。发给本机关内设机构的工作要点、实施方案、制度，"
                    "成立领导小组、转发类通知，统计公报、新闻等不需要解读。",
    ),
    RuleInfo(
        "late-interpretation", "政策解读晚于政策文件发布", Severity.WARN,
        _BASIS_80 + "；地方规定解读最迟在政策文件发布后 3 个工作日内发布（如郑州 2016 年规定），严格口径为同日发布",
        tags=("政策解读", "三同步"),
        description="解读的发布日期比所解读政策文件的发布日期晚 max_lag_workdays 个工作日以上；"
                    "尚无工作日历时按自然日计算并在消息中说明。",
    ),
    RuleInfo(
        "orphan-interpretation", "政策解读找不到所解读的政策文件", Severity.INFO,
        _BASIS_80 + "；政策解读页面应提供原文链接（政策文件与解读相互关联）",
        tags=("政策解读",),
        description="解读所解读的政策文件既不在本批次，也不在发布系统提供的已发布目录中；原文可能早已发布，需人工核对。",
    ),
    RuleInfo(
        "excerpt-interpretation", "政策解读主要是原文摘抄", Severity.WARN,
        _BASIS_80 + "；地方政策解读规范（如安顺）：解读不得简单摘抄、压缩文件内容",
        tags=("政策解读", "解读质量"),
        description="解读正文中与政策原文逐字相同的文字比例超过 max_excerpt_ratio。",
    ),
    RuleInfo(
        "repost", "转载其他机关的政策文件：解读由制发机关负责", Severity.INFO,
        _BASIS_80 + "（谁起草、谁解读）",
        tags=("政策解读",),
        description="从内容认出的转发、转载（标题或正文写明转发，来源栏是其他机关，国务院或国家统计局文号出现在地方网站）："
                    "不再报缺少解读，改为提示解读由制发机关负责。",
    ),
    RuleInfo(
        "internal-rule", "本机关内部工作规则：不是须解读的政策文件", Severity.INFO,
        _BASIS_80 + "；《政府信息公开条例》第十六条（内部事务信息）",
        tags=("政策解读",),
        description="正文规定只适用于本局、局机关的工作规则（如政府信息公开工作实施细则）：不因标题以“细则”“办法”结尾"
                    "而报缺少解读。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="policy-interpretation",
        factory=PolicyInterpretationChecker,
        rules=RULES,
        params=PolicyInterpretationParams,
        scope="batch",
        description="政策文件与政策解读“三同步”：缺少解读、解读滞后、解读找不到原文、解读摘抄原文",
    )
