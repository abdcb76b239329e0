"""Rule-set parameters of the hidden-content checker (defaults = the national rule set)."""

from __future__ import annotations

from attrs import frozen

#: author values that name no one: defaults of Office, WPS, operating systems and libraries
DEFAULT_GENERIC_NAMES = (
    "Administrator", "admin", "Admin", "user", "User", "USER", "owner", "Owner", "Windows 用户", "微软用户",
    "Microsoft Office 用户", "Microsoft Office User", "Microsoft 帐户", "Microsoft 账户", "未知", "匿名",
    "作者", "python-docx", "openpyxl", "Apache POI", "LibreOffice", "WPS Office", "Unknown", "Anonymous",
    "dell", "lenovo", "hp", "PC", "pc", "微软中国",
)


@frozen
class HiddenContentParams:
    #: document properties whose value is a person's name (labels as the loaders print them)
    person_properties: tuple[str, ...] = ("作者", "最后修改者", "经理")
    #: values of those properties that name no one (compared without case)
    generic_names: tuple[str, ...] = DEFAULT_GENERIC_NAMES
    #: a value ending like a unit name (…统计局, …办公室) names a unit, not a person
    unit_suffixes: tuple[str, ...] = ("局", "厅", "部", "委", "委员会", "办公室", "办", "政府", "中心", "队", "院",
                                      "处", "科", "股", "所", "站", "公司", "集团", "大学", "学院")
