"""Loading throughput of the docx, pdf and xlsx loaders, and block lookups with many blocks.

    python benchmarks/bench_loaders.py            # figures go to docs/benchmarks.md by hand
    python benchmarks/bench_loaders.py --rounds 5

Generates realistic files in memory (a 公文 with many paragraphs and a table; a statistical
workbook; a multi-page PDF with a Chinese text layer), loads each several times through the
registry (sniffing and limits included) and, interleaved with it, the library underneath on
its own (python-docx, openpyxl read-only, pdfminer.six), and prints CPU milliseconds per
file (median and fastest), pages or cells per second, and how many times the library alone
gkrules takes. Needs the ``test`` extra (reportlab) for the PDF.
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


def library_alone(kind: str, data: bytes) -> None:
    """What the maintained library underneath does on its own: open the file and touch every
    paragraph and cell (python-docx), every cell value and number format (openpyxl read-only),
    every text box of every page (pdfminer.six) — the floor of the gkrules loader."""
    if kind == "docx":
        d = docx.Document(io.BytesIO(data))
        for p in d.paragraphs:
            p.text  # noqa: B018
        for t in d.tables:
            for row in t.rows:
                for c in row.cells:
                    c.text  # noqa: B018
    elif kind == "xlsx":
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    c.value, getattr(c, "number_format", None)
        wb.close()
    else:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer

        for page in extract_pages(io.BytesIO(data)):
            for el in page:
                if isinstance(el, LTTextContainer):
                    el.get_text()


def _cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main(argv: list[str] | None = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3, help="interleaved rounds gkrules/library (default 3)")
    args = ap.parse_args(argv)
    import attrs

    from gkrules.loaders import LoadOptions

    # no wall-clock limit: on a machine shared with other work a 50,000-row workbook can
    # take longer than the default 120 s, and this measures CPU time anyway
    registry = LoaderRegistry(PluginManager().loaders(), attrs.evolve(LoadOptions(), timeout_seconds=None))
    cases = [
        ("公文.docx（300 段 + 200 行表格）", "a.docx", make_docx(300, 200), "段/表格行"),
        ("公文.docx（2000 段 + 1000 行表格）", "b.docx", make_docx(2000, 1000), "段/表格行"),
        ("统计表.xlsx（5000 行 × 10 列）", "a.xlsx", make_xlsx(5000, 10), "单元格"),
        ("统计表.xlsx（50000 行 × 10 列）", "b.xlsx", make_xlsx(50000, 10), "单元格"),
        ("报告.pdf（20 页）", "a.pdf", make_pdf(20), "页"),
        ("报告.pdf（100 页）", "b.pdf", make_pdf(100), "页"),
    ]
    print(f"load {Path('/proc/loadavg').read_text().split()[:3]}; CPU time, {args.rounds} interleaved rounds")
    print(f"{'文件':36s} {'大小':>7s} {'gkrules 中位':>11s} {'最快':>8s} {'单位/秒':>10s} {'库本身 中位':>11s} {'最快':>8s} {'倍数':>6s}")
    for label, name, data, unit in cases:
        kind = name.rsplit(".", 1)[1]
        ours, lib = [], []
        doc = registry.load_bytes(name, data)
        for _ in range(args.rounds):  # interleaved: gkrules, library, gkrules, library …
            ours.append(_cpu(lambda name=name, data=data: registry.load_bytes(name, data)))
            lib.append(_cpu(lambda kind=kind, data=data: library_alone(kind, data)))
        if unit == "页":
            units = doc.metadata.extra["pages"]
        elif unit == "单元格":
            units = sum(len(r) for t in doc.tables for r in t.rows)
        else:
            units = sum(1 for b in doc.blocks if b.kind in ("paragraph", "row"))
        med, lmed = statistics.median(ours), statistics.median(lib)
        print(f"{label:36s} {len(data) / 1024:6.0f}K {med * 1000:9.0f}ms {min(ours) * 1000:6.0f}ms "
              f"{units / med:9.0f}{unit[:1]} {lmed * 1000:9.0f}ms {min(lib) * 1000:6.0f}ms {med / lmed:5.2f}x")
    for n in (1_000, 100_000):
        indexed, linear = bench_block_at(n, 10_000)
        print(f"block_at，{n} 个块，10000 次定位：索引 {indexed * 1000:.1f} ms（含建索引）；"
              f"原线性扫描约 {linear * 1000:.0f} ms")


if __name__ == "__main__":
    main()
