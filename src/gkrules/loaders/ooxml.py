"""What Word and Excel packages share: document properties and embedded objects.

Both go into ``Document.text`` as hidden blocks after the content, so the hidden-content
checker can report them and every other checker reads them too: a property line is
``文档属性·作者：…`` (block kind ``property``, ref ``文档属性·作者``); an embedded file is a
line naming it (kind ``embedded-object``) followed by the text of an embedded Word or Excel
file — an embedded worksheet is a common place for unit-level data to hide.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterable

from gkrules.errors import InputError
from gkrules.loaders.builder import TextBuilder
from gkrules.loaders.safezip import Package

EXTENDED = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
PROPERTY_PREFIX = "文档属性·"
#: property labels whose value names a person (the hidden-content checker reports them)
PERSON_PROPERTIES = ("作者", "最后修改者", "经理")
APP_PROPERTIES = (("Company", "单位"), ("Manager", "经理"))


def app_properties(pkg: Package) -> list[tuple[str, object]]:
    root = pkg.xml("docProps/app.xml")
    if root is None:
        return []
    return [(label, root.findtext(EXTENDED + tag)) for tag, label in APP_PROPERTIES]


def write_properties(b: TextBuilder, values: Iterable[tuple[str, object]]) -> None:
    for label, value in values:
        if isinstance(value, str) and value.strip():
            b.line(f"{PROPERTY_PREFIX}{label}：{value.strip()}", "property", ref=f"{PROPERTY_PREFIX}{label}",
                   hidden=True)


#: the text of an embedded file given its name and bytes ("" for a kind it does not read); raises
#: InputError for a file it cannot read. Given by ``gkrules.loaders.office``, which knows both
#: Word and Excel (so that neither of their modules imports the other).
EmbeddedReader = Callable[[str, bytes], str]


def write_embedded(b: TextBuilder, pkg: Package, objects: list[tuple[str, str]],
                   read_embedded: EmbeddedReader | None) -> None:
    """OLE objects found in the content (where, ProgID), then every file under */embeddings/,
    each with its text when ``read_embedded`` is given (None: one level down, only listed)."""
    n = 0
    for where, progid in objects:
        n += 1
        b.line(f"嵌入对象：{progid}（位于{where}）", "embedded-object", ref=f"嵌入对象{n}（{where}）", hidden=True)
    for name in sorted(pkg.names()):
        if "/embeddings/" not in name or name.endswith("/"):
            continue
        n += 1
        base = posixpath.basename(name)
        ref = f"嵌入对象{n}：{base}"
        b.line(f"嵌入文件：{base}", "embedded-object", ref=ref, hidden=True)
        inner = _embedded_text(read_embedded, base, pkg.read(name))
        if inner.strip():
            start, end = b.write(inner)
            b.write("\n")
            b.block("embedded-object", start, end, ref=ref, hidden=True)


def _embedded_text(read_embedded: EmbeddedReader | None, name: str, blob: bytes) -> str:
    if read_embedded is None:
        return ""
    try:
        return read_embedded(name, blob)
    except InputError as exc:
        return f"（嵌入文件无法读取：{exc.message}）"


__all__ = ["PERSON_PROPERTIES", "PROPERTY_PREFIX", "EmbeddedReader", "app_properties", "write_embedded", "write_properties"]
