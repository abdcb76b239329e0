"""Vehicle plates of private cars, classic and new-energy; official vehicles; plate-like text."""

from __future__ import annotations

from pi_helpers import gate

LETTER = """栖凤区统计局关于为住户调查辅助调查员办理车辆临时通行证的函

丹桂苑小区物业服务中心：
　　请为以下人员的私家车办理临时通行证：
　　池秋菊　车牌号：湘E·7Q25B
　　傅国强　车牌号：湘E·D28816（新能源）
　　鲁成　车牌号：湘E5M9L3
　　联系人：区统计局住户调查股 闵佳，电话：0739-8231406。
"""


def test_private_plates_warn(pi):
    fs = gate(pi(LETTER))
    assert [(f.rule, f.location.line, f.evidence) for f in fs] == [
        ("plate", 5, "湘E·*****"), ("plate", 6, "湘E·******"), ("plate", 7, "湘E*****")]


def test_official_vehicles_and_unlabelled_plates(pi):
    text = ("　　执法车辆湘E·7Q25B已于当日返回。\n"
            "　　公务用车车牌号：湘E·00123。\n"
            "　　本次普查共登记湘E开头的车辆约3万辆，湘A12345型号不存在。\n")
    assert gate(pi(text)) == []


def test_invalid_six_character_plate(pi):
    assert gate(pi("　　车牌号：湘EQ12345\n")) == []
