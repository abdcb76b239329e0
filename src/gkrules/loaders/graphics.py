"""The text of SmartArt graphics and charts in Word and Excel files.

A SmartArt graphic (an organisation chart, a process, a contact list drawn as boxes) keeps
its text in its data part (``*/diagrams/data*.xml``), a chart its title, series names,
category labels and cached values in its chart part (``*/charts/chart*.xml``), a sheet's
text boxes and shapes their text in the sheet's drawing (``xl/drawings/drawing*.xml``);
none is in the document body or the sheets, and all are shown to whoever opens the file. Each graphic
becomes lines after the content (block kind ``graphic``, ref ``SmartArt 图形 N`` or
``图表 N``), visible, so that every checker reads them.
"""

from __future__ import annotations

import re

from gkrules.loaders.builder import TextBuilder
from gkrules.loaders.safezip import Package

A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
DGM = "{http://schemas.openxmlformats.org/drawingml/2006/diagram}"
XDR = "{http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing}"
_DIAGRAM = re.compile(r"^(?:word|xl)/diagrams/data\d*\.xml$")
_CHART = re.compile(r"^(?:word|xl)/charts/chart\d*\.xml$")
#: a sheet's drawing: its shapes and text boxes (Word's are read with the body, where they stand)
_DRAWING = re.compile(r"^xl/drawings/drawing\d*\.xml$")


def _number(name: str) -> int:
    digits = re.findall(r"\d+", name.rsplit("/", 1)[-1])
    return int(digits[0]) if digits else 0


def diagram_lines(root) -> list[str]:
    """One line per SmartArt node with text (its paragraphs joined by a space)."""
    lines = []
    for pt in root.iter(DGM + "pt"):
        body = pt.find(DGM + "t")
        if body is None:
            continue
        paragraphs = ["".join(t.text or "" for t in p.iter(A + "t")) for p in body.iter(A + "p")]
        text = " ".join(p.strip() for p in paragraphs if p.strip())
        if text:
            lines.append(text)
    return lines


def chart_lines(root) -> list[str]:
    """The chart's titles and text, then per series: its name, categories and values."""
    lines = []
    for title in root.iter(C + "title"):
        text = "".join(t.text or "" for t in title.iter(A + "t")) or "".join(v.text or "" for v in title.iter(C + "v"))
        if text.strip():
            lines.append(text.strip())
    for ser in root.iter(C + "ser"):
        name = "".join(v.text or "" for tx in ser.iter(C + "tx") for v in tx.iter(C + "v")).strip()
        parts = []
        for tag in ("cat", "xVal", "val", "yVal"):
            el = ser.find(C + tag)
            if el is not None:
                values = [v.text.strip() for v in el.iter(C + "v") if v.text and v.text.strip()]
                if values:
                    parts.append("、".join(values))
        if name or parts:
            lines.append("：".join(x for x in (name, "；".join(parts)) if x))
    return lines


def drawing_lines(root) -> list[str]:
    """One line per paragraph of text in a sheet's shapes and text boxes."""
    lines = []
    for body in root.iter(XDR + "txBody"):
        for p in body.iter(A + "p"):
            text = "".join(t.text or "" for t in p.iter(A + "t")).strip()
            if text:
                lines.append(text)
    return lines


def write_graphics(b: TextBuilder, pkg: Package) -> None:
    """SmartArt and chart text of the package, each graphic after a blank line."""
    for name in sorted(pkg.names(), key=lambda n: (n.rsplit("/", 1)[0], _number(n), n)):
        if _DIAGRAM.match(name):
            label, read = f"SmartArt 图形 {_number(name) or 1}", diagram_lines
        elif _CHART.match(name):
            label, read = f"图表 {_number(name) or 1}", chart_lines
        elif _DRAWING.match(name):
            label, read = f"绘图 {_number(name) or 1} 的文本框", drawing_lines
        else:
            continue
        root = pkg.xml(name)
        lines = read(root) if root is not None else []
        if lines:
            b.blank()
        for line in lines:
            b.line(line, "graphic", ref=label)


__all__ = ["chart_lines", "diagram_lines", "drawing_lines", "write_graphics"]
