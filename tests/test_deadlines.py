"""依申请公开 reply deadlines, periodic items and the ``gkrules deadlines`` monitor."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest

from gkrules.calendar import national_calendar
from gkrules.cli import main
from gkrules.deadlines import (
    Pause,
    RequestRecord,
    evaluate_request,
    monitor,
    parse_requests,
    read_requests,
)
from gkrules.deadlines.requests import counted_workdays, due_with_pauses
from gkrules.errors import CalendarError, UsageError
from gkrules.model import CatalogEntry

D = dt.date
CAL = national_calendar()


def req(**kw) -> RequestRecord:
    kw.setdefault("id", "2026-001")
    kw.setdefault("received", D(2026, 9, 15))
    return RequestRecord(**kw)


# -- 依申请公开 (条例第三十、三十一、三十三条) ------------------------------------------------

def test_reply_due_20_workdays_and_40_with_extension():
    ev = evaluate_request(req(), CAL, D(2026, 10, 14), 3)
    assert ev.due == D(2026, 10, 19) and ev.state == "due-soon" and ev.remaining == 3
    ev = evaluate_request(req(extension=20), CAL, D(2026, 10, 20), 3)
    assert ev.base_due == D(2026, 10, 19) and ev.due == D(2026, 11, 16) and ev.state == "pending"
    assert evaluate_request(req(), CAL, D(2026, 10, 20), 3).state == "overdue"
    assert evaluate_request(req(replied=D(2026, 10, 19)), CAL, D(2026, 11, 1), 3).state == "replied"
    assert evaluate_request(req(replied=D(2026, 10, 20)), CAL, D(2026, 11, 1), 3).state == "late"


def test_correction_restarts_the_clock():
    r = req(correction_notice=D(2026, 9, 18), corrected=D(2026, 9, 29))
    ev = evaluate_request(r, CAL, D(2026, 10, 20), 3)
    # 20 WD after 2026-09-29: National Day 1–7 Oct off, Saturday 10 Oct worked
    assert ev.clock_start == D(2026, 9, 29) and ev.due == CAL.add_workdays(D(2026, 9, 29), 20) == D(2026, 11, 2)
    assert not ev.notes
    waiting = evaluate_request(req(correction_notice=D(2026, 9, 18)), CAL, D(2026, 12, 1), 3)
    assert waiting.state == "awaiting-correction" and waiting.due is None


def test_late_correction_notice_is_noted():
    # 7 WD after 2026-09-15 is 2026-09-23 (Sunday 20 Sep is worked)
    ev = evaluate_request(req(correction_notice=D(2026, 9, 24), corrected=D(2026, 9, 28)), CAL, D(2026, 10, 9), 3)
    assert any("第三十条" in n and "2026-09-23" in n for n in ev.notes)
    on_time = evaluate_request(req(correction_notice=D(2026, 9, 23), corrected=D(2026, 9, 28)), CAL, D(2026, 10, 9), 3)
    assert not on_time.notes


def test_consultation_pauses_without_restarting():
    # 4 working days (3–6 Nov) inside the pause are not counted: due moves by 4 working days
    plain = evaluate_request(req(received=D(2026, 10, 29)), CAL, D(2026, 11, 10), 3)
    paused = evaluate_request(req(received=D(2026, 10, 29), pauses=(Pause(D(2026, 11, 2), D(2026, 11, 6)),)),
                              CAL, D(2026, 11, 10), 3)
    assert plain.due == D(2026, 11, 26)
    assert paused.due == CAL.add_workdays(plain.due, 4) == D(2026, 12, 2)
    assert paused.elapsed == plain.elapsed - 4
    open_pause = evaluate_request(req(received=D(2026, 10, 29), pauses=(Pause(D(2026, 11, 2)),)),
                                  CAL, D(2026, 12, 20), 3)
    assert open_pause.state == "paused" and open_pause.due is None and open_pause.elapsed == 2


def test_overlapping_pauses_count_once():
    pauses = (Pause(D(2026, 11, 2), D(2026, 11, 6)), Pause(D(2026, 11, 4), D(2026, 11, 10)))
    assert counted_workdays(CAL, D(2026, 10, 29), D(2026, 11, 12), pauses) == 4   # 30 Oct, 2, 11, 12 Nov
    assert due_with_pauses(CAL, D(2026, 10, 29), 3, pauses) == D(2026, 11, 11)


def test_long_consultation_is_noted():
    r = req(received=D(2026, 3, 2), pauses=(Pause(D(2026, 3, 3), D(2026, 3, 31)),))
    ev = evaluate_request(r, CAL, D(2026, 4, 1), 3)
    assert any("第三十二条" in n for n in ev.notes)


def test_extension_approved_after_the_original_deadline_is_noted():
    ev = evaluate_request(req(extension=10, extension_approved=D(2026, 10, 20)), CAL, D(2026, 10, 21), 3)
    assert ev.due == CAL.add_workdays(D(2026, 9, 15), 30) and any("延期" in n for n in ev.notes)


def test_request_register_csv_with_chinese_columns(tmp_path):
    path = tmp_path / "登记.csv"
    path.write_text(
        "\ufeff编号,申请事项,收到日期,补正告知日期,补正后收到日期,征求意见期间,延期,答复日期\n"
        "2026-031,名录,2026年9月15日,,,,,\n"
        "2026-032,执法结果,2026-09-15,,,2026-09-20~2026-09-24；2026-10-12~,是,\n", encoding="utf-8")
    a, b = read_requests(path)
    assert a.id == "2026-031" and a.received == D(2026, 9, 15) and a.ref == "登记.csv 第 2 行"
    assert b.extension == 20 and b.pauses == (Pause(D(2026, 9, 20), D(2026, 9, 24)), Pause(D(2026, 10, 12)))


@pytest.mark.parametrize(("record", "message"), [
    ({"id": "x"}, "缺少收到申请日期"),
    ({"received": "2026-09-15", "收件人": "张三"}, "未知的申请记录字段"),
    ({"received": "2026-09-31"}, "不是有效日期"),
    ({"received": "2026-09-15", "extension": 25}, "超过上限 20"),
    ({"received": "2026-09-15", "extension": "也许"}, "是/否"),
    ({"received": "2026-09-15", "replied": "2026-09-01"}, "早于收到申请日期"),
    ({"received": "2026-09-15", "corrected": "2026-09-20"}, "没有补正告知日期"),
    ({"received": "2026-09-15", "pauses": ["2026-09-20~"], "replied": "2026-10-10"}, "没有结束日期"),
    ({"received": "2026-09-15", "pauses": ["2026-09-20"]}, "开始~结束"),
])
def test_bad_request_records_are_rejected_in_chinese(record, message):
    with pytest.raises(UsageError, match=message):
        parse_requests([record])


# -- the monitor ------------------------------------------------------------------------------

CATALOG = [
    {"title": "青梧市统计局关于开展统计开放日活动的通知", "doc_number": "青统字〔2026〕41号", "formed": "2026-10-20"},
    {"title": "青梧市统计局关于统计执法检查的通知", "formed": "2026-11-16"},
    {"title": "行政处罚决定书（青统罚决字〔2026〕第9号）", "formed": "2026-11-13", "kind": "penalty"},
    {"title": "2026年10月主要统计指标", "formed": "2026-11-10", "published": "2026-11-12"},
    {"title": "机构职能", "formed": "2026-11-16", "deadline_workdays": 5},
    {"title": "依申请公开的答复", "formed": "2026-01-05", "disclosure": "依申请公开"},
]


@pytest.fixture
def catalog_file(tmp_path):
    path = tmp_path / "catalog.jsonl"
    path.write_text("\n".join(json.dumps(c, ensure_ascii=False) for c in CATALOG) + "\n", encoding="utf-8")
    return path


def test_monitor_lists_overdue_and_due_soon_sorted_by_due_date(catalog_file):
    report = monitor(catalog=catalog_file, today=D(2026, 11, 23))
    got = [(r.state, r.due, r.title[:6], r.workdays_left) for r in report.rows]
    assert got == [
        ("overdue", D(2026, 11, 17), "青梧市统计局", -4),
        ("due-soon", D(2026, 11, 23), "机构职能", 0),
        ("due-soon", D(2026, 11, 24), "行政处罚决定", 1),
    ]
    assert report.overdue == 1 and report.counts["pending"] == 1 and report.counts["on-time"] == 1
    assert report.total == 5  # the 依申请公开 entry has no publication deadline
    everything = monitor(catalog=catalog_file, today=D(2026, 11, 23), show_all=True)
    assert len(everything.rows) == 5 and [r.due for r in everything.rows] == sorted(r.due for r in everything.rows)


def test_within_widens_the_window(catalog_file):
    report = monitor(catalog=catalog_file, today=D(2026, 11, 23), within=15)
    assert "青梧市统计局关于统计执法检查的通知" in [r.title for r in report.rows]


def test_documents_folder(tmp_path):
    (tmp_path / "a.txt").write_text("关于开展调查的通知\n\n青梧市统计局\n2026年10月20日\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("行政处罚决定书文号：青统罚决字〔2026〕第3号\n处罚决定日期：2026年11月17日\n",
                                    encoding="utf-8")
    (tmp_path / "c.txt").write_text("关于开展调查的通知\n（此件不予公开）\n\n青梧市统计局\n2026年1月5日\n", encoding="utf-8")
    report = monitor(documents=[tmp_path], today=D(2026, 11, 23))
    assert [(r.state, r.start_label, r.due) for r in report.rows] == [
        ("overdue", "成文日期", D(2026, 11, 17)), ("due-soon", "处罚决定日期", D(2026, 11, 26))]


def test_request_records_in_the_same_monitor(catalog_file):
    records = [req(id="2026-031"), req(id="2026-032", extension=20)]
    report = monitor(catalog=catalog_file, requests=records, today=D(2026, 11, 23))
    assert [(r.type, r.state, r.due) for r in report.rows][:3] == [
        ("request", "overdue", D(2026, 10, 19)), ("request", "overdue", D(2026, 11, 16)),
        ("item", "overdue", D(2026, 11, 17))]


def test_annual_report_due_31_january():
    report = monitor(catalog=[CatalogEntry(title="2024年政府信息公开工作年度报告", published=D(2025, 1, 20))],
                     periodic=True, today=D(2026, 2, 2))
    (row,) = report.rows
    assert (row.type, row.state, row.due) == ("periodic", "overdue", D(2026, 1, 31))
    assert row.title == "2025年政府信息公开工作年度报告"
    done = monitor(catalog=[CatalogEntry(title="青梧市统计局2025年政府信息公开工作年度报告",
                                         published=D(2026, 1, 29))], periodic=True, today=D(2026, 2, 2))
    assert done.rows == () and done.counts["done"] == 1
    # with nothing in the catalogue, last year's report counts as not published
    nothing = monitor(catalog=[], periodic=True, today=D(2026, 1, 28))
    assert [(r.state, r.due) for r in nothing.rows] == [("overdue", D(2025, 1, 31)), ("due-soon", D(2026, 1, 31))]
    soon = monitor(catalog=[CatalogEntry(title="2024年政府信息公开工作年度报告", published=D(2025, 1, 20))],
                   periodic=True, today=D(2026, 1, 28))
    assert [(r.state, r.due) for r in soon.rows] == [("due-soon", D(2026, 1, 31))]
    late = monitor(catalog=[CatalogEntry(title="2025年政府信息公开工作年度报告", published=D(2026, 2, 3))],
                   periodic=True, today=D(2026, 2, 4), show_all=True)
    assert [r.state for r in late.rows if r.type == "periodic"] == ["late", "pending"]


def test_bureau_periodic_items_from_the_rule_set(tmp_path):
    rs = tmp_path / "ruleset.yaml"
    rs.write_text("""id: bureau
