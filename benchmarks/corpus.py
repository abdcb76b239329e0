"""A deterministic generator of realistic Chinese statistics-bureau documents, for benchmarks.

Stable API (other benchmarks import it; keep these signatures)::

    from benchmarks.corpus import generate, generate_documents, write_corpus

    generate(total_mb: float, seed: int = 0) -> list[tuple[str, str]]
        (file name, text) pairs whose UTF-8 size adds up to at least ``total_mb`` × 10^6 bytes.
        The same (total_mb, seed) always gives the same documents.

    generate_documents(total_mb: float, seed: int = 0) -> list[GeneratedDocument]
        The same documents with their kind and what was planted in them:
        ``GeneratedDocument(name, text, kind, planted)``; ``planted`` is a tuple of
        ``Planted(kind, start, end, value)`` with code-point offsets into ``text``.
        Planted kinds: ``secrecy-mark``, ``fenhao``, ``internal-label``, ``id-number``,
        ``mobile``, ``email``, ``bank-card``, ``small-count-row``.

    write_corpus(folder, total_mb: float, seed: int = 0) -> list[Path]
        Writes the documents as UTF-8 ``.txt`` files into ``folder``.

Command line::

    python benchmarks/corpus.py OUT_DIR --mb 20 [--seed 0]

Document kinds (``GeneratedDocument.kind``), in roughly the proportions a bureau's portal has:

* ``notice`` — a 通知 with a GB/T 9704-2012 head (发文机关标志, 发文字号 〔2025〕N号, 标题, 主送),
  numbered sections, 成文日期, 附注 （此件主动公开）, and a 版记 (抄送, 印发);
* ``release`` — a statistics release (统计公报 / 经济运行情况) with pipe tables of figures and
  percentages, and a 注 line under the table; some carry a table of units per township with
  small counts (1 or 2 units: a disclosure-control case);
* ``penalty`` — an administrative penalty decision (行政处罚决定书) naming a company, its credit
  code, its legal representative, an address, a contact mobile, sometimes a natural person's
  ID number;
* ``plan`` — a work plan or summary (工作方案 / 工作要点 / 工作总结) with 一、（一）1. lists and
  contact lines (phone, e-mail), and sometimes a bank account for fees.

About 3 % of documents carry a 国家秘密标志 in the head (some with a 份号), about 1 % a 份号
without a 密级, and about 5 % an internal-use label (内部资料 注意保存…). Every ID number has a
valid GB 11643 check digit and every bank card a valid Luhn digit. Documents also contain the
hard negatives of the checkers: regulations citing 秘密/机密/绝密, 商业秘密, 保守国家秘密法.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Callable
from pathlib import Path

from attrs import frozen


@frozen
class Planted:
    kind: str
    start: int
    end: int
    value: str


@frozen
class GeneratedDocument:
    name: str
    text: str
    kind: str
    planted: tuple[Planted, ...] = ()


# -- vocabulary ----------------------------------------------------------------------------

CITIES = ["青梧", "澜江", "栖凤", "云岭", "临川", "柏溪", "望海", "丹枫", "石泉", "白鹭"]
COUNTIES = ["东城区", "西湖区", "栖凤区", "南屏县", "云岭县", "柳江县", "梅溪镇", "石门县", "安平县", "龙泉市"]
TOWNS = ["城关镇", "桥头镇", "新塘镇", "沙河镇", "白石乡", "青山镇", "柳林乡", "河口镇", "花溪街道", "东关街道"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰海燕丹晨宇浩然子涵欣怡梓萱"
PINYIN = ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu"]
MAIL_HOSTS = ["163.com", "126.com", "qq.com", "sina.com", "foxmail.com"]
COMPANY_WORDS = ["鑫达", "恒丰", "宏远", "华盛", "瑞祥", "永安", "金桥", "顺通", "佳禾", "天成", "博源", "润泽"]
COMPANY_TRADES = ["建材", "商贸", "物流", "食品", "机械制造", "电子科技", "农业开发", "纺织", "化工", "房地产开发"]
INDUSTRIES = ["农林牧渔业", "工业", "建筑业", "批发和零售业", "交通运输、仓储和邮政业", "住宿和餐饮业",
              "金融业", "房地产业", "信息传输、软件和信息技术服务业", "租赁和商务服务业"]
INDICATORS = [("地区生产总值", "亿元"), ("规模以上工业增加值", "亿元"), ("固定资产投资", "亿元"),
              ("社会消费品零售总额", "亿元"), ("一般公共预算收入", "亿元"), ("城镇居民人均可支配收入", "元"),
              ("农村居民人均可支配收入", "元"), ("居民消费价格指数", "%"), ("粮食总产量", "万吨"),
              ("进出口总额", "亿元"), ("金融机构本外币存款余额", "亿元"), ("城镇新增就业人数", "万人")]
AREA_CODES = ["110101", "110105", "310104", "320102", "330106", "350203", "370202", "420106", "440305",
              "500103", "510107", "530102", "610113", "650102", "210102", "230103"]
AREA_ADDRESS = ["人民路", "建设大道", "解放北路", "滨江路", "青年路", "文化街", "长江中路", "新华路"]
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "155", "156",
                   "157", "158", "159", "166", "177", "180", "181", "186", "187", "188", "189", "199"]
BANK_PREFIXES = ["622202", "622848", "621700", "622588", "622700", "621226", "622609"]
INTERNAL_LABELS = ["内部资料　注意保存", "内部资料　严禁外传", "内部文件", "工作秘密", "内部使用", "内部参考",
                   "（此件不得翻印）", "注意保密"]
SECRECY = ["秘密★1年", "秘密★6个月", "机密★1年", "机密★5年", "秘密", "绝密★长期", "机密★2026年12月31日"]
URGENCY = ["特急", "加急", "平急"]
ANNEX_TITLES = ["统计调查项目表", "主要指标解释", "工作进度安排表", "联系人名单", "数据报送要求"]

TOPICS = ["统计调查", "统计执法检查", "统计数据质量", "政务公开", "统计信用体系建设", "经济普查", "人口抽样调查",
          "农业普查", "统计法治宣传", "统计信息化建设", "统计业务培训", "统计资料开发", "统计年鉴编纂"]
VERBS = ["进一步加强", "切实做好", "认真组织", "扎实推进", "全面落实", "持续深化", "统筹推进", "稳步开展"]
GOALS = ["统计数据真实准确完整及时", "统计工作高质量发展", "政务信息公开透明", "统计服务能力不断提升",
         "依法统计、依法治统", "统计基础工作规范化", "统计监督职能有效发挥"]
MEASURES = ["建立健全工作台账", "明确责任分工", "加强督促检查", "强化源头数据质量控制", "完善数据审核机制",
            "开展业务培训", "做好舆情监测和回应", "落实保密审查制度", "严格执行统计调查制度", "规范原始记录和统计台账"]


class _Writer:
    """Builds a text and records where planted items are."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.planted: list[Planted] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def plant(self, kind: str, value: str) -> None:
        self.planted.append(Planted(kind, self.length, self.length + len(value), value))
        self.add(value)

    def line(self, text: str = "") -> None:
        self.add(text + "\n")

    def text(self) -> str:
        return "".join(self.parts)


