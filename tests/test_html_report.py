"""``--format html``: a self-contained review page, checked as a file and in headless Chromium.

The browser tests use Debian's ``chromium`` and ``chromium-driver`` through selenium (no
browser download). Without them they skip, except in CI (``GKRULES_REQUIRE_BROWSER=1``),
where a missing browser fails the run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path

import pytest

import fake_plugins
from gkrules import Engine, InputDocument, PluginManager
from gkrules.baseline import STALE_KEY, STALE_RULE, with_stale_findings
from gkrules.cli import main
from gkrules.filters.baseline import use_baseline
from gkrules.model import Finding, Location, Severity
from gkrules.outputs.html import _highlighted, mask_span, render_html
from gkrules.serialize import document_text_map
from gkrules.specs import RenderContext

RAW_ID = "11010519491231002X"
RAW_PHONE = "138 1234 5678"
NOTICE = ("000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n"
          "现将方案印发给你们，请认真贯彻执行。\n\n内部资料 注意保存\n")
PENALTY = (f"\n行政处罚决定书\n\n当事人：王某某，公民身份号码：{RAW_ID}，手机：{RAW_PHONE}\n"
           "违法事实：拒绝提供统计资料。\n秘密★1年\n")
ARCHIVE = "关于2023年统计数据发布的公告\n\n秘密★10年\n本公告所附数据已按规定发布。\n"


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """A batch with block/warn-free/suppressed/stale/personal findings, rendered to HTML."""
    root = tmp_path_factory.mktemp("html")
    docs = [InputDocument("通知.txt", NOTICE), InputDocument("处罚决定.txt", PENALTY),
            InputDocument("公告.txt", ARCHIVE)]
    first = Engine("national", plugins=PluginManager(extra=[("fake", fake_plugins)])).check(
        docs, today=dt.date(2024, 5, 6))
    mark = next(f for f in first.documents[2].findings if f.rule == "secrecy-mark")
    record = {"schema": "gkrules/baseline@1", "entries": [
        {"document": "公告.txt", "fingerprint": mark.fingerprint, "checker": mark.checker, "rule": mark.rule,
         "severity": "block", "reviewer": "张三", "stage": "终审", "reason": "已解密，保密办确认", "date": "2024-05-06"},
        {"document": "公告.txt", "fingerprint": "0" * 32, "checker": "confidential-marker", "rule": "internal-label",
         "severity": "block", "reviewer": "张三", "stage": "自审", "reason": "旧条目", "date": "2024-05-06"}]}
    (root / "record.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    pm = PluginManager(extra=[("fake", fake_plugins)])
    flt = use_baseline(pm, root / "record.json")
    flt.root = Path.cwd()  # the in-memory documents are named relative to the working folder
    engine = Engine("national", plugins=pm)
    report, loaded = engine.check_documents(docs, today=dt.date(2024, 5, 6))
    report = with_stale_findings(report, flt)
    rules = engine.rule_catalog()
    rules[STALE_KEY] = STALE_RULE
    texts = document_text_map(loaded)
    html = render_html(report, RenderContext(rules=rules, texts=texts))
    path = root / "report.html"
    path.write_text(html, encoding="utf-8")
    return path, html, report, texts


def test_page_is_self_contained_and_chinese(rendered):
    _, html, report, _ = rendered
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-CN">' in html
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!data:|#)""", html)  # no external asset at all
    assert "<link rel=\"stylesheet\"" not in html and "<script src" not in html
    for label in ("政务公开发布前审查报告", "阻断", "已忽略", "级别", "检查器", "依据", "证据", "不得发布"):
        assert label in html
    assert report.summary.block >= 3 and report.summary.suppressed == 1 and report.summary.info == 1


def test_personal_data_is_masked_in_the_text(rendered):
    _, html, _, _ = rendered
    assert RAW_ID not in html and "13812345678" not in html and RAW_PHONE not in html
    # the span shows a checker's masked evidence where it lines up with the raw text (both the
    # stand-in and the real personal-info checker report this ID), never the raw value
    assert re.search(r"11\*{13}02X|1101\*{10}002X", html)
    assert re.search(r"138 \*{4} 5678|\*{3} \*{4} \*{4}", html)


def test_mask_span_never_reveals_more_than_the_raw_text():
    assert mask_span("13812345678", "138****5678") == "138****5678"
    assert mask_span("13812345678", "139****5678") == "***********"  # evidence that does not line up
    assert mask_span("13812345678", "13812345678") == "***********"  # unmasked evidence is not trusted
    assert mask_span("王 某\n某", None) == "* *\n*"


