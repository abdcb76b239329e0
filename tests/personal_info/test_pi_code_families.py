"""The id-card rule looks up the groups of ID-shaped numbers (a cue window each) only when the
numbers could hold a group of codes (``may_hold_codes``): whenever it says no, the full count
(``code_families``, the code it skips) finds no group either."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gkrules.checkers.personal_info.rules.id_card import code_families, may_hold_codes

_member = st.tuples(st.lists(st.sampled_from([("prefix", "a"), ("prefix", "b"), ("column", (0, 1)),
                                              ("label", "证书编号")]), max_size=3, unique=True),
                    st.booleans())


@settings(max_examples=1000, deadline=None)
@given(st.lists(_member, max_size=12))
def test_no_group_of_codes_when_the_shortcut_says_none(members):
    if not may_hold_codes(valid for _, valid in members):
        assert code_families(members) == set()


def test_two_failing_numbers_can_make_a_group():
    fam = [("prefix", "a")]
    members = [(fam, False), (fam, False), (fam, True)]
    assert may_hold_codes(v for _, v in members)
    assert code_families(members) == {("prefix", "a")}