# -- personal and unit data with valid check digits ----------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_digit(first17: str) -> str:
    """GB 11643-1999 (ISO 7064 MOD 11-2) check digit of a resident ID number."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def luhn_digit(partial: str) -> str:
    """The Luhn check digit that makes ``partial + digit`` valid."""
    total = 0
    for i, ch in enumerate(reversed(partial)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def fake_id(rng: random.Random) -> str:
    body = (rng.choice(AREA_CODES) + f"{rng.randint(1955, 2003)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            + f"{rng.randint(0, 999):03d}")
    return body + id_check_digit(body)


def fake_mobile(rng: random.Random) -> str:
    return rng.choice(MOBILE_PREFIXES) + f"{rng.randint(0, 99999999):08d}"


def fake_card(rng: random.Random) -> str:
    n = rng.choice((16, 19))
    partial = rng.choice(BANK_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(n - 7))
    return partial + luhn_digit(partial)


def fake_email(rng: random.Random) -> str:
    return f"{rng.choice(PINYIN)}{rng.choice(PINYIN)}{rng.randint(1, 9999)}@{rng.choice(MAIL_HOSTS)}"


def fake_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def fake_company(rng: random.Random, city: str) -> str:
    return f"{city}市{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_TRADES)}有限公司"


_CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def fake_credit_code(rng: random.Random) -> str:
    return "91" + rng.choice(AREA_CODES) + "".join(rng.choice(_CREDIT_CHARS) for _ in range(10))


def _cn_date(year: int, month: int, day: int) -> str:
    return f"{year}年{month}月{day}日"


# -- prose ----------------------------------------------------------------------------------

def _sentence(rng: random.Random, city: str) -> str:
    """One sentence of bureau prose; about one in ten is a legal citation that mentions 秘密
    or 个人信息 (the checkers' hard negatives)."""
    r = rng.random
    year = rng.randint(2019, 2025)
    t = rng.randrange(20)
    if t == 0:
        return f"各地各部门要{rng.choice(VERBS)}{rng.choice(TOPICS)}工作，确保{rng.choice(GOALS)}。"
    if t == 1:
        return (f"{rng.choice(COUNTIES)}统计局要{rng.choice(MEASURES)}，{rng.choice(MEASURES)}，"
                f"于{rng.randint(1, 12)}月{rng.randint(1, 28)}日前将工作情况报送市统计局。")
    if t in (2, 3):
        return (f"{year}年，全市{rng.choice(INDICATORS)[0]}同比增长{r() * 15 - 3:.1f}%，"
                f"增速比上年{rng.choice(['加快', '回落'])}{r() * 3 + 0.1:.1f}个百分点。")
    if t == 4:
        return ("对调查中获得的能够识别或者推断单个统计调查对象身份的资料，任何单位和个人不得对外提供、泄露，"
                "不得用于统计以外的目的。")
    if t == 5:
        return (f"严格执行《中华人民共和国保守国家秘密法》，坚持“涉密不上网，上网不涉密”，"
                f"对拟公开的信息{rng.choice(['逐条', '逐件'])}进行保密审查。")
    if t == 6:
        return f"以{rng.choice(TOPICS)}为抓手，{rng.choice(VERBS)}{rng.choice(TOPICS)}，推动{rng.choice(GOALS)}。"
    if t == 7:
        return (f"{city}市共有{rng.choice(INDUSTRIES)}法人单位{rng.randint(120, 9800)}个，"
                f"比{year - 1}年末增长{r() * 30 + 0.5:.1f}%。")
    if t == 8:
        return (f"截至{year}年{rng.randint(1, 12)}月底，全市共完成{rng.choice(TOPICS)}样本单位{rng.randint(300, 20000)}个，"
                f"完成率{r() * 5 + 95:.1f}%。")
    if t == 9:
        return (f"{rng.choice(COUNTIES)}统计局组织开展{rng.choice(TOPICS)}专项检查，共检查调查对象{rng.randint(10, 400)}家，"
                f"发现问题{rng.randint(1, 60)}个，已全部督促整改到位。")
    if t == 10:
        return (f"根据《{city}市{year}年政务公开工作要点》要求，{rng.choice(VERBS)}{rng.choice(TOPICS)}信息公开，"
                f"全年主动公开政府信息{rng.randint(80, 900)}条，受理政府信息公开申请{rng.randint(0, 40)}件，均在法定期限内答复。")
    if t == 11:
        return (f"从{rng.choice(INDUSTRIES)}看，实现增加值{r() * 900 + 20:.2f}亿元，增长{r() * 10 - 1:.1f}%，"
                f"拉动全市经济增长{r() * 2:.1f}个百分点。")
    if t == 12:
        return (f"{rng.randint(1, 12)}月份，全市居民消费价格同比上涨{r() * 3:.1f}%，其中食品烟酒类价格上涨{r() * 5:.1f}%，"
                f"衣着类价格{rng.choice(['上涨', '下降'])}{r() * 2:.1f}%。")
    if t == 13:
        return (f"全年组织召开{rng.choice(TOPICS)}工作推进会{rng.randint(2, 12)}次，培训基层统计人员"
                f"{rng.randint(100, 3000)}人次，印发工作简报{rng.randint(4, 40)}期。")
    if t == 14:
        return (f"对{rng.choice(TOPICS)}中发现的问题，要建立问题清单、整改清单和责任清单，做到立行立改、"
                f"举一反三。")
    if t == 15:
        return (f"全市规模以上工业企业实现营业收入{r() * 9000 + 100:.1f}亿元，同比增长{r() * 12:.1f}%；"
                f"实现利润总额{r() * 600 + 10:.1f}亿元，{rng.choice(['增长', '下降'])}{r() * 15:.1f}%。")
    if t == 16:
        return ("统计机构和统计人员对在统计工作中知悉的国家秘密、工作秘密、商业秘密、个人隐私和个人信息，"
                "应当予以保密。")
    if t == 17:
        return (f"年末全市常住人口{r() * 900 + 100:.2f}万人，比上年末{rng.choice(['增加', '减少'])}"
                f"{r() * 5:.2f}万人，城镇化率{r() * 30 + 50:.2f}%。")
    if t == 18:
        return (f"{rng.choice(COUNTIES)}、{rng.choice(COUNTIES)}等地{rng.choice(VERBS)}{rng.choice(TOPICS)}，"
                f"{rng.choice(MEASURES)}，取得明显成效。")
    return (f"坚持把{rng.choice(TOPICS)}作为{rng.choice(['重要任务', '重点工作', '基础性工作'])}，"
            f"{rng.choice(MEASURES)}，{rng.choice(MEASURES)}。")


def _paragraph(rng: random.Random, city: str, n: tuple[int, int] = (2, 6)) -> str:
    return "　　" + "".join(_sentence(rng, city) for _ in range(rng.randint(*n)))


_CN_NUM = "一二三四五六七八九十"


def _head(w: _Writer, rng: random.Random, city: str, issuer: str, year: int, marks: dict[str, float]) -> None:
    roll = rng.random()
    if roll < marks["secrecy"]:
        if rng.random() < 0.6:
            w.plant("fenhao", f"{rng.randint(1, 999999):06d}")
            w.line()
        w.plant("secrecy-mark", rng.choice(SECRECY))
        w.line()
        if rng.random() < 0.5:
            w.line(rng.choice(URGENCY))
        w.line()
    elif roll < marks["secrecy"] + marks["fenhao"]:
        w.plant("fenhao", f"{rng.randint(1, 999999):06d}")
        w.line()
        w.line(rng.choice(URGENCY))
        w.line()
    elif roll < marks["secrecy"] + marks["fenhao"] + marks["label"]:
        w.plant("internal-label", rng.choice(INTERNAL_LABELS))
        w.line()
        w.line()
    w.line(f"{issuer}文件")
    w.line()
    w.line(f"{city[0]}统字〔{year}〕{rng.randint(1, 150)}号")
    w.line()


def _tail(w: _Writer, rng: random.Random, issuer: str, year: int) -> None:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    w.line()
    w.line(f"　　附件：{rng.choice(ANNEX_TITLES)}")
    w.line()
    w.line(f"{issuer}")
    w.line(_cn_date(year, month, day))
    w.line(rng.choice(["（此件主动公开）", "（此件公开发布）", "（此件依申请公开）"]))
    w.line()
    w.line("抄送：市委办公室，市人大常委会办公室，市政府办公室，市政协办公室。")
    w.line(f"{issuer}办公室　　　　　　　　　　{_cn_date(year, month, min(day + 1, 28))}印发")


def _notice(rng: random.Random, idx: int, marks: dict[str, float]) -> GeneratedDocument:
    city = rng.choice(CITIES)
    year = rng.randint(2019, 2025)
    issuer = f"{city}市统计局"
    topic = rng.choice(TOPICS)
    w = _Writer()
    _head(w, rng, city, issuer, year, marks)
    w.line(f"{issuer}关于{rng.choice(VERBS)}{year}年{topic}工作的通知")
    w.line()
    w.line("各区（县）统计局，市级有关部门：")
    w.line(f"　　为{rng.choice(VERBS)}{topic}工作，根据《中华人民共和国统计法》和《{city}市统计管理条例》有关规定，"
           f"现就有关事项通知如下。")
    for i in range(rng.randint(3, 7)):
        w.line(f"　　{_CN_NUM[i]}、{rng.choice(MEASURES)}")
        for j in range(rng.randint(1, 3)):
            w.line(f"　　（{_CN_NUM[j]}）{rng.choice(VERBS)}{rng.choice(TOPICS)}。" + _paragraph(rng, city, (1, 4)).strip())
    if rng.random() < 0.5:
        w.add(f"　　联系人：{fake_name(rng)}，联系电话：0{rng.randint(10, 999)}-{rng.randint(2000000, 89999999)}，手机：")
        w.plant("mobile", fake_mobile(rng))
        w.add("，电子邮箱：")
        w.plant("email", fake_email(rng))
        w.line("。")
    _tail(w, rng, issuer, year)
    return GeneratedDocument(f"{idx:05d}-notice.txt", w.text(), "notice", tuple(w.planted))


def _table(w: _Writer, rng: random.Random, rows: int, year: int) -> None:
    w.line(f"| 指标 | 单位 | {year}年 | 比上年增长（%） |")
    w.line("| --- | --- | ---: | ---: |")
    for name, unit in rng.sample(INDICATORS, min(rows, len(INDICATORS))):
        value = f"{rng.uniform(10, 99999):,.1f}" if unit != "%" else f"{rng.uniform(98, 104):.1f}"
        w.line(f"| {name} | {unit} | {value} | {rng.uniform(-5, 15):.1f} |")


def _release(rng: random.Random, idx: int, marks: dict[str, float]) -> GeneratedDocument:
    city = rng.choice(CITIES)
    year = rng.randint(2019, 2025)
    w = _Writer()
    if rng.random() < marks["label"]:
        w.plant("internal-label", rng.choice(INTERNAL_LABELS))
        w.line()
        w.line()
    title = rng.choice([f"{city}市{year}年国民经济和社会发展统计公报", f"{year}年前三季度{city}市经济运行情况",
                        f"{year}年{city}市{rng.choice(INDUSTRIES)}发展情况分析"])
    w.line(title)
    w.line()
    w.line(f"{city}市统计局　国家统计局{city}调查队")
    w.line(_cn_date(year + 1, rng.randint(1, 4), rng.randint(1, 28)))
    w.line()
    for i in range(rng.randint(3, 6)):
        w.line(f"　　{_CN_NUM[i]}、{rng.choice(INDUSTRIES)}")
        for _ in range(rng.randint(1, 3)):
            w.line(_paragraph(rng, city, (2, 5)))
        if rng.random() < 0.6:
            w.line()
            w.line(f"表{i + 1}　{year}年主要指标")
            w.line()
            _table(w, rng, rng.randint(4, 10), year)
            w.line()
            w.line("注：本表绝对数按现价计算，增长速度按不变价格计算。")
            w.line()
    if rng.random() < 0.25:  # units per township: the cells with 1 or 2 units identify respondents
        w.line(f"附表　{year}年各乡镇规模以上工业企业情况")
        w.line()
        w.line("| 乡镇 | 企业数（个） | 营业收入（万元） | 利润总额（万元） |")
        w.line("| --- | ---: | ---: | ---: |")
        for town in rng.sample(TOWNS, rng.randint(4, 8)):
            n = rng.choice((1, 2, 3, 5, 8, 12, 17, 26))
            row = f"| {town} | {n} | {rng.randint(800, 900000):,} | {rng.randint(-500, 90000):,} |"
            if n < 3:
                w.plant("small-count-row", row)
                w.line()
            else:
                w.line(row)
        w.line()
    w.line("　　附注：")
    w.line("　　1.本公报中数据均为初步统计数，各项统计数据均未包括香港特别行政区、澳门特别行政区和台湾省。")
    w.line("　　2.地区生产总值、各产业增加值绝对数按现价计算，增长速度按不变价格计算。")
    return GeneratedDocument(f"{idx:05d}-release.txt", w.text(), "release", tuple(w.planted))


def _penalty(rng: random.Random, idx: int, marks: dict[str, float]) -> GeneratedDocument:
    city = rng.choice(CITIES)
    year = rng.randint(2020, 2025)
    issuer = f"{city}市统计局"
    w = _Writer()
    w.line(f"{issuer}行政处罚决定书")
    w.line(f"{city[0]}统罚决字〔{year}〕{rng.randint(1, 60)}号")
    w.line()
    company = fake_company(rng, city)
    w.line(f"当事人：{company}")
    w.line(f"统一社会信用代码：{fake_credit_code(rng)}")
    w.line(f"法定代表人：{fake_name(rng)}")
    w.line(f"地址：{city}市{rng.choice(COUNTIES)}{rng.choice(AREA_ADDRESS)}{rng.randint(1, 999)}号")
    w.add("联系电话：")
    w.plant("mobile", fake_mobile(rng))
    w.line()
    if rng.random() < 0.3:
        w.add(f"委托代理人：{fake_name(rng)}，身份证号码：")
        w.plant("id-number", fake_id(rng))
        w.line()
    w.line()
    month = rng.randint(1, 10)
    w.line(f"　　{year}年{month}月{rng.randint(1, 28)}日，本局依法对你单位{year - 1}年统计数据开展统计执法检查。"
           f"经查，你单位存在以下违法行为：")
    w.line(f"　　{year - 1}年{rng.choice(['营业收入', '从业人员期末人数', '工业总产值'])}上报数为"
           f"{rng.randint(1000, 90000)}万元，核实数为{rng.randint(100, 9000)}万元，多报{rng.randint(100, 9000)}万元，"
           f"偏差率{rng.uniform(20, 900):.2f}%。")
    w.line("　　以上事实有统计报表、财务报表、询问笔录、现场检查笔录等证据证明。")
    w.line("　　你单位的上述行为违反了《中华人民共和国统计法》第七条的规定，构成提供不真实统计资料的违法行为。"
           "依据《中华人民共和国统计法》第四十四条第一款第（一）项的规定，本局决定对你单位作出如下行政处罚：")
    w.line(f"　　{rng.choice(['警告', '警告，并处罚款人民币' + str(rng.randint(1, 20)) + '万元'])}。")
    w.line("　　罚款应自收到本决定书之日起十五日内缴至指定银行。收款账号：")
    if rng.random() < 0.5:
        w.plant("bank-card", fake_card(rng))
        w.line()
    else:
        w.line(f"{rng.randint(10**15, 10**16 - 1)}（{city}市财政局非税收入汇缴结算户）")
    w.line(f"　　如不服本决定，可以在收到本决定书之日起六十日内向{city}市人民政府申请行政复议，"
           f"或者在六个月内向{rng.choice(COUNTIES)}人民法院提起行政诉讼。")
    w.line()
    w.line(issuer)
    w.line(_cn_date(year, month + 1, rng.randint(1, 28)))
    return GeneratedDocument(f"{idx:05d}-penalty.txt", w.text(), "penalty", tuple(w.planted))


def _plan(rng: random.Random, idx: int, marks: dict[str, float]) -> GeneratedDocument:
    city = rng.choice(CITIES)
    year = rng.randint(2019, 2025)
    issuer = f"{city}市统计局"
    w = _Writer()
    if rng.random() < 0.5:
        _head(w, rng, city, issuer, year, marks)
    elif rng.random() < marks["label"]:
        w.plant("internal-label", rng.choice(INTERNAL_LABELS))
        w.line()
        w.line()
    kind = rng.choice(["工作方案", "工作要点", "工作总结", "实施方案"])
    w.line(f"{issuer}{year}年{rng.choice(TOPICS)}{kind}")
    w.line()
    w.line(_paragraph(rng, city, (2, 4)))
    for i in range(rng.randint(3, 8)):
        w.line(f"　　{_CN_NUM[i]}、{rng.choice(MEASURES)}")
        for j in range(rng.randint(1, 4)):
            w.line(f"　　（{_CN_NUM[j]}）{rng.choice(MEASURES)}。" + _paragraph(rng, city, (1, 3)).strip())
            for k in range(rng.randint(0, 3)):
                w.line(f"　　{k + 1}.{_sentence(rng, city)}（责任单位：{rng.choice(COUNTIES)}统计局）")
    w.line(f"　　{_CN_NUM[min(i + 1, 9)]}、工作要求")
    w.line("　　各单位要高度重视，严格执行保密规定：涉及国家秘密的统计资料按秘密、机密、绝密分级管理，"
           "对涉及商业秘密和个人信息的资料不得公开。")
    if rng.random() < 0.6:
        w.add(f"　　联系人：{fake_name(rng)}，手机：")
        w.plant("mobile", fake_mobile(rng))
        w.add("，邮箱：")
        w.plant("email", fake_email(rng))
        w.line("。")
    if rng.random() < 0.15:
        w.add(f"　　培训费用请汇至：{city}市统计学会，开户银行：中国工商银行{city}分行，账号：")
        w.plant("bank-card", fake_card(rng))
        w.line("。")
    if rng.random() < 0.3:
        _tail(w, rng, issuer, year)
    return GeneratedDocument(f"{idx:05d}-plan.txt", w.text(), "plan", tuple(w.planted))


_KINDS: tuple[tuple[Callable[[random.Random, int, dict[str, float]], GeneratedDocument], float], ...] = (
    (_notice, 0.35), (_release, 0.30), (_penalty, 0.15), (_plan, 0.20))
_MARK_RATES = {"secrecy": 0.03, "fenhao": 0.01, "label": 0.05}


def generate_documents(total_mb: float, seed: int = 0) -> list[GeneratedDocument]:
    """Documents whose UTF-8 size adds up to at least ``total_mb`` × 10^6 bytes."""
    if total_mb <= 0:
        raise ValueError("total_mb must be positive")
    rng = random.Random(seed)
    target = int(total_mb * 1_000_000)
    makers = [k for k, _ in _KINDS]
    weights = [p for _, p in _KINDS]
    docs: list[GeneratedDocument] = []
    size = 0
    while size < target:
        maker = rng.choices(makers, weights)[0]
        doc = maker(rng, len(docs), _MARK_RATES)
        docs.append(doc)
        size += len(doc.text.encode("utf-8"))
    return docs


def generate(total_mb: float, seed: int = 0) -> list[tuple[str, str]]:
    """(name, text) pairs whose UTF-8 size adds up to at least ``total_mb`` × 10^6 bytes."""
    return [(d.name, d.text) for d in generate_documents(total_mb, seed)]


def write_corpus(folder: str | Path, total_mb: float, seed: int = 0) -> list[Path]:
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(total_mb, seed):
        p = out / name
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="生成用于性能测试的统计局文件语料（确定性：同样的参数得到同样的文件）")
    ap.add_argument("folder", help="输出目录")
    ap.add_argument("--mb", type=float, default=20.0, help="总大小（UTF-8，百万字节；默认 20）")
    ap.add_argument("--seed", type=int, default=0, help="随机种子（默认 0）")
    args = ap.parse_args(argv)
    paths = write_corpus(args.folder, args.mb, args.seed)
    total = sum(p.stat().st_size for p in paths)
    print(f"已生成 {len(paths)} 个文件，共 {total / 1e6:.2f} MB：{args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
