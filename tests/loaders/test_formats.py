"""Format details: docx structure, xlsx merged headers and numbers, PDF pages and unreadable
pages, CSV encodings and delimiters, content sniffing and legacy formats."""

from __future__ import annotations

import datetime as dt
import os
import stat
import textwrap

import docx
import openpyxl
import pytest
from loader_makers import (
    add_footnote,
    add_xml_paragraph,
    hidden_docx,
    pdf_pages,
    planted_docx,
    planted_pdf,
    planted_xlsx,
    run,
    save_docx,
    textbox,
)

from gkrules.engine import Engine
from gkrules.errors import InputError, RulesetError, UnsupportedFormatError
from gkrules.loaders import LoaderRegistry
from gkrules.loaders.csvfile import sniff_delimiter
from gkrules.loaders.options import LoadOptions
from gkrules.plugins import PluginManager
from gkrules.testing import check_text

TODAY = dt.date(2024, 5, 20)


@pytest.fixture(scope="module")
def registry() -> LoaderRegistry:
    return LoaderRegistry(PluginManager().loaders())


# -- docx -----------------------------------------------------------------------------------


def test_docx_reading_order_and_places(registry):
    d = docx.Document()
    d.add_paragraph("第一段")
    add_xml_paragraph(d, run("第二段，") + textbox("文本框里的话"))
    t = d.add_table(rows=2, cols=3)
    t.cell(0, 0).merge(t.cell(0, 1)).text = "合并表头"
    t.cell(0, 2).text = "金额"
    t.cell(1, 0).text = "A镇"
    t.cell(1, 1).text = "3"
    t.cell(1, 2).text = "1,200"
    d.add_paragraph("表后一段")
    add_footnote(d, "脚注内容")
    d.sections[0].footer.paragraphs[0].text = "— 1 —"
    doc = registry.load_bytes("a.docx", save_docx(d))
    lines = doc.text.splitlines()
    assert lines[:6] == ["第一段", "第二段，", "文本框里的话", "合并表头\t金额", "A镇\t3\t1,200", "表后一段"]
    assert "— 1 —" in lines and "脚注内容" in lines
    assert lines.index("表后一段") < lines.index("— 1 —") < lines.index("脚注内容")

    def ref_of(s):
        i = doc.text.find(s)
        return doc.location(i, i + len(s)).ref

    assert ref_of("文本框里的话") == "文本框1"
    assert ref_of("表后一段") == "段落3"
    assert ref_of("1,200") == "表1第2行第3列"
    assert ref_of("— 1 —") == "页脚1" and ref_of("脚注内容") == "脚注1"
    (table,) = doc.tables
    assert table.header_rows == 1 and table.ref == "表1"
    header = table.rows[0]
    assert header[0] is header[1] and header[0].text == "合并表头"  # a merged cell spans its grid columns
    assert [c.number for c in table.rows[1]] == [None, 3.0, 1200.0]


def test_docx_hidden_parts_stay_out_of_visible_lines(registry):
    doc = registry.load_bytes("h.docx", hidden_docx())
    lines = doc.text.splitlines()
    assert "检查工作由执法科负责。" in lines  # hidden run is on its own line, not glued to this one
    assert "内定对象：青梧市某某化工有限公司" in lines
    hidden_kinds = {b.kind for b in doc.blocks if b.hidden}
    assert {"deletion", "hidden-text", "comment", "embedded-object", "property"} <= hidden_kinds
    # the embedded worksheet's text is in the document, hidden
    i = doc.text.find("青梧市某某化工有限公司\t1234")
    assert i > 0 and doc.location(i, i + 5).hidden


def test_gbt9704_head_of_a_docx_gives_metadata():
    r = check_text(planted_docx(), name="n.docx", today=TODAY)
    assert r.metadata.secrecy == "秘密★3年" and r.metadata.formed == dt.date(2024, 5, 6)
    assert r.metadata.doc_number == "青统字〔2024〕6号"


# -- xlsx -----------------------------------------------------------------------------------


