"""Metamorphic invariance: one logical table rendered in nine physical layouts (pipe with and
without outer bars, two-space aligned, single-space aligned, tab, CSV, xlsx with merged header
cells, HTML with rowspan/colspan, docx with merged cells), the header on one to four lines,
the total at the top, at the bottom or absent, gives the same verdicts (rule, row) in every
layout — and the verdicts a reviewer expects (every row of one or two units with its figure flagged, a hidden
… given back by the total flagged as recoverable)."""

from __future__ import annotations

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gkrules.testing import check_text

CHECKER = "unit-identifiability"
LABELS = ("采矿业", "纺织业", "烟草制品业", "医药制造业", "金属制品业", "汽车制造业", "家具制造业", "造纸业")


@st.composite
def logical_tables(draw):
    n = draw(st.integers(3, 6))
    labels = draw(st.permutations(LABELS))[:n]
    counts = draw(st.lists(st.integers(1, 40), min_size=n, max_size=n))
    values = draw(st.lists(st.integers(1000, 999999), min_size=n, max_size=n))
    rows = [(lab, c, v) for lab, c, v in zip(labels, counts, values, strict=True)]
    total = draw(st.sampled_from(["top", "bottom", "none"]))
    total_row = ("合计", sum(counts), sum(values))
    # one value hidden (…) in some tables: the total gives it back
    hidden = draw(st.one_of(st.none(), st.integers(0, n - 1)))
    if hidden is not None:
        lab, c, _v = rows[hidden]
        rows[hidden] = (lab, c, "…")
    if total == "top":
        rows = [total_row, *rows]
    elif total == "bottom":
        rows = [*rows, total_row]
    header_lines = draw(st.integers(1, 4))
    return rows, header_lines


def _header_grid(h: int) -> list[list[str]]:
    """The header rows: words broken over lines as yearbooks print them."""
    if h == 1:
        return [["行业", "企业单位数（个）", "营业收入（万元）"]]
    if h == 2:
        return [["行业", "企业单位数", "营业收入"], ["", "（个）", "（万元）"]]
    if h == 3:
        return [["行 业", "企 业", "营 业"], ["", "单 位 数", "收 入"], ["", "（个）", "（万元）"]]
    return [["行 业", "企 业", "营 业"], ["", "单 位", "收 入"], ["", "数", "合 计"], ["", "（个）", "（万元）"]]


def _body(rows) -> list[list[str]]:
    return [[lab, str(c), str(v)] for lab, c, v in rows]


CAPTION = "表1　2024年分行业规模以上工业企业主要指标"


def pipe(rows, h, outer=True):
    lines = [CAPTION]
    for r in [*_header_grid(h), *_body(rows)]:
        lines.append(("| " + " | ".join(r) + " |") if outer else " | ".join(c or " " for c in r))
    return "\n".join(lines) + "\n"


def aligned(rows, h):
    grid = [*_header_grid(h), *_body(rows)]
    widths = [max(len(r[j]) for r in grid) * 2 + 2 for j in range(3)]
    lines = [CAPTION] + ["".join(c.ljust(w) if j == 0 else c.rjust(w) for j, (c, w) in enumerate(zip(r, widths, strict=True))).rstrip()
                         for r in grid]
    return "\n".join(lines) + "\n"


def single_space(rows, h):
    head = ["项目 企业单位数 营业收入", "(个) (万元)"] if h > 1 else ["项目 企业单位数（个） 营业收入（万元）"]
    lines = [CAPTION, *head, *(" ".join(r) for r in _body(rows))]
    return "\n".join(lines) + "\n"


def tab(rows, h):
    return "\n".join([CAPTION, *("\t".join(r) for r in [*_header_grid(h), *_body(rows)])]) + "\n"


def csv_text(rows, h):
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([CAPTION])
    for r in [*_header_grid(h), *_body(rows)]:
        w.writerow(r)
    return out.getvalue()


def html(rows, h):
    head = _header_grid(h)
    trs = [f'<tr><td colspan="3">{CAPTION}</td></tr>']
    for i, r in enumerate(head):
        cells = [f'<td rowspan="{h}">{r[0]}</td>'] if i == 0 else []
        cells += [f"<td>{c or '&nbsp;'}</td>" for c in r[1:]]
        trs.append("<tr>" + "".join(cells) + "</tr>")
    for r in _body(rows):
        trs.append("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>")
    return f"<html><head><title>表</title></head><body><table>{''.join(trs)}</table></body></html>"


def xlsx(rows, h):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([CAPTION, None, None])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=3)
    for r in _header_grid(h):
        ws.append([c or None for c in r])
    if h > 1:
        ws.merge_cells(start_row=2, start_column=1, end_row=1 + h, end_column=1)
    for lab, c, v in rows:
        ws.append([lab, c, v])  # … stays text, as bureaus type it
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def docx(rows, h):
    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph(CAPTION)
    grid = [*_header_grid(h), *_body(rows)]
    t = d.add_table(rows=len(grid), cols=3)
    for i, r in enumerate(grid):
        for j, c in enumerate(r):
            if c:
                t.cell(i, j).text = c
    if h > 1:
        t.cell(0, 0).merge(t.cell(h - 1, 0))
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


LAYOUTS = {
    "pipe.txt": lambda r, h: pipe(r, h, True),
    "pipe-open.txt": lambda r, h: pipe(r, h, False),
    "aligned.txt": aligned,
    "single.txt": single_space,
    "tab.txt": tab,
    "table.csv": csv_text,
    "sheet002.htm": html,
    "book.xlsx": xlsx,
    "report.docx": docx,
}


def verdicts(data, name: str) -> set[tuple[str, str]]:
    res = check_text(data, checker=CHECKER, name=name)
    assert not res.errors, (name, res.errors)
    out = set()
    for f in res.findings:
        if f.checker != CHECKER or f.rule == "table-not-understood":
            continue
        label = next((lab for lab in (*LABELS, "合计") if lab in f.message), "?")
        out.add((f.rule, label))
    return out


@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(logical_tables())
def test_same_verdicts_in_every_layout(table):
    rows, h = table
    has_total = any(lab == "合计" for lab, _c, _v in rows)
    expected = {("small-cell", lab) for lab, c, v in rows if lab != "合计" and c < 3 and v != "…"}
    expected |= {("recoverable-suppression", lab) for lab, _c, v in rows if v == "…" and has_total}
    for name, render in LAYOUTS.items():
        assert verdicts(render(rows, h), name) == expected, (name, h, rows)
