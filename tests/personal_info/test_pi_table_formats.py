"""Personal data in table columns and across line breaks, in every format gkrules reads.

Generated variants plant valid ID numbers (python-stdnum check characters), mobiles, bank
cards (Luhn) and home addresses into the table shapes of relief, subsidy and recruitment
lists, under the column headers bureaus use, in CSV, xlsx, docx, HTML, text tables and PDF;
each value must be found, redacted where gkrules writes a masked copy, and appear raw in no
output. Hard negatives in the same formats: office hotlines, 统一社会信用代码, statistical
division and industry codes, and the names of office-holders in a 领导分工 table.
"""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from pi_formats import EXT, FORMATS, render
from pi_helpers import TODAY, make_card, make_id
from stdnum.cn import uscc

import gkrules
from gkrules.cli import main
from gkrules.engine import Engine
from gkrules.redact import default_report_path

ENGINE = Engine()
REDACTED_FORMATS = ("csv", "html", "txt", "tsv")

REGIONS = ("430102", "110105", "330106", "440305", "510104", "610113", "230103", "350203")
NAMES = ("王建国", "李秀英", "张桂兰", "刘志强", "陈丽华", "杨文博", "赵淑珍", "黄海涛")
ROADS = ("幸福路", "和平街", "建设路", "解放大道", "人民南路")
ID_HEADERS = ("身份证号码", "公民身份号码", "身份证号", "证件号码")
ADDRESS_HEADERS = ("住址", "家庭住址", "现住址", "家庭地址", "户籍地址")
PHONE_HEADERS = ("联系电话", "手机号码", "手机")
CARD_HEADERS = ("银行卡号", "账号", "卡号", "一卡通账号")
TITLES = ("2025年第三季度临时救助对象公示", "2025年耕地地力保护补贴发放公示", "2025年城乡低保新增对象公示")


@st.composite
def people(draw):
    n = draw(st.integers(1, 3))
    out = []
    for k in range(n):
        born = draw(st.dates(dt.date(1940, 1, 1), dt.date(2005, 12, 31)))
        first17 = draw(st.sampled_from(REGIONS)) + born.strftime("%Y%m%d") + f"{draw(st.integers(0, 999)):03d}"
        mobile = draw(st.sampled_from(("139", "138", "186", "152", "177", "199"))) + \
            f"{draw(st.integers(0, 10**8 - 1)):08d}"
        if len(set(mobile[3:])) == 1:
            mobile = mobile[:-1] + ("1" if mobile[-1] != "1" else "2")
        card = make_card(draw(st.sampled_from(("6222", "6217", "6228"))) + f"{draw(st.integers(0, 10**14 - 1)):014d}")
        address = (draw(st.sampled_from(("澧州市城西区", "青梧市松岚区", "鹤汀县白沙镇"))) + draw(st.sampled_from(ROADS))
                   + f"{draw(st.integers(1, 999))}号" + draw(st.sampled_from(("", "3栋201室", "2单元502室"))))
        out.append({"name": NAMES[k], "id": make_id(first17), "mobile": mobile, "card": card, "address": address})
    return out


def _check(path):
    doc = ENGINE.prepare(path)
    result = ENGINE.check([path], today=TODAY).documents[0]
    assert not result.errors, [e.message for e in result.errors]
    return doc, [f for f in result.findings if f.checker == "personal-info"]


def _found(doc, fs) -> dict[str, set[str]]:
    """What each rule covers, as the characters of its span without spaces and line breaks."""
    out: dict[str, set[str]] = {}
    for f in fs:
        if f.severity.value in ("block", "warn"):
            span = doc.text[f.location.start:f.location.end]
            out.setdefault(f.rule, set()).add(re.sub(r"\s", "", span))
    return out


def _address_tail(address: str) -> str:
    """The part of a planted address below its district or township (what must be hidden)."""
    return re.split(r"区|镇", address, maxsplit=1)[1]


def _table(rows, headers):
    h_id, h_addr, h_phone, h_card = headers
    header = ["序号", "户主姓名", h_id, h_addr, h_phone, h_card, "金额（元）"]
    body = [[str(i), p["name"], p["id"], p["address"], p["mobile"], p["card"], "800"] for i, p in enumerate(rows, 1)]
    return header, body


