"""The personal-info checker (个人隐私), registered as a plugin like any third-party checker.

Each rule is one kind of personal data; the finding's evidence is the masked value and its
fingerprint hashes the normalised value, so no output ever carries a raw personal value.
"""

from __future__ import annotations

from gkrules.model import Severity
from gkrules.plugins import hookimpl
from gkrules.specs import CheckerSpec, RuleInfo

from .basis import GENERAL as _BASE
from .basis import ORG_ACCOUNT as _ORG_ACCOUNT
from .basis import SENSITIVE as _SENSITIVE
from .checker import PersonalInfoChecker
from .params import PersonalInfoParams

# the basis declared here is the general one; a finding in a penalty decision adds the
# penalty-publication rule (basis.in_penalty), and only there

RULES = (
    RuleInfo(
        "id-card", "居民身份证号码（18 位，校验位有效）", Severity.BLOCK, _BASE + "；GB 11643-1999",
        tags=("个人隐私", "身份证件"),
        description="18 位公民身份号码：ISO 7064 MOD 11-2 校验位、真实出生日期、省级地区码均有效才报告；"
                    "校验位不符、日期不存在的 18 位编号（档案号、统计用代码等）不报告，已脱敏的号码不报告。"
                    "无论所在栏目叫什么（包括只写“编号”的栏目），有效的身份证号码都阻断发布。",
    ),
    RuleInfo(
        "id-card-legacy", "15 位（第一代）居民身份证号码", Severity.WARN, _BASE + "；GB 11643-1989",
        tags=("个人隐私", "身份证件"),
        description="15 位号码没有校验位，只有在“身份证号码”等标签或栏目下、且出生日期和地区码有效时才报告。",
    ),
    RuleInfo(
        "mobile", "个人手机号码", Severity.WARN, _BASE,
        tags=("个人隐私", "联系方式"),
        description="已分配号段的 11 位手机号码（可带 +86、分隔符）。以“项目编号”“流水号”等编号标签、金额栏目或"
                    "紧跟“元”等单位的 11 位数字不报告。当事人、申请人等的手机号码以及行政处罚公开中的手机号码按 "
                    "party_severity（默认阻断）报告；通知中联系人的手机号码为警告。",
    ),
    RuleInfo(
        "landline", "个人固定电话", Severity.WARN, _BASE,
        tags=("个人隐私", "联系方式"),
        description="只报告标注为家庭电话、住宅电话等，或属于当事人的固定电话；机关办公电话、值班电话、传真和"
                    "12345 等服务热线依《政府信息公开条例》第二十条公开，不报告。",
    ),
    RuleInfo(
        "bank-card", "个人银行卡号", Severity.BLOCK, _BASE + _SENSITIVE,
        tags=("个人隐私", "金融账户"),
        description="16–19 位、Luhn 校验通过、有“银行卡号”“卡号”“账号”“开户行”等标签的卡号。户名为单位或标注"
                    "对公账户的账号不是个人信息。",
    ),
    RuleInfo(
        "org-bank-account", "行政处罚公开中的单位银行账号", Severity.WARN,
        _ORG_ACCOUNT,
        tags=("行政处罚公开",),
        description="只在行政处罚决定、处罚信息公示中报告单位的银行账号；其他文件中的单位收款账号不报告。",
    ),
    RuleInfo(
        "email", "个人电子邮箱", Severity.WARN, _BASE,
        tags=("个人隐私", "联系方式"),
        description="免费邮箱服务商（qq.com、163.com 等）的邮箱，或标注为个人邮箱的邮箱；gov.cn 等公共机构域名、"
                    "标注为单位邮箱或紧跟科室名称的邮箱是办公联系方式，不报告；其他域名的邮箱以提示级别报告。",
    ),
    RuleInfo(
        "passport", "护照号码", Severity.WARN, _BASE,
        tags=("个人隐私", "身份证件"),
        description="“护照号码”等标签后的护照号码（E/G 开头的因私护照、SE/DE/PE 开头的公务和外交护照、外国护照）。",
    ),
    RuleInfo(
        "travel-permit", "出入境通行证件号码", Severity.WARN, _BASE,
        tags=("个人隐私", "身份证件"),
        description="回乡证、往来港澳通行证、台胞证等标签后的证件号码。",
    ),
    RuleInfo(
        "plate", "机动车号牌", Severity.WARN, _BASE,
        tags=("个人隐私",),
        description="“车牌号”“私家车”等标签旁的号牌（含 6 位新能源号牌）；公务用车、执法车辆的号牌不报告。",
    ),
    RuleInfo(
        "social-security", "社会保障卡号、医保号等", Severity.WARN, _BASE,
        tags=("个人隐私",),
        description="社保卡号、医保卡号、公积金账号等标签后的号码（与身份证号码相同者按身份证号码报告）。",
    ),
    RuleInfo(
        "home-address", "详细住址", Severity.WARN, _BASE,
        tags=("个人隐私", "住址"),
        description="“家庭住址”“户籍地”“家住”等标签后具体到门牌号、楼栋房号的地址；报告并隐去乡镇、街道以下的部分。"
                    "机关办公地址、企业住所不报告。当事人的住址和行政处罚公开中的住址按 party_severity 报告。",
    ),
    RuleInfo(
        "health", "健康、医疗信息", Severity.WARN, _BASE + _SENSITIVE,
        tags=("个人隐私", "敏感个人信息"),
        description="与具体人员（姓名、本人、配偶、子女等）同现的疾病、诊疗、残疾等信息；一般政策表述不报告。",
    ),
    RuleInfo(
        "birth-date", "出生日期", Severity.WARN, _BASE,
        tags=("个人隐私",),
        description="“出生日期”等标签后、“出生”之前或“出生年月”栏中的日期：完整的出生日期为警告；只有年月的、"
                    "以及干部任前公示、录用公示中的出生年月为提示。",
    ),
    RuleInfo(
        "person-name", "与个人信息同现的自然人姓名", Severity.INFO,
        _BASE + "；参照《最高人民法院关于人民法院在互联网公布裁判文书的规定》（隐名处理：保留姓氏，名字以“某”代替）",
        tags=("个人隐私",),
        description="与身份证号码、手机号码、住址、健康信息等同一行出现的自然人姓名（提示级别，供脱敏时隐名）。"
                    "与职务相连的公职人员姓名不报告。",
    ),
    RuleInfo(
        "weak-mask", "脱敏不充分", Severity.WARN,
        _BASE + "；《中华人民共和国个人信息保护法》第七十三条（去标识化）",
        tags=("个人隐私", "脱敏"),
        description="已脱敏的身份证号码仍露出出生日期、手机号码露出超过 3+4 位，或同一号码的两种脱敏结果合并后露出出生日期。",
    ),
)


@hookimpl
def gkrules_checkers():
    yield CheckerSpec(
        id="personal-info",
        factory=PersonalInfoChecker,
        rules=RULES,
        params=PersonalInfoParams,
        description="个人信息（个人隐私）：身份证号码、手机号码、银行卡号、邮箱、证件、号牌、住址、健康信息等",
    )
