"""Metadata that the policy and disclosure checkers rely on: 主送机关, titles, 文件类型, kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from gkrules.engine import Engine
from gkrules.inputs import InputDocument
from gkrules.metadata.kind import classify
from gkrules.ruleset.examples import split_example
from gkrules.testing import cached_engine

SEEDS = Path(__file__).resolve().parent / "data" / "seeds"


def meta(text: str | bytes, name: str = "doc.txt"):
    engine: Engine = cached_engine()
    return engine.prepare(InputDocument(name, text)).metadata


@pytest.mark.parametrize("seed,addressee", [
    ("000_74c5ceab56ebcdc9.txt", "局机关各科室、局属事业单位"),  # extraction lost the colon
    ("002_17b60267daa6e45f.txt", "局各科、中心,局属事业单位"),
    ("004_d28640fea75aa583.txt", "各处室、中心"),
    ("001_974bed1c5fdbb587.txt", None),
])
def test_addressee_of_the_seeds(seed, addressee):
    assert meta((SEEDS / seed).read_bytes(), "page.txt").addressee == addressee


def test_addressee_with_bracketed_list_and_not_a_heading():
    text = "岚州市统计局关于印发《办法》的通知\n岚统规〔2023〕4号\n\n各县（市、区）统计局，市直有关部门：\n　　现将办法印发给你们。\n"
    m = meta(text)
    assert m.addressee == "各县（市、区）统计局，市直有关部门" and m.sources["addressee"] == "gbt9704"
    assert meta("关于报送资料的通知\n\n　　现将有关事项通知如下：\n一、报送内容：\n").addressee is None


def test_title_under_a_letterhead_or_a_stamp():
    letter = "白榆县统计局\n白统函〔2023〕3号\n\n白榆县统计局关于商请协调住户调查点办公场所的函\n\n石牛乡人民政府：\n"
    assert meta(letter).title == "白榆县统计局关于商请协调住户调查点办公场所的函"
    stamped = "工作秘密\n\n鹤汀县统计局\n关于核查群众反映统计数据失实问题线索的通知\n鹤统字〔2024〕35号\n\n白沙镇人民政府：\n"
    assert meta(stamped).title == "鹤汀县统计局关于核查群众反映统计数据失实问题线索的通知"


def test_category_field_is_kept():
    m = meta("标　　题：关于减轻企业报表负担的若干意见\n文件类别：规范性文件\n公开方式：主动公开\n")
    assert m.fields["文件类别"] == "规范性文件"


@pytest.mark.parametrize("title,kind", [
    ("《松岚区住户调查记账户补助和权益保障规定》十问十答", "interpretation"),
    ("视频解读｜《鹤汀县统计调查对象联系服务规定》（文字稿）", "interpretation"),
    ("《岚州市乡镇统计工作站建设管理办法》新闻发布会答问实录", "interpretation"),
    ("区统计局负责同志就《栖凤区小微企业统计调查补助资金管理办法》答记者问", "interpretation"),
    ("数据解读：2024年全县经济运行稳中有进", None),
    ("青梧市统计局关于印发《青梧市基本单位名录库管理办法》的通知", "policy"),
])
def test_kind_of_titles(title, kind):
    assert classify(title)[0] == kind


def test_split_example():
    assert split_example("一份文件\n", "a.txt") == [("a.txt", "一份文件\n")]
    parts = split_example("=== 办法.txt ===\n第一条\n=== 解读.txt ===\n解读\n", "x.txt")
    assert parts == [("办法.txt", "第一条\n"), ("解读.txt", "解读\n")]
