"""The runner: bad inputs become error rows, runs resume exactly, parallel modes give the same rows."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from corpus_helpers import article

from newsevents.corpus.runner import run_corpus
from newsevents.store import open_store
from newsevents.store.schema import TABLES, columns

FAST = ("entities", "test_boom")


def snapshot(st) -> dict[str, list]:
    """Every row of every table, sorted: two stores are equal when their snapshots are."""
    out = {}
    for t in TABLES:
        if t == "event_clusters":
            continue
        cols = ", ".join(f'"{c}"' for c in columns(t))  # not SELECT *: PostGIS adds a geom column
        rows = st.fetch(f"SELECT {cols} FROM {t}")
        out[t] = sorted(tuple(bytes(v).hex() if isinstance(v, bytes | memoryview) else str(v) for v in r.values())
                        for r in rows)
    return out


def test_bad_inputs_are_recorded_and_neighbours_survive(corpus_dir, tmp_path):
    with open_store(tmp_path / "s.duckdb") as st:
        stats = run_corpus([str(corpus_dir)], st, workers=1, pipeline=FAST, batch_size=4)
        errs = {e["input"].split("/")[-1]: e for e in st.fetch("SELECT * FROM errors")}
        n_docs = st.counts()["documents"]
    # 10 records reach prepare: 3 txt + dup + binary + j1 j2 j3 + csv + html; zero.txt and line 2 fail earlier
    assert n_docs == 7  # a0-a2, j1, j3, c1, page.html
    assert set(errs) == {"zero.txt", "binary.txt", "dump.jsonl:2", "dump.jsonl:3", "dup.txt"}
    assert errs["zero.txt"]["kind"] == "empty"
    assert errs["binary.txt"]["kind"] == "decode"
    assert errs["dump.jsonl:2"]["kind"] == "parse"
    assert errs["dump.jsonl:3"]["kind"] == "stage" and errs["dump.jsonl:3"]["stage"] == "test_boom"
    assert errs["dup.txt"]["kind"] == "duplicate" and "a0.txt" in errs["dup.txt"]["reason"]
    assert stats.errors == 5 and stats.written == 7 and stats.read == 12


def test_rerun_skips_finished_documents(corpus_dir, tmp_path):
    with open_store(tmp_path / "s.duckdb") as st:
        run_corpus([str(corpus_dir)], st, workers=1, pipeline=FAST)
        before = snapshot(st)
        again = run_corpus([str(corpus_dir)], st, workers=1, pipeline=FAST)
        assert again.written == 0 and again.skipped == 8  # 7 stored + 1 that failed in a stage before
        assert snapshot(st) == before


def test_workers_give_the_same_rows_as_one_process(corpus_dir, tmp_path):
    with open_store(tmp_path / "one.duckdb") as a, open_store(tmp_path / "two.duckdb") as b:
        run_corpus([str(corpus_dir)], a, workers=1, pipeline=FAST)
        stats = run_corpus([str(corpus_dir)], b, workers=2, pipeline=FAST, batch_size=2)
        assert stats.workers == 2
        assert snapshot(a) == snapshot(b)


SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_dask_local_gives_the_same_rows_as_workers(corpus_dir, tmp_path):
    """The full default pipeline on the project's sample articles, plus the bad-input folder."""
    pytest.importorskip("distributed")
    inputs = [str(SAMPLES), str(corpus_dir)]
    with open_store(tmp_path / "w.duckdb") as a, open_store(tmp_path / "d.duckdb") as b:
        run_corpus(inputs, a, workers=2, batch_size=2)
        stats = run_corpus(inputs, b, workers=2, dask="local", partition_size=3)
        assert stats.mode == "dask:local"
        assert snapshot(a) == snapshot(b)
        assert a.counts()["documents"] >= 12 and a.counts()["mentions"] > 0


def test_postgresql_gives_the_same_rows_as_duckdb(corpus_dir, tmp_path):
    from newsevents.store.testing import fresh_pg_store

    inputs = [str(SAMPLES), str(corpus_dir)]
    pg = fresh_pg_store(pytest)
    try:
        with open_store(tmp_path / "d.duckdb") as duck:
            run_corpus(inputs, duck, workers=1)
            run_corpus(inputs, pg, workers=2, batch_size=3)
            assert snapshot(duck) == snapshot(pg)
            assert pg.counts()["documents"] == duck.counts()["documents"] >= 12
    finally:
        pg.close()


def test_kill_9_then_resume_gives_exact_rows(tmp_path):
    """Kill a real `newsevents run` mid-way with SIGKILL; the resumed store equals a clean run's."""

    src = tmp_path / "big.jsonl"
    import orjson

    with open(src, "wb") as fh:
        for i in range(160):
            fh.write(orjson.dumps({"id": f"k{i}", "text": article(i) + f" Report number {i}."}) + b"\n")
        fh.write(b"{corrupt\n")
    killed, clean = tmp_path / "killed.duckdb", tmp_path / "clean.duckdb"
    cmd = [sys.executable, "-m", "newsevents.cli", "run", str(src), "--workers", "1", "--batch-size", "4", "--commit-every", "4",
           "--no-progress", "--verbose", "--no-cluster", "--pipeline", "entities"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([*cmd, "--store", str(killed)], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, env=env)
    seen = 0
    deadline = time.time() + 120
    while seen < 3 and time.time() < deadline:
        line = proc.stderr.readline()
        if not line:
            break
        seen += line.startswith(b"committed:")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert seen == 3, "the run never committed a batch"
    with open_store(killed) as st:
        partial = st.counts()["documents"]
    assert 0 < partial < 160  # really killed mid-run
    subprocess.run([*cmd, "--store", str(killed)], check=False, capture_output=True, env=env)
    subprocess.run([*cmd, "--store", str(clean)], check=False, capture_output=True, env=env)
    with open_store(killed) as a, open_store(clean) as b:
        assert a.counts()["documents"] == 160 and a.counts()["errors"] == 1
        assert snapshot(a) == snapshot(b)
