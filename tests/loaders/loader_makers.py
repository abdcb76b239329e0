"""Fixture files generated in the tests: Word (python-docx plus raw WordprocessingML for what
python-docx cannot write), Excel (openpyxl) and PDF (reportlab with its built-in STSong-Light
CID font, so no font file is needed on a fresh machine)."""

from __future__ import annotations

import io
import zipfile

import docx
import openpyxl
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = (f'xmlns:w="{W_NS}" xmlns:v="urn:schemas-microsoft-com:vml" '
          'xmlns:o="urn:schemas-microsoft-com:office:office" '
          'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def id_number(prefix17: str = "11010519491231002") -> str:
    """A resident ID number with a valid GB 11643 check digit."""
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(prefix17, weights, strict=True))
    return prefix17 + "10X98765432"[total % 11]


ID = id_number()
#: the same planted content in every format: a 密级 head, an ID number, a small-cell table
HEAD = ["000047", "秘密★3年", "", "青梧市统计局文件", "青统字〔2024〕6号", "", "关于2024年规模以上工业企业调查情况的报告"]
BODY = f"联系人张三，身份证号{ID}，联系电话见附件。"
TABLE = [["乡镇", "企业数", "营业收入（万元）"], ["A镇", "2", "350"], ["B镇", "15", "9000"]]
TAIL = ["青梧市统计局", "2024年5月6日"]


def planted_text() -> str:
    rows = ["\t".join(r) for r in TABLE]
    return "\n".join([*HEAD, BODY, "表1：各乡镇企业情况", *rows, "", *TAIL]) + "\n"


def planted_html() -> str:
    head = "".join(f"<p>{line}</p>" for line in HEAD if line)
    rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in TABLE)
    tail = "".join(f"<p>{line}</p>" for line in TAIL)
    return (f"<html><head><meta charset='utf-8'><title>报告</title></head><body>\n{head}\n<p>{BODY}</p>\n"
            f"<table>{rows}</table>\n{tail}\n</body></html>\n")


def planted_csv() -> str:
    return "\n".join([HEAD[1], BODY, *(",".join(r) for r in TABLE)]) + "\n"


