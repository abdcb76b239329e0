"""``Cell`` and ``Block`` fill their slots through their descriptors instead of attrs' generated
frozen ``__init__`` (fewer instructions each; documents with tables make thousands, loaders a
block per line and per spreadsheet cell). Against attrs classes built the old way, over generated values: the same fields in the same order with the
same defaults, equality, hash among cells, repr, frozenness, pickling, cattrs and evolve."""

from __future__ import annotations

import pickle

import attrs
import cattrs
import pytest
from attrs import frozen
from hypothesis import given
from hypothesis import strategies as st

from gkrules.model import Block, Cell


@frozen
class _AttrsCell:
    """What ``Cell`` was: attrs' own __init__."""

    text: str
    start: int
    end: int
    number: float | None = None
    ref: str | None = None
    hidden: bool = False


@frozen
class _AttrsBlock:
    """What ``Block`` was: attrs' own __init__."""

    kind: str
    start: int
    end: int
    ref: str | None = None
    page: int | None = None
    hidden: bool = False


_values = st.tuples(st.text(max_size=8), st.integers(0, 10**6), st.integers(0, 10**6),
                    st.none() | st.floats(allow_nan=False), st.none() | st.text(max_size=5), st.booleans())
_block_values = st.tuples(st.text(max_size=8), st.integers(0, 10**6), st.integers(0, 10**6),
                          st.none() | st.text(max_size=5), st.none() | st.integers(1, 999), st.booleans())


@given(_block_values, st.integers(3, 6), st.booleans())
def test_block_is_built_as_attrs_built_it(args: tuple, count: int, as_keywords: bool) -> None:
    names = [a.name for a in attrs.fields(Block)][:count]
    if as_keywords:
        kw = dict(zip(names, args, strict=False))
        block, old = Block(**kw), _AttrsBlock(**kw)
    else:
        block, old = Block(*args[:count]), _AttrsBlock(*args[:count])
    assert attrs.astuple(block) == attrs.astuple(old)
    assert repr(block) == repr(old).replace("_AttrsBlock(", "Block(", 1)
    assert [(a.name, a.default) for a in attrs.fields(Block)] == [(a.name, a.default) for a in attrs.fields(_AttrsBlock)]
    assert block == Block(*attrs.astuple(old)) and hash(block) == hash(Block(*attrs.astuple(old)))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        block.kind = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(block)) == block
    assert cattrs.structure(cattrs.unstructure(block), Block) == block
    assert cattrs.unstructure(block) == cattrs.unstructure(old)
    assert attrs.astuple(attrs.evolve(block, end=block.end + 1)) == attrs.astuple(attrs.evolve(old, end=old.end + 1))


def _both(args: tuple, given_count: int, as_keywords: bool) -> tuple[Cell, _AttrsCell]:
    """The same leading ``given_count`` arguments (the rest default), positional or by name."""
    names = [a.name for a in attrs.fields(Cell)][:given_count]
    if as_keywords:
        kw = dict(zip(names, args, strict=False))
        return Cell(**kw), _AttrsCell(**kw)
    return Cell(*args[:given_count]), _AttrsCell(*args[:given_count])


@given(_values, st.integers(3, 6), st.booleans())
def test_the_same_fields_and_defaults_as_attrs_init(args: tuple, count: int, as_keywords: bool) -> None:
    cell, old = _both(args, count, as_keywords)
    assert attrs.astuple(cell) == attrs.astuple(old)
    assert repr(cell) == repr(old).replace("_AttrsCell(", "Cell(", 1)
    assert [a.name for a in attrs.fields(Cell)] == [a.name for a in attrs.fields(_AttrsCell)]
    assert [a.default for a in attrs.fields(Cell)] == [a.default for a in attrs.fields(_AttrsCell)]


@given(_values, _values)
def test_equality_and_hash_follow_the_fields(a: tuple, b: tuple) -> None:
    assert Cell(*a) == Cell(*a) and hash(Cell(*a)) == hash(Cell(*a))
    assert (Cell(*a) == Cell(*b)) == (_AttrsCell(*a) == _AttrsCell(*b))
    assert Cell(*a) != _AttrsCell(*a)  # another class, as attrs compares


@given(_values)
def test_frozen_pickled_structured_and_evolved_like_attrs(args: tuple) -> None:
    cell = Cell(*args)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        cell.text = "x"  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(cell)) == cell
    assert cattrs.structure(cattrs.unstructure(cell), Cell) == cell
    assert cattrs.unstructure(cell) == cattrs.unstructure(_AttrsCell(*args))
    assert attrs.astuple(attrs.evolve(cell, end=cell.end + 1)) == attrs.astuple(
        attrs.evolve(_AttrsCell(*args), end=args[2] + 1))
