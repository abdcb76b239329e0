"""Rule-set parameters of the document-format checker (GB/T 9704-2012)."""

from __future__ import annotations

from attrs import frozen


@frozen
class DocumentFormatParams:
    #: the brackets around the year of a 发文字号 (GB/T 9704-2012 §7.2.5: 六角括号)
    doc_number_brackets: str = "〔〕"
    #: a well-formed 成文日期 (§7.3.5.4: Arabic digits, full year, no leading zeros)
    formed_date_pattern: str = r"(?:19|20)\d{2}年[1-9]\d?月[1-9]\d?日"
    #: the brackets around a 附注 (§7.3.6: 全角圆括号)
    annotation_brackets: str = "（）"
    #: how many lines from the top hold the 发文字号 of the document itself
    head_lines: int = 30
    #: 机关代字 of enforcement instruments (行政处罚决定书 …罚决字〔2023〕第15号), which follow the
    #: 执法文书 templates, not GB/T 9704 (regular expressions)
    exempt_number_patterns: tuple[str, ...] = ("罚", "决字", "执法", "检查")

    def __attrs_post_init__(self) -> None:
        if len(self.doc_number_brackets) != 2 or len(self.annotation_brackets) != 2:
            raise ValueError("括号参数应为一对字符，如 〔〕")
