"""Word and Excel files with the Word and Excel files embedded in them.

A .docx may embed a worksheet and a .xlsx a Word document (an embedded worksheet is a common
place for unit-level data to hide): their text is read one level deep and follows the
content (``gkrules.loaders.ooxml``). The reader of embedded files is made here, where both
formats are known, and handed to each format's reader, so that ``docx`` and ``xlsx`` do not
import each other.
"""

from __future__ import annotations

from gkrules.loaders.docx import read_docx
from gkrules.loaders.html import load_html
from gkrules.loaders.ooxml import EmbeddedReader
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.text import load_text
from gkrules.loaders.xlsx import read_xlsx
from gkrules.model import Document


def load_docx(data: bytes, source: str, options: LoadOptions) -> Document:
    """A Word document, with the text of the Word and Excel files embedded in it."""
    return read_docx(data, source, options, _embedded_reader(options))


def load_xlsx(data: bytes, source: str, options: LoadOptions) -> Document:
    """An Excel workbook, with the text of the Word and Excel files embedded in it."""
    return read_xlsx(data, source, options, _embedded_reader(options))


def _embedded_reader(options: LoadOptions) -> EmbeddedReader:
    def read(name: str, blob: bytes) -> str:
        # one level deep: what an embedded file embeds in turn is only listed
        lower = name.lower()
        if lower.endswith((".docx", ".docm")):
            return read_docx(blob, name, options, None).text
        if lower.endswith((".xlsx", ".xlsm")):
            return read_xlsx(blob, name, options, None).text
        if lower.endswith((".htm", ".html", ".xhtml")):  # a Word document's imported HTML (altChunk)
            return load_html(blob, name, options).text
        if lower.endswith(".txt"):
            return load_text(blob, name, options).text
        return ""

    return read


__all__ = ["load_docx", "load_xlsx"]
