"""Document.block_at answers from an index; it must agree with the plain definition
(the shortest placed block holding the offset; of equally short ones, the later)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.model import Block, Document


def naive(doc: Document, offset: int) -> Block | None:
    best = None
    for b in doc.blocks:
        if b.start <= offset < b.end and (b.page is not None or b.ref or b.hidden):
            if best is None or (b.end - b.start) <= (best.end - best.start):
                best = b
    return best


block = st.builds(
    lambda s, length, ref, page, hidden: Block("x", s, s + length, ref=ref, page=page, hidden=hidden),
    st.integers(0, 60), st.integers(0, 30), st.sampled_from([None, "", "a", "b"]),
    st.sampled_from([None, 1, 2]), st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(block, max_size=25))
def test_index_agrees_with_the_definition(blocks):
    doc = Document(source="x", text="x" * 100, sha256="", format="txt", blocks=tuple(blocks))
    for offset in range(-1, 102):
        assert doc.block_at(offset) == naive(doc, offset), offset


def test_many_blocks_nested_in_pages():
    cells = [Block("cell", i * 10, i * 10 + 5, ref=f"C{i}") for i in range(20_000)]
    pages = [Block("page", p * 50_000, (p + 1) * 50_000, page=p + 1) for p in range(4)]
    doc = Document(source="x", text="y" * 200_000, sha256="", format="xlsx", blocks=tuple(pages + cells))
    assert doc.location(12_342, 12_344).ref == "C1234"
    assert doc.location(12_347, 12_348).page == 1 and doc.location(12_347, 12_348).ref is None
    assert doc.location(150_007, 150_008).page == 4  # between two cells: the page holds it
