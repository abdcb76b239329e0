"""The shapes bureaus publish tables in (issue 13, done-when): a yearbook text table with a
three-line spaced header, single-space columns and a bottom 合计; an Excel-exported
``sheet002.htm`` page with rowspan/colspan headers and &nbsp; cells; a suppressed ``…`` that the
bottom total gives back; and the not-understood report for a table flattened one cell a line."""

from __future__ import annotations

from gkrules.testing import check_text

CHECKER = "unit-identifiability"


def found(text: str, name: str = "doc.txt"):
    res = check_text(text, checker=CHECKER, name=name)
    assert not res.errors, res.errors
    return [(f.rule, f.location.line if f.location else None, f.severity.value) for f in res.findings
            if f.checker == CHECKER]


YEARBOOK = '表3\u30002024年分行业规模以上工业企业主要指标\n行 业 企 业 营 业 利 润\n单 位 数 收 入 总 额\n(个) (万元) (万元)\n纺织业 12 452310 20311\n烟草制品业 1 983200 401200\n医药制造业 2 120330 8120\n金属制品业 25 302100 15230\n合计 40 1857940 444861\n'

SHEET002 = '<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><title>sheet002</title></head>\n<body link=blue vlink=purple>\n<table border=0 cellpadding=0 cellspacing=0 width=520 style=\'border-collapse:collapse;table-layout:fixed\'>\n <tr height=30><td colspan=4 height=30 class=xl65 width=520>表2\u30002024年分乡镇规模以上工业企业主要指标</td></tr>\n <tr height=19><td colspan=4 class=xl66>单位：万元</td></tr>\n <tr height=19><td rowspan=2 class=xl67>乡\u3000镇</td><td rowspan=2 class=xl68>企业单位数<br>（个）</td><td colspan=2 class=xl68>营业收入</td></tr>\n <tr height=19><td class=xl68>本年</td><td class=xl68>比上年增长（%）</td></tr>\n <tr height=19><td class=xl69>城关镇</td><td class=xl70>31</td><td class=xl70>1864250</td><td class=xl71>9.3</td></tr>\n <tr height=19><td class=xl69>石桥镇</td><td class=xl70>2</td><td class=xl70>96310</td><td class=xl71>-2.4</td></tr>\n <tr height=19><td class=xl69>桃源乡</td><td class=xl70>1</td><td class=xl70>87190</td><td class=xl71>31.6</td></tr>\n <tr height=19><td class=xl69>柳湾镇</td><td class=xl70>9</td><td class=xl70>403327</td><td class=xl71>&nbsp;</td></tr>\n <tr height=19><td class=xl72>全县合计</td><td class=xl73>43</td><td class=xl73>2451077</td><td class=xl74>8.1</td></tr>\n</table>\n</body></html>\n'

SUPPRESSED = '表4\u30002024年分行业规模以上工业营业收入\n| 行业 | 营业收入（万元） |\n| 纺织业 | 1200 |\n| 烟草制品业 | … |\n| 医药制造业 | 800 |\n| 合计 | 2500 |\n注：“…”表示涉及调查对象的数据，不予公布。\n'


def test_yearbook_table_with_spaced_three_line_header_single_spaces_and_bottom_total():
    assert found(YEARBOOK) == [("small-cell", 6, "block"), ("small-cell", 7, "block")]


def test_yearbook_table_without_small_rows_is_clean():
    text = YEARBOOK.replace("烟草制品业 1 ", "烟草制品业 4 ").replace("医药制造业 2 ", "医药制造业 5 ")
    assert found(text) == []


def test_excel_exported_html_with_rowspan_and_colspan_headers():
    assert found(SHEET002, "sheet002.htm") == [("small-cell", 6, "block"), ("small-cell", 7, "block")]


def test_suppressed_cell_given_back_by_the_bottom_total():
    assert found(SUPPRESSED) == [("recoverable-suppression", 4, "block")]


def test_suppressed_cell_with_a_second_suppression_is_protected():
    text = SUPPRESSED.replace("| 医药制造业 | 800 |", "| 医药制造业 | … |")
    assert found(text) == []


