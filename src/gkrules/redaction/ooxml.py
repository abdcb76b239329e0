"""Redacting Word and Excel files (OOXML packages) in place, part by part.

Every XML part of the package is edited, not only the body: headers and footers, comments,
footnotes, text boxes, shared strings, inline strings, worksheet header/footer text,
document properties. A value Word split over several runs (``<w:r>``) is found in the text
of its paragraph and replaced across the runs, each run keeping its formatting.

Beyond the values: tracked changes are accepted (a deletion, which Word keeps in the file,
is removed; an insertion becomes plain text), the people named in the document properties
(作者, 最后修改者, 经理, 单位) are cleared, and what stays — comments, hidden text, hidden
sheets, embedded objects — is listed in the report. Afterwards every member of the package
is searched for every value, as bytes: a value left anywhere (or never found, for example
inside an embedded object) means no copy is written (fails closed).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Sequence

from lxml import etree

from gkrules.errors import GkrulesError

#: elements whose text runs together (a paragraph, a shared string, a comment's text)
_CONTAINERS = {"p", "si", "is", "text", "comment"}
#: document properties that name people or the unit (cleared)
_PEOPLE = {"creator", "lastModifiedBy", "Manager", "Company"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
X = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False, huge_tree=False)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _groups(root: etree._Element) -> list[list[tuple[etree._Element, str]]]:
    """Text nodes (element, "text"|"tail") grouped by the paragraph-like element holding them."""
    groups: dict[int, list[tuple[etree._Element, str]]] = {}
    order: list[int] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("text", "tail"):
            value = getattr(el, attr)
            if not value or (attr == "tail" and not value.strip()):
                continue
            holder = el if attr == "text" else el.getparent()
            if holder is None:
                continue
            container = next((a for a in (holder, *holder.iterancestors()) if _local(a.tag) in _CONTAINERS), None)
            key = id(container) if container is not None else id(el) * 2 + (attr == "tail")
            if key not in groups:
                groups[key] = []
                order.append(key)
            groups[key].append((el, attr))
    return [groups[k] for k in order]


def _replace(nodes: list[tuple[etree._Element, str]], pairs: Sequence[tuple[str, str]]) -> set[str]:
    """Replace the values in the joined text of ``nodes``; a replacement goes to the node where
    its value starts, the rest of the value is cut from the nodes it spans."""
    texts = [getattr(el, attr) or "" for el, attr in nodes]
    joined = "".join(texts)
    spans: list[tuple[int, int, str]] = []
    taken = [False] * len(joined)
    found: set[str] = set()
    for value, repl in pairs:  # longest first
        i = joined.find(value)
        while i >= 0:
            if not any(taken[i:i + len(value)]):
                spans.append((i, i + len(value), repl))
                taken[i:i + len(value)] = [True] * len(value)
                found.add(value)
            i = joined.find(value, i + 1)
    if not spans:
        return found
    owner = [k for k, t in enumerate(texts) for _ in t]
    out: list[list[str]] = [[] for _ in texts]
    starts = {s: (e, r) for s, e, r in spans}
    p = 0
    while p < len(joined):
        if p in starts:
            e, r = starts[p]
            out[owner[p]].append(r)
            p = e
        else:
            out[owner[p]].append(joined[p])
            p += 1
    for (el, attr), pieces in zip(nodes, out, strict=True):
        setattr(el, attr, "".join(pieces))
    return found


def _detach(el: etree._Element) -> None:
    """Remove ``el`` from its parent (a root element has none)."""
    parent = el.getparent()
    if parent is not None:
        parent.remove(el)


def _accept_tracked_changes(root: etree._Element, removed: list[str]) -> int:
    """Accept every tracked change; the text of deletions goes to ``removed``."""
    changes = 0
    for el in list(root.iter(W + "del", W + "moveFrom")):
        if el.getparent() is not None:
            removed.append("".join(str(t) for t in el.itertext()))
            _detach(el)
            changes += 1
    for el in list(root.iter(W + "ins", W + "moveTo")):
        parent = el.getparent()
        if parent is None:
            continue
        at = parent.index(el)
        for child in reversed(list(el)):
            parent.insert(at, child)
        parent.remove(el)
        changes += 1
    return changes


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _numbers_to_text(root: etree._Element) -> None:
    """A worksheet cell whose number was masked holds text now: an inline string."""
    for c in root.iter(X + "c"):
        v = c.find(X + "v")
        if v is None or c.get("t") not in (None, "n", "str") or _is_number(v.text or "0"):
            continue
        text = v.text or ""
        for child in list(c):
            if child.tag in (X + "v", X + "f"):
                c.remove(child)
        c.set("t", "inlineStr")
        is_ = etree.SubElement(c, X + "is")
        t = etree.SubElement(is_, X + "t")
        t.text = text
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


#: parts that hold comments (Word's comments and their extensions; Excel's notes, threaded
#: comments and their authors, and the VML drawings that show notes)
_COMMENT_PART = re.compile(r"^(word/comments[A-Za-z]*\.xml|xl/comments\d*\.xml|xl/threadedComments/[^/]+\.xml"
                           r"|xl/persons/[^/]+\.xml|xl/drawings/vmlDrawing\d*\.vml)$")
_COMMENT_MARKS = {W + "commentRangeStart", W + "commentRangeEnd"}
PR = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"


def _target(rels_name: str, target: str) -> str:
    base = posixpath.dirname(posixpath.dirname(rels_name))
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))


def _comment_parts(src: zipfile.ZipFile) -> set[str]:
    """Parts that hold comments, found by their relationship type (and by their usual names):
    comments and their extensions, Excel's threaded comments and their authors, and the VML
    drawing that shows a sheet's notes."""
    out = {n for n in src.namelist() if _COMMENT_PART.match(n)}
    for name in src.namelist():
        if not name.endswith(".rels"):
            continue
        try:
            root = etree.fromstring(src.read(name), _PARSER)
        except etree.XMLSyntaxError:
            continue
        rels = [(r.get("Type", "").rsplit("/", 1)[-1].lower(), _target(name, r.get("Target", "")))
                for r in root.iter(PR + "Relationship") if r.get("TargetMode") != "External"]
        has_comments = any("comment" in t for t, _ in rels)
        for kind, path in rels:
            if "comment" in kind or kind == "person" or (has_comments and kind == "vmldrawing"):
                out.add(path)
    return out


