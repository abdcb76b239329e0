"""The text of SmartArt graphics and charts in Word and Excel files is checked: it is shown to
whoever opens the file but lives outside the body and the sheets. Before, an organisation
chart drawn as SmartArt with a personal mobile number in it passed unread."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import docx
import openpyxl
import pytest
from loader_makers import id_number, save_docx

from gkrules import Engine, InputDocument
from gkrules.loaders.graphics import chart_lines, diagram_lines
from gkrules.loaders.safezip import parse_xml

TODAY = dt.date(2025, 11, 20)
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"


def smartart(*nodes: str) -> bytes:
    pts = "".join(f'<dgm:pt modelId="{{{i}}}"><dgm:prSet/><dgm:spPr/><dgm:t><a:bodyPr/><a:p><a:r><a:t>{text}</a:t>'
                  f"</a:r></a:p></dgm:t></dgm:pt>" for i, text in enumerate(nodes))
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><dgm:dataModel xmlns:dgm="{DGM}" xmlns:a="{A}">'
            f'<dgm:ptLst><dgm:pt modelId="{{doc}}" type="doc"><dgm:prSet/><dgm:spPr/></dgm:pt>{pts}</dgm:ptLst>'
            "</dgm:dataModel>").encode()


def chart(title: str, series: str, categories: list[str], values: list[str]) -> bytes:
    def cache(tag: str, items: list[str]) -> str:
        pts = "".join(f'<c:pt idx="{i}"><c:v>{v}</c:v></c:pt>' for i, v in enumerate(items))
        return f"<c:{tag}><c:ptCount val=\"{len(items)}\"/>{pts}</c:{tag}>"
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="{C}" xmlns:a="{A}">'
            f"<c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>{title}</a:t></a:r></a:p></c:rich></c:tx>"
            f"</c:title><c:plotArea><c:barChart><c:ser><c:idx val=\"0\"/><c:tx><c:strRef><c:f>Sheet1!$B$1</c:f>"
            f"{cache('strCache', [series])}</c:strRef></c:tx><c:cat><c:strRef><c:f>Sheet1!$A$2:$A$3</c:f>"
            f"{cache('strCache', categories)}</c:strRef></c:cat><c:val><c:numRef><c:f>Sheet1!$B$2:$B$3</c:f>"
            f"{cache('numCache', values)}</c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart>"
            "</c:chartSpace>").encode()


def _plus(package: bytes, members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info.filename))
        for name, data in members.items():
            dst.writestr(name, data)
    return out.getvalue()


def _word() -> bytes:
    d = docx.Document()
    d.add_paragraph("关于成立统计执法检查工作组的通知")
    return save_docx(d)


def _excel() -> bytes:
    wb = openpyxl.Workbook()
    wb.active.append(["地区", "企业数"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _findings(name: str, data: bytes):
    report = Engine("national", check_examples=False).check([InputDocument(name, data)], today=TODAY)
    return report.documents[0].findings


@pytest.mark.parametrize("name,package,prefix", [("通知.docx", _word, "word"), ("表.xlsx", _excel, "xl")])
def test_a_mobile_number_in_a_smartart_graphic_is_found(name, package, prefix):
    data = _plus(package(), {f"{prefix}/diagrams/data1.xml": smartart("组长：张三", "联系人：李四 手机 13912345678")})
    found = [f for f in _findings(name, data) if f.rule == "mobile"]
    assert len(found) == 1 and found[0].location.ref == "SmartArt 图形 1"


@pytest.mark.parametrize("name,package,prefix", [("通知.docx", _word, "word"), ("表.xlsx", _excel, "xl")])
def test_an_id_number_among_a_charts_categories_is_found(name, package, prefix):
    data = _plus(package(), {f"{prefix}/charts/chart2.xml": chart("各单位人数", "人数", [f"张三{id_number()}", "李四"],
                                                                   ["3", "4"])})
    found = [f for f in _findings(name, data) if f.rule == "id-card"]
    assert len(found) == 1 and found[0].location.ref == "图表 2"


def test_the_lines_of_a_smartart_graphic_and_a_chart():
    assert diagram_lines(parse_xml(smartart("组长：张三", "成员：李四"), "d")) == ["组长：张三", "成员：李四"]
    assert chart_lines(parse_xml(chart("各乡镇企业数", "企业数", ["青梧镇", "白沙镇"], ["12", "3"]), "c")) == [
        "各乡镇企业数", "企业数：青梧镇、白沙镇；12、3"]


def test_files_without_graphics_are_unchanged():
    engine = Engine("national", check_examples=False)
    for name, data in (("通知.docx", _word()), ("表.xlsx", _excel())):
        assert not [b for b in engine.prepare(InputDocument(name, data)).blocks if b.kind == "graphic"]


def test_a_sheets_printed_header_and_footer_are_read():
    from gkrules.loaders.xlsxsheet import header_footer_text

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["地区", "企业数"])
    ws.oddHeader.center.text = "内部资料　注意保存"
    ws.oddFooter.left.text = f"经办人：张三 {id_number()}"
    buf = io.BytesIO()
    wb.save(buf)
    doc = Engine("national", check_examples=False).prepare(InputDocument("表.xlsx", buf.getvalue()))
    refs = {b.ref: doc.text[b.start:b.end] for b in doc.blocks if b.kind in ("header", "footer")}
    assert refs["Sheet!页眉"] == "内部资料　注意保存"
    assert refs["Sheet!页脚"].startswith("经办人：张三")
    assert [f.rule for f in _findings("表.xlsx", buf.getvalue()) if f.rule == "id-card"] == ["id-card"]
    assert header_footer_text('&L&"宋体,加粗"&12内部资料&C第 &P 页&R&D') == "内部资料 第 页"
    assert header_footer_text("A&&B&K00FF00绿") == "A&B绿"


def test_a_text_box_on_a_sheet_is_read():
    xdr = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
    drawing = (f'<?xml version="1.0" encoding="UTF-8"?><xdr:wsDr xmlns:xdr="{xdr}" xmlns:a="{A}"><xdr:twoCellAnchor>'
               "<xdr:sp><xdr:txBody><a:bodyPr/><a:p><a:r><a:t>填表人：张三 手机 </a:t></a:r><a:r><a:t>13912345678</a:t>"
               "</a:r></a:p></xdr:txBody></xdr:sp></xdr:twoCellAnchor></xdr:wsDr>").encode()
    data = _plus(_excel(), {"xl/drawings/drawing1.xml": drawing})
    found = [f for f in _findings("表.xlsx", data) if f.rule == "mobile"]
    assert len(found) == 1 and found[0].location.ref == "绘图 1 的文本框"
