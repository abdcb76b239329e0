"""Every hook in gkrules.hookspecs does what its docstring says, proved with a small
in-process plugin registered through ``PluginManager(extra=[(name, obj)])``; plus defensive
loading (a failing hook, a misspelled hook, a plugin that cannot be imported).

``tests/test_hook_docs.py`` requires a ``test_hook_<hookname>`` test here for each hook."""

from __future__ import annotations

import datetime as dt
import importlib.metadata as im
import json
import textwrap

import pytest

from gkrules import hookimpl
from gkrules.engine import Engine
from gkrules.errors import PluginError
from gkrules.inputs import InputDocument
from gkrules.model import Document, Metadata, Severity, Suppression
from gkrules.plugins import PluginManager
from gkrules.ruleset import load_ruleset
from gkrules.specs import (
    CheckerSpec,
    FilterSpec,
    FormatterSpec,
    LoaderSpec,
    RenderContext,
    RuleInfo,
    RulesetSource,
)

TODAY = dt.date(2025, 10, 20)
DRAFT = "关于2025年全省统计执法检查情况的通报（送审稿）\n\n　　各市（州）统计局：\n　　现将检查情况通报如下。\n"
DRAFT_RULE = RuleInfo("draft-label", "文件仍标有送审稿", Severity.WARN, "《政府信息公开条例》第十六条第二款（过程性信息）")


class DraftLabelChecker:
    """Flags 送审稿/征求意见稿 left in a title line (a small checker used by these tests)."""

    def __init__(self, setup):
        self.matcher = setup.keyword_matcher(["（送审稿）", "（征求意见稿）"])

    def check(self, ctx):
        for hit in self.matcher.iter(ctx.text):
            yield ctx.finding("draft-label", hit.start, hit.end, f"文件仍标有「{hit.word}」", evidence=hit.word)


class DraftPlugin:
    @hookimpl
    def gkrules_checkers(self):
        yield CheckerSpec(id="demo-draft-label", factory=DraftLabelChecker, rules=(DRAFT_RULE,))


#: the built-in checker plugins: blocked in these tests so that only the demo plugins speak
#: (confidential-marker stays: some tests use the national rule set's own examples)
OTHER_BUILTIN_CHECKERS = frozenset(
    ep.name for ep in im.entry_points(group="gkrules")
    if ep.value.startswith("gkrules.checkers.") and ep.name != "confidential-marker")


def _pm(*plugins: tuple[str, object], block=(), **kwargs) -> PluginManager:
    return PluginManager(extra=list(plugins), block=[*OTHER_BUILTIN_CHECKERS, *block], **kwargs)


def _check(engine: Engine, text: str = DRAFT, name: str = "通报.txt"):
    return engine.check([InputDocument(name, text)], today=TODAY)


# -- gkrules_checkers -------------------------------------------------------------------------

def test_hook_gkrules_checkers():
    pm = _pm(("demo", DraftPlugin()))
    assert pm.owner_of_checker("demo-draft-label") == "demo"
    assert "confidential-marker" in pm.checkers()  # built-ins are collected the same way
    report = _check(Engine("national", plugins=pm))
    found = [f for _, f in report.findings() if f.checker == "demo-draft-label"]
    assert [(f.rule, f.severity, f.location.line) for f in found] == [("draft-label", Severity.WARN, 1)]
    assert found[0].basis == DRAFT_RULE.basis  # defaults to the rule's declared basis


def test_hook_gkrules_checkers_duplicate_id_stops_the_run():
    class Twin:
        @hookimpl
        def gkrules_checkers(self):
            yield CheckerSpec(id="demo-draft-label", factory=DraftLabelChecker, rules=(DRAFT_RULE,))

    pm = _pm(("demo", DraftPlugin()), ("twin", Twin()))
    with pytest.raises(PluginError, match="demo-draft-label"):
        pm.checkers()


def test_hook_gkrules_checkers_wrong_type_is_a_failure_not_a_crash():
    class Sloppy:
        @hookimpl
        def gkrules_checkers(self):
            return [{"id": "not-a-spec"}]

    pm = _pm(("sloppy", Sloppy()))
    assert "confidential-marker" in pm.checkers()
    assert any(f.name == "sloppy" and "CheckerSpec" in f.message for f in pm.failures)


# -- gkrules_loaders --------------------------------------------------------------------------

def _load_markdown(data: bytes, source: str, options) -> Document:
    text = data.decode("utf-8")
    return Document(source=source, text=text.replace("# ", ""), sha256="0" * 64, format="md",
                    metadata=Metadata(format="md"))