def _drop_comments(name: str, root: etree._Element, removed: set[str]) -> None:
    """Take out every reference to the removed comment parts from one part."""
    if name.endswith(".rels"):
        for rel in list(root.iter(PR + "Relationship")):
            if _target(name, rel.get("Target", "")) in removed:
                root.remove(rel)
    elif name == "[Content_Types].xml":
        for o in list(root.iter(CT + "Override")):
            if o.get("PartName", "").lstrip("/") in removed:
                root.remove(o)
    elif name.startswith("word/"):
        for el in list(root.iter(*_COMMENT_MARKS)):
            _detach(el)
        for ref in list(root.iter(W + "commentReference")):
            r = ref.getparent()
            if r is not None and r.getparent() is not None:
                _detach(r)
    elif name.startswith("xl/worksheets/"):
        for el in list(root.iter(X + "legacyDrawing")):
            _detach(el)


def redact_package(data: bytes, pairs: Sequence[tuple[str, str]], *, remove_comments: bool = True
                   ) -> tuple[bytes, list[str]]:
    """The package with every value replaced (and, by default, its comments removed); and
    what else was done or stays (Chinese)."""
    pairs = sorted(dict(pairs).items(), key=lambda p: -len(p[0]))
    notes: list[str] = []
    found: set[str] = set()
    counts = {"changes": 0, "people": 0, "comments": 0, "hidden": 0, "hidden_sheets": 0, "embedded": 0}
    src = zipfile.ZipFile(io.BytesIO(data))
    removed = _comment_parts(src) & set(src.namelist()) if remove_comments else set()
    dropped = 0
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as out:
        for info in src.infolist():
            blob = src.read(info)
            name = info.filename
            if name in removed:
                text = blob.decode("utf-8", "replace")
                found |= {v for v, _ in pairs if v in re.sub(r"<[^>]*>", "", text)}  # gone with the part
                dropped += name.endswith(".xml") and "comment" in name.lower()
                continue
            if removed and (name.endswith(".rels") or name == "[Content_Types].xml"
                            or name.startswith(("word/", "xl/worksheets/"))) and name.endswith((".xml", ".rels")):
                blob = _rewrite_xml(name, blob, lambda root, n=name: _drop_comments(n, root, removed))
            if "/embeddings/" in name:
                counts["embedded"] += 1
            elif name.endswith((".xml", ".vml")) and name != "[Content_Types].xml":
                blob = _redact_part(name, blob, pairs, found, counts)
            for value, repl in pairs:  # attributes (alt text, link targets) and anything else verbatim
                raw = value.encode("utf-8")
                if raw in blob:
                    blob = blob.replace(raw, repl.encode("utf-8"))
                    found.add(value)
            out.writestr(info, blob)
    result = buf.getvalue()
    _verify(result, [v for v, _ in pairs], found)
    if counts["changes"]:
        notes.append(f"已接受修订 {counts['changes']} 处（删除的文字已从文件中移除）")
    if counts["people"]:
        notes.append(f"已清除文档属性中的人员、单位 {counts['people']} 项（作者、最后修改者等）")
    if dropped:
        notes.append(f"已删除批注（{dropped} 个批注部件）")
    if counts["comments"]:
        notes.append(f"批注 {counts['comments']} 条保留在副本中（其中的个人信息已脱敏），发布前请确认是否删除")
    if counts["hidden"]:
        notes.append(f"隐藏文字 {counts['hidden']} 处保留在副本中（其中的个人信息已脱敏），发布前请确认")
    if counts["hidden_sheets"]:
        notes.append(f"隐藏的工作表 {counts['hidden_sheets']} 个保留在副本中（其中的个人信息已脱敏），发布前请确认")
    if counts["embedded"]:
        notes.append(f"嵌入对象 {counts['embedded']} 个未处理（其中不含本次检出的个人信息），发布前请确认是否删除")
    return result, notes


