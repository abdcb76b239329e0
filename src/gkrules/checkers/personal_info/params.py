"""Rule-set parameters of the personal-info checker.

The national rule set (``rulesets/national/checkers/personal-info.yaml``) spells out every
value; word lists are the text files of ``rulesets/national/words/personal-info/``. The
Python defaults read those same files, so there is one copy of each list.
"""

from __future__ import annotations

from functools import cache

from attrs import field, frozen

from gkrules.model import Severity

WORDS_DIR = ("national", "words", "personal-info")


@cache
def bundled_words(name: str) -> tuple[str, ...]:
    """The lines of a bundled word list (blank lines and ``#`` comments skipped)."""
    from gkrules.ruleset.bundled import bundled_rulesets_dir

    path = bundled_rulesets_dir().joinpath(*WORDS_DIR, f"{name}.txt")
    out = []
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return tuple(out)


def _words(name: str):
    return field(factory=lambda: bundled_words(name))


@frozen
class Cues:
    """Cue words by role (each list is a file of the rule set)."""

    #: labels of a resident ID number (身份证号码, 公民身份号码…)
    id_card: tuple[str, ...] = _words("id-card-cues")
    #: labels of a telephone number (手机, 联系电话…)
    phone: tuple[str, ...] = _words("phone-cues")
    #: labels of serial numbers that look like phone numbers (项目编号, 流水号…)
    serial: tuple[str, ...] = _words("serial-cues")
    #: words that make a number an amount or a count (金额, 元, 万元…)
    amount: tuple[str, ...] = _words("amount-cues")
    #: units of measure right after a number (元, 千瓦时, 户, 人次…): a quantity, not a phone
    unit: tuple[str, ...] = _words("unit-words")
    #: a natural person who is a party (当事人, 申请人, 举报人, 患者…)
    party: tuple[str, ...] = _words("party-cues")
    #: a work contact named in a notice (联系人, 经办人…)
    contact: tuple[str, ...] = _words("contact-cues")
    #: an office's public contact (办公电话, 值班电话, 咨询电话, 传真…)
    office: tuple[str, ...] = _words("office-cues")
    #: labels of a bank card or account (银行卡, 卡号, 账号, 开户行…)
    card: tuple[str, ...] = _words("card-cues")
    #: an organisation's account (户名 + organisation, 对公账户, 收款单位…)
    org_account: tuple[str, ...] = _words("org-account-cues")
    #: labels of an organisation code (统一社会信用代码, 索引号…)
    org_code: tuple[str, ...] = _words("org-code-cues")
    #: a private landline (家庭电话, 住宅电话…)
    private_phone: tuple[str, ...] = _words("private-phone-cues")
    #: labels of an e-mail address (邮箱, 电子邮件, E-mail…)
    mail: tuple[str, ...] = _words("mail-cues")
    #: a personal mailbox (个人邮箱…)
    personal_mail: tuple[str, ...] = _words("personal-mail-cues")
    #: an office mailbox (单位邮箱, 办公邮箱, 投稿邮箱…)
    office_mail: tuple[str, ...] = _words("office-mail-cues")
    #: labels of a passport number
    passport: tuple[str, ...] = _words("passport-cues")
    #: labels of travel permits (回乡证, 往来港澳通行证, 台胞证…)
    travel_permit: tuple[str, ...] = _words("travel-permit-cues")
    #: labels of a vehicle plate (车牌, 号牌…)
    plate: tuple[str, ...] = _words("plate-cues")
    #: official vehicles, whose plates are not personal (公务用车, 执法车辆…)
    official_vehicle: tuple[str, ...] = _words("official-vehicle-cues")
    #: labels of social-security and medical-insurance numbers
    social_security: tuple[str, ...] = _words("social-security-cues")
    #: labels of a natural person's home address (家庭住址, 户籍地…)
    home_address: tuple[str, ...] = _words("home-address-cues")
    #: address labels that are a home address only when a natural person who is a party owns
    #: them (申请人…，通讯地址：…); an office's 通讯地址 or a company's 住所 are public
    party_address: tuple[str, ...] = _words("party-address-cues")
    #: labels of a birth date (出生日期, 出生年月, 生于…)
    birth: tuple[str, ...] = _words("birth-cues")
    #: documents that publish birth dates by rule (任前公示, 拟录用…)
    appointment: tuple[str, ...] = _words("appointment-cues")
    #: health and medical terms (尿毒症, 确诊, 住院…)
    health: tuple[str, ...] = _words("health-terms")
    #: family relations that tie a statement to a person (本人, 配偶, 子女…)
    relation: tuple[str, ...] = _words("relation-cues")
    #: words before a person's name (姓名, 申请人, 联系人…)
    name_before: tuple[str, ...] = _words("name-before-cues")
    #: words after a person's name (同志, 先生, 女士)
    name_after: tuple[str, ...] = _words("name-after-cues")
    #: official titles: a name next to one is an official in a role (局长, 主任…)
    official_title: tuple[str, ...] = _words("official-titles")
    #: last characters of organisation names (局, 公司, 中心, 科, 股…)
    org_suffix: tuple[str, ...] = _words("org-suffixes")
    #: single-character surnames (a name is recognised only next to a cue)
    surname: tuple[str, ...] = _words("surnames")
    #: compound surnames (欧阳, 司马…)
    compound_surname: tuple[str, ...] = _words("compound-surnames")