def test_hook_gkrules_loaders():
    class Markdown:
        @hookimpl
        def gkrules_loaders(self):
            yield LoaderSpec("markdown", (".md",), _load_markdown)

    class ShoutingText:  # claims .txt, which the built-in text loader also claims
        @hookimpl
        def gkrules_loaders(self):
            yield LoaderSpec("upper", (".txt",), lambda data, source, opts: Document(
                source=source, text=data.decode("utf-8").upper(), sha256="0" * 64, format="txt"))

    pm = _pm(("markdown", Markdown()), ("upper", ShoutingText()))
    names = [s.name for s in pm.loaders()]
    assert names.index("upper") < names.index("text")  # plugin loaders come first
    engine = Engine("national", plugins=pm)
    doc = engine.prepare(InputDocument("说明.md", "# 内部资料\n\n正文。\n"))
    assert doc.format == "md" and doc.text.startswith("内部资料")
    assert engine.prepare(InputDocument("a.txt", "abc")).text == "ABC"  # precedence over the built-in
    report = _check(engine, "# 内部资料\n\n正文。\n", "说明.md")
    assert [f.rule for _, f in report.findings()] == ["internal-label"]


# -- gkrules_formatters -----------------------------------------------------------------------

def test_hook_gkrules_formatters():
    def render_lines(report, ctx: RenderContext) -> str:
        return "".join(json.dumps({"source": d.source, "rule": f"{f.checker}/{f.rule}",
                                   "title": ctx.rules[(f.checker, f.rule)].title}, ensure_ascii=False) + "\n"
                       for d, f in report.findings())

    class Lines:
        @hookimpl
        def gkrules_formatters(self):
            yield FormatterSpec("jsonl", render_lines, "每条意见一行 JSON", ".jsonl")

    pm = _pm(("lines", Lines()), ("demo", DraftPlugin()))
    formatters = pm.formatters()
    assert {"text", "json", "sarif", "jsonl"} <= set(formatters)
    engine = Engine("national", plugins=pm)
    out = formatters["jsonl"].render(_check(engine), RenderContext(rules=engine.rule_catalog()))
    assert [json.loads(line) for line in out.splitlines()] == [
        {"source": "通报.txt", "rule": "demo-draft-label/draft-label", "title": "文件仍标有送审稿"}]


# -- gkrules_rulesets -------------------------------------------------------------------------

def test_hook_gkrules_rulesets(tmp_path):
    folder = tmp_path / "qingwu"
    (folder / "words").mkdir(parents=True)
    (folder / "words" / "labels.txt").write_text("# 青梧市的说法\n青统内参\n", encoding="utf-8")
    (folder / "ruleset.yaml").write_text(textwrap.dedent("""\
        id: qingwu
        version: "2025.1"
        extends: national
        checkers:
          confidential-marker:
            params:
              internal_labels+: {file: words/labels.txt}
        """), encoding="utf-8")

    class Qingwu:
        @hookimpl
        def gkrules_rulesets(self):
            yield RulesetSource(id="qingwu", path=folder, description="青梧市规则集")

    pm = _pm(("qingwu", Qingwu()))
    assert {"national", "qingwu"} <= set(pm.rulesets())
    rs = load_ruleset("qingwu", pm)
    assert [c[0] for c in rs.chain] == ["national", "qingwu"]
    assert rs.data["checkers"]["confidential-marker"]["params"]["internal_labels"][-1] == "青统内参"
    report = _check(Engine("qingwu", plugins=pm), "青统内参\n\n2025年统计执法检查情况\n")
    assert [f.rule for _, f in report.findings()] == ["internal-label"]
    # without the plugin the id is unknown: a clear error, not a fallback
    with pytest.raises(Exception, match="找不到规则集 'qingwu'"):
        load_ruleset("qingwu", PluginManager())


# -- gkrules_finding_filters ------------------------------------------------------------------

class WaiveDraftLabels:
    def __init__(self, setup):
        self.ruleset_id = setup.ruleset.id

    def suppress(self, document, finding):
        if finding.rule == "draft-label" and document.source.startswith("内网/"):
            return Suppression(kind="inline", justification=f"内网发布，不属政务公开（{self.ruleset_id}）")
        return None


def test_hook_gkrules_finding_filters():
    class Waiver:
        @hookimpl
        def gkrules_finding_filters(self):
            yield FilterSpec("waive-intranet", WaiveDraftLabels)

    engine = Engine("national", plugins=_pm(("demo", DraftPlugin()), ("waiver", Waiver())))
    report = engine.check([InputDocument("内网/通报.txt", DRAFT), InputDocument("外网/通报.txt", DRAFT)], today=TODAY)
    intranet, internet = report.documents
    assert intranet.findings == () and len(intranet.suppressed) == 1
    assert intranet.suppressed[0].suppression.justification == "内网发布，不属政务公开（national）"
    assert [f.rule for f in internet.findings] == ["draft-label"] and internet.suppressed == ()
    assert report.summary.suppressed == 1


