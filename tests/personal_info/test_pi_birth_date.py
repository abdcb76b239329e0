"""Birth dates tied to a person; 任前公示 publishes 出生年月 by rule."""

from __future__ import annotations

from pi_helpers import gate, of


def test_full_birth_date_warns_year_month_is_info(pi):
    fs = pi("　　姓名：周凤英，出生日期：1958年3月12日，现住白沙镇。\n　　张伟，男，1978年5月出生，大学学历。\n")
    births = of(fs, "birth-date")
    assert [(f.location.line, f.severity.value) for f in births] == [(1, "warn"), (2, "info")]
    assert births[0].evidence == "*********"


def test_appointment_notice_is_info_only(pi):
    text = ("拟任职人选任前公示\n"
            "　　张伟，男，汉族，1978年5月12日出生，大学学历，现任青梧市统计局综合科科长。\n"
            "| 姓名 | 出生年月 | 拟任职务 |\n| 李娜 | 1982.03 | 副局长 |\n")
    fs = pi(text)
    assert gate(fs) == []
    assert [f.severity.value for f in of(fs, "birth-date")] == ["info", "info"]


def test_statistics_about_births(pi):
    text = "　　2024年全市出生人口3.2万人，出生率7.1‰；2023年末1963年出生的约4.1万人。\n"
    assert of(pi(text), "birth-date") == []
