"""One table of people written in every format gkrules reads: CSV, xlsx (openpyxl), docx
(python-docx), HTML, text tables (pipe and tab) and PDF (reportlab, built-in STSong-Light CID
font). The personal-info tests plant values in these shapes and check detection, redaction
and that no raw value leaks into any output."""

from __future__ import annotations

import csv
import html
import io

FORMATS = ("csv", "xlsx", "docx", "html", "txt", "tsv", "pdf")
EXT = {"csv": "csv", "xlsx": "xlsx", "docx": "docx", "html": "html", "txt": "txt", "tsv": "txt", "pdf": "pdf"}


def render(fmt: str, title: str, header: list[str], rows: list[list[str]], tail: list[str] = ()) -> bytes:
    """``title`` line, the table, then ``tail`` lines, as a file of format ``fmt``."""
    return _RENDER[fmt](title, header, rows, list(tail))


def _csv(title, header, rows, tail) -> bytes:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _xlsx(title, header, rows, tail) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "名单"
    ws.append([title])
    ws.append(header)
    for r in rows:
        ws.append(r)   # numbers as text, as bureaus type IDs and cards (a number cell loses digits)
    for line in tail:
        ws.append([line])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _docx(title, header, rows, tail) -> bytes:
    import docx

    d = docx.Document()
    d.add_paragraph(title)
    t = d.add_table(rows=1 + len(rows), cols=len(header))
    for c, v in enumerate(header):
        t.cell(0, c).text = v
    for r, row in enumerate(rows, 1):
        for c, v in enumerate(row):
            t.cell(r, c).text = v
    for line in tail:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _html(title, header, rows, tail) -> bytes:
    th = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{_cell_html(c)}</td>" for c in r) + "</tr>\n" for r in rows)
    foot = "".join(f"<p>{html.escape(line)}</p>\n" for line in tail)
    return (f"<html><head><meta charset='utf-8'><title>{html.escape(title)}</title></head><body>\n"
            f"<h1>{html.escape(title)}</h1>\n<table>\n<tr>{th}</tr>\n{body}</table>\n{foot}</body></html>\n"
            ).encode()


def _cell_html(text: str) -> str:
    """A line break typed in a cell is a ``<br>`` in a page."""
    return "<br>".join(html.escape(part) for part in text.split("\n"))


def _txt(title, header, rows, tail) -> bytes:
    lines = [title, "| " + " | ".join(header) + " |", *("| " + " | ".join(r) + " |" for r in rows), *tail]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _tsv(title, header, rows, tail) -> bytes:
    lines = [title, "\t".join(header), *("\t".join(r) for r in rows), *tail]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _pdf(title, header, rows, tail) -> bytes:
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=landscape(A4))
    size = 9
    # each column as wide as its widest cell, plus a gap (a printed table's columns never touch)
    widths = [max(pdfmetrics.stringWidth(r[k], "STSong-Light", size) for r in [header, *rows]) + 24
              for k in range(len(header))]
    xs = [30 + sum(widths[:k]) for k in range(len(header))]
    y = 560
    c.setFont("STSong-Light", size)
    c.drawString(30, y, title)
    for row in [header, *rows]:
        y -= 20
        for k, cell in enumerate(row):
            c.drawString(xs[k], y, cell)
    for line in tail:
        y -= 20
        c.drawString(30, y, line)
    c.showPage()
    c.save()
    return buf.getvalue()


_RENDER = {"csv": _csv, "xlsx": _xlsx, "docx": _docx, "html": _html, "txt": _txt, "tsv": _tsv, "pdf": _pdf}