def test_hook_gkrules_finding_filters_cannot_waive_a_failed_check_and_fail_closed():
    class Boom:
        def check(self, ctx):
            raise RuntimeError("词表损坏")

    class Broken:
        @hookimpl
        def gkrules_checkers(self):
            yield CheckerSpec(id="demo-broken", factory=lambda setup: Boom(), rules=(DRAFT_RULE,))

    class WaiveAll:
        def suppress(self, document, finding):
            return Suppression(kind="inline", justification="全部放行")

    class Raising:
        def suppress(self, document, finding):
            raise ValueError("过滤器自身出错")

    class Filters:
        @hookimpl
        def gkrules_finding_filters(self):
            yield FilterSpec("raising", lambda setup: Raising())
            yield FilterSpec("waive-all", lambda setup: WaiveAll())

    engine = Engine("national", plugins=_pm(("broken", Broken()), ("filters", Filters()), ("demo", DraftPlugin())))
    report = _check(engine)
    doc = report.documents[0]
    assert [(f.checker, f.rule) for f in doc.findings] == [("engine", "checker-error")]
    assert [s.finding.rule for s in doc.suppressed] == ["draft-label"]  # the raising filter passed it on
    assert report.complete is False and engine.exit_code(report) == 2


# -- gkrules_calendar -------------------------------------------------------------------------

class WeekendCalendar:
    """Mon–Fri are working days, plus one regional holiday (a 澜江省 festival)."""

    def __init__(self, holidays=()):
        self.holidays = set(holidays)

    def is_workday(self, day):
        return day.weekday() < 5 and day not in self.holidays

    def add_workdays(self, start, n):
        day = start
        while n:
            day += dt.timedelta(days=1)
            if self.is_workday(day):
                n -= 1
        return day

    def workdays_between(self, start, end):
        return sum(self.is_workday(start + dt.timedelta(days=i)) for i in range(1, (end - start).days + 1))


class DeadlineChecker:
    """Says when 20 working days after the document's formation date end."""

    def __init__(self, setup):
        self.setup = setup

    def check(self, ctx):
        formed = ctx.metadata.formed
        cal = ctx.setup.calendar(formed.year)
        due = cal.add_workdays(formed, 20)
        yield ctx.finding("draft-label", None, None, f"应于 {due.isoformat()} 前公开", severity="info")


class DeadlinePlugin:
    @hookimpl
    def gkrules_checkers(self):
        yield CheckerSpec(id="demo-deadline", factory=DeadlineChecker, rules=(DRAFT_RULE,))


def test_hook_gkrules_calendar():
    festival = dt.date(2025, 10, 24)
    calls: list[tuple[str, int]] = []

    class Declines:
        @hookimpl
        def gkrules_calendar(self, ruleset, year):
            calls.append(("declines", year))
            return None

    class Lanjiang:
        @hookimpl
        def gkrules_calendar(self, ruleset, year):
            calls.append((ruleset.id, year))
            return WeekendCalendar({festival}) if year == 2025 else None

    # registered last, so asked first: it declines, and the next plugin answers
    pm = _pm(("demo", DeadlinePlugin()), ("lanjiang-calendar", Lanjiang()), ("declines", Declines()))
    engine = Engine("national", plugins=pm)
    report = engine.check([InputDocument("a.txt", "关于统计执法检查的通报\n\n澜江省统计局\n2025年10月20日\n")],
                          today=TODAY)
    messages = [f.message for _, f in report.findings() if f.checker == "demo-deadline"]
    # 20 working days from Mon 2025-10-20, skipping weekends and the festival on Fri 10-24
    assert messages == ["应于 2025-11-18 前公开"]
    assert calls == [("declines", 2025), ("national", 2025)]
    setup = next(a.setup for a in engine.checkers if a.spec.id == "demo-deadline")
    assert not setup.calendar(2025).is_workday(festival)  # CheckerSetup.calendar asks the hook


def test_hook_gkrules_calendar_first_result_wins_and_none_means_no_calendar():
    first, second = WeekendCalendar({dt.date(2025, 1, 6)}), WeekendCalendar()

    class A:
        @hookimpl
        def gkrules_calendar(self, ruleset, year):
            return second

    class B:
        @hookimpl
        def gkrules_calendar(self, ruleset, year):
            return first

    pm = _pm(("a", A()), ("b", B()))
    assert pm.calendar(load_ruleset("national", pm), 2025) is first
    # no plugin answers for this year: the checker gets a Chinese CalendarError → checker-error
    engine = Engine("national", plugins=_pm(("demo", DeadlinePlugin())))
    report = engine.check([InputDocument("a.txt", "关于统计执法检查的通报\n\n澜江省统计局\n1990年3月1日\n")],
                          today=TODAY)
    errors = report.documents[0].errors
    assert [e.checker for e in errors] == ["demo-deadline"] and "1990" in errors[0].message