def test_counts_only_table_with_a_unit_line_is_not_a_small_cell():
    text = """表5　2024年各乡镇规模以上工业企业单位数
单位:个
乡镇 2022 2023 2024
城关镇 30 31 33
石桥镇 2 2 1
桃源乡 5 4 4
"""
    assert found(text) == []


def test_a_table_flattened_one_cell_a_line_is_read():
    cells = ["登记类型 |", "企业法人(个) |", "从业人员(人) |"] + [
        f"{x} |" for row in (("总计", 40, 3000), ("甲镇", 35, 2700), ("丙镇", 3, 200), ("乙镇", 2, 100)) for x in row]
    text = "表1　按地区分组的法人单位\n" + "\n".join(cells) + "\n"
    assert [r for r, _line, _sev in found(text)] == ["small-cell"]


def test_one_cell_lines_without_a_row_pattern_are_reported_not_understood():
    values = [f"{x} |" for x in (3000, 2700, 200, 100, 40, 35, 3, 2, 7, 9, 11, 13)]
    text = "表1　按地区分组的法人单位\n企业法人(个) |\n" + "\n".join(values) + "\n"
    assert [r for r, _line, _sev in found(text)] == ["table-not-understood"]


def test_a_stated_dominance_column_reports_the_dominated_rows():
    text = """表6　2024年分行业规模以上工业企业集中度
| 行业 | 企业单位数（个） | 营业收入（万元） | 首位企业占比（%） | 前两位企业合计占比（%） |
| 合计 | 64 | 2884236 | 12.5 | 20.1 |
| 烟草制品业 | 4 | 983200 | 93.5 | 98.0 |
| 医药制造业 | 6 | 120330 | 61.2 | 97.2 |
| 纺织业 | 54 | 1780706 | 8.3 | 15.0 |
"""
    assert found(text) == [("dominance", 4, "block"), ("dominance", 4, "block"), ("dominance", 5, "block")]


ROWS = [("合计", 46, 5000), ("采矿业", 1, 1000), ("纺织业", 20, 1500), ("烟草制品业", 2, 500), ("医药制造业", 23, 2000)]


def _rules(data, name):
    res = check_text(data, checker=CHECKER, name=name)
    assert not res.errors, res.errors
    return sorted((f.rule, next(lab for lab, _c, _v in ROWS if lab in f.message)) for f in res.findings
                  if f.checker == CHECKER)


def test_docx_table_with_merged_cells_and_the_header_repeated_on_a_new_page():
    import io

    import docx as python_docx

    d = python_docx.Document()
    d.add_paragraph("表1　2024年分行业规模以上工业企业主要指标")
    head = [["行 业", "企 业", "营 业"], ["", "单 位 数", "收 入"], ["", "（个）", "（万元）"]]
    body = [[a, str(b), str(c)] for a, b, c in ROWS]
    grid = head + body[:3] + head + body[3:]
    t = d.add_table(rows=len(grid), cols=3)
    for i, r in enumerate(grid):
        for j, c in enumerate(r):
            if c:
                t.cell(i, j).text = c
    t.cell(0, 0).merge(t.cell(2, 0))
    buf = io.BytesIO()
    d.save(buf)
    assert _rules(buf.getvalue(), "r.docx") == [("small-cell", "烟草制品业"), ("small-cell", "采矿业")]


def test_xlsx_with_a_merged_title_and_a_hidden_column():
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["表1　2024年分行业规模以上工业企业主要指标", None, None, None])
    ws.merge_cells("A1:D1")
    ws.append(["行业", "企业单位数（个）", "备注", "营业收入（万元）"])
    for lab, c, v in ROWS:
        ws.append([lab, c, "", v])
    ws.column_dimensions["C"].hidden = True
    buf = io.BytesIO()
    wb.save(buf)
    assert _rules(buf.getvalue(), "b.xlsx") == [("small-cell", "烟草制品业"), ("small-cell", "采矿业")]


def test_a_bottom_area_total_gives_back_the_hidden_cell():
    text = SUPPRESSED.replace("| 合计 | 2500 |", "| 全市合计 | 2500 |")
    assert found(text) == [("recoverable-suppression", 4, "block")]
