"""The hidden-content checker, registered as a plugin like any third-party checker."""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .checker import HiddenContentChecker
from .params import HiddenContentParams

_BASIS = ("《政府信息公开条例》第十四条、第十五条、第十七条（公开前审查，不得公开涉及国家秘密、商业秘密、"
          "个人隐私的信息）")
_PERSONAL = "《中华人民共和国个人信息保护法》第四条、第十三条；" + _BASIS
_STATS = "《中华人民共和国统计法》（2024）第三十九条（统计调查对象的资料应当保密）；" + _BASIS

RULES = (
    RuleInfo("tracked-deletion", "修订中删除的文字仍在文件中", Severity.WARN, _BASIS, ("隐藏内容",),
             description="Word 修订模式下删除的文字（w:del）未被接受，仍保存在文件中；其中的内容也交给其他检查器检查。"),
    RuleInfo("tracked-insertion", "文件带有未接受的修订", Severity.WARN, _BASIS, ("隐藏内容",),
             description="Word 修订模式下插入的文字（w:ins）未被接受，文件仍带修订记录、修订人和时间。"),
    RuleInfo("hidden-text", "设为隐藏格式的文字", Severity.WARN, _BASIS, ("隐藏内容",),
             description="字体设为“隐藏”（w:vanish）的文字：页面上看不到，但仍在文件中。"),
    RuleInfo("comment", "批注", Severity.WARN, _BASIS, ("隐藏内容",),
             description="Word 批注、Excel 单元格批注、PDF 注释：批注内容和批注人随文件公开。"),
    RuleInfo("hidden-sheet", "隐藏或深度隐藏的工作表", Severity.WARN, _STATS, ("隐藏内容", "统计数据"),
             description="Excel 中隐藏（hidden）或深度隐藏（veryHidden）的工作表，常含单位级明细数据；其内容也交给其他检查器检查。"),
    RuleInfo("hidden-rows-columns", "隐藏的行或列", Severity.WARN, _STATS, ("隐藏内容", "统计数据"),
             description="Excel 工作表中隐藏的行和列：数据随文件公开。"),
    RuleInfo("embedded-object", "嵌入对象", Severity.WARN, _BASIS, ("隐藏内容",),
             description="Word/Excel 中嵌入的 OLE 对象或文件（如嵌入的工作簿），其完整内容随文件公开；"
                         "嵌入的 Word/Excel 文件的文字也交给其他检查器检查。"),
    RuleInfo("author-property", "文档属性中的个人姓名", Severity.WARN, _PERSONAL, ("隐藏内容", "个人信息"),
             description="文档属性“作者”“最后修改者”“经理”中的个人姓名（软件默认值和单位名称不报告）；证据中的姓名已遮蔽。"),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="hidden-content",
        factory=HiddenContentChecker,
        rules=RULES,
        params=HiddenContentParams,
        description="文件中看不见的内容：修订、批注、隐藏文字、隐藏工作表和行列、嵌入对象、文档属性中的姓名",
    )