def _rewrite_xml(name: str, blob: bytes, edit) -> bytes:
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        raise GkrulesError(f"文件中的部件 {name} 不是有效的 XML，无法脱敏") from None
    edit(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _redact_part(name: str, blob: bytes, pairs, found: set[str], counts: dict[str, int]) -> bytes:
    try:
        root = etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError:
        raise GkrulesError(f"文件中的部件 {name} 不是有效的 XML，无法脱敏") from None
    if name.startswith("word/"):
        removed: list[str] = []
        counts["changes"] += _accept_tracked_changes(root, removed)
        found |= {v for v, _ in pairs if any(v in text for text in removed)}  # gone with the deletion
        counts["hidden"] += sum(1 for _ in root.iter(W + "vanish"))
    if name.startswith(("word/comments", "xl/comments")):
        counts["comments"] += sum(1 for el in root.iter() if _local(el.tag) == "comment")
    if name == "xl/workbook.xml":
        counts["hidden_sheets"] += sum(1 for el in root.iter(X + "sheet") if el.get("state") in ("hidden", "veryHidden"))
    if name.startswith("docProps/"):
        for el in root.iter():
            if _local(el.tag) in _PEOPLE and (el.text or "").strip():
                el.text = ""
                counts["people"] += 1
    hits: set[str] = set()
    for nodes in _groups(root):
        hits |= _replace(nodes, pairs)
    found |= hits
    if name.startswith("xl/worksheets/") and hits:
        _numbers_to_text(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _verify(package: bytes, values: Sequence[str], found: set[str]) -> None:
    missing = [v for v in values if v not in found]
    if missing:
        raise GkrulesError(f"有 {len(missing)} 处个人信息在文件部件中找不到原样文字（可能在嵌入对象中，或跨段落），"
                           "未生成脱敏副本；请在原文件中修改")
    with zipfile.ZipFile(io.BytesIO(package)) as z:
        for info in z.infolist():
            blob = z.read(info)
            for v in values:
                if v.encode("utf-8") in blob:
                    raise GkrulesError(f"脱敏后文件部件 {info.filename} 中仍有个人信息原文，未生成脱敏副本")
