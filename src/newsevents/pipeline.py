"""Stage registry and the `extract` entry point.

Like spaCy's factories: a stage is a callable `Document -> Document` registered under a plain name,
and the pipeline is a list of names. Adding, removing or reordering a stage is one line in
`DEFAULT_PIPELINE`. `extract` is a pure function of (text, metadata): where it runs is the corpus
runner's business.
"""

from __future__ import annotations

import hashlib
import importlib
from collections.abc import Callable, Iterable

from .schema import Document

Stage = Callable[[Document], Document]

_REGISTRY: dict[str, Stage] = {}

# name -> module that registers it (imported lazily so `import newsevents` stays cheap)
_STAGE_MODULES = {
    "entities": "newsevents.entities",
    "places": "newsevents.places",
    "times": "newsevents.times",
    "quotes": "newsevents.quotes",
    "events": "newsevents.events",
    "journeys": "newsevents.journeys",
}

DEFAULT_PIPELINE: tuple[str, ...] = ("entities", "places", "times", "quotes", "events", "journeys")


def stage(name: str) -> Callable[[Stage], Stage]:
    """Register a stage under `name`."""

    def register(fn: Stage) -> Stage:
        _REGISTRY[name] = fn
        return fn

    return register


def get_stage(name: str) -> Stage:
    if name not in _REGISTRY:
        module = _STAGE_MODULES.get(name)
        if module is None:
            raise KeyError(f"unknown stage {name!r}; known: {', '.join(sorted(_STAGE_MODULES))}")
        importlib.import_module(module)
    return _REGISTRY[name]


def doc_id(text: str) -> str:
    """Content hash: the same text is the same document, wherever it came from."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def extract(
    text: str,
    published: str | None = None,
    source: str | None = None,
    *,
    url: str | None = None,
    html: bool | None = None,
    pipeline: Iterable[str] = DEFAULT_PIPELINE,
    parsed: object | None = None,
) -> Document:
    """Turn one article into a source-linked `Document`.

    `text` is plain text or HTML (detected unless `html` says). `published` is YYYY-MM-DD; when it is
    None the date comes from HTML metadata or the dateline, or stays unknown. `parsed` lets a batch
    runner hand in a spaCy Doc it parsed with `nlp.pipe`.
    """
    from .ingest import prepare
    from .nlp import parse

    doc = prepare(text, published=published, source=source, url=url, html=html)
    doc._nlp = parsed if parsed is not None else parse(doc.text)
    for name in pipeline:
        doc = get_stage(name)(doc)
    return doc


def extract_many(
    items: Iterable[dict],
    pipeline: Iterable[str] = DEFAULT_PIPELINE,
    batch_size: int = 64,
) -> Iterable[Document | Exception]:
    """Extract a stream of `{"text", "published", "source", "url"}` records, parsing in batches.

    Yields a `Document`, or the exception that one record raised: a bad record never stops the rest.
    """
    from .ingest import prepare
    from .nlp import get_nlp

    nlp = get_nlp()
    stages = [get_stage(n) for n in pipeline]
    buf: list[Document | Exception] = []

    def flush() -> Iterable[Document | Exception]:
        ready = [d for d in buf if isinstance(d, Document)]
        parsed = iter(nlp.pipe([d.text for d in ready], batch_size=batch_size))
        for d in buf:
            if isinstance(d, Exception):
                yield d
                continue
            d._nlp = next(parsed)
            try:
                for st in stages:
                    d = st(d)
                yield d
            except Exception as exc:  # one bad document must not stop a run
                yield exc
        buf.clear()

    for item in items:
        try:
            buf.append(
                prepare(
                    item["text"],
                    published=item.get("published"),
                    source=item.get("source"),
                    url=item.get("url"),
                    html=item.get("html"),
                )
            )
        except Exception as exc:
            buf.append(exc)
        if len(buf) >= batch_size:
            yield from flush()
    if buf:
        yield from flush()
