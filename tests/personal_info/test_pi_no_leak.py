"""No planted raw value appears in any output of a run: text, JSON, SARIF, the redaction
report, the masked copies — nor in fingerprints, which are hashes."""

from __future__ import annotations

import json

from pi_helpers import make_card, make_id

from gkrules.cli import main

ID1, ID2 = make_id("43010219660214326"), make_id("33010619720805078")
CARD = make_card("621700273100452186")
PLANTED = {
    "ids": [ID1, ID2, "430102650312211"],
    "mobiles": ["13907391256", "18274019835", "15873920416"],
    "cards": [CARD, " ".join(CARD[i:i + 4] for i in range(0, len(CARD), 4))],
    "emails": ["hexiaoyu2001@126.com", "lxw_1996@qq.com"],
    "documents": ["E73920416", "H0123456701", "A12345678"],
    "plates": ["7Q25B", "D28816"],
    "addresses": ["翠微花园5幢1单元802室", "桃源村五组23号"],
    "health": ["尿毒症", "乳腺癌"],
    "names": ["林秀梅", "颜晓东", "骆振华", "汤雅婷", "邵文博"],
    "birth": ["1958年3月12日"],
}
RAW = [v for values in PLANTED.values() for v in values]

NOTICE = f"""青梧市统计局关于2025年统计工作先进个人的公示

　　一、林秀梅（荷塘街道），身份证号码：{ID1}，手机：13907391256，个人邮箱：lxw_1996@qq.com。
　　二、邵文博同志，家庭住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室，联系电话：18274019835。
　　三、骆振华（普查中心）：本人患尿毒症，出生日期：1958年3月12日，退款已退回其银行卡（卡号{PLANTED["cards"][1]}）。
　　四、汤雅婷：配偶确诊乳腺癌；委托方护照号码：E73920416，回乡证号码：H0123456701，社保卡号：A12345678。
　　五、颜晓东，车牌号：湘E·7Q25B、湘E·D28816；个人邮箱hexiaoyu2001@126.com；户籍地：鹤汀县白沙镇桃源村五组23号。
　　六、户主：王建国，身份证号码：430102650312211。
　　联系人：综合科，电话：0739-8826135。
"""
TABLE = f"序号,姓名,身份证号码,银行卡号\n1,颜晓东,{ID2},{CARD}\n"
PAGE = f"""<html><head><meta charset="utf-8"><title>行政处罚决定书</title></head><body>
<h1>松岚区统计局行政处罚决定书</h1>
<p>当事人：赖德明，联系电话：15873920416，身份证号码：{ID2}</p>
</body></html>"""


def _write(folder):
    folder.mkdir()
    (folder / "公示.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "名单.csv").write_text(TABLE, encoding="utf-8-sig")
    (folder / "决定书.html").write_text(PAGE, encoding="utf-8")
    return folder


def test_every_output_is_free_of_planted_values(tmp_path):
    docs = _write(tmp_path / "in")
    outputs = {}
    for fmt in ("text", "json", "sarif"):
        out = tmp_path / f"report.{fmt}"
        assert main(["check", str(docs), "--format", fmt, "--output", str(out), "--today", "2026-11-20"]) == 1
        outputs[fmt] = out.read_text(encoding="utf-8")
    redacted = tmp_path / "out"
    assert main(["redact", str(docs), "--output", str(redacted), "--today", "2026-11-20"]) == 0
    outputs["redaction-report"] = (tmp_path / "out.redaction-report.json").read_text(encoding="utf-8")
    for f in sorted(redacted.iterdir()):
        if f.name != "redaction-report.json":
            outputs[f.name] = f.read_text(encoding="utf-8-sig")

    report = json.loads(outputs["json"])
    found = {f["rule"] for d in report["documents"] for f in d["findings"]}
    assert {"id-card", "id-card-legacy", "mobile", "bank-card", "email", "passport", "travel-permit",
            "social-security", "plate", "home-address", "health", "birth-date", "person-name"} <= found
    for name, text in outputs.items():
        for raw in RAW:
            assert raw not in text, f"{raw} leaked into {name}"