@frozen
class Windows:
    """How many characters around a value count as its context (same line only)."""

    #: before the value: where a label or cue word counts
    before: int = 16
    #: after the value (units such as 元, cues such as 同志)
    after: int = 6
    #: the whole line, this far back, for who the person is (当事人, 申请人…)
    party: int = 60
    #: the most characters between a label and a value that needs one (passport, permits)
    label_gap: int = 6
    #: the longest home address read after its label
    address: int = 60


@frozen
class MaskSpec:
    keep_head: int
    keep_tail: int


@frozen
class Masks:
    """What a mask keeps visible, in letters or digits (evidence and redaction alike)."""

    id_card: MaskSpec = MaskSpec(2, 3)           # 35*************123 (永安市 model)
    id_card_legacy: MaskSpec = MaskSpec(2, 3)
    mobile: MaskSpec = MaskSpec(3, 4)            # 138****1234
    landline: MaskSpec = MaskSpec(4, 2)          # 0739-*****06
    bank_card: MaskSpec = MaskSpec(0, 4)         # ***************5222
    passport: MaskSpec = MaskSpec(1, 2)
    travel_permit: MaskSpec = MaskSpec(1, 2)
    plate: MaskSpec = MaskSpec(2, 0)             # 湘E·*****
    social_security: MaskSpec = MaskSpec(2, 2)
    #: e-mail: characters of the local part kept (the domain stays)
    email_local: int = 1


@frozen
class MailDomains:
    #: domains (and their subdomains) of public bodies: office mailboxes, never personal
    institutional: tuple[str, ...] = _words("institutional-mail-domains")
    #: free-mail providers: a mailbox there belongs to a person unless the text names a unit
    personal: tuple[str, ...] = _words("personal-mail-domains")


@frozen
class PersonalInfoParams:
    cues: Cues = field(factory=Cues)
    windows: Windows = field(factory=Windows)
    masks: Masks = field(factory=Masks)
    mail_domains: MailDomains = field(factory=MailDomains)
    #: allocated 3-digit mobile network codes (MIIT table; 140–144 are 13-digit IoT numbers)
    mobile_prefixes: tuple[str, ...] = _words("mobile-prefixes")
    #: province prefixes of GB/T 2260 address codes that a resident ID number may start with
    id_provinces: tuple[str, ...] = _words("id-provinces")
    #: card-scheme prefixes of personal payment cards (UnionPay 62, Visa 4…)
    card_prefixes: tuple[str, ...] = _words("card-prefixes")
    #: earliest birth year of a valid ID number (the standard's own vector is born 1880)
    min_birth_year: int = 1800
    #: severity of a phone number, home address or e-mail of a party (当事人, 申请人…) or of
    #: any natural person in a published penalty decision (浙江办法第七条)
    party_severity: Severity = Severity.BLOCK
    #: severity of a mobile number given for a work contact (联系人、经办人) in a notice, for an
    #: organisation or under an office label (咨询电话), and of a work contact's free-mail
    #: mailbox: it may be the clerk's own, but it is given for the office's business
    contact_severity: Severity = Severity.INFO
