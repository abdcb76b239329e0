"""Numbers broken across two lines by PDF or Word extraction (or a <br> in a page)."""

from __future__ import annotations

from pi_helpers import gate, make_id, of

ID = make_id("44030519881203462")
BAD_CHECK = ID[10:-1] + ("1" if ID[-1] != "1" else "2")


def test_an_id_and_a_mobile_broken_at_the_end_of_a_line(pi):
    text = f"行政处罚决定书\n当事人：邓某某，公民身份号码：{ID[:10]}\n{ID[10:]}，联系电话：138\n07314567。\n"
    fs = gate(pi(text))
    assert [(f.rule, f.severity.value, f.location.line) for f in fs] == [("id-card", "block", 2), ("mobile", "block", 3)]
    assert fs[0].evidence == "44********\n*****625"  # one for one: the line break stays
    assert ID not in fs[0].evidence and ID[:10] not in fs[0].evidence


def test_a_br_inside_a_number_in_a_page(pi):
    html = f"<html><body><p>当事人：邓某某</p><p>公民身份号码：{ID[:10]}<br>{ID[10:]}</p></body></html>"
    assert [(f.rule, f.severity.value) for f in gate(pi(html, name="p.html"))] == [("id-card", "block")]


def test_numbers_that_only_touch_a_line_break_are_not_joined(pi):
    text = (f"| 序号 | 数值 |\n| 1 | {ID[:10]} |\n| 2 | {ID[10:]} |\n"     # cells of two rows
            f"档案号：{ID[:10]}\n{BAD_CHECK}\n"                         # the check character fails
            "2025年全市粮食产量138\n07314567吨\n"                        # no phone label
            f"编号{ID[:10]}A\n{ID[10:]}\n")                               # a letter glued to it
    assert of(pi(text), "id-card") == [] and of(pi(text), "mobile") == []
