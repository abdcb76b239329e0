"""hidden-content: what a file holds that its reader does not see.

The loaders put hidden material into the document's text as blocks of their own kind
(``deletion``, ``insertion``, ``hidden-text``, ``comment``, ``hidden-sheet``,
``very-hidden-sheet``, ``hidden-rows``, ``hidden-columns``, ``embedded-object``,
``property``; see docs/formats.md). This checker reports each of them once, at its place.
The other checkers read the same text, so an ID number in a tracked deletion is also a
personal-info finding, whose location says it is hidden.

Messages never repeat the hidden text (it may be exactly what must not go out); an author's
name is masked (``张*``): the reviewer learns which property holds a name, not the name.
"""

from __future__ import annotations

from collections.abc import Iterator

from gkrules.context import CheckContext, CheckerSetup
from gkrules.model import Block, Finding

from .params import HiddenContentParams

_PROPERTY_PREFIX = "文档属性·"
_CLEAN_SUGGESTION = "发布前接受或拒绝全部修订、删除批注与隐藏内容（WPS/Word：文件→检查文档→全部删除），再重新检查。"


def mask_name(value: str) -> str:
    """A person's name with all but its first character masked: 张三 → 张*, John → J***."""
    value = value.strip()
    return value[:1] + "*" * max(1, len(value) - 1) if value else value


def _count(text: str) -> int:
    return len("".join(text.split()))


class HiddenContentChecker:
    def __init__(self, setup: CheckerSetup):
        p: HiddenContentParams = setup.params or HiddenContentParams()
        self.p = p
        self.generic = {n.casefold() for n in p.generic_names}
        self.person_properties = set(p.person_properties)

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        doc = ctx.document
        seen: set[tuple[str, str | None]] = set()
        for b in doc.blocks:
            handler = _HANDLERS.get(b.kind)
            if handler is None:
                continue
            if b.kind in _ONCE_PER_REF:  # a comment or embedded file of several paragraphs: one finding
                if (b.kind, b.ref) in seen:
                    continue
                seen.add((b.kind, b.ref))
            finding = handler(self, ctx, b)
            if finding is not None:
                yield finding

    # -- one method per block kind -----------------------------------------------------------

    def _deletion(self, ctx: CheckContext, b: Block) -> Finding:
        n = _count(ctx.text[b.start:b.end])
        return ctx.finding("tracked-deletion", b.start, b.end,
                           f"{b.ref}：修订中删除的文字（{n} 个字符）仍保存在文件中，打开修订标记即可看到",
                           suggestion=_CLEAN_SUGGESTION)

    def _insertion(self, ctx: CheckContext, b: Block) -> Finding:
        n = _count(ctx.text[b.start:b.end])
        return ctx.finding("tracked-insertion", b.start, b.end,
                           f"{b.ref}：有未接受的修订（插入 {n} 个字符），文件仍带修订记录（含修订人和时间）",
                           suggestion=_CLEAN_SUGGESTION)

    def _hidden_text(self, ctx: CheckContext, b: Block) -> Finding:
        n = _count(ctx.text[b.start:b.end])
        return ctx.finding("hidden-text", b.start, b.end,
                           f"{b.ref}：有设为“隐藏”格式的文字（{n} 个字符），页面上看不到但仍在文件中",
                           suggestion="显示隐藏文字后核查，删除不应公开的内容，再重新检查。")

    def _comment(self, ctx: CheckContext, b: Block) -> Finding:
        return ctx.finding("comment", b.start, b.end, f"{b.ref}：文件带有批注，批注内容和批注人随文件一同公开",
                           suggestion="发布前删除全部批注，再重新检查。")

    def _sheet(self, ctx: CheckContext, b: Block) -> Finding:
        cells = sum(1 for c in ctx.document.blocks if c.kind == "cell" and b.start <= c.start < b.end)
        very = b.kind == "very-hidden-sheet"
        how = "被设为“深度隐藏”（veryHidden，在 Excel 界面中无法直接取消隐藏）" if very else "被隐藏"
        first_line_end = ctx.text.find("\n", b.start, b.end)
        end = b.end if first_line_end == -1 else first_line_end
        return ctx.finding("hidden-sheet", b.start, end,
                           f"工作表「{b.ref}」{how}，其中有 {cells} 个非空单元格，随文件一同公开",
                           suggestion="删除不应公开的工作表（而不是隐藏它），再重新检查。", key=f"{b.kind}|{b.ref}")

    def _rows(self, ctx: CheckContext, b: Block) -> Finding:
        return ctx.finding("hidden-rows-columns", b.start, b.end, f"{b.ref}：有隐藏的行，其中的数据随文件一同公开",
                           suggestion="删除不应公开的行（而不是隐藏它们），再重新检查。", key=f"rows|{b.ref}")

    def _columns(self, ctx: CheckContext, b: Block) -> Finding:
        return ctx.finding("hidden-rows-columns", b.start, b.end, f"{b.ref}：有隐藏的列，其中的数据随文件一同公开",
                           suggestion="删除不应公开的列（而不是隐藏它们），再重新检查。", key=f"columns|{b.ref}")

    def _embedded(self, ctx: CheckContext, b: Block) -> Finding:
        return ctx.finding("embedded-object", b.start, b.end,
                           f"{b.ref}：文件中嵌入了对象或文件，其完整内容（可能含未公开的数据）随文件一同公开",
                           suggestion="把嵌入对象转为图片或删除，需要公开的数据另行审查后单独发布。", key=b.ref or "")

    def _property(self, ctx: CheckContext, b: Block) -> Finding | None:
        line = ctx.text[b.start:b.end]
        label, _, value = line.partition("：")
        label = label.removeprefix(_PROPERTY_PREFIX)
        value = value.strip()
        if label not in self.person_properties or not value:
            return None
        if value.casefold() in self.generic or value.endswith(tuple(self.p.unit_suffixes)):
            return None
        start = b.end - len(value)
        return ctx.finding("author-property", start, b.end,
                           f"文档属性「{label}」填有个人姓名（{mask_name(value)}），任何人都可在文件属性中看到",
                           evidence=mask_name(value), key=f"{label}|{value}",
                           suggestion="发布前清除文档属性中的个人信息（WPS/Word：文件→检查文档→文档属性和个人信息）。")


_HANDLERS = {
    "deletion": HiddenContentChecker._deletion,
    "insertion": HiddenContentChecker._insertion,
    "hidden-text": HiddenContentChecker._hidden_text,
    "comment": HiddenContentChecker._comment,
    "hidden-sheet": HiddenContentChecker._sheet,
    "very-hidden-sheet": HiddenContentChecker._sheet,
    "hidden-rows": HiddenContentChecker._rows,
    "hidden-columns": HiddenContentChecker._columns,
    "embedded-object": HiddenContentChecker._embedded,
    "property": HiddenContentChecker._property,
}
_ONCE_PER_REF = {"comment", "embedded-object"}
