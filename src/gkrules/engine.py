"""The engine: loads documents, runs every checker on its own, filters, builds the Report.

Fail closed: a checker that raises or overruns its time budget on a document gives that
document a blocking ``engine/checker-error`` finding and an error entry, the report is
marked incomplete, and every other checker and document is still checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal

import attrs
from attrs import frozen

from gkrules import clock
from gkrules._version import __version__
from gkrules.budget import BudgetExceeded, CheckerClock, run_with_budget, seconds_text
from gkrules.context import BatchContext, CheckContext, CheckerSetup
from gkrules.errors import GkrulesError, InputError, RulesetError, UsageError
from gkrules.facts import DocumentFacts
from gkrules.fingerprints import installation_key
from gkrules.inputs import InputDocument, PathProblem, collect_paths
from gkrules.loaders import LoaderRegistry
from gkrules.loaders.options import LoadOptions, apply_engine_section
from gkrules.metadata import apply_override, extract
from gkrules.metadata.sidecar import display_name, parse_override, read_sidecar
from gkrules.model import (
    CatalogEntry,
    Document,
    DocumentError,
    DocumentResult,
    Finding,
    Location,
    Report,
    RulesetInfo,
    Severity,
    Summary,
    SuppressedFinding,
)
from gkrules.normalise import normalise
from gkrules.normalise import prepare as prepare_normalise
from gkrules.plugins import PluginManager
from gkrules.ruleset import DEFAULT_RULESET, Ruleset, load_ruleset
from gkrules.ruleset.compile import CheckerConfig, compile_checkers
from gkrules.ruleset.examples import inherited_example_note, split_example
from gkrules.script import original_document, original_metadata, relocate
from gkrules.specs import FilterSetup, RuleInfo
from gkrules.supervisor import IsolatedRun, Limits, Supervisor, failed_result, run_isolated

DEFAULT_TIMEOUT = 20.0
#: wall-clock limit of running a rule set's examples at start-up
EXAMPLES_SECONDS = 60.0
ENGINE_BASIS = "《政府信息公开条例》第十七条（公开前审查）；未完成检查的文件不得发布"
#: what a worker sends back of each document besides its result: nothing, what the batch
#: checkers and filters of the parent read (no tables unless a plugin's may, no notices, no
#: source lines), or the whole document for a caller that asked for the documents
NO_DOCUMENT, CHECKED_PARTS, WHOLE_DOCUMENT = 0, 1, 2


#: rules the engine reports itself; a loader raises ``unreadable-content`` through a Notice
ENGINE_RULES = {
    "checker-error": RuleInfo(
        "checker-error", "检查器出错或超时，检查不完整", Severity.BLOCK, ENGINE_BASIS, ("检查不完整",)),
    "unreadable-content": RuleInfo(
        "unreadable-content", "文件中有无法检查的内容（扫描页、无文字层、文字无法解码）", Severity.BLOCK,
        ENGINE_BASIS + "；无法读取的内容不能证明其中没有涉密或个人信息", ("检查不完整",),
        description="PDF 页面没有文字层（扫描图像、文字转曲）或文字无法解码：本工具不做文字识别，"
                    "这些内容须人工审查或提供可复制文字的版本。"),
}
#: engine rules a rule set may configure (``engine.rules``); checker-error always blocks
CONFIGURABLE_ENGINE_RULES = ("unreadable-content",)


def _engine_rule(message: str) -> Finding:
    return Finding(checker="engine", rule="checker-error", severity=Severity.BLOCK, message=message,
                   basis=ENGINE_BASIS, tags=("检查不完整",),
                   fingerprint=hashlib.sha256(message.encode()).hexdigest()[:32])


@frozen
class ExampleOutcome:
    """How one rule example behaved: ``where`` is file:line, ``problem`` says what went wrong,
    ``inherited_note`` is set when the example came from a parent rule set."""

    rule: str
    kind: str
    where: str
    ok: bool
    problem: str | None = None
    inherited_note: str | None = None


@frozen
class EngineConfig:
    """How to rebuild an equivalent engine in another process (``--jobs``)."""

    ruleset: str
    allow: tuple[str, ...] | None
    block: tuple[str, ...]
    timeout: float | None
    check_examples: bool


class _Active:
    """A checker ready to run: its spec, its settings and its instance (or why it has none)."""

    def __init__(self, config: CheckerConfig, instance: Any, error: BaseException | None, setup: CheckerSetup):
        self.config = config
        self.spec = config.spec
        self.instance = instance
        self.error = error
        self.setup = setup
        self.rules: dict[str, RuleInfo] = {r.id: r for r in config.spec.rules}


#: what ``check`` accepts: one path (``str`` or ``Path``), one document, or an iterable of them
Inputs = str | os.PathLike | InputDocument | Document | Iterable[str | os.PathLike | InputDocument | Document]


class Engine:
    """Everything compiled once (rule set, checkers, patterns, loaders) and reused per batch.

    >>> engine = Engine("national")                                  # doctest: +SKIP
    >>> report = engine.check(["notices/"], today=dt.date(2024, 5, 6))  # doctest: +SKIP
    """

    def __init__(self, ruleset: str | os.PathLike | Ruleset = DEFAULT_RULESET, *,
                 plugins: PluginManager | None = None, timeout: float | None = None,
                 load_options: LoadOptions | None = None, check_examples: bool | Literal["beside"] = True,
                 limits: Limits | None = None):
        #: None: documents are checked in this process (trusted input, tests); otherwise in
        #: worker processes the engine can kill (see gkrules.supervisor)
        self.limits = limits
        self._supervisor: Supervisor | None = None
        #: set in a worker process: every BaseException a checker raises is that checker's
        self._in_worker = False
        #: a checker left the worker in a state not to be trusted with the next document
        self._tainted = False
        installation_key()  # a key that cannot be read or made stops the start, not a check
        self.plugins = plugins if plugins is not None else PluginManager()
        self.ruleset = ruleset if isinstance(ruleset, Ruleset) else load_ruleset(str(ruleset), self.plugins.rulesets())
        self._ruleset_ref = str(ruleset) if not isinstance(ruleset, Ruleset) else None
        self._timeout = timeout
        self._check_examples = check_examples
        specs = self.plugins.checkers()
        #: every problem of the rule set, raised together at the end (not one round at a time)
        problems: list[str] = []
        #: what the user should know but that does not stop the rule set (see _verify_examples)
        self.notes: list[str] = []
        configs = compile_checkers(self.ruleset, specs, timeout if timeout is not None else DEFAULT_TIMEOUT,
                                   self.plugins.block, collect=problems)
        if timeout is not None:
            configs = {k: attrs.evolve(c, timeout=timeout) for k, c in configs.items()}
        self.checkers: list[_Active] = self._start_checkers(configs, problems)
        try:
            self._engine_rules = self._engine_rule_settings()
        except RulesetError as exc:
            problems.append(f"{exc.path}:{exc.line}: {exc.message}" if exc.path else exc.message)
            self._engine_rules = {}
        prepare_normalise()  # built once here, not in every worker forked from this process
        opts = apply_engine_section(load_options or LoadOptions(), self.ruleset.spec.engine)
        self.loaders = LoaderRegistry(self.plugins.loaders(), opts)
        self.filters = [f.factory(FilterSetup(ruleset=self.ruleset)) for f in self.plugins.filters()]
        self.fail_on = self.ruleset.spec.engine.fail_on or Severity.BLOCK
        #: a worker sends documents back without their tables when nothing in this process
        #: reads them (only gkrules' own batch checkers and filters run here): tables are most
        #: of the cost of passing a document between processes
        self._tables_wanted = not all(
            getattr(obj, "__module__", "").startswith("gkrules.")
            for obj in [a.spec.factory for a in self.checkers if a.spec.scope == "batch"]
            + [f.factory for f in self.plugins.filters()])
        # what every report names, fixed once the engine is built (made here, not per report)
        self._ruleset_info = RulesetInfo(id=self.ruleset.id, version=self.ruleset.version, digest=self.ruleset.digest)
        self._plugin_infos = self.plugins.plugin_infos()
        #: the rule set's examples still running beside the first documents (check_examples="beside")
        self._examples: IsolatedRun[tuple[list[str], list[str]]] | None = None
        if check_examples == "beside" and not problems:
            self._examples = IsolatedRun(self._example_problems, EXAMPLES_SECONDS)
        elif check_examples:
            problems.extend(self._verify_examples())
        if problems:
            raise RulesetError(f"规则集无效，共 {len(problems)} 处问题：", problems=problems)

    def examples_passed(self, wait: bool = True) -> None:
        """With ``check_examples="beside"`` the rule set's examples run in their own process
        while the first documents are checked (``gkrules check`` builds an engine per run,
        and the examples were a tenth of a 2,000-file run's start-up): nothing is reported
        before they have passed. Raises RulesetError, as the constructor would have, once
        their problems are known; ``wait=False`` only looks (between documents)."""
        run = self._examples
        if run is None or not (wait or run.done()):
            return
        self._examples = None
        problems, notes = run.result()
        self.notes.extend(notes)
        if problems:
            raise RulesetError(f"规则集无效，共 {len(problems)} 处问题：", problems=problems)

    def _start_checkers(self, configs: Mapping[str, CheckerConfig], problems: list[str]) -> list[_Active]:
        """The enabled checkers, each built by its factory; a rule-set problem a factory
        raises joins ``problems``, any other failure makes that checker fail every document."""
        started: list[_Active] = []
        for cid, config in configs.items():
            if not config.enabled:
                continue
            setup = CheckerSetup(cid, config.params, self.ruleset, self.plugins.calendar_finder(self.ruleset))
            try:
                instance, error = config.spec.factory(setup), None
            except RulesetError as exc:
                problems.extend(exc.problems or [str(exc)])
                continue
            except Exception as exc:  # a checker that cannot start fails every document, closed
                instance, error = None, exc
            started.append(_Active(config, instance, error, setup))
        return started

    # -- configuration -------------------------------------------------------------------

    @property
    def config(self) -> EngineConfig | None:
        if self._ruleset_ref is None:
            return None
        return EngineConfig(
            ruleset=str(Path(self._ruleset_ref).resolve()) if Path(self._ruleset_ref).exists() else self._ruleset_ref,
            allow=tuple(sorted(self.plugins.allow)) if self.plugins.allow is not None else None,
            block=tuple(sorted(self.plugins.block)), timeout=self._timeout, check_examples=False)

    def ruleset_info(self) -> RulesetInfo:
        return self._ruleset_info

    def rule_catalog(self) -> dict[tuple[str, str], RuleInfo]:
        out = {(a.spec.id, r.id): r for a in self.checkers for r in a.spec.rules}
        for rid, info in ENGINE_RULES.items():
            out[("engine", rid)] = info
        return out

    def _engine_rule_settings(self) -> dict[str, Any]:
        settings = dict(self.ruleset.spec.engine.rules)
        for rid in settings:
            if rid not in CONFIGURABLE_ENGINE_RULES:
                where = self.ruleset.marks.lookup(("engine", "rules", rid))
                raise RulesetError(f"engine.rules 中的 {rid!r} 不可配置；可配置的引擎规则：{'、'.join(CONFIGURABLE_ENGINE_RULES)}",
                                   path=where[0] if where else None, line=where[1] if where else None)
        return settings

    def _notice_findings(self, doc: Document) -> list[Finding]:
        """Findings of the engine's own rules for conditions the loader reported."""
        out = []
        for n in doc.notices:
            info = ENGINE_RULES.get(n.rule)
            settings = self._engine_rules.get(n.rule)
            if settings is not None and settings.enabled is False:
                continue
            severity = (settings.severity if settings is not None and settings.severity is not None
                        else info.severity if info is not None else Severity.BLOCK)  # unknown: fail closed
            location = None
            if n.start is not None:
                location = doc.location(n.start, n.end if n.end is not None else n.start)
                if n.page is not None or n.ref is not None:
                    location = attrs.evolve(location, page=n.page if n.page is not None else location.page,
                                            ref=n.ref or location.ref)
            key = f"engine\0{n.rule}\0{n.page}\0{n.ref}\0{n.message}"
            out.append(Finding(checker="engine", rule=n.rule, severity=severity, message=n.message,
                               location=location, basis=info.basis if info else ENGINE_BASIS,
                               tags=info.tags if info else ("检查不完整",),
                               fingerprint=hashlib.sha256(key.encode()).hexdigest()[:32]))
        return out

    def _verify_examples(self) -> list[str]:
        """Each rule's own examples must behave: a rule that cannot match them does not load.

        An example inherited from a parent rule set is re-checked under this rule set's
        parameters; when it no longer holds (a provincial rule set raised ``min_units``), that
        is the child's choice, not a defect: the example is skipped with a note in
        ``self.notes`` that names both files and how to replace or drop it.

        They run in a forked child with a wall-clock limit: a rule-set pattern that
        backtracks catastrophically runs inside the regex engine's C code, which no signal
        interrupts, and must not hang ``check``, ``rules`` or ``serve`` at start-up."""
        problems, notes = run_isolated(self._example_problems, EXAMPLES_SECONDS)
        self.notes.extend(notes)
        return problems

    def _example_problems(self) -> tuple[list[str], list[str]]:
        """(problems, notes about inherited examples skipped), in the child."""
        notes: list[str] = []
        problems: list[str] = []
        for outcome in self.example_outcomes():
            if outcome.ok:
                continue
            if outcome.inherited_note is not None:
                notes.append(f"{outcome.where}: {outcome.inherited_note}")
            else:
                problems.append(f"{outcome.where}: {outcome.problem}")
        return problems, notes

    def example_outcomes(self) -> Iterator[ExampleOutcome]:
        """Run every enabled rule's examples (``gkrules test`` shows them one by one)."""
        for active in self.checkers:
            for rid, settings in active.config.rules.items():
                if settings.examples is None or active.instance is None or settings.enabled is False:
                    continue
                for kind, texts in (("fail", settings.examples.fail), ("pass", settings.examples.pass_)):
                    for i, text in enumerate(texts):
                        yield self._example_outcome(active, rid, kind, i, text)

    def _example_outcome(self, active: _Active, rid: str, kind: str, i: int, text: str) -> ExampleOutcome:
        where = self.ruleset.marks.lookup(("checkers", active.spec.id, "rules", rid, "examples", kind, i))
        loc = f"{where[0]}:{where[1]}" if where else "<规则集>"
        rule = f"{active.spec.id}/{rid}"
        try:
            found = [f for f in self._run_example(active, f"示例-{rid}-{kind}-{i}.txt", text) if f.rule == rid]
        except Exception as exc:
            return ExampleOutcome(rule, kind, loc, False, f"规则 {rule} 的示例运行出错：{type(exc).__name__}: {exc}")
        if (kind == "fail") == bool(found):
            return ExampleOutcome(rule, kind, loc, True)
        verb = "没有检出" if kind == "fail" else "误报了"
        note = inherited_example_note(self.ruleset, where[0] if where else None, active.spec.id, rid, kind,
                                      f"{verb} {kind} 示例 {text[:40]!r}")
        return ExampleOutcome(rule, kind, loc, False, f"规则 {rule} {verb}它自己的 {kind} 示例 {text[:40]!r}", note)

    def _run_example(self, active: _Active, name: str, text: str) -> list[Finding]:
        """The findings of one example: a document checker sees one document; a batch checker
        sees the documents of the example (split at ``=== 文件名 ===`` lines) as a batch."""
        if active.spec.scope == "batch":
            docs = [self.prepare(InputDocument(n, t)) for n, t in split_example(text, name)]
            ctx = BatchContext(docs, (), clock.today(), active.setup, active.rules)
            return self._finalise(active, [f for _, f in active.instance.check_batch(ctx)])
        return self._run_one(active, self.prepare_facts(InputDocument(name, text)), clock.today())

    # -- loading ---------------------------------------------------------------------------

    def prepare(self, item: str | os.PathLike | InputDocument | Document) -> Document:
        """Load one input and extract its metadata (sidecar and host values override)."""
        return self.prepare_facts(item).document

    def prepare_facts(self, item: str | os.PathLike | InputDocument | Document) -> DocumentFacts:
        """``prepare``, returning the document's facts (which metadata extraction has already
        filled in part): what the checkers of this document will read."""
        if isinstance(item, Document):  # built by a host: only its text speaks for itself
            item = normalise(item)
            facts = DocumentFacts(item)
            return facts.with_document(attrs.evolve(item, metadata=extract(item, facts)))
        if isinstance(item, InputDocument):
            doc = self.loaders.load_bytes(item.name, item.data)
            override = parse_override(item.metadata, f"{item.name} 的元数据") if item.metadata else None
            source = "host"
        else:
            path = Path(item)
            doc = self.loaders.load_path(path, display_name(str(item)))
            override = read_sidecar(path)
            source = "sidecar"
        doc = normalise(doc)  # mojibake flagged, 繁體 → simplified (findings mapped back in _finish)
        facts = DocumentFacts(doc)
        meta = apply_override(extract(doc, facts), override, source, doc.text)
        return facts.with_document(attrs.evolve(doc, metadata=meta))

    # -- running ---------------------------------------------------------------------------

    def _finalise(self, active: _Active, findings: Iterable[Finding], text_length: int | None = None) -> list[Finding]:
        out = []
        for f in findings:
            _validate(active, f, text_length)
            rule_cfg = active.config.rules.get(f.rule)
            if rule_cfg is not None and rule_cfg.enabled is False:
                continue
            changes: dict[str, Any] = {}
            if f.checker != active.spec.id:
                changes["checker"] = active.spec.id
            if rule_cfg is not None and rule_cfg.severity is not None and rule_cfg.severity != f.severity:
                changes["severity"] = rule_cfg.severity
            info = active.rules.get(f.rule)
            if not f.basis and info is not None:
                changes["basis"] = info.basis
            out.append(attrs.evolve(f, **changes) if changes else f)
        return out

    def _run_one(self, active: _Active, facts: DocumentFacts, today: dt.date,
                 extras: Mapping[str, Any] | None = None, clock: CheckerClock | None = None,
                 budget: float | None = None) -> list[Finding]:
        """One checker on one document within ``budget`` seconds (default: its budget for
        this document's length)."""
        doc = facts.document
        ctx = CheckContext(doc, today, active.setup, active.rules, extras, facts)
        run = clock.run if clock is not None else run_with_budget
        if budget is None:
            budget = active.config.budget(len(doc.text))
        return self._finalise(active, run(lambda: list(active.instance.check(ctx)), budget), len(doc.text))

    def _failure(self, checker_id: str, source: str, exc: BaseException | None,
                 seconds: float | None = None) -> tuple[Finding, DocumentError]:
        """The finding and error of a checker that could not finish; ``seconds``: the budget it
        ran out of (its rule-set timeout and the allowance for the document's size)."""
        if isinstance(exc, BudgetExceeded):
            if seconds is None:
                seconds = next((a.config.timeout for a in self.checkers if a.spec.id == checker_id), None)
            msg = f"检查器 {checker_id} 超过时间限制（{seconds_text(seconds)} 秒），本文档检查不完整，不得发布"
            code = "checker-timeout"
        elif isinstance(exc, GkrulesError):  # a typed error already says, in Chinese, what to do
            msg = f"检查器 {checker_id} 无法完成检查：{exc.message.rstrip('。')}。本文档检查不完整，不得发布"
            code = exc.code if exc.code != "error" else "checker-error"
        else:  # the exception's text may quote the document: only its class of problem is shown
            msg = f"检查器 {checker_id} 运行出错（{_problem_class(exc)}），本文档检查不完整，不得发布"
            code = "checker-error"
        self.plugins.notify_checker_error(checker_id, source, exc if exc is not None else RuntimeError(msg))
        if os.environ.get("GKRULES_DEBUG") and exc is not None and not isinstance(exc, BudgetExceeded):
            traceback.print_exception(type(exc), exc, exc.__traceback__)
        return _engine_rule(msg), DocumentError(code=code, message=msg, checker=checker_id)

    def check_document(self, doc: Document, today: dt.date,
                       extras: Mapping[str, Any] | None = None,
                       facts: DocumentFacts | None = None) -> tuple[list[Finding], list[DocumentError]]:
        """Run every document checker on one prepared document (``facts``: its facts from
        :meth:`prepare_facts`, else made here and released after: see DocumentFacts.release)."""
        if facts is None or facts.document is not doc:
            own = DocumentFacts(doc)
            try:
                return self.check_document(doc, today, extras, own)
            finally:
                own.release()
        findings: list[Finding] = self._notice_findings(doc)
        errors: list[DocumentError] = []
        running = [a for a in self.checkers if a.spec.scope == "document"]
        chars = len(doc.text)
        budgets = [a.config.budget(chars) for a in running]
        # one interval timer for the document, not one per checker (gkrules.budget.CheckerClock)
        with CheckerClock(min(filter(None, budgets), default=None)) as clock:
            for active, budget in zip(running, budgets, strict=True):
                if active.instance is None:
                    f, e = self._failure(active.spec.id, doc.source, active.error)
                    findings.append(f)
                    errors.append(e)
                    continue
                try:
                    findings.extend(self._run_one(active, facts, today, extras, clock, budget))
                except BaseException as exc:
                    if isinstance(exc, KeyboardInterrupt) and not self._in_worker:
                        raise  # in this process Ctrl-C is the user's; in a worker SIGINT is ignored
                    if not isinstance(exc, Exception):  # a limit fired, SystemExit, …: start afresh
                        self._tainted = True
                    f, e = self._failure(active.spec.id, doc.source, exc, budget)
                    findings.append(f)
                    errors.append(e)
        return findings, errors

    def _process(self, item: Any, today: dt.date,
                 extras: Mapping[str, Any] | None = None) -> tuple[Document | None, DocumentResult]:
        if isinstance(item, PathProblem):
            return None, DocumentResult(source=item.name, errors=(DocumentError(code="input", message=item.message),))
        name = (item.name if isinstance(item, InputDocument) else item.source if isinstance(item, Document)
                else display_name(str(item)))
        try:
            facts = self.prepare_facts(item)
        except GkrulesError as exc:
            return None, DocumentResult(source=name, errors=(DocumentError(code=exc.code, message=exc.message),))
        except (MemoryError, RecursionError):
            self._tainted = True
            return None, failed_result(name, "读取时内存不足或结构嵌套过深，本文档检查不完整，不得发布", "input")
        except Exception as exc:  # a bug or a hostile file: this document, not the batch
            if os.environ.get("GKRULES_DEBUG"):
                traceback.print_exception(type(exc), exc, exc.__traceback__)
            return None, failed_result(name, "读取时出错，本文档检查不完整，不得发布", "input")
        doc = facts.document
        try:
            findings, errors = self.check_document(doc, today, extras, facts)
        finally:
            facts.release()  # freed now, not by the cyclic collector later (DocumentFacts.release)
        return doc, DocumentResult(source=doc.source, sha256=doc.sha256, metadata=doc.metadata,
                                   findings=tuple(findings), errors=tuple(errors))

    def check(self, inputs: Inputs, *,
              today: dt.date | None = None, catalog: Sequence[CatalogEntry] = (), jobs: int = 1,
              extras: Mapping[str, Any] | None = None) -> Report:
        """Check one release batch and return its Report.

        ``extras`` are named side inputs that checkers read from ``ctx.extras`` (for example
        unit-level ``contributions`` for statistical disclosure control); they must be
        picklable when ``jobs > 1``.
        """
        return self.check_documents(inputs, today=today, catalog=catalog, jobs=jobs, extras=extras,
                                    documents=False)[0]

    def check_documents(self, inputs: Inputs, *,
                        today: dt.date | None = None, catalog: Sequence[CatalogEntry] = (), jobs: int = 1,
                        extras: Mapping[str, Any] | None = None,
                        on_document: Callable[[str], None] | None = None,
                        deadline: float | None = None, documents: bool = True,
                        collected: bool = False) -> tuple[Report, list[Document]]:
        """Like :meth:`check`, also returning the loaded documents (formatters that show the
        text, such as ``--format html``, need it). ``on_document(source)`` is called as each
        document is done (a progress bar). ``deadline`` (``time.monotonic()``, with
        ``limits``): documents not checked by then are reported unchecked. ``documents=False``:
        the caller needs only the report (the list is empty), so workers send back no more of
        each document than the batch checkers and filters read. ``collected``: the paths are
        files that :func:`gkrules.inputs.collect_paths` already found (``gkrules check``'s
        plan), not to be looked at again."""
        today = today or clock.today()
        items: list[Any] = []
        paths: list[Any] = []
        if isinstance(inputs, str | os.PathLike | InputDocument | Document):  # one input, not its characters
            inputs = [inputs]
        for item in inputs:
            if isinstance(item, InputDocument | Document | PathProblem):  # a PathProblem: its own error entry
                items.append(item)
            else:
                paths.append(item)
        if paths:
            items.extend(paths if collected else collect_paths(paths, self.loaders.extensions))
        if not items:  # a gate that read nothing must not say "publish"
            raise UsageError("没有找到可检查的文件（目录为空，或其中没有支持的格式）")
        extras = dict(extras or {})
        keep = WHOLE_DOCUMENT if documents else self._parts_read_here()
        pairs = self._process_all(items, today, jobs, extras, deadline, on_document, keep)
        report = self._finish(pairs, today, catalog, extras)
        return report, [original_document(d) for d, _ in pairs if d is not None] if documents else []

    def _process_all(self, items: list[Any], today: dt.date, jobs: int, extras: dict[str, Any],
                     deadline: float | None = None, on_document: Callable[[str], None] | None = None,
                     keep: int = WHOLE_DOCUMENT) -> list[tuple[Document | None, DocumentResult]]:
        if self.limits is None and jobs <= 1:
            pairs = _reported((self._process(item, today, extras) for item in items), on_document,
                              lambda: self.examples_passed(wait=False))
        elif not items:
            pairs = []
        else:
            pairs = _reported(self.supervisor(jobs).run(items, today, extras, deadline, keep,
                                                        between=lambda: self.examples_passed(wait=False)), on_document)
        self.examples_passed()  # no report before the rule set's examples have passed
        return pairs

    def _parts_read_here(self) -> int:
        """How much of each document this process reads when the caller wants only the report:
        the batch checkers and the filters read documents (text, metadata, blocks for
        locations); without either, nothing."""
        if any(a.spec.scope == "batch" for a in self.checkers) or self.filters:
            return CHECKED_PARTS
        return NO_DOCUMENT

    def supervisor(self, workers: int = 1) -> Supervisor:
        """The worker processes of this engine (started on first use, ``workers`` at least)."""
        if self._supervisor is None:
            limits = self.limits or Limits(document_seconds=_default_document_seconds(self.checkers))
            if limits.seconds_per_million_chars is None:  # the checkers' allowance, for all of them
                rate = max((a.config.timeout_per_million_chars for a in self.checkers if a.config.timeout), default=0.0)
                limits = attrs.evolve(limits, seconds_per_million_chars=2 * rate,
                                      max_text_chars=self.loaders.options.max_text_chars)
            self._supervisor = Supervisor(self._process_in_worker, limits, lambda: self._tainted)
        self._supervisor.grow(workers)
        return self._supervisor

    def close(self) -> None:
        """Stop the worker processes (they also stop when this process ends)."""
        if self._supervisor is not None:
            self._supervisor.close()

    def _process_in_worker(self, item: Any, today: dt.date, extras: dict[str, Any],
                           keep: int = WHOLE_DOCUMENT) -> tuple[Document | None, DocumentResult]:
        """Load and check ``item`` in a worker; send back the result and only the parts of the
        document that the parent reads (``keep``): passing a document between processes
        costs both sides CPU in proportion to its size and number of objects."""
        self._in_worker = True
        self._tainted = False
        doc, result = self._process(item, today, extras)
        if doc is None:
            return None, result
        if keep == NO_DOCUMENT:  # located in the original script here, as _finish would
            result, findings, _ = _in_original_script(doc, result, list(result.findings))
            return None, attrs.evolve(result, findings=tuple(findings))
        tables = doc.tables if self._tables_wanted else ()
        if keep == CHECKED_PARTS:  # notices are read here, source lines by formatters only
            return attrs.evolve(doc, tables=tables, notices=(), source_lines=()), result
        return (attrs.evolve(doc, tables=tables) if tables is not doc.tables else doc), result

    def _finish(self, pairs: list[tuple[Document | None, DocumentResult]], today: dt.date,
                catalog: Sequence[CatalogEntry], extras: Mapping[str, Any] | None = None) -> Report:
        docs = [d for d, _ in pairs if d is not None]
        index_of = {id(d): i for i, (d, _) in enumerate(pairs) if d is not None}
        extra: dict[int, list[Finding]] = {}
        extra_errors: dict[int, list[DocumentError]] = {}
        batch_chars = sum(len(d.text) for d in docs)
        for active in self.checkers:
            if active.spec.scope != "batch" or not docs:
                continue
            try:
                if active.instance is None:
                    raise active.error or RuntimeError("检查器未能初始化")
                ctx = BatchContext(docs, catalog, today, active.setup, active.rules, extras)
                produced: list[tuple[int, Finding]] = run_with_budget(
                    lambda ctx=ctx, a=active: list(a.instance.check_batch(ctx)),  # type: ignore[misc]
                    active.config.budget(batch_chars))
                for idx, finding in produced:
                    batch_doc = docs[idx]
                    for f in self._finalise(active, [finding], len(batch_doc.text)):
                        extra.setdefault(index_of[id(batch_doc)], []).append(f)
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                for batch_doc in docs:
                    f, e = self._failure(active.spec.id, batch_doc.source, exc, active.config.budget(batch_chars))
                    extra.setdefault(index_of[id(batch_doc)], []).append(f)
                    extra_errors.setdefault(index_of[id(batch_doc)], []).append(e)
        results = []
        for i, (doc, result) in enumerate(pairs):
            findings = list(result.findings) + extra.get(i, [])
            errors = list(result.errors) + extra_errors.get(i, [])
            if doc is not None:
                result, findings, doc = _in_original_script(doc, result, findings)
            # numbered before filtering: a fingerprint must not depend on what filters hid
            kept, suppressed = self._filter(doc, _with_fingerprints(sorted(findings, key=_order)))
            results.append(attrs.evolve(result, findings=tuple(kept), errors=tuple(errors),
                                        suppressed=tuple(suppressed)))
        counts = Counter(f.severity for r in results for f in r.findings)
        summary = Summary(block=counts[Severity.BLOCK], warn=counts[Severity.WARN], info=counts[Severity.INFO],
                          suppressed=sum(len(r.suppressed) for r in results))
        complete = all(not r.errors for r in results)
        return Report(tool_version=__version__, ruleset=self.ruleset_info(), complete=complete, summary=summary,
                      documents=tuple(results), plugins=self._plugin_infos, today=today)

    def _filter(self, doc: Document | None, findings: list[Finding]) -> tuple[list[Finding], list[SuppressedFinding]]:
        if doc is None or not self.filters:
            return findings, []
        kept, suppressed = [], []
        for f in findings:
            reason = None
            if f.checker != "engine":  # a failed check can never be waived
                for flt in self.filters:
                    try:
                        reason = flt.suppress(doc, f)
                    except Exception:
                        reason = None  # a broken filter suppresses nothing: fail closed
                    if reason is not None:
                        break
            if reason is None:
                kept.append(f)
            else:
                suppressed.append(SuppressedFinding(f, reason))
        return kept, suppressed

    def exit_code(self, report: Report, fail_on: Severity | None = None) -> int:
        """0 clean, 1 a finding reached the fail level, 2 incomplete (design §7)."""
        if not report.complete:
            return 2
        level = fail_on or self.fail_on
        return 1 if any(f.severity.at_least(level) for _, f in report.findings()) else 0


def _in_original_script(doc: Document, result: DocumentResult,
                        findings: list[Finding]) -> tuple[DocumentResult, list[Finding], Document]:
    """Findings and metadata located and quoted in the original script of a document whose
    text was converted (繁體 → simplified); the document as loaded."""
    if doc.script is None:
        return result, findings, doc
    if result.metadata is not None:
        result = attrs.evolve(result, metadata=original_metadata(doc, result.metadata))
    return result, relocate(doc, findings), original_document(doc)


def _reported(results: Iterable[tuple[Document | None, DocumentResult]],
              on_document: Callable[[str], None] | None,
              between: Callable[[], None] | None = None) -> list[tuple[Document | None, DocumentResult]]:
    out = []
    for pair in results:
        out.append(pair)
        if on_document is not None:
            on_document(pair[1].source)
        if between is not None:
            between()
    return out


class MalformedFinding(Exception):
    """A checker returned something that is not a well-formed finding of a rule it declares."""


_PROBLEM_CLASSES: tuple[tuple[type[BaseException], str], ...] = (
    (SystemExit, "检查器试图结束进程"),
    (KeyboardInterrupt, "检查器抛出了中断"),
    (MemoryError, "内存不足"),
    (RecursionError, "递归过深"),
    (TimeoutError, "等待超时"),
    (UnicodeError, "文字编码错误"),
    (OSError, "读写文件出错"),
)


def _problem_class(exc: BaseException | None) -> str:
    """The class of problem in Chinese, never the exception's text (which may quote the
    document: a PDF's Info dictionary, a value a checker was parsing)."""
    if exc is None:
        return "未知错误"
    if isinstance(exc, MalformedFinding):
        return exc.args[0] if exc.args else "返回了无效的检查结果"
    for kind, text in _PROBLEM_CLASSES:
        if isinstance(exc, kind):
            return text
    return f"程序错误 {type(exc).__name__}"


def _default_document_seconds(checkers: Sequence[_Active]) -> float:
    """Wall-clock limit of one document in a worker: a minute, or twice the longest checker
    budget when a rule set or ``--timeout`` gives more than thirty seconds."""
    longest = max((a.config.timeout or 0.0 for a in checkers), default=0.0)
    return max(60.0, 2 * longest)


_RULE_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")


def _validate(active: _Active, f: Any, text_length: int | None) -> None:
    """A finding the engine can vouch for: a Finding of a rule the checker declares, with a
    message, a severity, and a location inside the document."""
    cid = active.spec.id
    if not isinstance(f, Finding):
        raise MalformedFinding(f"检查器 {cid} 返回的不是检查意见")
    if f.rule not in active.rules:
        # the id is named when it looks like one (a plugin's text is never echoed otherwise)
        named = f" {f.rule}" if isinstance(f.rule, str) and _RULE_ID.fullmatch(f.rule) else ""
        raise MalformedFinding(f"检查器 {cid} 返回了未声明的规则{named}的意见（只能报告 CheckerSpec.rules 中声明的规则）")
    if not isinstance(f.message, str) or not f.message.strip():
        raise MalformedFinding(f"检查器 {cid} 返回的意见没有说明")
    if not isinstance(f.severity, Severity):
        raise MalformedFinding(f"检查器 {cid} 返回的意见级别无效")
    loc = f.location
    if loc is None:
        return
    if not isinstance(loc, Location):
        raise MalformedFinding(f"检查器 {cid} 返回的意见位置无效")
    start, end = loc.start, loc.end
    for v in (start, end, loc.line, loc.column, loc.page):
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise MalformedFinding(f"检查器 {cid} 返回的意见位置无效")
    if start is not None and end is not None and end < start:
        raise MalformedFinding(f"检查器 {cid} 返回的意见位置无效")
    if text_length is not None and any(v is not None and v > text_length for v in (start, end)):
        raise MalformedFinding(f"检查器 {cid} 返回的意见位置超出了文档")


def _order(f: Finding) -> tuple:
    loc = f.location
    return (loc.start if loc and loc.start is not None else -1, f.checker, f.rule)


def _with_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Number identical findings in document order, so each fingerprint is unique and stays
    the same when text elsewhere changes."""
    seen: Counter[str] = Counter()
    out = []
    for f in findings:
        base = f.fingerprint or hashlib.sha256(f"{f.checker}\0{f.rule}\0{f.message}".encode()).hexdigest()
        n = seen[base]
        seen[base] += 1
        fp = hashlib.sha256(f"{base}:{n}".encode()).hexdigest()[:32]
        out.append(with_fingerprint(f, fp))
    return out


def with_fingerprint(f: Finding, fingerprint: str) -> Finding:
    """``attrs.evolve(f, fingerprint=fingerprint)`` at less than half its cost (evolve reads
    the class's fields on every call; every finding of a report passes here). It names every
    field of Finding: tests/test_with_fingerprint.py fails when one is added."""
    return Finding(f.checker, f.rule, f.severity, f.message, f.location, f.evidence, f.basis, f.suggestion,
                   fingerprint, f.tags)


def check(inputs: Inputs, *, ruleset: str | os.PathLike | Ruleset = DEFAULT_RULESET, today: dt.date | None = None,
          catalog: Sequence[CatalogEntry] = (), jobs: int = 1) -> Report:
    """Check documents with a fresh engine, supervised (build an :class:`Engine` to check many
    batches).

    ``inputs`` is one path (``"examples/"`` is a folder, never its characters), a ``Path``,
    an :class:`InputDocument`, or a list of any of these."""
    engine = Engine(ruleset, limits=Limits(workers=jobs))
    try:
        return engine.check(inputs, today=today, catalog=catalog, jobs=jobs)
    finally:
        engine.close()


def check_text(text: str, name: str | None = None, *, ruleset: str | os.PathLike | Ruleset = DEFAULT_RULESET,
               today: dt.date | None = None, metadata: Mapping[str, Any] | None = None,
               engine: Engine | None = None) -> Report:
    """Check one text. ``name`` (optional, with or without an extension) is how the report
    calls it; without an extension the content decides (HTML or plain text). ``metadata``
    takes the keys of a sidecar (``disclosure``, ``kind``, ``published``…). Pass ``engine``
    to reuse a compiled engine across calls."""
    if not isinstance(text, str):
        raise UsageError(f"check_text 需要字符串（str），实际为 {type(text).__name__}；字节内容请用 InputDocument")
    doc = InputDocument(name or "文本", text, dict(metadata or {}))
    return (engine or Engine(ruleset)).check([doc], today=today)


__all__ = ["Engine", "EngineConfig", "InputError", "Limits", "check", "check_text"]