def _raw_values(rows):
    return [v for p in rows for v in (p["id"], p["mobile"], p["card"], _address_tail(p["address"]))]


HEADERS = st.tuples(st.sampled_from(ID_HEADERS), st.sampled_from(ADDRESS_HEADERS), st.sampled_from(PHONE_HEADERS),
                    st.sampled_from(CARD_HEADERS))


@pytest.mark.slow
@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=4, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate], suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=people(), headers=HEADERS, title=st.sampled_from(TITLES))
def test_planted_columns_are_found_and_nothing_leaks(tmp_path_factory, fmt, rows, headers, title):
    folder = tmp_path_factory.mktemp(fmt)
    path = folder / f"名单.{EXT[fmt]}"
    header, body = _table(rows, headers)
    path.write_bytes(render(fmt, title, header, body, ["监督电话：0739-8231406"]))
    doc, fs = _check(path)
    found = _found(doc, fs)
    for p in rows:
        assert p["id"] in found.get("id-card", set()), (fmt, headers[0])
        assert p["mobile"] in found.get("mobile", set()), (fmt, headers[2])
        assert p["card"] in found.get("bank-card", set()), (fmt, headers[3])
        assert any(a in p["address"] and _address_tail(p["address"]) in a for a in found.get("home-address", ())), \
            (fmt, headers[1], p["address"])
    blob = json.dumps([[f.message, f.evidence, f.suggestion, f.basis, f.fingerprint] for f in fs], ensure_ascii=False)
    for raw in _raw_values(rows):
        assert raw not in blob
    assert "浙江" not in blob  # a relief list is no penalty decision: the general basis only
    if fmt in REDACTED_FORMATS:
        out = folder / "out"
        report = gkrules.redact([path], output=out, today=TODAY)
        assert report.complete
        copy = (out / path.name).read_text(encoding="utf-8-sig")
        for raw in _raw_values(rows):
            assert raw not in copy


# -- numbers wrapped across a line (in a cell or in prose) ---------------------------------------

ID = make_id("44030519881203462")
CARD = make_card("621700273100452186")
MOBILE = "13907391256"


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbers_wrapped_inside_cells_and_lines(tmp_path, fmt):
    if fmt in ("txt", "tsv", "pdf"):   # no line break inside a cell: the wrap is in the lines after the table
        header, body = ["序号", "姓名", "补贴金额（元）"], [["1", "王建国", "800"]]
        tail = [f"收款人王建国，银行卡号：{CARD[:12]}", f"{CARD[12:]}，公民身份号码：{ID[:10]}", f"{ID[10:]}。"]
    else:
        header = ["序号", "姓名", "公民身份号码", "银行卡号", "手机号码"]
        body = [["1", "王建国", f"{ID[:10]}\n{ID[10:]}", f"{CARD[:12]}\n{CARD[12:]}", f"{MOBILE[:7]}\n{MOBILE[7:]}"]]
        tail = []
    path = tmp_path / f"发放.{EXT[fmt]}"
    path.write_bytes(render(fmt, "2025年高龄津贴发放公示", header, body, tail))
    doc, fs = _check(path)
    found = _found(doc, fs)
    assert ID in found.get("id-card", set()) and CARD in found.get("bank-card", set()), (fmt, found, doc.text)
    if len(header) > 3:
        assert MOBILE in found.get("mobile", set()), (fmt, found)
    blob = json.dumps([[f.message, f.evidence, f.fingerprint] for f in fs], ensure_ascii=False)
    for raw in (ID, CARD, MOBILE, ID[:10], CARD[:12]):
        assert raw not in blob


# -- hard negatives ---------------------------------------------------------------------------

def _uscc(body17: str) -> str:
    return body17 + uscc.calc_check_digit(body17)


