"""Redaction (条例第三十七条 区分处理): masked copies, the report, idempotence, fail-closed."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import gkrules
from gkrules.cli import main
from gkrules.errors import UsageError
from gkrules.testing import cached_engine

TODAY = dt.date(2026, 11, 20)
VISITS = """青梧市统计局2025年春节走访慰问离退休干部安排
　　1．局长蒋文涛走访邵文博同志，家庭住址：青梧市松岚区荷塘街道翠微花园5幢1单元802室，联系电话：18679034512。
　　2．副局长程丽华走访卢桂芬同志，身份证号码：33010619720805078X。
　　请办公室做好慰问品准备，联系人：谭晓，电话：0739-8826117。
"""
MASKED = """青梧市统计局2025年春节走访慰问离退休干部安排
　　1．局长蒋文涛走访邵某某同志，家庭住址：青梧市松岚区荷塘街道*************，联系电话：186****4512。
　　2．副局长程丽华走访卢某某同志，身份证号码：33*************78X。
　　请办公室做好慰问品准备，联系人：谭晓，电话：0739-8826117。
"""


def test_redact_text_masks_in_place_and_says_why():
    masked, entries = gkrules.redact_text(VISITS, engine=cached_engine(), today=TODAY)
    assert masked == MASKED
    assert len(masked) == len(VISITS)
    assert [(e.rule, e.line) for e in entries] == [
        ("person-name", 2), ("home-address", 2), ("mobile", 2), ("person-name", 3), ("id-card", 3)]
    assert all(e.reason and e.basis and e.fingerprint for e in entries)


def test_redacting_twice_changes_nothing():
    once, _ = gkrules.redact_text(VISITS, engine=cached_engine(), today=TODAY)
    twice, entries = gkrules.redact_text(once, engine=cached_engine(), today=TODAY)
    assert twice == once and entries == []


def test_min_severity_keeps_names_and_contacts():
    masked, entries = gkrules.redact_text(VISITS, engine=cached_engine(), today=TODAY, min_severity="warn")
    assert "邵文博" in masked and {e.rule for e in entries} == {"home-address", "mobile", "id-card"}


def test_files_keep_encoding_bom_and_line_endings(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "慰问.txt").write_bytes(VISITS.replace("\n", "\r\n").encode("gbk"))
    (src / "sub" / "名单.csv").write_bytes("序号,姓名,手机号码\r\n1,林秀梅,13907391256\r\n".encode("utf-8-sig"))
    out = tmp_path / "out"
    report = gkrules.redact([src], output=out, engine=cached_engine(), today=TODAY)
    assert report.complete
    assert (out / "慰问.txt").read_bytes() == MASKED.replace("\n", "\r\n").encode("gbk")
    assert (out / "sub" / "名单.csv").read_bytes() == "序号,姓名,手机号码\r\n1,林某某,139****1256\r\n".encode("utf-8-sig")
    data = json.loads((tmp_path / "out.redaction-report.json").read_text(encoding="utf-8"))
    assert data["schema"] == "gkrules/redaction@1" and data["complete"] is True
    entry = data["documents"][0]["redactions"][1]
    assert {"rule", "severity", "line", "column", "start", "end", "masked", "reason", "basis", "fingerprint"} <= set(entry)
    # the copy passes the check: nothing left to mask
    again = gkrules.redact([out], output=tmp_path / "again", engine=cached_engine(), today=TODAY)
    assert sum(len(d.redactions) for d in again.documents) == 0


def test_html_values_are_replaced_in_the_page_source(tmp_path):
    page = ('<html><head><meta charset="utf-8"><title>公示</title></head><body>'
            "<p>申请人：吕振东，手机：<b>18679034512</b></p></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    report = gkrules.redact([tmp_path / "p.html"], output=tmp_path / "o", engine=cached_engine(), today=TODAY)
    assert report.complete
    assert "<b>186****4512</b>" in (tmp_path / "o" / "p.html").read_text(encoding="utf-8")


def test_a_value_split_by_tags_is_not_half_masked(tmp_path):
    page = ('<html><head><meta charset="utf-8"></head><body>'
            "<p>申请人：吕振东，手机：<b>186</b>79034512</p></body></html>")
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    report = gkrules.redact([tmp_path / "p.html"], output=tmp_path / "o", engine=cached_engine(), today=TODAY)
    assert not report.complete and report.documents[0].output is None
    assert not (tmp_path / "o" / "p.html").exists()
    assert "18679034512" not in report.to_json()


def test_unsupported_and_unreadable_files_fail_closed(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "附件.docx").write_bytes(b"PK\x03\x04 not really")
    (src / "a.txt").write_text("申请人：吕振东，手机：18679034512\n", encoding="utf-8")
    code = main(["redact", str(src), "--output", str(tmp_path / "out")])
    assert code == 2
    assert "附件.docx" in capsys.readouterr().err
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "申请人：吕某某，手机：186****4512\n"


def test_output_may_not_overwrite_the_input(tmp_path):
    (tmp_path / "a.txt").write_text("手机：18679034512\n", encoding="utf-8")
    with pytest.raises(UsageError):
        gkrules.redact([tmp_path], output=tmp_path, engine=cached_engine(), today=TODAY)
    assert main(["redact", str(tmp_path / "a.txt"), "--output", str(tmp_path)]) == 2
