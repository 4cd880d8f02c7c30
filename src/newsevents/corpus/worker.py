"""What runs inside a worker (a local process or a Dask worker): prepared documents in, results out.

Kept in its own small module with no runner state so Dask can ship it by reference and forked
processes inherit nothing they do not need. The spaCy model is loaded once per process.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..pipeline import DEFAULT_PIPELINE, get_stage
from ..schema import Document
from ..store import DocRows
from ..store.schema import doc_rows

# one result per input document: the finished Document, or (doc_id, stage, reason)
Result = Document | tuple[str, str, str]


def warm(pipeline: Sequence[str] = DEFAULT_PIPELINE) -> int:
    """Load the model and stages before timing starts; returns the pid (so callers can watch RSS)."""
    import os

    from ..nlp import get_nlp

    get_nlp()
    for name in pipeline:
        get_stage(name)
    return os.getpid()


def process(shells: list[Document], pipeline: Sequence[str] = DEFAULT_PIPELINE, batch_size: int = 32) -> list[Result]:
    """Parse with one batched `nlp.pipe` and run the stages; one bad document never sinks the rest."""
    from ..nlp import get_nlp

    nlp = get_nlp()
    stages = [(n, get_stage(n)) for n in pipeline]
    try:
        parsed = list(nlp.pipe([d.text for d in shells], batch_size=batch_size))
    except Exception:  # fall back to one at a time, so only the culprit fails
        parsed = []
        for d in shells:
            try:
                parsed.append(nlp(d.text))
            except Exception as exc:
                parsed.append(exc)
    out: list[Result] = []
    for d, sp in zip(shells, parsed, strict=True):
        if isinstance(sp, Exception):
            out.append((d.id, "nlp", f"{type(sp).__name__}: {sp}"))
            continue
        d._nlp = sp
        current = ""
        try:
            for current, st in stages:  # noqa: B007 - `current` names the stage that raised
                d = st(d)
        except Exception as exc:
            out.append((d.id, current, f"stage {current} raised {type(exc).__name__}: {str(exc)[:300]}"))
            continue
        finally:
            d._nlp = None  # the spaCy Doc never leaves the worker
        out.append(d)
    return out


def process_rows(items: list[tuple[str, Document]], pipeline: Sequence[str] = DEFAULT_PIPELINE,
                 batch_size: int = 32) -> list[DocRows | tuple[str, str, str]]:
    """`process`, then the store rows built here in the worker: the writer only inserts.

    Why: pickling a finished Document back to the writer costs more than building its rows, and the
    single writer process is the one part of a run that does not scale with workers.
    """
    locs = {d.id: loc for loc, d in items}
    out: list[DocRows | tuple[str, str, str]] = []
    for r in process([d for _, d in items], pipeline, batch_size):
        if isinstance(r, Document):
            out.append(DocRows(r.id, doc_rows(r, locs.get(r.id)), len(r.text.split())))
        else:
            out.append(r)
    return out


def peak_rss_mb() -> float:
    """This process's peak resident memory (Linux ru_maxrss is in KiB)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