NEGATIVE_TABLES = {
    "hotlines": ("澧州市统计局科室联系电话", ["科室", "负责人", "办公电话", "传真"],
                 [["办公室", "周丽华", "0739-8826100", "0739-8826109"],
                  ["综合科", "陈敏", "0739-8826135", "0739-8826139"],
                  ["执法监督科", "李传平", "0739-8231406", "0739-8231409"]]),
    "leaders": ("澧州市统计局领导分工", ["姓名", "职务", "分工", "办公电话", "办公地址"],
                [["苏衡", "局长", "主持全面工作", "0739-8826101", "澧州市人民路1号行政中心302室"],
                 ["孙波", "副局长", "分管综合科、执法监督科", "0739-8826102", "澧州市人民路1号行政中心305室"],
                 ["周丽华", "科长", "负责办公室日常工作", "0739-8826103", "澧州市人民路1号行政中心308室"]]),
    "enterprises": ("2025年统计守信激励企业名单", ["序号", "企业名称", "统一社会信用代码", "法定代表人", "地址", "行业代码"],
                    [["1", "澧州市鹤城建材有限公司", _uscc("91430102071234567"), "王建国", "澧州市城西区工业园路8号", "C3011"],
                     ["2", "澧州市丹桂食品有限公司", _uscc("91430103MA4L00123"), "李秀英", "澧州市城东区食品路16号", "C1391"],
                     ["3", "澧州市梅林物流有限公司", _uscc("91430104MA4L00456"), "张桂兰", "澧州市鹤城区港口路2号", "G5438"]]),
    "division-codes": ("澧州市统计用区划代码和城乡划分代码", ["统计用区划代码", "城乡分类代码", "名称"],
                       [["430102001001", "111", "梅林社区居民委员会"],
                        ["430102001002", "111", "丹桂社区居民委员会"],
                        ["430102101201", "220", "建设村村民委员会"]]),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", sorted(NEGATIVE_TABLES))
def test_public_tables_are_not_personal_data(tmp_path, fmt, kind):
    title, header, rows = NEGATIVE_TABLES[kind]
    path = tmp_path / f"{kind}.{EXT[fmt]}"
    path.write_bytes(render(fmt, title, header, rows))
    _, fs = _check(path)
    assert [(f.rule, f.severity.value, f.evidence) for f in fs] == []


# -- every output stream of the CLI ------------------------------------------------------------

def test_no_output_of_a_run_holds_a_planted_value(tmp_path):
    rows = [{"name": "王建国", "id": make_id("43010219860315241"), "mobile": "13907391256",
             "card": make_card("621700273100452186"), "address": "澧州市城西区幸福路12号3栋201室"},
            {"name": "李秀英", "id": make_id("33010619720805078"), "mobile": "18274019835",
             "card": make_card("622202123456789012"), "address": "鹤汀县白沙镇桃源村五组23号"}]
    docs = tmp_path / "in"
    docs.mkdir()
    header, body = _table(rows, ("公民身份号码", "家庭住址", "联系电话", "银行卡号"))
    for fmt in FORMATS:
        (docs / f"名单_{fmt}.{EXT[fmt]}").write_bytes(render(fmt, TITLES[0], header, body))
    outputs = {}
    for fmt in ("text", "json", "sarif", "html"):
        out = tmp_path / f"report.{fmt}"
        assert main(["check", str(docs), "--format", fmt, "--output", str(out), "--today", TODAY.isoformat()]) == 1
        outputs[fmt] = out.read_text(encoding="utf-8")
    redacted = tmp_path / "out"
    main(["redact", str(docs), "--output", str(redacted), "--today", TODAY.isoformat()])
    outputs["redaction-report"] = default_report_path(redacted).read_text(encoding="utf-8")
    for f in sorted(redacted.iterdir()):
        if f.suffix in (".csv", ".html", ".txt"):
            outputs[f.name] = f.read_text(encoding="utf-8-sig")
    report = json.loads(outputs["json"])
    for d in report["documents"]:
        rules = {f["rule"] for f in d["findings"]}
        assert {"id-card", "mobile", "bank-card", "home-address"} <= rules, d["source"]
    for name, text in outputs.items():
        for raw in _raw_values(rows):
            assert raw not in text, f"{raw} leaked into {name}"
