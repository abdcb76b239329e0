"""Fixture files generated in the tests: Word (python-docx plus raw WordprocessingML for what
python-docx cannot write), Excel (openpyxl) and PDF (reportlab with its built-in STSong-Light
CID font, so no font file is needed on a fresh machine)."""

from __future__ import annotations

import io
import struct
import zipfile
import zlib

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
    """A docx whose word/document.xml inflates to ``size`` bytes of spaces. The deflate
    stream is one fully flushed 1 MiB block repeated, so building it takes well under a second
    and no gigabyte of memory. With ``lie``, the zip headers declare 4 KiB for that member."""
    base = zipfile.ZipFile(io.BytesIO(save_docx(docx.Document())))
    entries = []
    for name in base.namelist():
        if name == "word/document.xml":
            chunk = b" " * (1 << 20)
            comp = zlib.compressobj(9, zlib.DEFLATED, -15)
            block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
            tail = comp.flush(zlib.Z_FINISH)  # an empty final block
            crc = 0
            for _ in range(size >> 20):
                crc = zlib.crc32(chunk, crc)
            raw = block * (size >> 20) + tail
            entries.append((name, raw, crc, 4096 if lie else size))
        else:
            data = base.read(name)
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            entries.append((name, comp.compress(data) + comp.flush(), zlib.crc32(data), len(data)))
    path.write_bytes(raw_zip(entries))


def raw_zip(entries: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of pre-deflated members: (name, raw deflate data, crc32, declared size)."""
    out = bytearray()
    central = bytearray()
    for name, raw, crc, size in entries:
        n = name.encode()
        offset = len(out)
        header = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(raw), size, len(n), 0)
        out += header + n + raw
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(raw), size,
                               len(n), 0, 0, 0, 0, 0, offset) + n
    cd_offset = len(out)
    out += central
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


def _zlib_repeated(chunk: bytes, times: int) -> bytes:
    """A zlib stream of ``chunk`` repeated ``times`` times, built without inflating it."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = comp.compress(chunk) + comp.flush(zlib.Z_FULL_FLUSH)
    tail = comp.flush(zlib.Z_FINISH)
    adler = 1
    for _ in range(times):
        adler = zlib.adler32(chunk, adler)
    return b"\x78\xda" + block * times + tail + struct.pack(">I", adler)


def minimal_pdf(content: bytes, *, filters: str = "/FlateDecode") -> bytes:
    """A one-page PDF whose content stream is ``content`` (already encoded with ``filters``)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter %s >>\nstream\n" % (len(content), filters.encode()) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_bomb(size: int = 1 << 30) -> bytes:
    """A PDF whose content stream inflates to ``size`` bytes."""
    return minimal_pdf(_zlib_repeated(b" " * (1 << 20), size >> 20))


XXE_DOCUMENT = (b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM '
                b'"file:///etc/passwd">]>\n<w:document xmlns:w="' + W_NS.encode() + b'"><w:body><w:p><w:r>'
                b'<w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')


def billion_laughs(root: bytes) -> bytes:
    """An XML part with the classic nested-entity expansion (10^9 "lol"s) inside ``root``."""
    ents = [b'<!ENTITY lol "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%s;" % (str(i - 1).encode() if i > 1 else b"") for _ in range(10)))
        for i in range(1, 10)]
    return (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [' + b"".join(ents) + b"]>\n" + root.replace(b"LOL", b"&lol9;"))


def fake_encrypted_office() -> bytes:
    """The start of an OLE2 compound file holding an EncryptedPackage stream, as Office writes
    a password-protected docx/xlsx."""
    head = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    return head + "EncryptedInfo".encode("utf-16-le") + b"\x00" * 64 + "EncryptedPackage".encode("utf-16-le") + \
        b"\x00" * 2048
