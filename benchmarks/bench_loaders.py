"""Loading throughput of the docx, pdf and xlsx loaders, and block lookups with many blocks.

    python benchmarks/bench_loaders.py            # figures go to docs/benchmarks.md by hand

Generates realistic files in memory (a 公文 with many paragraphs and a table; a statistical
workbook; a multi-page PDF with a Chinese text layer), loads each several times through the
registry (sniffing and limits included) and prints MB/s of input, pages or cells per second
and milliseconds per file. Needs the ``test`` extra (reportlab) for the PDF.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "loaders"))

import docx
import openpyxl
from loader_makers import pdf_pages

from gkrules.loaders import LoaderRegistry
from gkrules.model import Block, Document
from gkrules.plugins import PluginManager

PARA = "　　为贯彻落实《中华人民共和国统计法》，进一步做好全市规模以上工业企业统计调查工作，现将有关事项通知如下：各单位要高度重视。"


def make_docx(paragraphs: int, rows: int) -> bytes:
    """Built as WordprocessingML text: python-docx's cell() is linear in the table size, so
    filling a large table through it is quadratic."""
    from xml.sax.saxutils import escape

    d = docx.Document()
    body = d.element.body
    sect = body[-1]
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paras = "".join(f"<w:p><w:r><w:t>{i + 1}. {escape(PARA)}</w:t></w:r></w:p>" for i in range(paragraphs))
    cells = lambda r: "".join(  # noqa: E731
        f"<w:tc><w:p><w:r><w:t>{escape(v)}</w:t></w:r></w:p></w:tc>"
        for v in (f"乡镇{r}", str(r * 3 % 97), f"{r * 12.5:.1f}", "规上工业", "正常"))
    table = "<w:tbl>" + "".join(f"<w:tr>{cells(r)}</w:tr>" for r in range(rows)) + "</w:tbl>"
    from docx.oxml import parse_xml

    for el in parse_xml(f"<w:body {w}>{paras}{table}</w:body>"):
        sect.addprevious(el)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def make_xlsx(rows: int, cols: int) -> bytes:
    wb = openpyxl.Workbook()  # not write_only: that mode omits <dimension>, which Excel always writes
    ws = wb.active
    ws.title = "数据"
    ws.append([f"指标{c}" for c in range(cols)])
    for r in range(rows):
        ws.append([f"乡镇{r}"] + [r * c * 1.5 for c in range(1, cols)])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pdf(pages: int) -> bytes:
    page = [PARA[:30]] * 30 + [["地区", "企业数", "营业收入"], ["A镇", "12", "3500"]]
    return pdf_pages([page] * pages)


def bench(registry: LoaderRegistry, name: str, data: bytes, repeat: int) -> tuple[list[float], Document]:
    times = []
    doc = None
    for _ in range(repeat):
        t = time.perf_counter()
        doc = registry.load_bytes(name, data)
        times.append(time.perf_counter() - t)
    return times, doc


def bench_block_at(n_blocks: int, lookups: int) -> tuple[float, float]:
    blocks = tuple(Block("cell", i * 10, i * 10 + 6, ref=f"A{i}") for i in range(n_blocks))
    doc = Document(source="x", text="x" * (n_blocks * 10), sha256="", format="xlsx", blocks=blocks)
    offsets = [(i * 7919) % (n_blocks * 10) for i in range(lookups)]
    t = time.perf_counter()
    for o in offsets:
        doc.block_at(o)
    indexed = time.perf_counter() - t
    t = time.perf_counter()
    for o in offsets[: max(1, lookups // 100)]:  # the former linear scan, on 1% of the lookups
        best = None
        for b in blocks:
            if b.start <= o < b.end and (b.end - b.start) <= (best.end - best.start if best else 1 << 60):
                best = b
    linear = (time.perf_counter() - t) * 100
    return indexed, linear


def main() -> None:
    registry = LoaderRegistry(PluginManager().loaders())
    cases = [
        ("公文.docx（300 段 + 200 行表格）", "a.docx", make_docx(300, 200), 5, "段/表格行"),
        ("公文.docx（2000 段 + 1000 行表格）", "b.docx", make_docx(2000, 1000), 3, "段/表格行"),
        ("统计表.xlsx（5000 行 × 10 列）", "a.xlsx", make_xlsx(5000, 10), 3, "单元格"),
        ("统计表.xlsx（50000 行 × 10 列）", "b.xlsx", make_xlsx(50000, 10), 1, "单元格"),
        ("报告.pdf（20 页）", "a.pdf", make_pdf(20), 3, "页"),
        ("报告.pdf（100 页）", "b.pdf", make_pdf(100), 1, "页"),
    ]
    print(f"{'文件':36s} {'大小':>9s} {'中位耗时':>9s} {'MB/s':>7s} {'单位/秒':>10s} {'字符数':>9s}")
    for label, name, data, repeat, unit in cases:
        times, doc = bench(registry, name, data, repeat)
        med = statistics.median(times)
        if unit == "页":
            units = doc.metadata.extra["pages"]
        elif unit == "单元格":
            units = sum(len(r) for t in doc.tables for r in t.rows)
        else:
            units = sum(1 for b in doc.blocks if b.kind in ("paragraph", "row"))
        print(f"{label:36s} {len(data) / 1024:8.0f}K {med * 1000:8.0f}ms {len(data) / med / 1e6:7.2f} "
              f"{units / med:9.0f}{unit[:1]} {len(doc.text):9d}")
    for n in (1_000, 100_000):
        indexed, linear = bench_block_at(n, 10_000)
        print(f"block_at，{n} 个块，10000 次定位：索引 {indexed * 1000:.1f} ms（含建索引）；"
              f"原线性扫描约 {linear * 1000:.0f} ms")


if __name__ == "__main__":
    main()
