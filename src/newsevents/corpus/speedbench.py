"""Corpus-scale speed: `newsevents bench speed --corpus` (called from bench/speed.py).

Three timings on the SAME generated documents, in the same run:

- `run`: the corpus runner with `workers` processes, reading a JSONL file and writing a DuckDB store
  (prepare, nlp.pipe, every stage, and the store writes all included);
- bare spaCy: the same number of processes doing only `nlp.pipe` on the same texts, same batches;
- Dask: the same runner on a `LocalCluster` with `workers` single-threaded worker processes.

Model loading and cluster start-up are excluded from all three (each side warms up first), so the
figures are steady-state throughput. `rss_mb_per_worker` is the highest peak RSS (VmHWM) of any
worker process.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

BATCH = 32


def _spacy_chunk(texts: list[str]) -> int:
    from ..nlp import get_nlp

    n = 0
    for _ in get_nlp().pipe(texts, batch_size=BATCH):
        n += 1
    return n


def _spacy_warm(_: int = 0) -> int:
    from ..nlp import get_nlp

    get_nlp()
    return os.getpid()


def bare_spacy(texts: list[str], workers: int) -> tuple[float, list[float]]:
    """Seconds for `workers` processes to nlp.pipe all texts in BATCH-sized chunks; and their peak RSS."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from .runner import _peak_rss_of

    with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as ex:
        list(ex.map(_spacy_warm, range(workers)))
        list(ex.map(_spacy_chunk, [texts[:BATCH]] * workers))  # warm the first pipe call too
        t0 = time.perf_counter()
        done = sum(ex.map(_spacy_chunk, [texts[i:i + BATCH] for i in range(0, len(texts), BATCH)]))
        secs = time.perf_counter() - t0
        rss = [r for r in (_peak_rss_of(p) for p in (getattr(ex, "_processes", None) or {})) if r is not None]
    assert done == len(texts)
    return secs, rss


def _runner_once(src: Path, store_path: Path, workers: int, dask: str | None) -> tuple[float, int, int, list[float]]:
    """Steady-state seconds, documents written, words and worker RSS for one runner pass."""
    from ..store import open_store
    from .readers import read_records
    from .runner import Runner

    t_ready: list[float] = []

    class Timed(Runner):
        def _commit(self, work, results, errs):  # noqa: ANN001, ANN202 - start the clock at the first result
            if not t_ready:
                t_ready.append(time.perf_counter())
                self._first = len(work)
            return super()._commit(work, results, errs)

    with open_store(store_path) as st:
        r = Timed(st)
        stats = r.run(read_records([str(src)]), workers=workers, batch_size=BATCH, dask=dask,
                      partition_size=max(BATCH, min(1000, stats_partition(src, workers))))
        t_end = time.perf_counter()
    # the first finished batch marks "warm"; count only what came after it
    first = getattr(r, "_first", 0)
    secs = max(1e-9, t_end - t_ready[0]) if t_ready else stats.seconds
    written_after = stats.written - first
    words = int(stats.words * written_after / max(1, stats.written))
    return secs, written_after, words, r.worker_rss_mb


def stats_partition(src: Path, workers: int) -> int:
    """Partitions of up to a thousand documents, but at least four per worker so both stay busy."""
    n = sum(1 for _ in open(src, "rb"))
    return max(1, n // (workers * 4))


def run_corpus_bench(n_docs: int = 10_000, workers: int = 2, dask: bool = True, seed: int = 7) -> dict:
    """Generate `n_docs` ~600-word documents and time run / bare spaCy / Dask on them."""
    import orjson

    from .generate import write_jsonl

    with tempfile.TemporaryDirectory(prefix="newsevents-speed-") as tmp:
        tmpd = Path(tmp)
        src = write_jsonl(tmpd / "corpus.jsonl", n_docs, seed=seed)
        texts = [orjson.loads(line)["text"] for line in open(src, "rb")]
        n_words = sum(len(t.split()) for t in texts)

        run_s, run_n, run_words, run_rss = _runner_once(src, tmpd / "run.duckdb", workers, None)
        spacy_s, spacy_rss = bare_spacy(texts, workers)
        out = {
            "n_docs": n_docs,
            "mean_words_per_doc": round(n_words / max(1, n_docs), 1),
            "workers": workers,
            "docs_per_s": round(run_n / run_s, 2),
            "words_per_s": round(run_words / run_s, 1),
            "spacy_docs_per_s": round(len(texts) / spacy_s, 2),
            "spacy_words_per_s": round(n_words / spacy_s, 1),
            "ratio": round((run_n / run_s) / (len(texts) / spacy_s), 3),
            "docs_per_day": int(run_n / run_s * 86400),
        }
        rss = list(run_rss)
        if dask:
            d_s, d_n, d_words, d_rss = _runner_once(src, tmpd / "dask.duckdb", workers, "local")
            out["dask_docs_per_s"] = round(d_n / d_s, 2)
            out["dask_words_per_s"] = round(d_words / d_s, 1)
            rss += d_rss
        out["rss_mb_per_worker"] = round(max(rss), 1) if rss else None
        out["spacy_rss_mb_per_worker"] = round(max(spacy_rss), 1) if spacy_rss else None
        out["note"] = ("steady state after model load; run = read JSONL + prepare + nlp.pipe + all stages + DuckDB "
                       "writes; spaCy = nlp.pipe only, same processes and batches; same documents")
    return out
