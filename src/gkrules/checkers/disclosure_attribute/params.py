"""Rule-set parameters of the disclosure-attribute checker (defaults = the national rule set)."""

from __future__ import annotations

from attrs import frozen


@frozen
class DisclosureAttributeParams:
    #: words of a 附注 or portal field value meaning 主动公开 (（此件公开发布） is the 国办 style)
    public_words: tuple[str, ...] = ("主动公开", "公开发布", "全文公开", "向社会公开")
    #: words meaning 依申请公开
    on_request_words: tuple[str, ...] = ("依申请公开", "依申请")
    #: words meaning 不予公开 (不公开 and 免予公开 are older wordings; 不宜公开, 不对外公开 and
    #: 不在网上公开 say the same of a document about to go on the web)
    withheld_words: tuple[str, ...] = ("不予公开", "不公开", "免予公开", "暂不公开", "不宜公开", "不对外公开",
                                       "不在网上公开", "不上网公开", "不在网站公开", "不在互联网公开")
    #: a 公开方式 field counts as the page's own when it is within this many lines of the top,
    #: or next to another header field (索引号, 发文字号…); elsewhere it is text
    header_lines: int = 20
    #: 机关代字 of enforcement instruments (…罚决字〔2023〕第15号): published under the enforcement
    #: publicity rules, so a missing attribute on them is only a hint (regular expressions)
    enforcement_number_patterns: tuple[str, ...] = ("罚", "决字")
    #: a 发文字号 of a 行政规范性文件 (××规〔2024〕1号)
    normative_number_pattern: str = r"规\s*[〔\[【(（［]\s*(?:19|20)\d{2}"
    #: 文件类型 / 文件类别 values that mark a 行政规范性文件
    normative_categories: tuple[str, ...] = ("规范性文件",)