def test_overlapping_findings_split_into_marks():
    def f(rule, s, e, sev):
        return Finding("c", rule, sev, "m", Location(start=s, end=e))

    html, first = _highlighted("abcdefgh", [("a", f("r1", 1, 5, Severity.WARN), False),
                                            ("b", f("r2", 3, 7, Severity.BLOCK), False),
                                            ("c", f("r3", 6, 8, Severity.INFO), True)])
    marks = re.findall(r'<mark class="hl" id="([^"]+)" data-ids="([^"]*)" data-show="(\w+)">([^<]*)</mark>', html)
    assert [(ids, show, text) for _, ids, show, text in marks] == [
        ("a", "warn", "bc"), ("a b", "block", "de"), ("b", "block", "f"), ("b c", "block", "g"), ("c", "suppressed", "h")]
    assert re.sub(r"<[^>]+>", "", html) == "abcdefgh"
    assert set(first) == {"a", "b", "c"}


def test_cli_writes_html(tmp_path, monkeypatch, capsys):
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.txt", "--format", "html", "--output", "r.html", "--today", "2024-05-06"]) == 1
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "秘密★3年</mark>" in html and "a.txt" in html


# -- in the browser ----------------------------------------------------------------------------

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="module")
def browser():
    problems = []
    chromium = shutil.which("chromium") or (CHROMIUM if os.path.exists(CHROMIUM) else None)
    driver_path = shutil.which("chromedriver")
    if chromium is None:
        problems.append("chromium（Debian 软件包 chromium）")
    if driver_path is None:
        problems.append("chromedriver（Debian 软件包 chromium-driver）")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        problems.append("selenium")
    if problems:
        message = "缺少浏览器测试所需的：" + "、".join(problems)
        if os.environ.get("GKRULES_REQUIRE_BROWSER") == "1":
            pytest.fail(message)
        pytest.skip(message)
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--lang=zh-CN"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    drv = webdriver.Chrome(service=Service(driver_path), options=options)
    yield drv
    drv.quit()


MARK_RANGES = """
const out = {};
document.querySelectorAll("pre.text").forEach(function (pre) {
  let off = 0;
  const walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const n = Array.from(node.data).length;  // code points, as the report's offsets are
    const m = node.parentElement.closest("mark.hl");
    if (m) { m.getAttribute("data-ids").split(" ").forEach(function (id) {
      (out[id] = out[id] || []).push([off, off + n]); }); }
    off += n;
  }
});
return out;
"""