version: "1"
extends: national
checkers:
  release-deadline:
    params:
      periodic+:
        - id: bulletin
          name: 国民经济和社会发展统计公报
          due: "06-30"
          year_offset: 1
          title_words: [国民经济和社会发展统计公报]
          basis: 本局政务公开标准目录（统计公报上半年公布）
        - id: yearbook
          name: 统计年鉴
          due: "12-31"
          year_offset: 0
          title_words: [统计年鉴]
          basis: 本局政务公开标准目录（统计年鉴下半年公布）
""", encoding="utf-8")
    catalog = [CatalogEntry(title="青梧市2025年国民经济和社会发展统计公报", published=D(2026, 3, 20))]
    report = monitor(catalog=catalog, periodic=True, today=D(2026, 7, 1), ruleset=str(rs), show_all=True)
    states = {(r.ref, r.due): r.state for r in report.rows}
    assert states[("bulletin", D(2026, 6, 30))] == "done"      # the bulletin on 2025
    assert states[("bulletin", D(2027, 6, 30))] == "pending"
    assert states[("yearbook", D(2025, 12, 31))] == "overdue"  # year_offset 0: the 2025 yearbook by 2025-12-31
    assert states[("yearbook", D(2026, 12, 31))] == "pending"
    assert states[("annual-report", D(2026, 1, 31))] == "overdue"


def test_bad_periodic_due_is_a_ruleset_error(tmp_path):
    from gkrules.errors import RulesetError

    rs = tmp_path / "ruleset.yaml"
    rs.write_text('id: bad\nversion: "1"\nextends: national\ncheckers:\n  release-deadline:\n    params:\n'
                  '      periodic:\n        - {id: x, name: 公报, due: "6-30", title_words: [公报], basis: 本局}\n',
                  encoding="utf-8")
    with pytest.raises(RulesetError, match="MM-DD"):
        monitor(catalog=[], today=D(2026, 7, 1), ruleset=str(rs))


def test_a_date_beyond_the_calendar_is_an_error_row():
    entries = [CatalogEntry(title="定于明年发布", formed=D(2029, 12, 20), published=D(2030, 1, 10)),
               CatalogEntry(title="暂定年份", formed=D(2026, 12, 20), published=D(2027, 1, 10)),
               CatalogEntry(title="已逾期", formed=D(2026, 11, 2))]
    report = monitor(catalog=entries, today=D(2026, 12, 22))
    assert [r.title for r in report.rows] == ["已逾期"]
    (err,) = report.errors  # 2027 is provisional (no error); 2030 is beyond it
    assert err.title == "定于明年发布" and "2030 年" in err.message
    with pytest.raises(CalendarError, match="2030"):
        monitor(catalog=entries, today=D(2030, 1, 4))
    assert "暂定 2027–2029 年" in monitor(catalog=entries, today=D(2027, 1, 4)).calendar["text"]


def test_information_before_the_regulation_is_not_counted():
    report = monitor(catalog=[CatalogEntry(title="旧文件", formed=D(2003, 5, 6))], today=D(2026, 11, 23), show_all=True)
    assert report.rows == () and report.errors == ()


# -- the command ------------------------------------------------------------------------------

def _cli(args, capsys):
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_text_json_csv_and_exit_codes(catalog_file, tmp_path, capsys):
    base = ["deadlines", "--catalog", str(catalog_file), "--today", "2026-11-23"]
    code, out, _ = _cli(base, capsys)
    assert code == 1
    assert "【逾期未发布】" in out and "2026-11-17（星期二）" in out and "逾期 4 个工作日" in out
    assert out.index("逾期未发布") < out.index("机构职能") < out.index("行政处罚决定书")
    code, out, _ = _cli([*base, "--format", "json"], capsys)
    data = json.loads(out)
    assert data["schema"] == "gkrules/deadlines@1" and data["complete"] is True
    assert data["summary"]["overdue"] == 1 and data["summary"]["due_soon"] == 2
    assert [i["due"] for i in data["items"]] == ["2026-11-17", "2026-11-23", "2026-11-24"]
    code, out, _ = _cli([*base, "--format", "csv"], capsys)
    assert out.startswith("\ufeff状态,类别,到期日")
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[1][:4] == ["逾期未发布", "主动公开", "2026-11-17", "-4"]
    quiet = tmp_path / "quiet.csv"
    quiet.write_text("标题,成文日期,发布日期\n通知甲,2026-11-16,\n通知乙,2026-10-12,2026-10-20\n", encoding="utf-8")
    code, out, _ = _cli(["deadlines", "--catalog", str(quiet), "--today", "2026-11-17"], capsys)
    assert code == 0 and "没有逾期或即将到期的事项" in out and "共 2 项" in out


def test_cli_requests_and_errors(tmp_path, capsys):
    reqs = tmp_path / "requests.jsonl"
    reqs.write_text('{"id": "2026-031", "received": "2026-09-15", "extension": true}\n', encoding="utf-8")
    code, out, _ = _cli(["deadlines", "--requests", str(reqs), "--today", "2026-11-17"], capsys)
    assert code == 1 and "逾期未答复" in out and "2026-11-16" in out and "延期 20 个工作日" in out
    code, _, err = _cli(["deadlines", "--requests", str(reqs), "--today", "2030-01-04"], capsys)
    assert code == 2 and "工作日历没有 2030 年的节假日安排" in err and "Traceback" not in err
    code, out, _ = _cli(["deadlines", "--requests", str(reqs), "--today", "2027-01-04"], capsys)
    assert code == 1 and "暂定 2027–2029 年" in out
    code, _, err = _cli(["deadlines", "--today", "2026-11-17"], capsys)
    assert code == 2 and "至少一项" in err
    code, _, err = _cli(["deadlines", "--periodic", "--requests", str(reqs)], capsys)
    assert code == 2 and "--periodic" in err
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "received": "2026-13-01"}\n', encoding="utf-8")
    code, _, err = _cli(["deadlines", "--requests", str(bad), "--today", "2026-11-17"], capsys)
    assert code == 2 and "bad.jsonl 第 1 行" in err and "不是有效日期" in err
