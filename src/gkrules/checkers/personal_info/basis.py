"""The legal basis a personal-info finding cites, by the kind of document it is in.

Every finding rests on 《政府信息公开条例》第十五条 and 《个人信息保护法》 (第四条; 第二十八条
for sensitive data). The Zhejiang rule on publishing penalty results (《浙江省行政处罚结果信息网上
公开暂行办法》第七条) lists what a published penalty must hide; it is cited only in a penalty
decision or penalty publicity — a reviewer copying the basis of a finding in a reply letter
(依申请公开答复) or an interpretation page must not cite a penalty-publication rule.

A rule whose values Art. 7 names says so in its declaration (``hidden_in_penalty``); its
findings in a penalty decision add ``PENALTY`` to its basis (``PersonalRule.report``).
"""

from __future__ import annotations

GENERAL = ("《政府信息公开条例》第十五条（涉及个人隐私、公开会损害第三方合法权益的信息不得公开）；"
           "《中华人民共和国个人信息保护法》第四条")
SENSITIVE = "；《中华人民共和国个人信息保护法》第二十八条（敏感个人信息）"
PENALTY = ("；行政处罚结果公开时隐去自然人的住址、通信方式、身份证号码、银行账号、健康状况及被处罚人以外的"
           "自然人姓名（《浙江省行政处罚结果信息网上公开暂行办法》第七条）")
ORG_ACCOUNT = "行政处罚结果公开时应隐去法人和其他组织的银行账号（《浙江省行政处罚结果信息网上公开暂行办法》第七条第二项）"

DEIDENTIFIED = "；《中华人民共和国个人信息保护法》第七十三条（去标识化）"
NAMES = "；参照《最高人民法院关于人民法院在互联网公布裁判文书的规定》（隐名处理：保留姓氏，名字以“某”代替）"
