"""Strict Open XML read as Transitional.

Word and Excel can save "Strict Open XML" documents (ISO/IEC 29500 Strict): the same parts
and elements as the usual Transitional format under other namespace URIs
(``http://purl.oclc.org/ooxml/…``). python-docx, openpyxl and gkrules' own XML passes know
only the Transitional URIs, so a Strict workbook read as one sheetless, empty workbook — a
gate that said nothing about an ID number in cell B2. A package with Strict parts has its
XML parts' namespace and relationship-type URIs mapped to the Transitional ones before any
reader sees them (the mapping of ECMA-376 Part 1, 5th edition, Strict vs. Transitional
schemas); element names and structure are the same in both.

No maintained Python library converts Strict packages (the one converter found is a Java
prototype), hence this table.
"""

from __future__ import annotations

_T = "http://schemas.openxmlformats.org/"
_S = "http://purl.oclc.org/ooxml/"

#: most specific first: once a URI is mapped it no longer contains the Strict prefix
_URIS = (
    (_S + "officeDocument/relationships/extendedProperties", _T + "officeDocument/2006/relationships/extended-properties"),
    (_S + "officeDocument/relationships/customProperties", _T + "officeDocument/2006/relationships/custom-properties"),
    (_S + "officeDocument/relationships", _T + "officeDocument/2006/relationships"),
    (_S + "officeDocument/extendedProperties", _T + "officeDocument/2006/extended-properties"),
    (_S + "officeDocument/customProperties", _T + "officeDocument/2006/custom-properties"),
    (_S + "officeDocument/", _T + "officeDocument/2006/"),  # math, sharedTypes, customXml, docPropsVTypes…
    (_S + "drawingml/", _T + "drawingml/2006/"),  # main, chart, picture, wordprocessingDrawing…
    (_S + "spreadsheetml/main", _T + "spreadsheetml/2006/main"),
    (_S + "wordprocessingml/main", _T + "wordprocessingml/2006/main"),
    (_S + "presentationml/main", _T + "presentationml/2006/main"),
    (_S + "schemaLibrary/main", _T + "schemaLibrary/2006/main"),
)
_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")
_MARKERS = tuple(_S.encode(enc) for enc in _ENCODINGS)
_PAIRS = tuple(tuple((a.encode(enc), b.encode(enc)) for a, b in _URIS) for enc in _ENCODINGS)


def is_strict(xml: bytes) -> bool:
    """Whether an XML part uses a Strict Open XML URI (in any encoding an XML part may have)."""
    return any(m in xml for m in _MARKERS)


def transitional(xml: bytes) -> bytes:
    """The part with its Strict URIs replaced by the Transitional ones."""
    for marker, pairs in zip(_MARKERS, _PAIRS, strict=True):
        if marker in xml:
            for strict_uri, transitional_uri in pairs:
                xml = xml.replace(strict_uri, transitional_uri)
    return xml


__all__ = ["is_strict", "transitional"]
