"""The legal basis a personal-info finding cites, by the kind of document it is in.

Every finding rests on 《政府信息公开条例》第十五条 and 《个人信息保护法》 (第四条; 第二十八条
for sensitive data). The Zhejiang rule on publishing penalty results (《浙江省行政处罚结果信息网上
公开暂行办法》第七条) lists what a published penalty must hide; it is cited only in a penalty
decision or penalty publicity — a reviewer copying the basis of a finding in a reply letter
(依申请公开答复) or an interpretation page must not cite a penalty-publication rule.
"""

from __future__ import annotations

GENERAL = ("《政府信息公开条例》第十五条（涉及个人隐私、公开会损害第三方合法权益的信息不得公开）；"
           "《中华人民共和国个人信息保护法》第四条")
SENSITIVE = "；《中华人民共和国个人信息保护法》第二十八条（敏感个人信息）"
PENALTY = ("；行政处罚结果公开时隐去自然人的住址、通信方式、身份证号码、银行账号、健康状况及被处罚人以外的"
           "自然人姓名（《浙江省行政处罚结果信息网上公开暂行办法》第七条）")
ORG_ACCOUNT = "行政处罚结果公开时应隐去法人和其他组织的银行账号（《浙江省行政处罚结果信息网上公开暂行办法》第七条第二项）"

#: rules whose values Art. 7 names: in a penalty decision their basis adds it
PENALTY_RULES = frozenset({"id-card", "id-card-legacy", "mobile", "landline", "bank-card", "email",
                           "home-address", "health", "person-name"})


def in_penalty(rule: str, basis: str) -> str | None:
    """The basis of ``rule`` in a published penalty decision (None: its general one stands)."""
    if rule in PENALTY_RULES and PENALTY not in basis:
        return basis + PENALTY
    return None
