"""`newsevents bench serve` reads wrk's report correctly (the figures in the closing note come from it)."""

from __future__ import annotations

from newsevents.api.bench import parse_wrk

WRK = """Running 10s test @ http://127.0.0.1:41234/api/events?limit=50
  1 threads and 16 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     6.21ms    5.02ms  92.10ms   88.00%
    Req/Sec     2.47k   310.55     2.90k    79.00%
  Latency Distribution
     50%    3.69ms
     75%   11.46ms
     90%   15.81ms
     99%    1.17s
  24844 requests in 10.09s, 501.20MB read
  Non-2xx or 3xx responses: 3
Requests/sec:   2462.47
Transfer/sec:     49.67MB
"""


def test_parse_wrk_report():
    got = parse_wrk(WRK)
    assert got["requests_per_s"] == 2462.47
    assert got["p50_ms"] == 3.69 and got["p75_ms"] == 11.46 and got["p90_ms"] == 15.81
    assert got["p99_ms"] == 1170.0  # seconds become milliseconds
    assert got["requests"] == 24844 and got["non_2xx"] == 3


def test_parse_wrk_without_latency_section():
    got = parse_wrk("Requests/sec:   10.00\n")
    assert got["requests_per_s"] == 10.0 and got["p99_ms"] is None and got["non_2xx"] == 0