def _merged(ranges):
    out = []
    for s, e in sorted(ranges):
        if out and out[-1][1] == s:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def test_page_in_chromium(browser, rendered, tmp_path):
    path, _, report, texts = rendered
    browser.get(path.as_uri())
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
    total = sum(len(d.findings) + len(d.suppressed) for d in report.documents)
    assert browser.find_element("id", "shown").text == str(total)  # the script ran

    # every finding with a span is highlighted exactly there, and nowhere else
    ranges = browser.execute_script(MARK_RANGES)
    items = browser.execute_script(
        "return Array.from(document.querySelectorAll('li.finding')).map(li => [li.id, li.dataset.start, li.dataset.end,"
        " li.dataset.sev, li.dataset.checker, li.dataset.suppressed]);")
    assert len(items) == total
    spanned = 0
    for fid, start, end, *_ in items:
        if start:
            spanned += 1
            assert _merged(ranges.get(fid, [])) == [(int(start), int(end))], fid
        else:
            assert fid not in ranges
    assert spanned >= 5
    shown_text = browser.execute_script("return Array.from(document.querySelectorAll('pre.text')).map(p => p.textContent);")
    for d, shown in zip(report.documents, shown_text, strict=True):
        assert len(shown) == len(texts[d.source])
    assert RAW_ID not in browser.page_source and re.search(r"11\*{13}02X|1101\*{10}002X", shown_text[1])

    # filters: severity and checker
    browser.find_element("css selector", "input[name=sev][value=block]").click()
    hidden = browser.execute_script(
        "return Array.from(document.querySelectorAll('li.finding')).filter(li => li.hidden).map(li => li.id);")
    blocking = [i[0] for i in items if i[3] == "block" and i[5] == "0"]
    present = set(browser.execute_script(
        "return Array.from(document.querySelectorAll('li.finding')).map(li => li.id);"))
    # a blocking finding is hidden, or its whole document is (it had nothing else to show)
    assert sorted(hidden) == sorted(b for b in blocking if b in present)
    gone = {b.split("-")[0][1:] for b in blocking if b not in present}
    for doc in gone:
        assert all(i[3] == "block" and i[5] == "0" for i in items if i[0][1:].split("-")[0] == doc)
        assert browser.find_element("css selector", f'#index tr[data-doc="{doc}"]').get_attribute("hidden")
    shows = browser.execute_script("return Array.from(document.querySelectorAll('mark.hl')).map(m => m.dataset.show);")
    assert "block" not in shows
    assert browser.find_element("id", "shown").text == str(total - len(blocking))
    browser.find_element("css selector", "input[name=sev][value=block]").click()
    browser.find_element("css selector", "input[name=checker][value=fake-personal]").click()
    hidden = browser.execute_script(
        "return Array.from(document.querySelectorAll('li.finding')).filter(li => li.hidden).map(li => li.dataset.checker);")
    assert hidden and set(hidden) == {"fake-personal"}
    browser.find_element("css selector", "input[name=checker][value=fake-personal]").click()

    # a click on a finding brings its highlight into view
    first = next(i for i in items if i[1])
    # (a script click: a real one could land on the sticky header, depending on the window size)
    browser.execute_script("arguments[0].click();", browser.find_element("id", first[0]))
    mark_id = browser.find_element("id", first[0]).get_attribute("data-first-mark")
    assert "flash" in browser.find_element("id", mark_id).get_attribute("class")

    out_dir = Path(os.environ.get("GKRULES_ARTIFACTS") or tmp_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    shot = out_dir / "html-report.png"
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []


# -- a release batch of 2,000 documents ----------------------------------------------------------

BIG = 2000


def _big_report():
    """2,000 documents (about 9 MB of report): every 7th with a 阻断, others with 警告 or nothing."""
    from gkrules.model import DocumentResult, Report, RulesetInfo, Summary

    line = "根据《中华人民共和国统计法》和有关规定，现将2024年统计执法检查工作方案印发给你们，请认真贯彻执行。\n"
    docs, texts = [], {}
    counts = {Severity.BLOCK: 0, Severity.WARN: 0, Severity.INFO: 0}
    for i in range(BIG):
        text = f"关于第{i}号统计工作的通知\n\n" + line * 40 + ("秘密★3年\n" if i % 7 == 0 else "")
        source = f"批次/通知{i:04d}.txt"
        findings = []
        if i % 7 == 0:
            at = text.index("秘密★3年")
            findings.append(Finding("confidential-marker", "secrecy-mark", Severity.BLOCK, "标有国家秘密标志",
                                    Location(start=at, end=at + 6, line=43, column=1), evidence="秘密★3年",
                                    fingerprint=f"{i:032d}"))
        if i % 3 == 0:
            findings.append(Finding("disclosure-attribute", "missing", Severity.WARN, "未标注公开属性",
                                    fingerprint=f"w{i:031d}"))
        for f in findings:
            counts[f.severity] += 1
        docs.append(DocumentResult(source=source, sha256="0" * 64, findings=tuple(findings)))
        texts[source] = text
    summary = Summary(block=counts[Severity.BLOCK], warn=counts[Severity.WARN], info=0)
    report = Report(tool_version="0", ruleset=RulesetInfo("national", "x", "d"), complete=True, summary=summary,
                    documents=tuple(docs), today=dt.date(2024, 5, 6))
    return report, texts


FIRST_PAINT = """
const p = performance.getEntriesByType("paint").find(e => e.name === "first-contentful-paint");
return p ? p.startTime : null;
"""


def test_two_thousand_documents_open_fast_and_filter_by_document(browser, tmp_path):
    report, texts = _big_report()
    html = render_html(report, RenderContext(texts=texts))
    path = tmp_path / "big.html"
    path.write_text(html, encoding="utf-8")
    assert len(html.encode("utf-8")) > 8_000_000  # the size that took 6 s to first paint as one page
    browser.get(path.as_uri())
    paint = browser.execute_script(FIRST_PAINT)
    print(f"first contentful paint: {paint:.0f} ms")
    assert paint is not None and paint < 2000, paint
    assert browser.execute_script("return document.querySelectorAll('section.doc').length") == 20
    assert browser.find_element("id", "shown-docs").text == str(BIG)
    assert "保密标志" in browser.find_element("id", "filters").text  # checkers by their Chinese names
    out_dir = Path(os.environ.get("GKRULES_ARTIFACTS") or tmp_path)
    out_dir.mkdir(parents=True, exist_ok=True)
    assert browser.save_screenshot(str(out_dir / "html-index-2000.png"))

    # only documents with 阻断: whole documents disappear, from the page and from the index
    browser.find_element("id", "only-block").click()
    blocking_docs = (BIG + 6) // 7
    assert browser.find_element("id", "shown-docs").text == str(blocking_docs)
    sources = browser.execute_script("return Array.from(document.querySelectorAll('section.doc h2')).map(h => h.textContent);")
    assert len(sources) == 20 and all(int(s[-8:-4]) % 7 == 0 for s in sources)
    visible_rows = browser.execute_script("return document.querySelectorAll('#index tr[data-doc]:not([hidden])').length")
    assert visible_rows == blocking_docs
    assert browser.save_screenshot(str(out_dir / "html-only-block.png"))

    # N jumps from 阻断 to 阻断, across pages
    body = browser.find_element("tag name", "body")
    for _ in range(21):
        body.send_keys("n")
    state = browser.execute_script("return [window.gkrules.state.page, window.gkrules.state.at];")
    assert state == [1, 20]
    flashed = browser.execute_script("return Array.from(document.querySelectorAll('.flash')).map(e => e.id);")
    assert any(e.startswith("f140-") for e in flashed) or any(e.startswith("m") for e in flashed)

    # the index reaches a document on a later page
    browser.find_element("id", "only-block").click()
    browser.execute_script("document.querySelector('#index a[data-doc=\"1500\"]').click();")
    assert browser.find_element("id", "doc-1500").is_displayed()
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
