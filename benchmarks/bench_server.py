"""Load benchmark of the HTTP service (``gkrules serve``), loopback only, bounded.

Starts ``gkrules serve --workers N`` on 127.0.0.1 (a free port), then sends ~20 KB
documents to ``POST /v1/check``:

1. open loop: requests scheduled at a fixed rate (default 220/s), latency counted from the
   scheduled time, so that queueing shows (no coordinated omission);
2. closed loop: C connections back to back, for the highest throughput.

Both phases are bounded in request count and time, talk only to 127.0.0.1, and stop the
server they started. The client is a minimal keep-alive HTTP/1.1 client on asyncio so that
it takes as little of the machine's CPU as possible.

    python benchmarks/bench_server.py                      # 2 workers, 220 req/s, 4000 requests
    python benchmarks/bench_server.py --rate 300 --requests 6000 --workers 2

Targets (issue 8): ≥ 200 requests/s with p99 ≤ 50 ms for 20 KB documents, 2 workers, 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "data" / "seeds"
HOST = "127.0.0.1"


def make_document(size: int = 20 * 1024) -> str:
    """A ~``size``-byte (UTF-8) notice built from the real bureau pages, with a secrecy mark
    in its head and an internal-use label at its end, so that the checks find something."""
    paragraphs = []
    for p in sorted(SEEDS.glob("*.txt")):
        paragraphs += [line for line in p.read_text(encoding="utf-8").splitlines() if len(line) > 20]
    head = "000047\n秘密★3年\n加急\n\n青梧市统计局文件\n\n青统字〔2024〕12号\n\n关于印发统计执法检查工作方案的通知\n\n各区统计局：\n"
    tail = "\n内部资料 注意保存\n\n青梧市统计局\n2024年3月5日\n"
    body, i = [], 0
    while len((head + "\n".join(body) + tail).encode()) < size:
        body.append(paragraphs[i % len(paragraphs)])
        i += 1
    return head + "\n".join(body) + tail


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (server processes and their check workers)."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        try:
            tasks = list(Path(f"/proc/{p}/task").iterdir())
        except OSError:  # ended meanwhile
            continue
        for task in tasks:
            try:
                todo += [int(x) for x in (task / "children").read_text().split()]
            except OSError:
                continue
    return out


def server_cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) of the server, its worker processes and their check worker
    processes so far (Linux /proc): what a request costs, whatever else the machine is
    doing. (Processes that ended meanwhile, a check worker killed and replaced, are not
    counted.)"""
    try:
        ticks = 0
        for p in _descendants(pid):
            try:
                fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def load_average() -> float | None:
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(port: int, workers: int, check_workers: int | None = None) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "gkrules", "serve", "--host", HOST, "--port", str(port),
           "--workers", str(workers), "--no-access-log"]
    if check_workers is not None:
        cmd += ["--check-workers", str(check_workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited: {proc.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(f"http://{HOST}:{port}/v1/health", timeout=1) as r:
                if r.status == 200:
                    return proc
        except OSError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("server did not become healthy within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)  # the group we created: uvicorn's supervisor and its workers
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Connection:
    """One keep-alive HTTP/1.1 connection that sends the same prepared request."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter, request: bytes):
        self.reader, self.writer, self.request = reader, writer, request

    @classmethod
    async def open(cls, port: int, request: bytes) -> Connection:
        reader, writer = await asyncio.open_connection(HOST, port)
        return cls(reader, writer, request)

    async def send(self) -> tuple[int, bytes]:
        self.writer.write(self.request)
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        body = await self.reader.readexactly(length)
        return status, body

    def close(self) -> None:
        self.writer.close()


def build_request(port: int, doc: str) -> bytes:
    body = json.dumps({"documents": [{"name": "通知.txt", "text": doc}], "today": "2024-05-06"},
                      ensure_ascii=False).encode()
    head = (f"POST /v1/check HTTP/1.1\r\nHost: {HOST}:{port}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode()
    return head + body


async def open_loop(port: int, request: bytes, rate: float, total: int, max_seconds: float,
                    connections: int) -> dict:
    pool: asyncio.Queue[Connection] = asyncio.Queue()
    conns = [await Connection.open(port, request) for _ in range(connections)]
    for c in conns:
        pool.put_nowait(c)
    latencies: list[float] = []
    errors = 0
    start = time.perf_counter() + 0.05

    async def one(i: int) -> None:
        nonlocal errors
        scheduled = start + i / rate
        conn = await pool.get()
        try:
            status, body = await conn.send()
            if status != 200 or b'"complete": true' not in body:
                errors += 1
        finally:
            pool.put_nowait(conn)
        latencies.append(time.perf_counter() - scheduled)

    tasks = []
    for i in range(total):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        if time.perf_counter() - start > max_seconds:
            break
        tasks.append(asyncio.create_task(one(i)))
    await asyncio.gather(*tasks)
    wall = time.perf_counter() - start
    for c in conns:
        c.close()
    return summarise("open loop", latencies, wall, errors, rate=rate)


async def closed_loop(port: int, request: bytes, concurrency: int, total: int, max_seconds: float) -> dict:
    conns = [await Connection.open(port, request) for _ in range(concurrency)]
    latencies: list[float] = []
    errors = 0
    counter = iter(range(total))
    start = time.perf_counter()

    async def worker(conn: Connection) -> None:
        nonlocal errors
        for _ in counter:
            if time.perf_counter() - start > max_seconds:
                return
            t = time.perf_counter()
            status, body = await conn.send()
            latencies.append(time.perf_counter() - t)
            if status != 200 or b'"complete": true' not in body:
                errors += 1

    await asyncio.gather(*(worker(c) for c in conns))
    wall = time.perf_counter() - start
    for c in conns:
        c.close()
    return summarise(f"closed loop ×{concurrency}", latencies, wall, errors)


def summarise(name: str, latencies: list[float], wall: float, errors: int, **extra) -> dict:
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, round(p / 100 * (len(ms) - 1)))]

    return {"phase": name, "requests": len(ms), "errors": errors, "seconds": round(wall, 2),
            "rps": round(len(ms) / wall, 1), "p50_ms": round(pct(50), 2), "p90_ms": round(pct(90), 2),
            "p99_ms": round(pct(99), 2), "max_ms": round(ms[-1], 2), "mean_ms": round(statistics.fmean(ms), 2),
            **extra}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--check-workers", type=int, default=None,
                    help="check processes per service process (default: the service's own default)")
    ap.add_argument("--rate", type=float, default=220.0, help="open-loop request rate per second")
    ap.add_argument("--requests", type=int, default=4000, help="requests per phase (bounded)")
    ap.add_argument("--max-seconds", type=float, default=60.0, help="time bound per phase")
    ap.add_argument("--connections", type=int, default=8, help="keep-alive connections of the open loop")
    ap.add_argument("--concurrency", type=int, default=4, help="connections of the closed loop")
    ap.add_argument("--size", type=int, default=20 * 1024, help="document size in bytes (UTF-8)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    doc = make_document(args.size)
    port = free_port()
    proc = start_server(port, args.workers, args.check_workers)
    try:
        request = build_request(port, doc)
        results = {"document_bytes": len(doc.encode()), "workers": args.workers, "check_workers": args.check_workers, "cpus": os.cpu_count()}
        asyncio.run(closed_loop(port, request, args.concurrency, 300, 30))  # warm-up: imports, caches
        results["load_before"] = load_average()
        for key, phase in (("open", lambda: open_loop(port, request, args.rate, args.requests, args.max_seconds,
                                                      args.connections)),
                           ("closed", lambda: closed_loop(port, request, args.concurrency, args.requests,
                                                          args.max_seconds))):
            cpu0 = server_cpu_seconds(proc.pid)
            results[key] = asyncio.run(phase())
            cpu1 = server_cpu_seconds(proc.pid)
            if cpu0 is not None and cpu1 is not None:
                results[key]["server_cpu_ms_per_request"] = round((cpu1 - cpu0) / results[key]["requests"] * 1000, 2)
        results["load_after"] = load_average()
    finally:
        stop_server(proc)
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        print(f"document {results['document_bytes']} bytes, {args.workers} workers, {results['cpus']} CPUs, "
              f"load average {results['load_before']} → {results['load_after']}")
        for key in ("open", "closed"):
            r = results[key]
            print(f"{r['phase']:<16} {r['requests']:>6} req  {r['rps']:>7.1f} req/s  p50 {r['p50_ms']:6.2f} ms  "
                  f"p90 {r['p90_ms']:6.2f} ms  p99 {r['p99_ms']:6.2f} ms  max {r['max_ms']:7.2f} ms  errors {r['errors']}"
                  f"  server CPU {r.get('server_cpu_ms_per_request', '?')} ms/req")
    ok = results["open"]["rps"] >= 200 and results["open"]["p99_ms"] <= 50 and not results["open"]["errors"]
    print("target (≥ 200 req/s, p99 ≤ 50 ms): " + ("met" if ok else "NOT met"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
