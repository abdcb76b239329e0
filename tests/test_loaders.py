"""Loaders: encodings, newlines, text/CSV/HTML tables with spans, clear errors on bad input."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.errors import InputError, UnsupportedFormatError
from gkrules.loaders import LoaderRegistry
from gkrules.loaders.builtin import gkrules_loaders
from gkrules.loaders.csvfile import tokenize
from gkrules.loaders.encoding import decode_text
from gkrules.loaders.texttables import find_tables
from gkrules.numbers import parse_number

REG = LoaderRegistry(list(gkrules_loaders()))
NOTICE = "青梧市统计局关于开展2024年统计执法检查的通知\n\n各区县统计局：\n　　现将有关事项通知如下。\n"


@pytest.mark.parametrize(("data", "encoding"), [
    (NOTICE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + NOTICE.encode("utf-8"), "utf-8-sig"),
    (NOTICE.encode("gbk"), "gbk"),
    ((NOTICE + "㐀䶮\n").encode("gb18030"), "gb18030"),  # CJK Extension A: outside GBK
    (NOTICE.encode("utf-16"), "utf-16"),
])
def test_text_encodings_are_detected_and_recorded(data, encoding):
    doc = REG.load_bytes("通知.txt", data)
    assert doc.text.startswith("青梧市统计局关于开展")
    assert doc.metadata.encoding == encoding


def test_newlines_are_normalised_and_lines_match_the_file():
    doc = REG.load_bytes("a.txt", "第一行\r\n第二行\r第三行\n".encode())
    assert doc.text == "第一行\n第二行\n第三行\n"
    assert doc.line_text(3) == "第三行"


def test_binary_and_empty_files_are_clear_errors():
    with pytest.raises(InputError, match="ZIP 压缩包"):
        REG.load_bytes("a.txt", b"PK\x03\x04\x00\x00binary")
    with pytest.raises(InputError, match="二进制"):
        REG.load_bytes("a.txt", b"\x00\x01\x02\x03binary")
    with pytest.raises(InputError, match="0 字节"):
        REG.load_bytes("a.txt", b"")


def test_unknown_and_legacy_formats():
    with pytest.raises(UnsupportedFormatError, match=r"不支持的文件格式 \.xyz"):
        REG.load_bytes("a.xyz", b"abc")
    with pytest.raises(UnsupportedFormatError, match=r"另存为 \.docx"):
        REG.load_bytes("a.wps", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504)


def test_html_content_is_recognised_despite_missing_extension():
    doc = REG.load_bytes("page", b"<!DOCTYPE html><html><body><p>\xe9\x80\x9a\xe7\x9f\xa5</p></body></html>")
    assert doc.format == "html" and doc.text == "通知"


def test_pipe_table_cells_keep_spans_and_numbers():
    text = ("2024年各园区规模以上工业主要指标\n"
            "| 园区 | 企业单位数（个） | 工业总产值（万元） |\n"
            "| --- | --- | --- |\n"
            "| 全县 | 58 | 2,884,236 |\n"
            "| 柳湾食品产业园 | 2 | 96310 |\n"
            "注：规模以上工业企业指年主营业务收入2000万元及以上的工业法人单位。\n")
    (table,) = find_tables(text)
    assert table.caption == "2024年各园区规模以上工业主要指标"
    assert table.header_rows == 1 and len(table.rows) == 3
    cell = table.rows[2][1]
    assert (cell.text, cell.number, text[cell.start:cell.end]) == ("2", 2.0, "2")
    assert table.rows[1][2].number == 2884236.0
    assert table.notes == ("注：规模以上工业企业指年主营业务收入2000万元及以上的工业法人单位。",)


def test_tab_separated_table():
    text = "地区\t户数\t收入（元）\n栖凤区\t120\t35210\n松岚区\t2\t…\n"
    (table,) = find_tables(text)
    assert [c.text for c in table.rows[2]] == ["松岚区", "2", "…"]
    assert table.rows[2][2].number is None


def test_prose_is_not_a_table():
    assert find_tables("　　一、总体要求。以习近平新时代中国特色社会主义思想为指导。\n　　二、主要任务。\n") == []


def test_csv_quotes_bom_gbk_and_spans():
    raw = '行业,企业单位数（个）,营业收入（亿元）\n合计,59,178.72\n"交通运输、仓储和邮政业",24,"96.41"\n注：数据为快报数。,,\n'
    for data in (codecs.BOM_UTF8 + raw.encode("utf-8"), raw.encode("gbk")):
        doc = REG.load_bytes("表.csv", data)
        (table,) = doc.tables
        row = table.rows[2]
        assert row[0].text == "交通运输、仓储和邮政业" and doc.text[row[0].start:row[0].end] == row[0].text
        assert row[2].number == 96.41
        assert doc.line_of(row[1].start) == 3  # a CSV row is a line
        assert table.notes == ("注：数据为快报数。",)


def test_csv_semicolon_delimiter_is_sniffed():
    doc = REG.load_bytes("t.csv", "地区;户数\n栖凤区;120\n松岚区;2\n".encode())
    assert [c.text for c in doc.tables[0].rows[2]] == ["松岚区", "2"]


PORTAL = """<!DOCTYPE html><html><head><meta charset="gbk"><title>关于印发办法的通知_青梧市统计局</title>
<meta name="ArticleTitle" content="青梧市统计局关于印发《统计数据质量管理办法》的通知">
<meta name="PubDate" content="2024-05-06 10:00">
<script>var x = "机密★1年";</script><style>.a{}</style></head>
<body><div class="nav"><a>首页</a><a>政务公开</a></div>
<div class="xxgk_table"><table><tr><td>索引号：</td><td>11339900MB2085431T/2024-00087</td><td>发布机构：</td><td>青梧市统计局</td></tr>
<tr><td>发文字号：</td><td>青统规〔2024〕2号</td><td>成文日期：</td><td>2024年4月28日</td></tr></table></div>
<div id="zoom"><p>各区县统计局：</p><p>　　现将《青梧市统计数据质量管理办法》印发给你们。</p>
<table border="1"><tr><th rowspan="2">地区</th><th colspan="2">单位数</th></tr><tr><th>2023</th><th>2024</th></tr>
<tr><td>栖凤区</td><td>12</td><td>14</td></tr></table>
<p>（此件主动公开）</p></div><div class="footer">版权所有</div></body></html>"""


def test_html_portal_page():
    doc = REG.load_bytes("page.html", PORTAL.encode("gbk"))
    assert doc.metadata.encoding == "gb18030"
    assert "首页" not in doc.text and "版权所有" not in doc.text and "机密" not in doc.text
    assert "索引号：\t11339900MB2085431T/2024-00087" in doc.text
    data = [t for t in doc.tables if t.rows[0][0].text == "地区"]
    assert data, "the data table becomes a Table"
    t = data[0]
    assert t.header_rows == 2
    assert [c.text for c in t.rows[1]] == ["地区", "2023", "2024"]  # rowspan carried down
    assert [c.text for c in t.rows[0]] == ["地区", "单位数", "单位数"]  # colspan repeated
    cell = t.rows[2][2]
    assert doc.text[cell.start:cell.end] == "14" and cell.number == 14
    assert doc.source_lines and doc.source_lines[0][1] >= 1
    assert doc.metadata.fields["标题"].startswith("青梧市统计局关于印发")


def test_html_empty_and_garbage():
    with pytest.raises(InputError):
        REG.load_bytes("a.html", b"   ")
    doc = REG.load_bytes("a.html", b"<p>unclosed <b>tags")
    assert "unclosed" in doc.text


@given(st.binary(max_size=2000))
@settings(max_examples=300, deadline=None)
def test_text_loader_never_raises_anything_but_input_error(data):
    try:
        doc = REG.load_bytes("x.txt", data)
    except InputError:
        return
    assert isinstance(doc.text, str)


@given(st.binary(max_size=2000))
@settings(max_examples=200, deadline=None)
def test_html_loader_never_raises_anything_but_input_error(data):
    try:
        REG.load_bytes("x.html", data)
    except InputError:
        pass


@given(st.text(alphabet=st.sampled_from(list('ab,;"\n\t 1.2中文…')), max_size=300))
@settings(max_examples=300, deadline=None)
def test_csv_tokenizer_spans_are_within_text(text):
    for row in tokenize(text, ","):
        for cell in row:
            assert 0 <= cell.start <= cell.end <= len(text)


@given(st.text(max_size=200))
@settings(max_examples=300, deadline=None)
def test_decode_round_trips_utf8(text):
    if "\x00" in text:
        return
    decoded, enc = decode_text(text.encode("utf-8"))
    assert decoded == text and enc == "utf-8"


@pytest.mark.parametrize(("text", "value"), [("2,884,236", 2884236.0), ("-2.4", -2.4), ("７.4", 7.4), ("12.3%", 12.3),
                                             ("－0.5", -0.5), ("…", None), ("—", None), ("x", None), ("", None),
                                             ("1 234", 1234.0), ("12.3亿元", None)])
def test_parse_number(text, value):
    assert parse_number(text) == value
