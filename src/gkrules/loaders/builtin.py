"""The built-in plugin that registers gkrules' own loaders."""

from __future__ import annotations

from gkrules.loaders import sniff
from gkrules.loaders.csvfile import load_csv
from gkrules.loaders.html import load_html
from gkrules.loaders.text import load_text
from gkrules.plugins import hookimpl
from gkrules.specs import LoaderSpec


def _load_docx(data, source, options):
    from gkrules.loaders.office import load_docx

    return load_docx(data, source, options)


def _load_xlsx(data, source, options):
    from gkrules.loaders.office import load_xlsx

    return load_xlsx(data, source, options)


def _load_pdf(data, source, options):
    from gkrules.loaders.pdf import load_pdf

    return load_pdf(data, source, options)


def _load_legacy(data, source, options):
    from gkrules.loaders.legacy import load_legacy

    return load_legacy(data, source, options)


def _sniff_kind(kind: str):
    def claims(head: bytes) -> bool:
        return sniff.content_kind(head) == kind
    return claims


@hookimpl
def gkrules_loaders():
    # the heavy libraries (python-docx, openpyxl, pdfminer) are imported on first use
    yield LoaderSpec("text", (".txt", ".text"), load_text, description="纯文本（自动识别 UTF-8、GBK、GB18030 编码）")
    yield LoaderSpec("html", (".html", ".htm", ".shtml", ".xhtml"), load_html, sniff=sniff.is_html,
                     description="政府网站页面（正文、元数据栏、表格）")
    yield LoaderSpec("csv", (".csv",), load_csv, description="CSV 表格（自动识别编码与分隔符）")
    yield LoaderSpec("docx", (".docx",), _load_docx, sniff=_sniff_kind(sniff.DOCX),
                     description="Word 文档（正文、表格、页眉页脚、脚注、文本框、修订、批注、隐藏文字、文档属性）")
    yield LoaderSpec("xlsx", (".xlsx", ".xlsm"), _load_xlsx, sniff=_sniff_kind(sniff.XLSX),
                     description="Excel 工作簿（全部工作表含隐藏表、合并单元格、隐藏行列、批注、文档属性）")
    yield LoaderSpec("pdf", (".pdf",), _load_pdf, sniff=_sniff_kind(sniff.PDF),
                     description="PDF 文件（逐页文字与页码；无文字层的扫描页报告为无法检查）")
    yield LoaderSpec("legacy-office", (".doc", ".wps", ".rtf", ".xls", ".et"), _load_legacy,
                     description="旧版 Word/WPS/Excel/ET 文件（安装 LibreOffice 时自动转换，否则提示另存为新格式）")