def test_xlsx_merged_headers_numbers_and_refs(registry):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["表2 各镇主要指标"])
    ws.merge_cells("A1:D1")
    ws.append(["地区", "企业", None, "比上年增长"])
    ws.merge_cells("B2:C2")
    ws.merge_cells("A2:A3")
    ws.append([None, "个数", "营业收入", None])
    ws.append(["A镇", 3, 1234.5, 0.125])
    ws["D4"].number_format = "0.0%"
    ws.append(["B镇", 12, 98765, -0.03])
    ws["D5"].number_format = "0.0%"
    ws["E7"] = dt.datetime(2024, 5, 6)
    wb.create_sheet("My Data").append(["x", 1])
    import io

    buf = io.BytesIO()
    wb.save(buf)
    doc = registry.load_bytes("t.xlsx", buf.getvalue())
    t = next(t for t in doc.tables if t.ref == "Sheet1")
    assert t.caption == "表2 各镇主要指标"
    assert t.header_rows == 2
    top, sub = t.rows[0], t.rows[1]
    assert top[1] is top[2] and top[1].text == "企业"  # B2:C2 merged
    assert sub[0] is top[0] and sub[0].text == "地区"  # A2:A3 merged downwards
    assert [c.text for c in t.rows[2]] == ["A镇", "3", "1234.5", "12.5%"]
    assert [c.number for c in t.rows[2]][:3] == [None, 3.0, 1234.5]
    i = doc.text.find("1234.5")
    assert doc.location(i, i + 6).ref == "Sheet1!C4"
    assert "2024-05-06" in doc.text
    j = doc.text.find("x\t1")
    assert doc.location(j, j + 1).ref == "'My Data'!A1"


# -- pdf ------------------------------------------------------------------------------------


def test_pdf_pages_and_rows(registry):
    doc = registry.load_bytes("p.pdf", pdf_pages([["第一页标题", ["地区", "企业数"], ["A镇", "2"]], ["第二页正文"]]))
    assert doc.text.splitlines()[:3] == ["第一页标题", "地区\t企业数", "A镇\t2"]
    i = doc.text.find("第二页正文")
    assert (doc.location(i, i + 2).page, doc.location(i, i + 2).ref) == (2, "第2页")
    (table,) = doc.tables
    assert table.page == 1 and [c.text for c in table.rows[1]] == ["A镇", "2"]
    assert doc.notices == ()


def test_scanned_page_is_a_blocking_unreadable_content_finding():
    data = pdf_pages([["第一页有文字"], [], ["第三页有文字"]], scanned={2})
    r = check_text(data, name="scan.pdf", today=TODAY)
    (f,) = [f for f in r.findings if f.rule == "unreadable-content"]
    assert f.checker == "engine" and f.severity.value == "block"
    assert f.location.page == 2 and f.location.ref == "第2页"
    assert "扫描" in f.message and r.errors == ()


def test_unreadable_content_severity_and_switch_in_the_rule_set(tmp_path):
    data = pdf_pages([["有文字"], []], scanned={2})
    for rules, expected in (("{unreadable-content: {severity: warn}}", "warn"),
                            ("{unreadable-content: {enabled: false}}", None)):
        path = tmp_path / f"rs-{expected}.yaml"
        path.write_text(textwrap.dedent(f"""\
            id: site
            version: "1"
            extends: national
            engine:
              rules: {rules}
            """), encoding="utf-8")
        engine = Engine(str(path), check_examples=False)
        from gkrules.inputs import InputDocument

        report = engine.check([InputDocument("scan.pdf", data)], today=TODAY)
        found = [f.severity.value for _d, f in report.findings() if f.rule == "unreadable-content"]
        assert found == ([expected] if expected else [])


def test_engine_rule_checker_error_cannot_be_configured(tmp_path):
    path = tmp_path / "rs.yaml"
    path.write_text('id: x\nversion: "1"\nextends: national\nengine:\n  rules: {checker-error: {enabled: false}}\n',
                    encoding="utf-8")
    with pytest.raises(RulesetError, match="checker-error"):
        Engine(str(path), check_examples=False)


def test_limits_from_the_rule_set_reach_the_loaders(tmp_path):
    path = tmp_path / "rs.yaml"
    path.write_text('id: x\nversion: "1"\nextends: national\nengine:\n  max_pages: 1\n  max_line_chars: 10\n',
                    encoding="utf-8")
    engine = Engine(str(path), check_examples=False)
    assert (engine.loaders.options.max_pages, engine.loaders.options.max_line_chars) == (1, 10)
    with pytest.raises(InputError, match="上限"):
        engine.loaders.load_bytes("p.pdf", planted_pdf())


# -- csv ------------------------------------------------------------------------------------

CSV = "表1 各镇企业数\n地区,企业数,备注\nA镇,2,\"含1家外资企业，已核实\"\nB镇,15,\n注：数据为初步统计。\n"


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "utf-8"])
def test_csv_encodings(registry, encoding):
    doc = registry.load_bytes("a.csv", CSV.encode(encoding))
    assert doc.metadata.encoding == encoding
    (t,) = doc.tables
    assert t.caption == "表1 各镇企业数" and t.notes == ("注：数据为初步统计。",)
    assert [c.text for c in t.rows[1]] == ["A镇", "2", "含1家外资企业，已核实"]
    i = doc.text.find("含1家")
    assert doc.location(i, i + 3).ref == "C3" and doc.location(i, i + 3).line == 3


