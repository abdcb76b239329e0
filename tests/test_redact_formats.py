"""Redacted copies of the formats bureaus publish: docx, xlsx, PDF.

Each file carries an ID number, a mobile and a home address in body text, a table column, a
header and a comment. The copy must re-check with no personal-info finding, and none of the
raw values may be left anywhere in the file: every member of the OOXML package as bytes; the
PDF's extracted text, its raw bytes and every decoded stream (UTF-8 and UTF-16BE).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from openpyxl.comments import Comment

from gkrules.cli import main
from gkrules.engine import Engine
from gkrules.redaction.ooxml import _groups, _replace
from gkrules.redaction.operators import Operator, parse_operators
from gkrules.redaction.pdf import pdf_strings
from loaders.loader_makers import add_xml_paragraph, deleted, id_number, pdf_pages, run, save_docx

TODAY = "2024-05-06"
ID = id_number("11010519491231002")
ID2 = id_number("11010519800101003")
MOBILE = "13907391256"
TOWN = "青梧市和平区"
#: the part of the address the checker masks (住址最多公开到乡镇、街道: the district stays)
ADDRESS_DETAIL = "幸福路12号3单元501室"
ADDRESS = TOWN + ADDRESS_DETAIL
RAW = (ID, ID2, MOBILE, ADDRESS_DETAIL)
TITLE = "关于王某某行政处罚决定的公示"


def make_docx() -> bytes:
    d = docx.Document()
    d.core_properties.author = "王小明"
    d.add_paragraph(TITLE)
    p = d.add_paragraph("当事人：王某某，身份证号")
    p.add_run(ID[:6])  # Word splits a value over runs when its formatting changes
    p.add_run(ID[6:]).bold = True
    p.add_run("。")
    add_xml_paragraph(d, run("经复核，") + deleted(f"原登记的身份证号{ID2}有误") + run("已更正。"))
    t = d.add_table(rows=2, cols=3)
    for c, v in enumerate(["姓名", "手机号码", "家庭住址"]):
        t.cell(0, c).text = v
    for c, v in enumerate(["王某某", MOBILE, ADDRESS]):
        t.cell(1, c).text = v
    d.sections[0].header.paragraphs[0].text = f"联系人手机：{MOBILE}"
    p = d.add_paragraph("以上事实清楚。")
    d.add_comment(p.runs[0], text=f"当事人住址：{ADDRESS}，电话{MOBILE}", author="赵六", initials="ZL")
    return save_docx(d)


def make_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([TITLE])
    ws.append([f"当事人：王某某，身份证号{ID}。"])
    ws.append(["姓名", "手机号码", "家庭住址"])
    ws.append(["王某某", int(MOBILE), ADDRESS])  # a mobile typed as a number
    ws["A2"].comment = Comment(f"当事人住址：{ADDRESS}，手机{MOBILE}", "赵六")
    ws.oddHeader.center.text = f"联系电话 {MOBILE}"
    wb.properties.creator = "王小明"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pdf() -> bytes:
    return pdf_pages([[TITLE, f"当事人：王某某，身份证号{ID}。", f"联系人手机：{MOBILE}",
                       ["姓名", "手机号码", "家庭住址"], ["王某某", MOBILE, ADDRESS], f"当事人住址：{ADDRESS}"]],
                     author="王小明", comment=f"当事人住址：{ADDRESS}，电话{MOBILE}")


@pytest.fixture(scope="module")
def redacted(tmp_path_factory):
    root = tmp_path_factory.mktemp("redact")
    src = root / "in"
    src.mkdir()
    (src / "公示.docx").write_bytes(make_docx())
    (src / "名单.xlsx").write_bytes(make_xlsx())
    (src / "公示.pdf").write_bytes(make_pdf())
    code = main(["redact", str(src), "--output", str(root / "out"), "--today", TODAY])
    return root, code


def _personal(path: Path) -> tuple[bool, list]:
    report = Engine("national").check([path], today=dt.date.fromisoformat(TODAY))
    (d,) = report.documents
    return report.complete, [f for f in d.findings if f.checker == "personal-info"]


def test_the_originals_carry_the_values_where_the_test_says(redacted):
    root, _ = redacted
    for name in ("公示.docx", "名单.xlsx", "公示.pdf"):
        complete, found = _personal(root / "in" / name)
        assert complete
        assert {"id-card", "mobile", "home-address"} <= {f.rule for f in found}, name
        refs = " ".join(f.location.ref or "" for f in found)
        assert "批注" in refs, name
    complete, found = _personal(root / "in" / "公示.docx")
    refs = {f.location.ref for f in found}
    assert {"页眉1", "表1第2行第2列"} <= refs


@pytest.mark.parametrize("name", ["公示.docx", "名单.xlsx", "公示.pdf"])
def test_copies_recheck_clean(redacted, name):
    root, code = redacted
    assert code == 0
    complete, found = _personal(root / "out" / name)
    assert complete and found == []


@pytest.mark.parametrize("name", ["公示.docx", "名单.xlsx"])
def test_no_raw_value_in_any_member_of_the_package(redacted, name):
    root, _ = redacted
    with zipfile.ZipFile(root / "out" / name) as z:
        members = {i.filename: z.read(i) for i in z.infolist()}
        assert z.testzip() is None
    for member, blob in members.items():
        for v in (*RAW, "王小明"):
            assert v.encode("utf-8") not in blob, (member, v)
    # the rest of the text is still there
    joined = b"".join(members.values()).decode("utf-8", "replace")
    assert TITLE in joined and TOWN in joined


def test_docx_copy_accepts_tracked_changes_and_stays_a_word_file(redacted):
    root, _ = redacted
    d = docx.Document(str(root / "out" / "公示.docx"))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "经复核，已更正。" in text and "当事人：王某某，身份证号11*************02X。" in text
    assert d.core_properties.author == ""
    assert d.tables[0].cell(1, 1).text == "139****1256"


def test_xlsx_copy_opens_and_a_masked_number_becomes_text(redacted):
    root, _ = redacted
    wb = openpyxl.load_workbook(root / "out" / "名单.xlsx")
    assert wb.active["B4"].value == "139****1256"
    assert "139****1256" in wb.active.oddHeader.center.text


def test_pdf_text_is_removed_not_covered(redacted):
    root, _ = redacted
    data = (root / "out" / "公示.pdf").read_bytes()
    text, streams = pdf_strings(data)
    assert TITLE in text and TOWN in text
    for v in RAW:
        assert v not in text.replace(" ", "")
        for form in (v.encode("utf-8"), v.encode("utf-16-be")):
            assert form not in data and not any(form in s for s in streams)
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/Author" not in pdf.docinfo and not pdf.pages[0].obj.get("/Annots")


def test_report_is_beside_the_output_folder_and_names_places(redacted):
    root, _ = redacted
    assert not list((root / "out").glob("*.json"))
    report = json.loads((root / "out.redaction-report.json").read_text(encoding="utf-8"))
    text = json.dumps(report, ensure_ascii=False)
    for v in RAW:
        assert v not in text
    places = {r["where"] for d in report["documents"] for r in d["redactions"]}
    assert {"页眉1", "表1第2行第2列", "名单!B4"} <= places
    notes = [n for d in report["documents"] for n in d["notes"]]
    assert any("修订" in n for n in notes) and sum("已删除批注" in n for n in notes) == 3


@pytest.mark.parametrize("name", ["公示.docx", "名单.xlsx", "公示.pdf"])
def test_copies_recheck_with_no_finding_at_all(redacted, name):
    """Comments, authors and tracked changes are gone too: nothing is left for any checker."""
    root, _ = redacted
    report = Engine("national").check([root / "out" / name], today=dt.date.fromisoformat(TODAY))
    assert report.complete and [f.rule for f in report.documents[0].findings] == []


def test_keep_comments_keeps_them_masked(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "公示.docx").write_bytes(make_docx())
    (tmp_path / "in" / "名单.xlsx").write_bytes(make_xlsx())
    assert main(["redact", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--today", TODAY,
                 "--keep-comments"]) == 0
    with zipfile.ZipFile(tmp_path / "out" / "公示.docx") as z:
        comments = z.read("word/comments.xml").decode("utf-8")
    assert "139****1256" in comments and MOBILE not in comments
    wb = openpyxl.load_workbook(tmp_path / "out" / "名单.xlsx")
    assert "139****1256" in wb.active["A2"].comment.text and MOBILE not in wb.active["A2"].comment.text


def test_dry_run_writes_nothing_and_placeholder_operator(tmp_path, capsys):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "公示.docx").write_bytes(make_docx())
    assert main(["redact", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--today", TODAY, "--dry-run",
                 "--operator", "id-card=placeholder"]) == 0
    out = capsys.readouterr().out
    assert "〔身份证号〕" in out and "页眉1" in out and ID not in out
    assert not (tmp_path / "out").exists() and not (tmp_path / "out.redaction-report.json").exists()
    assert main(["redact", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--today", TODAY,
                 "--operator", "id-card=placeholder", "--operator", "mobile=remove"]) == 0
    d = docx.Document(str(tmp_path / "out" / "公示.docx"))
    assert "当事人：王某某，身份证号〔身份证号〕。" in [p.text for p in d.paragraphs]
    assert d.tables[0].cell(1, 1).text == "" and "139" not in d.sections[0].header.paragraphs[0].text
    assert main(["redact", str(tmp_path / "in"), "-o", str(tmp_path / "o2"), "--operator", "mobile=blur"]) == 2


def test_operators():
    ops = parse_operators(["mobile=mask:3:4:#", "*=placeholder:个人信息"])
    from gkrules.model import Finding, Severity

    f = Finding("personal-info", "mobile", Severity.BLOCK, "m", evidence="139****1256")
    assert ops["mobile"].apply(f, MOBILE) == "139####1256"
    assert ops["*"].apply(f, MOBILE) == "〔个人信息〕"
    assert Operator().apply(f, MOBILE) == "139****1256"
    assert Operator("mask", 6, 6).apply(f, MOBILE) == "***********"  # would hide nothing: hide all


# -- a value split over runs, whatever the split ------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@settings(max_examples=150, deadline=None)
@given(before=st.text("当事人身份证号：，。 ", max_size=8), after=st.text("。已核实 ", max_size=6),
       cuts=st.lists(st.integers(1, 40), max_size=6))
def test_value_split_over_runs_is_replaced_and_the_rest_kept(before, after, cuts):
    text = before + ID + after
    points = sorted({c for c in cuts if c < len(text)})
    pieces = [text[a:b] for a, b in zip([0, *points], [*points, len(text)], strict=True)]
    runs = "".join(f'<w:r><w:t xml:space="preserve">{p}</w:t></w:r>' for p in pieces)
    root = etree.fromstring(f'<w:document xmlns:w="{W}"><w:body><w:p>{runs}</w:p></w:body></w:document>')
    (nodes,) = _groups(root)
    assert _replace(nodes, [(ID, "〔身份证号〕")]) == {ID}
    joined = "".join(t.text or "" for t in root.iter(f"{{{W}}}t"))
    assert joined == before + "〔身份证号〕" + after
    assert len(list(root.iter(f"{{{W}}}r"))) == len(pieces)  # every run (and its formatting) kept


# -- PDF fonts as Word exports them: Identity-H with a ToUnicode map ----------------------------

def _identity_h_pdf(chunks: list[list[str]]) -> bytes:
    """A page drawn with a Type0 Identity-H font whose glyph ids mean nothing without the
    ToUnicode map; each inner list is one TJ array, each string one element of it."""
    import pikepdf

    alphabet = sorted({c for chunk in chunks for piece in chunk for c in piece})
    cid = {c: 0x20 + k for k, c in enumerate(alphabet)}
    cmap = ["/CIDInit /ProcSet findresource begin 12 dict begin begincmap",
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
            "/CMapName /Test-UCS def /CMapType 2 def", "1 begincodespacerange <0000> <FFFF> endcodespacerange",
            f"{len(alphabet)} beginbfchar"]
    cmap += [f"<{cid[c]:04X}> <{ord(c):04X}>" for c in alphabet]
    cmap += ["endbfchar", "endcmap CMapName currentdict /CMap defineresource pop end end"]
    pdf = pikepdf.new()
    font = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type0, BaseFont=pikepdf.Name("/Test"),
        Encoding=pikepdf.Name("/Identity-H"), ToUnicode=pdf.make_stream("\n".join(cmap).encode()),
        DescendantFonts=[pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.CIDFontType2, BaseFont=pikepdf.Name("/Test"), DW=1000,
            CIDSystemInfo=pikepdf.Dictionary(Registry="Adobe", Ordering="Identity", Supplement=0))]))
    ops = ["BT /F1 12 Tf 72 760 Td"]
    for chunk in chunks:
        items = " ".join("<" + "".join(f"{cid[c]:04X}" for c in piece) + "> -20" for piece in chunk)
        ops.append(f"[{items}] TJ 0 -20 Td")
    ops.append("ET")
    page = pikepdf.Page(pikepdf.Dictionary(Type=pikepdf.Name.Page, MediaBox=[0, 0, 595, 842],
                                           Resources=pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=font)),
                                           Contents=pdf.make_stream(" ".join(ops).encode())))
    pdf.pages.append(page)
    buf = io.BytesIO()
    pdf.save(buf)
    return buf.getvalue()


def test_pdf_identity_h_value_split_over_tj_elements_is_removed():
    from gkrules.redaction.pdf import redact_pdf

    data = _identity_h_pdf([["联系人手机：139", "0739", "1256"], ["身份证号", ID[:9], ID[9:]], ["以上信息属实"]])
    text, _ = pdf_strings(data)
    assert MOBILE in text.replace(" ", "") and ID in text.replace(" ", "")
    out, notes = redact_pdf(data, [(MOBILE, "139****1256"), (ID, "〔身份证号〕")])
    text, streams = pdf_strings(out)
    assert not any(MOBILE.encode() in x for x in streams)
    flat = text.replace(" ", "")
    assert MOBILE not in flat and ID not in flat
    assert "联系人手机：" in flat and "身份证号" in flat and "以上信息属实" in flat
    assert any("留空白" in n for n in notes)
