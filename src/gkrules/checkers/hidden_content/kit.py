"""What the hidden-content rules share: the parameters compiled once per engine, and the
document's hidden blocks, picked out of its blocks once per document.

The loaders put hidden material into the document's text as blocks of their own kind
(``deletion``, ``insertion``, ``hidden-text``, ``comment``, ``hidden-sheet``,
``very-hidden-sheet``, ``hidden-rows``, ``hidden-columns``, ``embedded-object``,
``property``; see docs/formats.md); each rule reports the blocks of its kinds, once each, at
their place. The other checkers read the same text, so an ID number in a tracked deletion is
also a personal-info finding, whose location says it is hidden.

Messages never repeat the hidden text (it may be exactly what must not go out).
"""

from __future__ import annotations

from gkrules.context import CheckerSetup
from gkrules.facts import DocumentFacts
from gkrules.model import Block

from .params import HiddenContentParams

#: the block kinds some rule of this checker reports
HIDDEN_KINDS = frozenset({"deletion", "insertion", "hidden-text", "comment", "hidden-sheet", "very-hidden-sheet",
                          "hidden-rows", "hidden-columns", "embedded-object", "property"})
#: what tracked-deletion and tracked-insertion both advise: clean the file of all its revisions
CLEAN_SUGGESTION = "发布前接受或拒绝全部修订、删除批注与隐藏内容（WPS/Word：文件→检查文档→全部删除），再重新检查。"


class Kit:
    def __init__(self, setup: CheckerSetup):
        p: HiddenContentParams = setup.params or HiddenContentParams()
        self.p = p
        self.generic = {n.casefold() for n in p.generic_names}
        self.person_properties = set(p.person_properties)
        self.unit_suffixes = tuple(p.unit_suffixes)


def hidden_blocks(facts: DocumentFacts) -> tuple[Block, ...]:
    """The blocks of the kinds this checker reports, in document order (a plain text has
    none): computed once per document, whichever rule asks first."""
    blocks = facts.document.blocks
    if not blocks:
        return ()
    return facts.shared("hidden-content/blocks", lambda: tuple(b for b in blocks if b.kind in HIDDEN_KINDS))


def char_count(text: str) -> int:
    """How many characters a hidden passage holds, not counting white space."""
    return len("".join(text.split()))
