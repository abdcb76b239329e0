"""Supervised execution: documents are loaded and checked in worker processes the engine
can kill, so that the limits hold whatever a loader, a library or a checker does.

Modelled on Apache Tika's ``ForkParser`` and tika-server's watchdog: the parent (CLI,
HTTP worker, library host) never runs parsing or checking code itself; each document goes
to a long-lived child process that has the engine already built (forked from the parent,
so nothing is rebuilt and nothing is re-imported); the parent waits on the child's pipe
with the document's wall-clock deadline, kills the child when it overruns or dies, reports
the document as not checked, and forks a fresh child for the next document. The child's
address space is capped by the OS (``RLIMIT_AS``), so a memory hog gets ``MemoryError``
instead of taking the machine.

Why not ``concurrent.futures.ProcessPoolExecutor``: it cannot kill one stuck task (only
the whole pool), and a dead worker breaks the pool for every pending document.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import multiprocessing
import os
import queue
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.reduction import ForkingPickler
from typing import Any, Generic, TypeVar

from attrs import frozen

from gkrules.budget import seconds_text
from gkrules.model import DocumentError, DocumentResult, Finding, Severity

MiB = 1024 * 1024
T = TypeVar("T")

#: checker id that engine-made findings carry
ENGINE = "engine"
BASIS = "《政府信息公开条例》第十七条（公开前审查）；未完成检查的文件不得发布"


@frozen
class Limits:
    """What one document may cost in a worker process.

    ``document_seconds``: wall-clock time to load and check one document (every checker);
    ``memory_bytes``: address space a worker may add to what the built engine already uses
    (``None``: no cap); ``workers``: processes checking in parallel.
    ``seconds_per_million_chars``: more time for each million characters the file can hold
    (the checkers' budgets grow with the text; ``None``: the engine fills in twice its
    checkers' allowance); ``max_text_chars``: the most text a file can give.
    """

    document_seconds: float = 60.0
    memory_bytes: int | None = 2048 * MiB
    workers: int = 1
    seconds_per_million_chars: float | None = None
    max_text_chars: int = 32 * MiB

    def seconds_for(self, item: Any) -> float:
        """The wall-clock limit of one item: ``document_seconds`` and the allowance for the
        most text it can hold — known before it is read, in the parent (see text_bound)."""
        rate = self.seconds_per_million_chars or 0.0
        if not rate:
            return self.document_seconds
        return self.document_seconds + rate * text_bound(item, self.max_text_chars) / 1e6


#: formats whose text is never longer than the file (one character takes a byte or more)
_PLAIN_SUFFIXES = frozenset({".txt", ".text", ".csv", ".htm", ".html", ".shtml", ".xhtml"})
#: a package's text against its compressed size: XML inflates ~10x and carries ~5 bytes of
#: markup per character of text at the least, and members are capped at 250x (LoadOptions)
_PACKAGE_TEXT_PER_BYTE = 50


def text_bound(item: Any, cap: int) -> int:
    """At most how many characters of text ``item`` can give (0 when its size is unknown)."""
    if isinstance(item, os.PathLike | str):
        name = os.fspath(item)
        try:
            size = os.stat(name).st_size
        except (OSError, ValueError):
            return 0
    else:
        data = getattr(item, "data", None)
        text = getattr(item, "text", None)
        if isinstance(text, str):
            return min(cap, len(text))
        if not isinstance(data, bytes | bytearray | memoryview):
            return 0
        name, size = str(getattr(item, "name", "")), len(data)
    plain = os.path.splitext(name)[1].lower() in _PLAIN_SUFFIXES
    return min(cap, size if plain else size * _PACKAGE_TEXT_PER_BYTE)


#: a job's outcome in the parent: (document or None, result)
Pair = tuple[Any, DocumentResult]
#: the function a worker applies to each item (the engine's ``_process_in_worker``): item,
#: date, extras, and what of the document the caller keeps (see ``Supervisor.run``)
Process = Callable[[Any, dt.date, dict, Any], Pair]


def item_name(item: Any) -> str:
    from gkrules.metadata.sidecar import display_name

    if isinstance(item, os.PathLike):
        return display_name(os.fspath(item))
    for attr in ("name", "source"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return value
    return display_name(str(item))


def failed_result(name: str, message: str, code: str = "checker-error") -> DocumentResult:
    """A document that the engine could not check: a blocking finding and an error entry."""
    finding = Finding(checker=ENGINE, rule="checker-error", severity=Severity.BLOCK, message=message,
                      basis=BASIS, tags=("检查不完整",),
                      fingerprint=hashlib.sha256(f"{code}\0{message}".encode()).hexdigest()[:32])
    return DocumentResult(source=name, findings=(finding,), errors=(DocumentError(code=code, message=message),))


def _address_space() -> int:
    """Current virtual size of this process (bytes), from /proc; 0 where there is none."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError):
        pass
    return 0


def _cap_memory(extra: int | None) -> None:
    if extra is None:
        return
    import resource

    current = _address_space()
    if not current:  # no /proc: a cap could fall below what the worker already uses
        return
    limit = current + extra
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _close_inherited_sockets(keep: int) -> None:
    """A worker forked from the HTTP service must not hold its listening socket or its
    clients' connections open (a connection's FIN waits for every copy to close)."""
    import stat

    try:
        fds = [int(n) for n in os.listdir("/proc/self/fd")]
    except OSError:
        return
    for fd in fds:
        if fd <= 2 or fd == keep:
            continue
        try:
            if stat.S_ISSOCK(os.fstat(fd).st_mode):
                os.close(fd)
        except OSError:
            pass


def _die_with_parent(parent: int, forked_in_main: bool) -> None:
    """A worker must not outlive the process it works for (a checker in an endless loop would
    burn a core for ever): the kernel kills it when its parent dies (Linux), and a thread
    checks the parent every second where that signal cannot be used (forked from a thread
    that may end before the process does)."""
    if forked_in_main and os.getppid() == parent:
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="gkrules-parent-watch", daemon=True).start()


