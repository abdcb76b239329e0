"""Where a finding is, said so that a person finds it in the original file, and the Chinese
names of checkers, for every output a reviewer reads.

A loader that knows places in the file gives them (``Location.page``/``ref``: 第N页, 段落N,
表N第R行第C列, Sheet!A1, 页眉1, 批注1, 文档属性·作者…): then that place is shown and the line
of extracted text, meaningless in Word or a PDF viewer, is not. Plain text and web pages keep
``行:列``.
"""

from __future__ import annotations

from gkrules.model import Finding

#: the names reviewers know the checks by (a plugin's checker without one keeps its id)
CHECKER_NAMES = {
    "confidential-marker": "保密标志", "personal-info": "个人信息", "unit-identifiability": "统计调查对象",
    "policy-interpretation": "政策解读", "disclosure-attribute": "公开属性", "release-deadline": "发布时限",
    "document-format": "公文格式", "hidden-content": "隐藏内容", "engine": "检查过程", "baseline": "审查记录",
}


def checker_name(checker: str) -> str:
    return CHECKER_NAMES.get(checker, checker)


def place(f: Finding) -> str:
    """第N页 / the loader's reference / 行:列, plus 隐藏内容 when the reader does not see it."""
    loc = f.location
    if loc is None or (loc.line is None and not loc.ref and not loc.page):
        return "全文"
    page = f"第{loc.page}页" if loc.page else ""
    if loc.ref:
        where = loc.ref if not page or loc.ref.startswith(page) else f"{page} {loc.ref}"
    elif page:
        where = page
    else:
        where = f"{loc.line}:{loc.column}" if loc.column else f"{loc.line}"
    return where + (" [隐藏内容]" if loc.hidden else "")
