"""HTML pages as portal CMSes lay them out: the title is found wherever the metadata block
stands, and a policy published with its interpretation is not blocked.

tests/data/cms/ holds five page structures written after real bureau pages (see its README);
the property test builds many more from the same parts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.engine import Engine
from gkrules.inputs import InputDocument

CMS = Path(__file__).parent / "data" / "cms"
TODAY = dt.date(2024, 6, 12)
PAIRS = {
    "01-table-before-h1": "白榆县统计局关于印发《白榆县统计调查项目管理办法》的通知",
    "02-bullets-before-title": "青梧市统计局关于印发《青梧市统计调查员管理办法》的通知",
    "03-dl-before-h1-articletitle": "鹤汀县统计局关于印发《鹤汀县统计行政处罚裁量基准》的通知",
    "04-one-line-fields-h2": "澜江市统计局关于印发统计数据质量管理办法的通知",
    "05-split-divs-title-only": "岚州市统计局关于印发《岚州市统计执法检查规定》的通知",
}


@pytest.fixture(scope="module")
def engine():
    return Engine("national")


def _docs(*names: str) -> list[InputDocument]:
    return [InputDocument(f"{n}.html", (CMS / f"{n}.html").read_bytes()) for n in names]


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_title_and_no_false_block_with_the_interpretation(engine, name):
    alone = engine.check(_docs(name), today=TODAY)
    assert alone.documents[0].metadata.title == PAIRS[name]
    assert [f.rule for _, f in alone.findings() if f.severity.value == "block"] == ["missing-interpretation"]
    both = engine.check(_docs(name, f"{name}-jd"), today=TODAY)
    assert both.documents[0].metadata.title == PAIRS[name]
    assert [(f.checker, f.rule) for _, f in both.findings() if f.severity.value in ("block", "warn")] == []


TITLE = "白榆县统计局关于印发《白榆县统计执法检查规定》的通知"
ROWS = [("索引号", "011043428/2024-00031"), ("发布机构", "白榆县统计局"), ("成文日期", "2024-05-27"),
        ("文号", "白统规〔2024〕2号"), ("公开方式", "主动公开"), ("主题分类", "统计")]


def _block(style: str, rows) -> str:
    if style == "table":
        return "<table>" + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows) + "</table>"
    if style == "table2":
        cells = [f"<td>{k}</td><td>{v}</td>" for k, v in rows]
        return "<table>" + "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>" for i in range(0, len(cells), 2)) + "</table>"
    if style == "dl":
        return "".join(f"<dl><dt>{k}：</dt><dd>{v}</dd></dl>" for k, v in rows)
    if style == "bullets":
        return "<ul>" + "".join(f"<li><span>[ {k} ]</span><span>{v}</span></li>" for k, v in rows) + "</ul>"
    if style == "stacked":
        return "".join(f"<div><div>{k}</div><div>{v}</div></div>" for k, v in rows)
    return "<div>" + " ".join(f"{k}: {v}" for k, v in rows) + "</div>"  # one line


@given(style=st.sampled_from(["table", "table2", "dl", "bullets", "stacked", "line"]),
       rows=st.permutations(ROWS).map(lambda r: r[:4]),
       before=st.booleans(),
       heading=st.sampled_from(["h1", "h2", "div", "articletitle", "title-only"]),
       site=st.sampled_from(["_白榆县人民政府", " - 白榆县统计局", "｜白榆县政府门户网站"]))
@settings(max_examples=120, deadline=None)
def test_title_wherever_the_metadata_block_stands(engine, style, rows, before, heading, site):
    head = f"<title>{TITLE}{site}</title>"
    if heading == "articletitle":
        head += f'<meta name="ArticleTitle" content="{TITLE}">'
    title = "" if heading in ("title-only",) else (
        f"<div class='title'>{TITLE}</div>" if heading == "div" else f"<{heading if heading != 'articletitle' else 'h1'}>"
        f"{TITLE}</{heading if heading != 'articletitle' else 'h1'}>")
    block = _block(style, rows)
    body = ("<p>各乡镇人民政府，各统计调查对象：</p><p>现将《白榆县统计执法检查规定》印发给你们，请遵照执行。</p>"
            "<p>白榆县统计局</p><p>2024年5月27日</p>")
    page = (f"<html><head><meta charset='utf-8'>{head}</head><body>"
            + (block + title if before else title + block) + body + "</body></html>")
    report = engine.check([InputDocument("page.html", page.encode())], today=TODAY)
    assert report.documents[0].metadata.title == TITLE
