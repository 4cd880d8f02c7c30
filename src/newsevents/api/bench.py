"""`newsevents bench serve`: HTTP throughput and tail latency of the API, measured with wrk on loopback.

What it measures (one JSON object): a 50-row event query served by `newsevents serve` on ONE worker,
  - `cached`: the same query over and over (the answer cache a read-only store allows);
  - `uncached`: the server started with `--cache-mb 0`, a wrk script cycling through distinct
    50-row event queries (types, pages, date ranges), so every request runs the store query;
  - `direct_query`: the peer floor, the same `store.query.query_events` call in-process, no HTTP.
The store is built from the project's synthetic corpus (`corpus.generate`, composed from samples/),
or given with --store. Only 127.0.0.1 is ever contacted.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from statistics import median
from typing import Any

import click
import orjson

QUERY = "/api/events?limit=50"
# wrk Lua: every request a different 50-row event query (page, type, date range)
VARIED_LUA = r"""
local types = {"", "&type=PROTEST", "&type=ASSAULT", "&type=AGREE", "&type=REQUEST", "&type=CONSULT", "&type=COERCE"}
local dates = {"", "&date_from=2020-01-01", "&date_to=2024-12-31", "&date_from=2023-01-01&date_to=2024-06-30"}
local n = 0
request = function()
  n = n + 1
  local path = "/api/events?limit=50&offset=" .. ((n * 7) % 400) .. types[(n % #types) + 1] .. dates[(n % #dates) + 1]
  return wrk.format("GET", path)
end
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ms(value: str) -> float:
    m = re.match(r"([\d.]+)(us|ms|s|m)", value)
    if not m:
        raise ValueError(value)
    n, unit = float(m.group(1)), m.group(2)
    return {"us": n / 1000, "ms": n, "s": n * 1000, "m": n * 60_000}[unit]


def parse_wrk(out: str) -> dict[str, Any]:
    """Requests/s, latency percentiles (ms), totals and errors from `wrk --latency` output."""
    res: dict[str, Any] = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    res["requests_per_s"] = float(m.group(1)) if m else None
    for pct in ("50", "75", "90", "99"):
        m = re.search(rf"^\s+{pct}(?:\.000)?%\s+(\S+)", out, re.M)
        res[f"p{pct}_ms"] = round(_ms(m.group(1)), 3) if m else None
    m = re.search(r"(\d+) requests in", out)
    res["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    res["non_2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", out)
    res["socket_errors"] = m.group(1).strip() if m else None
    return res


def _build_store(path: Path, n_docs: int) -> None:
    from ..corpus.generate import generate
    from ..pipeline import extract_many
    from ..store import open_store

    docs = [d for d in extract_many(generate(n_docs)) if not isinstance(d, Exception)]
    with open_store(path) as st:
        st.write(docs)


class _Server:
    def __init__(self, store: Path, cache_mb: int) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "newsevents.cli", "serve", "--store", str(store), "--port", str(self.port),
             "--cache-mb", str(cache_mb)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(self.base + "/api/health", timeout=2):
                    return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise click.ClickException("server did not start") from None
                time.sleep(0.2)

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(self.base + path, timeout=10) as r:
            return orjson.loads(r.read())

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def _wrk(url: str, seconds: int, connections: int, script: str | None = None) -> dict[str, Any]:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "5s"]
    if script:
        cmd += ["-s", script]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=seconds + 60, check=False)
    if out.returncode != 0:
        raise click.ClickException(f"wrk failed: {out.stderr.strip().splitlines()[-1] if out.stderr.strip() else out.returncode}")
    return parse_wrk(out.stdout)


@click.command("serve")
@click.option("--store", "store_path", default=None, help="Store to serve (default: build one from the synthetic corpus).")
@click.option("--docs", "n_docs", default=200, show_default=True, help="Synthetic documents when building the store.")
@click.option("--seconds", default=10, show_default=True, type=click.IntRange(1, 300))
@click.option("--connections", default=16, show_default=True, type=click.IntRange(1, 512))
def command(store_path: str | None, n_docs: int, seconds: int, connections: int) -> None:
    """wrk on loopback against `newsevents serve` (1 worker): a 50-row event query, cached and not."""
    if shutil.which("wrk") is None:
        raise click.ClickException("wrk is not installed (Debian package `wrk`)")
    tmp = Path(tempfile.mkdtemp(prefix="newsevents-bench-serve-"))
    try:
        if store_path is None:
            store = tmp / "bench.duckdb"
            t0 = time.perf_counter()
            _build_store(store, n_docs)
            build_s = time.perf_counter() - t0
        else:
            store, build_s = Path(store_path), None

        from ..store import open_store
        from ..store import query as Q

        with open_store(store, read_only=True) as st:
            counts = st.counts()
            times = []
            for i in range(200):
                t = time.perf_counter()
                got = Q.query_events(st, limit=50, offset=(i * 7) % 400)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            direct = {"calls": len(times), "median_ms": round(median(times), 3),
                      "p99_ms": round(times[int(len(times) * 0.99) - 1], 3), "rows_last": len(got)}
        if counts["events"] < 50:
            raise click.ClickException(f"the store has {counts['events']} events; a 50-row query needs 50")

        lua = tmp / "varied.lua"
        lua.write_text(VARIED_LUA, encoding="utf-8")
        result: dict[str, Any] = {
            "benchmark": "serve", "tool": f"wrk -t1 -c{connections} -d{seconds}s --latency",
            "server": "newsevents serve (uvicorn, 1 worker, 127.0.0.1)", "cpus": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "store": {"path": "synthetic" if store_path is None else store_path, "documents": counts["documents"],
                      "events": counts["events"], "build_s": round(build_s, 1) if build_s else None},
            "query": QUERY,
        }
        for name, cache_mb, script in (("cached", 64, None), ("uncached", 0, str(lua))):
            srv = _Server(store, cache_mb)
            try:
                rows = srv.get(QUERY)["rows"]
                if len(rows) != 50:
                    raise click.ClickException(f"{QUERY} returned {len(rows)} rows, not 50")
                _wrk(srv.base + QUERY, 2, connections, script)  # warm-up
                result[name] = _wrk(srv.base + QUERY, seconds, connections, script)
                result[name]["cache_mb"] = cache_mb
                result[name]["queries"] = "one query, repeated" if script is None else "distinct queries (Lua)"
            finally:
                srv.stop()
        result["direct_query"] = direct
        c = result["cached"]
        result["target"] = {"requests_per_s": 1000, "p99_ms": 100,
                            "cached_met": bool(c["requests_per_s"] and c["requests_per_s"] >= 1000
                                               and c["p99_ms"] is not None and c["p99_ms"] < 100),
                            "uncached_met": bool(result["uncached"]["requests_per_s"]
                                                 and result["uncached"]["requests_per_s"] >= 1000
                                                 and result["uncached"]["p99_ms"] is not None
                                                 and result["uncached"]["p99_ms"] < 100)}
        click.echo(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
