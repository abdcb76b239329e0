"""The built-in plugin that registers gkrules' own loaders."""

from __future__ import annotations

from gkrules.loaders.csvfile import load_csv
from gkrules.loaders.html import load_html
from gkrules.loaders.text import load_text
from gkrules.plugins import hookimpl
from gkrules.specs import LoaderSpec


def _sniff_html(head: bytes) -> bool:
    h = head.lstrip()[:512].lower()
    return h.startswith((b"<!doctype html", b"<html")) or b"<html" in h[:256]


@hookimpl
def gkrules_loaders():
    yield LoaderSpec("text", (".txt", ".text"), load_text, description="纯文本（自动识别 UTF-8、GBK、GB18030 编码）")
    yield LoaderSpec("html", (".html", ".htm", ".shtml", ".xhtml"), load_html, sniff=_sniff_html,
                     description="政府网站页面（正文、元数据栏、表格）")
    yield LoaderSpec("csv", (".csv",), load_csv, description="CSV 表格（自动识别编码与分隔符）")
