"""Names: only of people whose data is on the line, never officials in their roles."""

from __future__ import annotations

from pi_helpers import of


def test_names_need_personal_data_on_their_line(pi):
    text = ("局长、党组书记：蒋文涛\n"
            "　　局长蒋文涛主持会议，副局长程丽华出席。\n"
            "　　申请人：王建国，联系电话：13907391256。\n"
            "　　获奖者：林某某、颜某，手机：139****1256。\n")
    names = of(pi(text), "person-name")
    assert [(f.location.line, f.evidence, f.severity.value) for f in names] == [(3, "王某某", "info")]


def test_compound_surnames_and_name_after_tongzhi(pi):
    text = "　　走访欧阳倩同志，家庭住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室。\n"
    assert [f.evidence for f in of(pi(text), "person-name")] == ["欧阳某"]
