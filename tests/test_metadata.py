"""Metadata: portal header fields, GB/T 9704 head and tail, dates, kinds, sidecars — and the seeds."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gkrules import Engine, InputDocument
from gkrules.metadata.dates import is_date_line, parse_date
from gkrules.metadata.gbt9704 import parse_head
from gkrules.metadata.kind import classify

D = dt.date


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


def meta(engine, text, name="a.txt", **host):
    return engine.prepare(InputDocument(name, text, host)).metadata


# the five real pages: what each prints about itself
SEED_EXPECTATIONS = {
    "000_74c5ceab56ebcdc9.txt": dict(
        title="三亚市统计局关于印发《三亚市统计领域基层政务公开标准化规范化实施方案》的通知",
        doc_number="三统字〔2023〕50号", formed=D(2023, 8, 8), published=D(2023, 8, 8), disclosure="主动公开",
        issuer="三亚市统计局"),
    "001_974bed1c5fdbb587.txt": dict(title="上海市统计局2024年政务公开工作要点", formed=None, published=D(2024, 5, 6),
                                     disclosure=None, publisher="上海市统计局"),
    "002_17b60267daa6e45f.txt": dict(title="昌都市统计局政务公开相关制度", formed=D(2021, 1, 22), published=None,
                                     disclosure=None),
    "003_5ab8d9837b723415.txt": dict(title=None, formed=None, published=None, disclosure=None),
    "004_d28640fea75aa583.txt": dict(
        title="山东省统计局办公室关于印发《山东省统计局 2020年政务公开工作实施方案》的通知",
        doc_number="鲁统办字〔2020〕29号", formed=D(2020, 7, 8), published=None, disclosure="主动公开"),
}


@pytest.mark.parametrize("name", sorted(SEED_EXPECTATIONS))
def test_seed_metadata(engine, seeds_dir, name):
    m = engine.prepare(seeds_dir / name).metadata
    for key, value in SEED_EXPECTATIONS[name].items():
        assert getattr(m, key) == value, key
    assert m.encoding == "utf-8"


def test_disclosure_span_points_at_the_annotation(engine, seeds_dir):
    doc = engine.prepare(seeds_dir / "004_d28640fea75aa583.txt")
    s, e = doc.metadata.spans["disclosure"]
    assert doc.text[s:e] == "（此件主动公开）" and doc.line_of(s) == 17


@pytest.mark.parametrize("text", [
    "标　　题：关于做好统计工作的通知\n发文字号：青统字〔2024〕3号\n成文日期：2024年1月5日\n发布日期：2024-01-08\n公开方式：主动公开\n",
    "【标题】关于做好统计工作的通知\n【发文字号】青统字〔2024〕3号\n【成文日期】2024-01-05\n【发布日期】2024-01-08\n【公开方式】主动公开\n",
    "  • 标    题: 关于做好统计工作的通知\n  • 发文字号: 青统字〔2024〕3号\n  • 成文日期: 2024-01-05\n  • 发布日期: 2024-01-08\n  • 公开属性: 主动公开\n",
])
def test_header_field_styles(engine, text):
    m = meta(engine, text + "\n各区县统计局：\n　　正文。\n")
    assert (m.title, m.doc_number, m.formed, m.published, m.disclosure) == (
        "关于做好统计工作的通知", "青统字〔2024〕3号", D(2024, 1, 5), D(2024, 1, 8), "主动公开")
    assert m.sources["formed"] == "header"


def test_several_fields_on_one_line(engine):
    m = meta(engine, "2024年桐溪县各园区主要指标\n发布日期：2025-02-21　来源：桐溪县统计局\n\n正文\n")
    assert m.published == D(2025, 2, 21) and m.publisher == "桐溪县统计局"


def test_unparseable_date_stays_in_fields_only(engine):
    m = meta(engine, "成文日期：2023年13月45日\n\n正文\n")
    assert m.formed is None and m.fields["成文日期"] == "2023年13月45日"


def test_gbt9704_notice(engine):
    text = ("青梧市统计局文件\n\n青统发〔2024〕12号\n\n青梧市统计局关于印发《青梧市统计调查项目管理办法》的通知\n\n"
            "各区县统计局，局机关各科室：\n　　现将《青梧市统计调查项目管理办法》印发给你们，请遵照执行。\n\n"
            "青梧市统计局\n二〇二四年九月二十二日\n（此件公开发布）\n\n抄送：市政府办公室。\n"
            "青梧市统计局办公室　　　　　　　　2024年9月23日印发\n")
    m = meta(engine, text)
    assert m.doc_number == "青统发〔2024〕12号"
    assert m.title == "青梧市统计局关于印发《青梧市统计调查项目管理办法》的通知"
    assert m.formed == D(2024, 9, 22) and m.disclosure == "主动公开"
    assert m.annotations == ("（此件公开发布）",) and m.copy_to == "市政府办公室。"
    assert m.kind == "policy" and m.doctype == "管理办法"


def test_doc_number_deviations_are_still_read(engine):
    assert meta(engine, "鄂统计文【2024】51号\n\n关于统计工作的通知\n").doc_number == "鄂统计文【2024】51号"
    assert meta(engine, "三统字[2023]50号\n\n关于统计工作的通知\n").doc_number == "三统字[2023]50号"


def test_head_layouts():
    h = parse_head("000047\n秘密★3年\n加急\n\n青梧市统计局文件\n")
    assert (h.fenhao.text, h.secrecy.level, h.secrecy.period, h.urgency.text, h.secrecy.layout) == (
        "000047", "秘密", "3年", "加急", "2012")
    h = parse_head("00012                                        机  密\n                    特  急\n国家统计局青梧调查队文件\n")
    assert (h.fenhao.text, h.secrecy.level, h.secrecy.layout, h.urgency.text) == ("00012", "机密", "1999", "特急")
    h = parse_head("000215　机密★1年\n青梧市统计局\n")
    assert (h.secrecy.level, h.secrecy.period) == ("机密", "1年")
    h = parse_head("标　　题：关于核查情况的报告\n密　　级：机密\n保密期限：1年\n")
    assert (h.secrecy.level, h.secrecy.layout) == ("机密", "field")
    assert parse_head("密　　级：非密\n公开方式：主动公开\n").secrecy is None
    assert parse_head("（一）绝密级\n　　泄露会使国家安全和利益遭受特别严重的损害。\n").secrecy is None


def test_host_and_sidecar_override(engine, tmp_path):
    m = meta(engine, "成文日期：2024-01-05\n\n正文\n", formed="2024-02-01", kind="policy", interprets="办法.txt")
    assert (m.formed, m.kind, m.interprets, m.sources["formed"]) == (D(2024, 2, 1), "policy", "办法.txt", "host")
    assert "formed" not in m.spans  # the printed date no longer speaks for it


@pytest.mark.parametrize(("title", "kind", "doctype"), [
    ("青梧市统计局关于印发《青梧市统计调查项目管理办法》的通知", "policy", "管理办法"),
    ("《青梧市统计调查项目管理办法》政策解读", "interpretation", "政策解读"),
    ("一图读懂《青梧市统计调查项目管理办法》", "interpretation", "解读"),
    ("上海市统计局2024年政务公开工作要点", "other", "工作要点"),
    ("青梧市2023年国民经济和社会发展统计公报", "statistics", "统计公报"),
    ("青梧市统计局行政处罚决定书", "penalty", "行政处罚决定书"),
    ("关于开展统计执法检查的通知", "notice", "通知"),
    ("青梧市统计局关于联网直报账号管理的若干规定（试行）", "policy", "规定"),
])
def test_kind_from_title(title, kind, doctype):
    assert classify(title) == (kind, doctype)


def test_policy_number_makes_a_policy():
    assert classify("关于数据报送的通知", "青统规〔2023〕3号")[0] == "policy"


@pytest.mark.parametrize(("text", "value"), [
    ("2024年7月8日", D(2024, 7, 8)), ("2024-07-08", D(2024, 7, 8)), ("2024/7/8", D(2024, 7, 8)),
    ("二〇二四年七月八日", D(2024, 7, 8)), ("二〇二一年九月二十二日", D(2021, 9, 22)), ("２０２４年７月８日", D(2024, 7, 8)),
    ("20240708", D(2024, 7, 8)), ("2024年2月30日", None), ("2023731", None), ("明天", None),
])
def test_parse_date(text, value):
    assert parse_date(text) == value


@given(st.dates(min_value=D(1990, 1, 1), max_value=D(2099, 12, 31)))
def test_dates_round_trip_in_every_printed_form(d):
    digits = "〇一二三四五六七八九"

    def cn(n):
        if n < 10:
            return digits[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")

    forms = [f"{d.year}年{d.month}月{d.day}日", d.isoformat(), f"{d.year}/{d.month}/{d.day}",
             "".join(digits[int(c)] for c in str(d.year)) + f"年{cn(d.month)}月{cn(d.day)}日"]
    for form in forms:
        assert parse_date(form) == d, form
        assert is_date_line("　　" + form + "  ")