def save_docx(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def planted_docx() -> bytes:
    d = docx.Document()
    d.core_properties.author = "青梧市统计局"
    for line in HEAD:
        d.add_paragraph(line)
    d.add_paragraph(BODY)
    t = d.add_table(rows=len(TABLE), cols=len(TABLE[0]))
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    for line in TAIL:
        d.add_paragraph(line)
    return save_docx(d)


def planted_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "报告"
    ws.append([HEAD[0]])
    ws.append([HEAD[1]])
    ws.append([BODY])
    for row in TABLE:
        ws.append([int(v) if v.isdigit() else v for v in row])
    wb.properties.creator = "青梧市统计局"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def pdf_pages(pages: list[list[str | list[str]]], *, encrypt: str | None = None, scanned: set[int] = frozenset(),
              author: str | None = None, comment: str | None = None) -> bytes:
    """A PDF with one list of lines per page; a line given as a list is a table row (cells at
    fixed x positions on one baseline). Pages in ``scanned`` (1-based) hold only an image."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, encrypt=encrypt)
    if author:
        c.setAuthor(author)
    for n, lines in enumerate(pages, 1):
        if n in scanned:
            c.drawImage(ImageReader(_png()), 50, 100, width=500, height=650)
        else:
            y = 800
            for line in lines:
                c.setFont("STSong-Light", 12)
                if isinstance(line, list):
                    for k, cell in enumerate(line):
                        c.drawString(72 + 150 * k, y, cell)
                else:
                    c.drawString(72, y, line)
                y -= 22
            if comment and n == 1:
                c.textAnnotation(comment, Rect=(400, 700, 450, 750))
        c.showPage()
    c.save()
    return buf.getvalue()


def _png() -> io.BytesIO:
    from PIL import Image, ImageDraw

    img = Image.new("L", (200, 260), 255)
    draw = ImageDraw.Draw(img)
    for y in range(20, 240, 12):
        draw.line((20, y, 180, y), fill=0, width=3)  # looks like lines of scanned text
    buf = io.BytesIO()
    img.save(buf, format="PNG")
    buf.seek(0)
    return buf


def planted_pdf() -> bytes:
    page1 = [line for line in HEAD if line] + [BODY, "表1：各乡镇企业情况", *TABLE]
    return pdf_pages([page1, [*TAIL]])


# -- Word files with hidden content -----------------------------------------------------------

def add_xml_paragraph(d, inner: str) -> None:
    """Append a w:p whose content is raw WordprocessingML."""
    d.element.body.insert(len(d.element.body) - 1, parse_xml(f"<w:p {NSDECL}>{inner}</w:p>"))


def run(text: str, hidden: bool = False) -> str:
    rpr = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'


def deleted(text: str) -> str:
    return (f'<w:del w:id="91" w:author="张三" w:date="2024-05-06T10:00:00Z"><w:r>'
            f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>')


def inserted(text: str) -> str:
    return f'<w:ins w:id="92" w:author="张三" w:date="2024-05-06T10:00:00Z">{run(text)}</w:ins>'


def textbox(text: str) -> str:
    return (f'<w:r><w:pict><v:shape id="tb1" style="width:200pt;height:50pt"><v:textbox><w:txbxContent>'
            f'<w:p>{run(text)}</w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>')


def add_part(d, partname: str, content_type: str, reltype: str, blob: bytes) -> None:
    part = Part(PackURI(partname), content_type, blob, d.part.package)
    d.part.relate_to(part, reltype)


def add_footnote(d, text: str) -> None:
    xml = (f'<w:footnotes {NSDECL}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
           f'</w:footnote><w:footnote w:id="1"><w:p>{run(text)}</w:p></w:footnote></w:footnotes>')
    add_part(d, "/word/footnotes.xml", CT.WML_FOOTNOTES, RT.FOOTNOTES, xml.encode())


def add_embedded_xlsx(d, xlsx: bytes) -> None:
    add_part(d, "/word/embeddings/Microsoft_Excel_Worksheet1.xlsx",
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", RT.PACKAGE, xlsx)


def hidden_docx() -> bytes:
    """A notice with a tracked deletion holding an ID number, a tracked insertion, hidden text,
    a comment, a text box, a footnote, a header, an embedded worksheet and an author."""
    d = docx.Document()
    d.core_properties.author = "王小明"
    d.core_properties.last_modified_by = "Administrator"
    d.add_paragraph("关于开展2024年统计执法检查的通知")
    add_xml_paragraph(d, run("经核查，") + deleted(f"当事人李四（身份证号{ID}）") + inserted("有关企业") + run("已整改。"))
    add_xml_paragraph(d, run("检查工作由执法科负责。") + run("内定对象：青梧市某某化工有限公司", hidden=True))
    p = d.add_paragraph("请各单位按时报送。")
    d.add_comment(p.runs[0], text="此段请再核实数据来源", author="赵六", initials="ZL")
    add_xml_paragraph(d, run("附：") + textbox("文本框中的说明文字"))
    add_footnote(d, "脚注：数据截至2024年4月30日。")
    d.sections[0].header.paragraphs[0].text = "青梧市统计局"
    wb = openpyxl.Workbook()
    wb.active.append(["企业名称", "营业收入"])
    wb.active.append(["青梧市某某化工有限公司", 1234])
    buf = io.BytesIO()
    wb.save(buf)
    add_embedded_xlsx(d, buf.getvalue())
    return save_docx(d)


def hidden_xlsx() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "汇总"
    ws.append(["乡镇", "企业数", "营业收入（万元）"])
    ws.append(["A镇", 12, 3500])
    ws.append(["B镇", 15, 4200])
    ws.append(["C镇", 3, 80])
    ws.row_dimensions[4].hidden = True
    ws.column_dimensions["C"].hidden = True
    detail = wb.create_sheet("明细")
    detail.sheet_state = "hidden"
    detail.append(["企业名称", "乡镇", "营业收入（万元）"])
    detail.append(["青梧市某某化工有限公司", "C镇", 60])
    detail.append(["青梧市某某纺织厂", "C镇", 20])
    secret = wb.create_sheet("底稿")
    secret.sheet_state = "veryHidden"
    secret.append(["核对人", "张三"])
    wb.properties.creator = "张三"
    wb.properties.lastModifiedBy = "青梧市统计局"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


# -- hostile files ------------------------------------------------------------------------------

def zip_with(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def replace_member(package: bytes, name: str, data: bytes) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(package))
    members = {n: (data if n == name else src.read(n)) for n in src.namelist()}
    return zip_with(members)


def zip_bomb_docx(path, size: int = 1 << 30, *, lie: bool = False) -> None:
    """A docx whose word/document.xml inflates to ``size`` bytes (written to ``path``
    in 1 MiB chunks, so building it needs no gigabyte of memory). With ``lie``, the central
    directory declares a tiny size for it."""
    base = zipfile.ZipFile(io.BytesIO(save_docx(docx.Document())))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name in base.namelist():
            if name == "word/document.xml":
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                with zf.open(info, "w", force_zip64=True) as f:
                    chunk = b" " * (1 << 20)
                    for _ in range(size >> 20):
                        f.write(chunk)
            else:
                zf.writestr(name, base.read(name))
    if lie:
        data = bytearray(path.read_bytes())
        _shrink_declared_size(data, b"word/document.xml")
        path.write_bytes(bytes(data))


def _shrink_declared_size(data: bytearray, name: bytes) -> None:
    """Rewrite the central-directory entry of ``name`` to declare 4 KiB uncompressed."""
    import struct

    pos = 0
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            return
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        extra_len = struct.unpack_from("<H", data, pos + 30)[0]
        if bytes(data[pos + 46:pos + 46 + name_len]) == name:
            if struct.unpack_from("<I", data, pos + 24)[0] == 0xFFFFFFFF:  # zip64: size in the extra field
                extra = pos + 46 + name_len
                end = extra + extra_len
                while extra + 4 <= end:
                    tag, ln = struct.unpack_from("<HH", data, extra)
                    if tag == 1:
                        struct.pack_into("<Q", data, extra + 4, 4096)
                        break
                    extra += 4 + ln
            else:
                struct.pack_into("<I", data, pos + 24, 4096)
            return
        pos += 46
