"""Fuzzing every loader: bytes in, a Document or an InputError out — never another exception.

Each loader function is called directly (not through the registry, whose catch-all would
hide a loader's own unhandled exception). Inputs are arbitrary bytes, valid files with bytes
flipped, inserted or cut off, and — for docx/xlsx — valid zip packages whose XML parts are
mutated, so the fuzzing reaches the XML walkers and not only the zip checks.
"""

from __future__ import annotations

import io
import zipfile
from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from loader_makers import (
    hidden_docx,
    hidden_xlsx,
    planted_csv,
    planted_docx,
    planted_html,
    planted_pdf,
    planted_text,
    planted_xlsx,
    zip_with,
)

from gkrules.errors import InputError
from gkrules.loaders.csvfile import load_csv
from gkrules.loaders.html import load_html
from gkrules.loaders.office import load_docx, load_xlsx
from gkrules.loaders.options import LoadOptions
from gkrules.loaders.pdf import load_pdf
from gkrules.loaders.text import load_text
from gkrules.model import Document

OPTIONS = LoadOptions(max_bytes=1 << 20, max_member_bytes=4 << 20, max_unpacked_bytes=16 << 20, max_pages=20)
FUZZ = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

LOADERS = {"txt": load_text, "html": load_html, "csv": load_csv, "docx": load_docx, "xlsx": load_xlsx,
           "pdf": load_pdf}


@cache
def seeds() -> dict[str, list[bytes]]:
    return {
        "txt": [planted_text().encode("utf-8"), planted_text().encode("gbk")],
        "html": [planted_html().encode("utf-8")],
        "csv": [planted_csv().encode("utf-8-sig")],
        "docx": [planted_docx(), hidden_docx()],
        "xlsx": [planted_xlsx(), hidden_xlsx()],
        "pdf": [planted_pdf()],
    }


def check(fmt: str, data: bytes) -> None:
    try:
        doc = LOADERS[fmt](data, f"fuzz.{fmt}", OPTIONS)
    except InputError as exc:
        assert exc.message and "Traceback" not in exc.message
        return
    assert isinstance(doc, Document)
    n = len(doc.text)
    for b in doc.blocks:
        assert 0 <= b.start <= b.end <= n, b
    for t in doc.tables:
        for row in t.rows:
            for c in row:
                assert 0 <= c.start <= c.end <= n and doc.text[c.start:c.end] == c.text, c
    if n:
        doc.location(0, n)


mutation = st.tuples(st.integers(min_value=0), st.sampled_from(["flip", "insert", "delete", "cut"]),
                     st.binary(min_size=1, max_size=8))


def mutate(data: bytes, ops: list[tuple[int, str, bytes]]) -> bytes:
    out = bytearray(data)
    for pos, op, blob in ops:
        if not out:
            break
        i = pos % len(out)
        if op == "flip":
            out[i:i + len(blob)] = bytes(a ^ b for a, b in zip(out[i:i + len(blob)], blob, strict=False))
        elif op == "insert":
            out[i:i] = blob
        elif op == "delete":
            del out[i:i + len(blob)]
        else:
            del out[i:]
    return bytes(out)


def mutate_xml_members(package: bytes, ops: list[tuple[int, str, bytes]], which: int) -> bytes:
    """The package rezipped with one XML member mutated (zip checks pass; XML gets garbage)."""
    src = zipfile.ZipFile(io.BytesIO(package))
    names = [n for n in src.namelist() if n.endswith(".xml")]
    target = names[which % len(names)]
    return zip_with({n: mutate(src.read(n), ops) if n == target else src.read(n) for n in src.namelist()})


@FUZZ
@given(fmt=st.sampled_from(sorted(LOADERS)), data=st.binary(max_size=2048))
def test_arbitrary_bytes(fmt, data):
    check(fmt, data)


@FUZZ
@given(fmt=st.sampled_from(sorted(LOADERS)), seed=st.integers(min_value=0, max_value=1),
       ops=st.lists(mutation, min_size=1, max_size=6))
def test_mutated_valid_files(fmt, seed, ops):
    files = seeds()[fmt]
    check(fmt, mutate(files[seed % len(files)], ops))


@FUZZ
@given(fmt=st.sampled_from(["docx", "xlsx"]), seed=st.integers(min_value=0, max_value=1),
       which=st.integers(min_value=0, max_value=50), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_xml_inside_valid_packages(fmt, seed, which, ops):
    check(fmt, mutate_xml_members(seeds()[fmt][seed], ops, which))
