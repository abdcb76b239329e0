"""What a personal value becomes in a redacted copy, per entity type (as Presidio's
anonymizer operators): ``mask`` (the checker's masked form, or a pattern keeping a head
and a tail), ``placeholder`` (``〔身份证号〕``) or ``remove``.

Written on the command line as ``RULE=OPERATOR`` (``--operator id-card=placeholder``,
``--operator mobile=mask:3:4:＊``, ``--operator home-address=remove``; ``*`` for every rule).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from attrs import frozen

from gkrules.errors import UsageError
from gkrules.model import Finding

#: short Chinese names used by ``placeholder`` (a rule not listed uses its title)
PLACEHOLDER_LABELS: Mapping[str, str] = {
    "id-card": "身份证号", "id-card-legacy": "身份证号", "mobile": "手机号码", "landline": "电话号码",
    "bank-card": "银行卡号", "org-bank-account": "银行账号", "email": "电子邮箱", "passport": "护照号码",
    "travel-permit": "通行证号码", "plate": "车牌号码", "social-security": "社会保障号码", "home-address": "住址",
    "health": "健康信息", "birth-date": "出生日期", "person-name": "姓名"}
KINDS = ("mask", "placeholder", "remove")


@frozen
class Operator:
    kind: str = "mask"
    keep_head: int | None = None
    keep_tail: int | None = None
    char: str = "*"
    label: str | None = None

    def apply(self, f: Finding, raw: str) -> str:
        if self.kind == "remove":
            return ""
        if self.kind == "placeholder":
            return f"〔{self.label or PLACEHOLDER_LABELS.get(f.rule, f.rule)}〕"
        if self.keep_head is None:
            return checker_mask(f, raw, self.char)
        head, tail = self.keep_head, self.keep_tail or 0
        if head + tail >= len(raw):  # nothing would be hidden: hide everything
            head, tail = 0, 0
        return raw[:head] + "".join(c if c.isspace() else self.char for c in raw[head:len(raw) - tail]) + \
            raw[len(raw) - tail:]


def checker_mask(f: Finding, raw: str, char: str = "*") -> str:
    """The checker's masked evidence when it is ``raw`` with characters starred out (same
    length); anything else is masked entirely, so an unusual evidence never keeps a value."""
    ev = f.evidence or ""
    if len(ev) == len(raw) and ev != raw:
        return ev
    return "".join(c if c.isspace() else char for c in raw)


def parse_operators(specs: Iterable[str]) -> dict[str, Operator]:
    """``RULE=KIND[:…]`` strings as operators by rule (``*``: the default)."""
    out: dict[str, Operator] = {}
    for spec in specs:
        rule, sep, text = spec.partition("=")
        if not sep or not rule.strip():
            raise UsageError(f"--operator 应写作 规则=操作（如 id-card=placeholder），实际为 {spec!r}")
        kind, *args = text.strip().split(":")
        if kind not in KINDS:
            raise UsageError(f"--operator {spec!r}：操作应为 {'、'.join(KINDS)} 之一")
        if kind == "mask" and args:
            try:
                head, tail = int(args[0]), int(args[1]) if len(args) > 1 else 0
            except ValueError:
                raise UsageError(f"--operator {spec!r}：mask 的参数应为 保留开头位数:保留末尾位数[:遮盖字符]") from None
            if head < 0 or tail < 0:
                raise UsageError(f"--operator {spec!r}：保留位数不能为负")
            char = args[2] if len(args) > 2 and len(args[2]) == 1 else "*"
            out[rule.strip()] = Operator("mask", head, tail, char)
        elif kind == "placeholder" and args and args[0].strip():
            out[rule.strip()] = Operator("placeholder", label=args[0].strip())
        else:
            out[rule.strip()] = Operator(kind)
    return out


def operator_for(operators: Mapping[str, Operator], rule: str) -> Operator:
    return operators.get(rule) or operators.get("*") or Operator()
