"""Rule-set parameters of the confidential-marker checker (defaults = the national rule set)."""

from __future__ import annotations

from attrs import field, frozen

DEFAULT_INTERNAL_LABELS = (
    "内部资料", "内部文件", "内部使用", "内部参考", "内部参阅", "内部刊物", "内部交流", "内部发行",
    "注意保存", "注意保密", "妥善保管", "不得外传", "严禁外传", "不得翻印", "不得复制", "工作秘密",
    "仅供内部", "仅供参阅", "仅供领导参阅", "供领导参阅", "免费交流",
)
DEFAULT_SELF_REFERENCES = (
    "本材料", "本资料", "本表", "此表", "本件", "此件", "本文件", "本文", "本报告", "本汇编", "本刊",
    "本期", "本简报", "本专报", "本数据", "本册", "本书", "本页", "以上数据", "以上内容", "以上材料",
    "上述数据", "上述材料", "上述内容",
)


@frozen
class ConfidentialMarkerParams:
    #: longest lawful period per level, in years (保密法第二十条)
    max_period_years: dict[str, int] = field(factory=lambda: {"绝密": 30, "机密": 20, "秘密": 10})
    #: how many non-empty lines at the top form the head (版头)
    head_lines: int = 12
    #: words that make an internal-use label (内部资料、注意保存…)
    internal_labels: tuple[str, ...] = DEFAULT_INTERNAL_LABELS
    #: words by which a sentence speaks about the document itself (本材料为内部资料…)
    self_references: tuple[str, ...] = DEFAULT_SELF_REFERENCES
    #: a line that holds labels and at most this many other characters is a label line
    label_line_slack: int = 6