@pytest.mark.parametrize(("text", "delimiter"), [
    (CSV, ","),
    (CSV.replace(",", "\t"), "\t"),
    ("地区;企业数\nA镇;2\nB镇;15\n", ";"),
    ("地区|企业数|说明\nA镇|2|含外资, 已核实\nB镇|15|无\n", "|"),
    ("说明：本表, 按乡镇汇总\n地区\t企业数\nA镇\t2\nB镇\t15\n", "\t"),
    ('"a,b"\t"c"\n"d,e"\t"f"\n', "\t"),
    ("仅一列\n张三\n李四\n", ","),
])
def test_csv_delimiter_sniffing(text, delimiter):
    assert sniff_delimiter(text) == delimiter


# -- sniffing and legacy formats ------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "words"), [
    ("a.pdf", b"plain text pretending", "扩展名与内容不符"),
    ("a.txt", b"%PDF-1.4\n...", "扩展名与内容不符"),
    ("a.xlsx", None, "扩展名与内容不符"),  # a Word document named .xlsx
    ("a.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "文字识别"),
    ("a.docx", b"", "0 字节"),
])
def test_content_that_lies_or_cannot_be_read(registry, name, data, words):
    data = planted_docx() if data is None else data
    with pytest.raises(InputError, match=words):
        registry.load_bytes(name, data)


def test_content_decides_where_the_extension_is_legacy_or_missing(registry):
    html_xls = "<html><body><table><tr><td>地区</td><td>企业数</td></tr><tr><td>A镇</td><td>2</td></tr>" \
               "</table></body></html>"
    assert registry.load_bytes("export.xls", html_xls.encode()).format == "html"
    assert registry.load_bytes("export.xls", "地区\t企业数\nA镇\t2\n".encode("gbk")).format == "csv"
    assert registry.load_bytes("report.doc", planted_docx()).format == "docx"
    assert registry.load_bytes("noext", planted_xlsx()).format == "xlsx"
    assert registry.load_bytes("noext", planted_pdf()).format == "pdf"


OLE2_DOC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "WordDocument".encode("utf-16-le") + b"\x00" * 512


def test_legacy_without_libreoffice_says_how_to_convert(monkeypatch):
    monkeypatch.setenv("GKRULES_SOFFICE", "/nonexistent/soffice")
    reg = LoaderRegistry(PluginManager().loaders())
    with pytest.raises(UnsupportedFormatError, match=r"另存为 \.docx"):
        reg.load_bytes("old.doc", OLE2_DOC)
    with pytest.raises(UnsupportedFormatError, match="关闭"):
        LoaderRegistry(PluginManager().loaders(), LoadOptions(convert_legacy=False)).load_bytes("old.wps", OLE2_DOC)


def _fake_soffice(tmp_path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return str(script)


def test_legacy_converted_through_libreoffice(monkeypatch, tmp_path):
    converted = tmp_path / "converted.docx"
    converted.write_bytes(planted_docx())
    # the stand-in copies a ready docx where LibreOffice would write it: --outdir DIR … input.doc
    soffice = _fake_soffice(tmp_path, f'while [ "$1" != "--outdir" ]; do shift; done\ncp {converted} "$2/input.docx"\n')
    monkeypatch.setenv("GKRULES_SOFFICE", soffice)
    doc = LoaderRegistry(PluginManager().loaders()).load_bytes("old.doc", OLE2_DOC)
    assert doc.format == "docx" and doc.metadata.extra["converted_from"] == "doc"
    assert "秘密★3年" in doc.text


@pytest.mark.parametrize(("body", "words"), [("exit 1\n", "未能"), ("sleep 30\n", "超时")])
def test_failed_or_hanging_conversion_is_an_input_error(monkeypatch, tmp_path, body, words):
    monkeypatch.setenv("GKRULES_SOFFICE", _fake_soffice(tmp_path, body))
    reg = LoaderRegistry(PluginManager().loaders(), LoadOptions(convert_timeout_seconds=1))
    with pytest.raises(InputError, match=words):
        reg.load_bytes("old.xls", OLE2_DOC.replace("WordDocument".encode("utf-16-le"), "Workbook".encode("utf-16-le")))


@pytest.mark.skipif(not any(os.access(os.path.join(p, "soffice"), os.X_OK)
                            for p in os.environ.get("PATH", "").split(os.pathsep)),
                    reason="LibreOffice（soffice）未安装")
def test_real_libreoffice_round_trip(tmp_path):  # pragma: no cover - only where LibreOffice exists
    import subprocess

    src = tmp_path / "a.docx"
    src.write_bytes(planted_docx())
    subprocess.run(["soffice", "--headless", "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, timeout=120, capture_output=True)
    doc = LoaderRegistry(PluginManager().loaders()).load_path(tmp_path / "a.doc")
    assert "秘密★3年" in doc.text
