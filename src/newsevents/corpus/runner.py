"""The corpus runner: a stream of inputs through the pipeline into a store, resumable.

Shape of a run (the same for local processes and Dask):

    read records -> prepare (decode, HTML, content-hash id) -> skip ids already stored
        -> batches to workers (nlp.pipe + stages) -> each finished batch written in ONE transaction

Why it is `kill -9` safe: a batch's documents and errors land together or not at all, ids are
content hashes and every table has a primary key, so a resumed run skips what was committed and
redoes exactly what was not. Memory stays flat: at most `window` batches are in flight.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..ingest import InputError, prepare
from ..pipeline import DEFAULT_PIPELINE
from ..schema import Document
from ..store import DocRows, ErrorRecord, Store
from ..store.schema import doc_rows
from .readers import Record, read_records
from .worker import Result, peak_rss_mb, process_rows, warm


@dataclass
class RunStats:
    """What a run did; `errors` counts every input that ended in the errors table this run."""

    read: int = 0
    written: int = 0
    skipped: int = 0
    errors: int = 0
    words: int = 0
    seconds: float = 0.0
    error_kinds: Counter = field(default_factory=Counter)
    workers: int = 1
    mode: str = "local"

    @property
    def docs_per_s(self) -> float:
        return self.written / self.seconds if self.seconds else 0.0

    def as_dict(self) -> dict:
        return {
            "read": self.read, "written": self.written, "skipped": self.skipped, "errors": self.errors,
            "error_kinds": dict(self.error_kinds), "words": self.words, "seconds": round(self.seconds, 2),
            "docs_per_s": round(self.docs_per_s, 2),
            "words_per_s": round(self.words / self.seconds, 1) if self.seconds else 0.0,
            "workers": self.workers, "mode": self.mode,
        }


# (locator, Document shell) pairs ready for a worker, or an ErrorRecord for the store
Prepared = tuple[str, Document] | ErrorRecord


def prepare_stream(records: Iterable[Record]) -> Iterator[Prepared]:
    """Decode and clean each record into a Document shell; duplicates within the run become errors."""
    first_seen: dict[str, str] = {}
    for rec in records:
        if rec.error is not None:
            yield ErrorRecord(rec.locator, rec.error, rec.kind)
            continue
        try:
            shell = prepare(rec.data or "", published=rec.published, source=rec.source, url=rec.url, html=rec.html,
                            name=rec.locator)
        except InputError as exc:
            msg = str(exc)
            kind = "empty" if "empty" in msg else "decode" if ("UTF" in msg or "binary" in msg or "encoding" in msg) else "input"
            yield ErrorRecord(rec.locator, msg, kind)
            continue
        except Exception as exc:  # a reader hands us something prepare() chokes on: record, go on
            yield ErrorRecord(rec.locator, f"{rec.locator}: cannot prepare ({type(exc).__name__}: {exc})", "input")
            continue
        if shell.id in first_seen:
            yield ErrorRecord(rec.locator, f"duplicate of {first_seen[shell.id]}", "duplicate", doc_id=shell.id)
            continue
        first_seen[shell.id] = rec.locator
        yield rec.locator, shell


def batches(items: Iterable[Prepared], size: int) -> Iterator[tuple[list[tuple[str, Document]], list[ErrorRecord]]]:
    """Group into (work, errors) batches of about `size` documents; errors ride with the next batch."""
    work: list[tuple[str, Document]] = []
    errs: list[ErrorRecord] = []
    for it in items:
        if isinstance(it, ErrorRecord):
            errs.append(it)
            if len(errs) >= size * 4:
                yield work, errs
                work, errs = [], []
        else:
            work.append(it)
            if len(work) >= size:
                yield work, errs
                work, errs = [], []
    if work or errs:
        yield work, errs


class Runner:
    """Drives one run; `executor` decides where `process` runs (in-process, processes, Dask)."""

    def __init__(self, store: Store, pipeline: Sequence[str] = DEFAULT_PIPELINE,
                 on_progress: Callable[[RunStats], None] | None = None, commit_docs: int = 256,
                 commit_seconds: float = 2.0) -> None:
        self.store = store
        self.pipeline = tuple(pipeline)
        self.stats = RunStats()
        self.on_progress = on_progress or (lambda s: None)
        self.worker_rss_mb: list[float] = []
        self.commit_docs = commit_docs
        self.commit_seconds = commit_seconds
        self._rows: list[DocRows] = []
        self._errs: list[ErrorRecord] = []
        self._last_flush = time.perf_counter()

    # -- resume: drop what is already stored (documents) or already failed (errors)
    def _fresh(self, work: list[tuple[str, Document]], errs: list[ErrorRecord]) -> list[tuple[str, Document]]:
        if not work:
            return work
        known = self.store.known_ids(d.id for _, d in work)
        failed = self.store.known_inputs(loc for loc, _ in work)
        fresh = [(loc, d) for loc, d in work if d.id not in known and loc not in failed]
        self.stats.skipped += len(work) - len(fresh)
        return fresh

    def _commit(self, work: list[tuple[str, Document]], results: list, errs: list[ErrorRecord]) -> None:
        """Take a finished batch; write when enough has gathered (one transaction per write)."""
        locs = {d.id: loc for loc, d in work}
        for r in results:
            if isinstance(r, DocRows):
                self._rows.append(r)
            elif isinstance(r, Document):
                self._rows.append(DocRows(r.id, doc_rows(r, locs.get(r.id)), len(r.text.split())))
            else:
                did, stg, reason = r
                self._errs.append(ErrorRecord(locs.get(did, did), reason, "stage", stage=stg, doc_id=did))
        self._errs.extend(errs)
        if (len(self._rows) >= self.commit_docs or len(self._errs) >= self.commit_docs
                or time.perf_counter() - self._last_flush >= self.commit_seconds):
            self.flush()

    def flush(self) -> None:
        """Write everything gathered in ONE transaction: a kill before it loses it all, after it none."""
        if not self._rows and not self._errs:
            return
        written = self.store.write_rows(self._rows, self._errs)
        self.stats.written += written
        self.stats.words += sum(r.n_words for r in self._rows)
        self.stats.errors += len(self._errs)
        self.stats.error_kinds.update(e.kind for e in self._errs)
        self._rows, self._errs = [], []
        self._last_flush = time.perf_counter()
        self.on_progress(self.stats)

    def run(self, records: Iterable[Record], workers: int = 1, batch_size: int = 32, window: int | None = None,
            dask: str | None = None, partition_size: int = 1000) -> RunStats:
        t0 = time.perf_counter()
        counted = self._count(records)
        if dask:
            self.stats.mode = f"dask:{dask}"
            self._run_dask(counted, dask, partition_size, workers)
        elif workers <= 1:
            self.stats.workers = 1
            warm(self.pipeline)
            for work, errs in batches(prepare_stream(counted), batch_size):
                work = self._fresh(work, errs)
                res = process_rows(work, self.pipeline) if work else []
                self._commit(work, res, errs)
        else:
            self._run_pool(counted, workers, batch_size, window or workers * 2)
        self.flush()
        self.stats.seconds = time.perf_counter() - t0
        return self.stats

    def _count(self, records: Iterable[Record]) -> Iterator[Record]:
        for r in records:
            self.stats.read += 1
            yield r

    def _run_pool(self, records: Iterable[Record], workers: int, batch_size: int, window: int) -> None:
        import multiprocessing as mp
        from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait

        self.stats.workers = workers
        # fork: workers inherit registered stages; ProcessPoolExecutor forks them all at the first submit
        with ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context("fork")) as ex:
            self.pids = list({f.result() for f in [ex.submit(warm, self.pipeline) for _ in range(workers)]})
            pending: dict = {}
            for work, errs in batches(prepare_stream(records), batch_size):
                work = self._fresh(work, errs)
                if not work:
                    self._commit(work, [], errs)
                    continue
                fut = ex.submit(process_rows, work, self.pipeline)
                pending[fut] = (work, errs)
                while len(pending) >= window:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for f in done:
                        self._commit(*_unpack(pending.pop(f), f))
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    self._commit(*_unpack(pending.pop(f), f))
            procs = getattr(ex, "_processes", None) or {}
            self.worker_rss_mb = [r for r in (_peak_rss_of(pid) for pid in procs) if r is not None]

    def _run_dask(self, records: Iterable[Record], address: str, partition_size: int, workers: int) -> None:
        from .daskrun import dask_client

        with dask_client(address, workers) as client:
            from distributed import wait as dwait

            self.stats.workers = len(client.scheduler_info().get("workers", {})) or workers
            client.run(warm, self.pipeline)
            pending: dict = {}
            window = max(2, self.stats.workers * 2)
            for work, errs in batches(prepare_stream(records), partition_size):
                work = self._fresh(work, errs)
                if not work:
                    self._commit(work, [], errs)
                    continue
                fut = client.submit(process_rows, work, self.pipeline, pure=False)
                pending[fut] = (work, errs)
                while len(pending) >= window:
                    done = dwait(list(pending), return_when="FIRST_COMPLETED").done
                    for f in done:
                        self._commit(*_unpack(pending.pop(f), f))
            while pending:
                done = dwait(list(pending), return_when="FIRST_COMPLETED").done
                for f in done:
                    self._commit(*_unpack(pending.pop(f), f))
            self.worker_rss_mb = list(client.run(peak_rss_mb).values())


def _unpack(job: tuple, fut: object) -> tuple[list, list[Result], list[ErrorRecord]]:
    """A finished future's results; a crashed worker turns its whole batch into errors, not a crash."""
    work, errs = job
    try:
        results = fut.result()  # type: ignore[attr-defined]
    except Exception as exc:
        reason = f"worker failed: {type(exc).__name__}: {str(exc)[:200]}"
        results = [(d.id, "worker", reason) for _, d in work]
    return work, results, errs


def _peak_rss_of(pid: int) -> float | None:
    """Peak RSS (VmHWM) of a live process, in MB; None when /proc cannot tell."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def run_corpus(inputs: Sequence[str], store: Store, *, workers: int = 1, dask: str | None = None,
               batch_size: int = 32, partition_size: int = 1000, pipeline: Sequence[str] = DEFAULT_PIPELINE,
               text_column: str | None = None, on_progress: Callable[[RunStats], None] | None = None,
               commit_docs: int = 256) -> RunStats:
    """Library entry point: the same job `newsevents run` does, without the progress bar."""
    runner = Runner(store, pipeline, on_progress, commit_docs=commit_docs)
    return runner.run(read_records(inputs, text_column), workers=workers, batch_size=batch_size, dask=dask,
                      partition_size=partition_size)