# -- gkrules_checker_error --------------------------------------------------------------------

class Exploding:
    def check(self, ctx):
        raise ValueError("正则表达式回溯失控")


class ExplodingPlugin:
    @hookimpl
    def gkrules_checkers(self):
        yield CheckerSpec(id="demo-exploding", factory=lambda setup: Exploding(), rules=(DRAFT_RULE,))


def test_hook_gkrules_checker_error():
    seen: list[tuple[str, str, str]] = []

    class Monitor:
        @hookimpl
        def gkrules_checker_error(self, checker, source, error):
            seen.append((checker, source, str(error)))
            return "ignored"

    class BrokenMonitor:  # observability only: its own crash must not change the run
        @hookimpl
        def gkrules_checker_error(self, checker, source, error):
            raise RuntimeError("监控服务不可用")

    pm = _pm(("exploding", ExplodingPlugin()), ("monitor", Monitor()), ("broken-monitor", BrokenMonitor()),
             ("demo", DraftPlugin()))
    engine = Engine("national", plugins=pm)
    report = engine.check([InputDocument("一.txt", DRAFT), InputDocument("二.txt", "正文。\n")], today=TODAY)
    assert seen == [("demo-exploding", "一.txt", "正则表达式回溯失控"),
                    ("demo-exploding", "二.txt", "正则表达式回溯失控")]
    first = report.documents[0]
    assert {(f.checker, f.rule) for f in first.findings} == {("engine", "checker-error"),
                                                             ("demo-draft-label", "draft-label")}
    assert report.complete is False and engine.exit_code(report) == 2


# -- defensive loading ------------------------------------------------------------------------

def test_a_plugin_whose_registration_hook_raises_is_recorded_and_others_load():
    class Raises:
        @hookimpl
        def gkrules_checkers(self):
            raise ImportError("缺少依赖 jieba")

    pm = _pm(("raises", Raises()), ("demo", DraftPlugin()))
    checkers = pm.checkers()
    assert {"confidential-marker", "demo-draft-label"} <= set(checkers)
    assert [f.name for f in pm.failures] == ["raises"]
    assert "gkrules_checkers" in pm.failures[0].message and "缺少依赖 jieba" in pm.failures[0].message
    report = _check(Engine("national", plugins=pm))
    assert report.complete is True and [f.rule for _, f in report.findings()] == ["draft-label"]


def test_a_misspelled_hook_disables_the_plugin_with_a_chinese_message():
    class Misspelled:
        @hookimpl
        def gkrules_checker(self):  # should be gkrules_checkers
            return []

        @hookimpl
        def gkrules_rulesets(self):
            return [RulesetSource(id="misspelled", path=__file__)]

    pm = _pm(("misspelled", Misspelled()), ("demo", DraftPlugin()))
    assert "misspelled" not in pm.names and "demo" in pm.names
    assert "misspelled" not in pm.rulesets()  # its valid hooks are not used either
    assert [f.message for f in pm.failures] == ["插件 misspelled 实现了不存在的钩子 gkrules_checker（拼写错误？），已停用"]
    # registering one later goes through the same check
    pm.register(Misspelled(), "late")
    assert "late" not in pm.names and pm.failures[-1].name == "late"


def test_an_entry_point_that_fails_to_import_is_reported(monkeypatch):
    real = im.entry_points

    def with_broken(**kwargs):
        found = list(real(**kwargs))
        if kwargs.get("group") == "gkrules":
            found.append(im.EntryPoint(name="broken-province", value="gkrules_no_such_module.plugin", group="gkrules"))
        return found

    monkeypatch.setattr("gkrules.plugins.im.entry_points", with_broken)
    pm = PluginManager()
    assert "broken-province" not in pm.names and "confidential-marker" in pm.names
    assert [f.name for f in pm.failures] == ["broken-province"]
    assert pm.failures[0].message.startswith("插件 broken-province 加载失败：ModuleNotFoundError")
    assert "broken-province" not in PluginManager(block=["broken-province"]).names
    assert PluginManager(block=["broken-province"]).failures == []  # a blocked plugin is not even imported


def test_block_list_applies_to_extra_plugins(monkeypatch):
    assert "demo" not in _pm(("demo", DraftPlugin()), block=["demo"]).names
    monkeypatch.setenv("GKRULES_DISABLE_PLUGINS", "demo")
    assert "demo-draft-label" not in _pm(("demo", DraftPlugin())).checkers()