def _worker_main(process: Process, conn: Connection, memory: int | None, tainted: Callable[[], bool],
                 parent: int, forked_in_main: bool) -> None:
    """A worker's life: take a list of jobs, answer each as soon as it is done (the parent
    does not wait for one answer before the next job starts: no round trip per document),
    until the parent goes away.

    Ctrl-C is the supervisor's to handle: the worker ignores SIGINT, so a KeyboardInterrupt
    seen here was raised by a checker and counts as that checker's failure.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    try:
        signal.set_wakeup_fd(-1)  # an event loop's, inherited
    except ValueError:
        pass
    _close_inherited_sockets(conn.fileno())
    _die_with_parent(parent, forked_in_main)
    _cap_memory(memory)
    # what the worker inherited (the built engine, the host's objects) lives as long as the
    # worker: out of the collector's sight, a full collection no longer walks it, and does not
    # write to its pages (each write would copy a page shared with the parent)
    gc.freeze()
    while True:
        try:
            message = conn.recv()
        except BaseException:  # the parent closed the pipe (or it broke): nothing more to do
            os._exit(0)
        if message is None:
            os._exit(0)
        jobs, today, extras, keep = message
        for index, item in jobs:
            try:
                answer: Any = ("ok", index, process(item, today, extras, keep), tainted())
            except MemoryError:
                answer = ("fail", index, "memory")
            except BaseException:  # anything a loader or checker threw past the engine
                answer = ("fail", index, "crash")
            try:
                conn.send(answer)
            except BaseException:  # unpicklable findings, or no memory left to pickle them
                try:
                    conn.send(("fail", index, "unsendable"))
                except BaseException:
                    os._exit(3)
            if answer[0] != "ok" or answer[3]:
                os._exit(0)  # state may be damaged (a handler replaced, a limit swallowed): start afresh


_MESSAGES = {
    "timeout": "检查进程超过时间上限（{seconds} 秒）被终止",
    "memory": "检查进程超出内存上限（{memory} MB）",
    "crash": "检查进程意外出错",
    "unsendable": "检查结果无法传回（检查器返回了无效的结果）",
    "died": "检查进程意外退出（{how}）",
    "deadline": "请求的时间上限已到，未能检查",
    "busy": "检查进程全部繁忙，在请求的时间上限内未能开始检查",
    "spawn": "无法启动检查进程",
    "unpicklable": "文件或附加数据无法交给检查进程",
}


class _Worker:
    def __init__(self, ctx: Any, process: Process, limits: Limits, tainted: Callable[[], bool]):
        self.conn, child = ctx.Pipe()
        in_main = threading.current_thread() is threading.main_thread()
        self.proc = ctx.Process(target=_worker_main, args=(process, child, limits.memory_bytes, tainted,
                                                           os.getpid(), in_main),
                                name="gkrules-worker", daemon=True)
        self.proc.start()
        child.close()

    def stop(self, kill: bool) -> str:
        """End the process; say how it ended (for the message)."""
        if kill and self.proc.is_alive():
            self.proc.kill()
        self.proc.join(2)
        code = self.proc.exitcode
        self.conn.close()
        if code is None:
            return "无法确认"
        if code < 0:
            try:
                return f"信号 {signal.Signals(-code).name}"
            except ValueError:
                return f"信号 {-code}"
        return f"退出码 {code}"


def _ready(conns, timeout: float) -> list[Connection]:
    """The connections with something to read (an answer, or the end of a dead worker's pipe).
    One poll(2) call: multiprocessing's ``wait`` builds a selector each time, which cost
    more than the rest of the parent's work per document."""
    poller = select.poll()
    by_fd = {}
    for conn in conns:
        fd = conn.fileno()
        by_fd[fd] = conn
        poller.register(fd, select.POLLIN)
    return [by_fd[fd] for fd, _ in poller.poll(max(0.0, timeout) * 1000.0)]


class Supervisor:
    """Worker processes with the engine in them; ``run`` checks items in them.

    Thread-safe: concurrent ``run`` calls (the HTTP service's requests) share the workers;
    each call takes the workers it needs for as long as it runs.
    """

    def __init__(self, process: Process, limits: Limits, tainted: Callable[[], bool] = lambda: False):
        self.process = process
        self.limits = limits
        self._tainted = tainted
        self._ctx = multiprocessing.get_context("fork")
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        self._size = 0
        self._lock = threading.Lock()
        self.grow(limits.workers)

    def grow(self, workers: int) -> None:
        """At least ``workers`` processes (started when first needed)."""
        with self._lock:
            while self._size < workers:
                self._idle.put(None)
                self._size += 1

    def prestart(self) -> None:
        """Start every worker now (a server forks before it starts threads)."""
        taken = []
        while True:
            try:
                taken.append(self._idle.get_nowait())
            except queue.Empty:
                break
        for w in taken:
            self._idle.put(w if w is not None else self._spawn())

    def _spawn(self) -> _Worker:
        return _Worker(self._ctx, self.process, self.limits, self._tainted)

    def _take(self, wanted: int, deadline: float | None) -> list[_Worker | None]:
        try:  # wait for one, no longer than the caller may wait
            taken = [self._idle.get(timeout=None if deadline is None else max(0.0, deadline - time.monotonic()))]
        except queue.Empty:
            return []
        while len(taken) < wanted:
            try:
                taken.append(self._idle.get_nowait())
            except queue.Empty:
                break
        return taken

    def close(self) -> None:
        while True:
            try:
                w = self._idle.get_nowait()
            except queue.Empty:
                return
            if w is not None:
                try:
                    w.conn.send(None)
                except OSError:
                    pass
                w.stop(kill=False)

    def run(self, items: Sequence[Any], today: dt.date, extras: dict, deadline: float | None = None,
            keep: Any = None, between: Callable[[], None] | None = None) -> list[Pair]:
        """Each item's (document, result), in order. ``deadline`` (``time.monotonic()``): when
        it passes, what is still running is killed and what is left is reported unchecked
        (an HTTP request whose budget ran out must not keep the workers busy). ``keep`` is
        handed to the process function: how much of each document to send back.
        ``between`` is called whenever answers have come in: what it raises stops the run
        (the engine's rule-set examples failed while the first documents were checked)."""
        results: list[Pair | None] = [None] * len(items)
        pending = deque(range(len(items)))
        idle = self._take(max(1, min(len(items), self._size)), deadline)
        if not idle:
            return [(None, failed_result(item_name(i), self._message("busy"))) for i in items]
        # guided scheduling: a worker takes a share of what is left, so the shares shrink
        # towards the end and no worker is left with a long list while the others idle
        workers, one_at_a_time = len(idle), False
        #: per busy worker: the indices it has not answered yet, and when the first is due
        busy: dict[Connection, tuple[_Worker, deque[int], float]] = {}
        try:
            while pending or busy:
                while pending and idle:
                    share = 1 if one_at_a_time else max(1, len(pending) // (2 * workers)) if workers > 1 else len(pending)
                    jobs = deque(pending.popleft() for _ in range(share))
                    if not self._start(idle, busy, jobs, items, (today, extras, keep), results, pending):
                        one_at_a_time = True
                if not busy:
                    continue
                due = min(d for _, _, d in busy.values())
                timeout = max(0.0, (due if deadline is None else min(due, deadline)) - time.monotonic())
                for conn in _ready(busy, timeout):
                    self._drain(conn, busy, idle, items, results, pending)
                if between is not None:
                    between()
                now = time.monotonic()
                if deadline is not None and now >= deadline and (busy or pending):
                    self._give_up(busy, idle, items, results, pending)
                    break
                for conn, (w, jobs, due_at) in list(busy.items()):  # not ``deadline``: the request's own
                    if now >= due_at and not _ready([conn], 0):
                        del busy[conn]
                        w.stop(kill=True)
                        seconds = self.limits.seconds_for(items[jobs[0]])
                        self._lost(jobs, items, results, pending, self._message("timeout", seconds=seconds))
                        idle.append(None)
        finally:
            for busy_worker, _, _ in busy.values():  # interrupted: nothing half-done survives
                busy_worker.stop(kill=True)
                idle.append(None)
            for idle_worker in idle:
                self._idle.put(idle_worker)
        return results  # type: ignore[return-value]

    def _start(self, idle, busy, jobs, items, context, results, pending) -> bool:
        """Hand ``jobs`` to an idle worker. False when they cannot be pickled together: the
        caller then hands items over one at a time, and only the one that cannot fails."""
        w = idle.pop()
        try:
            w = w if w is not None else self._spawn()
        except Exception:  # no process could be made (fork refused): this item is not checked
            idle.append(None)
            self._lost(jobs, items, results, pending, self._message("spawn"))
            return True
        try:
            data = ForkingPickler.dumps(([(i, items[i]) for i in jobs], *context))
        except Exception:  # nothing was written: the worker is as good as before
            idle.append(w)
            if len(jobs) > 1:
                pending.extendleft(reversed(jobs))
                return False
            self._lost(jobs, items, results, pending, self._message("unpicklable"))
            return True
        try:
            w.conn.send_bytes(data)
        except BaseException as exc:
            if isinstance(exc, KeyboardInterrupt):
                raise
            how = w.stop(kill=True)
            idle.append(None)
            self._lost(jobs, items, results, pending, self._message("died", how=how))
            return True
        busy[w.conn] = (w, jobs, time.monotonic() + self.limits.seconds_for(items[jobs[0]]))
        return True

    def _drain(self, conn, busy, idle, items, results, pending) -> None:
        """Every answer the worker has sent so far; a worker that died costs the document it
        was on, and the rest of its jobs go back to the queue."""
        w, jobs, _ = busy[conn]
        while True:
            try:
                answer = conn.recv()
            except BaseException as exc:
                if isinstance(exc, KeyboardInterrupt):
                    raise
                del busy[conn]
                how = w.stop(kill=True)
                self._lost(jobs, items, results, pending, self._message("died", how=how))
                idle.append(None)
                return
            index = jobs.popleft()
            if answer[0] == "ok":
                results[index] = answer[2]
                if answer[3]:  # the worker ends itself: its state is not to be trusted
                    return self._retire(conn, busy, idle, pending, kill=False)
            else:
                results[index] = (None, failed_result(item_name(items[index]), self._message(answer[2])))
                return self._retire(conn, busy, idle, pending, kill=True)
            if not jobs:
                del busy[conn]
                idle.append(w)
                return
            busy[conn] = (w, jobs, time.monotonic() + self.limits.seconds_for(items[jobs[0]]))
            if not _ready([conn], 0):
                return

    def _give_up(self, busy, idle, items, results, pending) -> None:
        message = self._message("deadline")
        for conn, (w, jobs, _) in list(busy.items()):
            del busy[conn]
            w.stop(kill=True)
            pending.extendleft(reversed(jobs))
            idle.append(None)
        while pending:
            i = pending.popleft()
            results[i] = (None, failed_result(item_name(items[i]), message))

    def _retire(self, conn, busy, idle, pending, kill: bool) -> None:
        w, jobs, _ = busy.pop(conn)
        w.stop(kill=kill)
        pending.extendleft(reversed(jobs))
        idle.append(None)

    def _lost(self, jobs, items, results, pending, message: str) -> None:
        first = jobs.popleft()
        results[first] = (None, failed_result(item_name(items[first]), message))
        pending.extendleft(reversed(jobs))

    def _message(self, what: str, how: str = "", seconds: float | None = None) -> str:
        memory = self.limits.memory_bytes // MiB if self.limits.memory_bytes else 0
        seconds = self.limits.document_seconds if seconds is None else seconds
        text = _MESSAGES[what].format(seconds=seconds_text(seconds), memory=memory, how=how)
        return f"{text}，本文档检查不完整，不得发布"


def _isolated_child(fn: Callable[[], Any], conn: Connection, parent: int, forked_in_main: bool) -> None:
    _die_with_parent(parent, forked_in_main)
    try:
        answer: Any = ("ok", fn())
    except BaseException as exc:  # handed back: the parent raises it if it is one of ours
        from gkrules.errors import GkrulesError

        answer = ("error", exc if isinstance(exc, GkrulesError) else None)
    try:
        conn.send(answer)
    finally:
        os._exit(0)


class IsolatedRun(Generic[T]):
    """``fn()`` started in a forked child that is killed after ``seconds``: for work that no
    signal can interrupt (a regex backtracking in C). The caller goes on with other work and
    asks for :meth:`result` when it needs it; :meth:`done` tells, without waiting, whether it
    would wait."""

    def __init__(self, fn: Callable[[], T], seconds: float):
        ctx = multiprocessing.get_context("fork")
        self._receiver, sender = ctx.Pipe(duplex=False)
        self._seconds = seconds
        self._deadline = time.monotonic() + seconds
        in_main = threading.current_thread() is threading.main_thread()
        self._proc = ctx.Process(target=_isolated_child, args=(fn, sender, os.getpid(), in_main), daemon=True)
        self._proc.start()
        sender.close()

    def done(self) -> bool:
        """True when :meth:`result` would not wait: the answer is in, the child is gone, or
        the time is up."""
        return self._receiver.closed or time.monotonic() >= self._deadline or self._receiver.poll(0)

    def result(self) -> T:
        """``fn()``'s value. Raises RulesetError when the child overran, died or raised
        (a GkrulesError it raised is raised here as it was)."""
        from gkrules.errors import RulesetError

        if self._receiver.closed:
            raise RuntimeError("IsolatedRun.result() already taken")
        try:
            if not self._receiver.poll(max(0.0, self._deadline - time.monotonic())):
                raise RulesetError(f"规则集的示例检查超过 {self._seconds:g} 秒仍未结束（可能有会灾难性回溯的正则表达式），"
                                   "引擎未启动")
            try:
                kind, value = self._receiver.recv()
            except EOFError:
                raise RulesetError("规则集的示例检查意外中止，引擎未启动") from None
        finally:
            self.close()
        if kind == "ok":
            return value
        raise value if value is not None else RulesetError("规则集的示例检查出错，引擎未启动")

    def close(self) -> None:
        """Stop the child if it still runs (its answer is no longer wanted)."""
        if self._proc.is_alive():
            self._proc.kill()
        self._proc.join(5)
        self._receiver.close()


def run_isolated(fn: Callable[[], T], seconds: float) -> T:
    """``fn()`` in a forked child that is killed after ``seconds``, waited for (IsolatedRun)."""
    return IsolatedRun(fn, seconds).result()


__all__ = ["IsolatedRun", "Limits", "Supervisor", "failed_result", "run_isolated"]
