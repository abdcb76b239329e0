"""Values that are masked already: enough, or not enough (weak-mask)."""

from __future__ import annotations

from pi_helpers import gate, of

COMMENDED = """松岚区2023年度统计调查优秀调查员名单
| 序号 | 姓名 | 身份证号码 | 联系电话 | 所在街道 |
| 1 | 孔令蓉 | 430102********2516 | 139****7721 | 荷塘街道 |
| 2 | 柏松 | 35*************123 | 186****0452 | 丹桂街道 |
| 3 | 池小满 | 610113********184X | 152××××3390 | 府前街道 |
"""


def test_sufficient_masks_pass(pi):
    assert gate(pi(COMMENDED)) == []


def test_birth_date_left_visible_or_too_many_digits(pi):
    text = "| 1 | 孔令蓉 | 43010219660214**67 | 1391230772* |\n"
    fs = of(pi(text), "weak-mask")
    assert [f.severity.value for f in fs] == ["warn", "warn"]
    assert "19660214" not in fs[0].evidence and "19660214" not in fs[0].message


def test_two_masks_of_one_number_recombine(pi):
    text = ("　　第一批名单中，孔令蓉的身份证号码为4301021966****2516。\n"
            "　　第二批名单中，同一人的身份证号码为43010*****0214****，另一人为430102********2516。\n")
    fs = of(pi(text), "weak-mask")
    assert [f.location.line for f in fs] == [2]
    assert "第 1 行" in fs[0].message
