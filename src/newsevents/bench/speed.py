"""`newsevents bench speed`: full `extract` against the bare spaCy pipeline, on the same documents.

The spaCy parse is the floor no extractor on this model can beat, so `ratio` (ours / spaCy) says how
much our own stages cost. Both are measured in the same process and run: spaCy parses the batch with
`nlp.pipe`, exactly as `extract_many` does, then every stage is timed on the parsed documents.
`--corpus` measures the corpus runner (worker processes, Dask) on a generated corpus instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import click

from .common import emit, json_option


def load_texts(folder: Path) -> list[str]:
    """The gum_news/re3d news documents of an eval folder, or else the .txt articles under `folder`."""
    from .entities import read_gum, read_re3d

    texts: list[str] = []
    if not (folder / "gum_news").exists() and not (folder / "re3d").exists():
        texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.rglob("*.txt"))]
        return [t for t in texts if len(t.split()) >= 30]
    if (folder / "gum_news").exists():
        texts += [d["text"] for d in read_gum(folder / "gum_news")]
    if (folder / "re3d").exists():
        texts += [d["text"] for d in read_re3d(folder / "re3d")]
    return texts


def measure(texts: list[str], batch_size: int = 32) -> dict:
    from ..ingest import prepare
    from ..nlp import get_nlp
    from ..pipeline import DEFAULT_PIPELINE, get_stage

    nlp = get_nlp()
    stages = {name: get_stage(name) for name in DEFAULT_PIPELINE}
    # Warm-up, untimed but reported: model and gazetteer loading happen once per process, not per document.
    t0 = time.perf_counter()
    for sp in nlp.pipe(texts[:4]):
        try:
            warm = prepare(sp.text, html=False)
        except Exception:
            continue
        warm._nlp = sp
        for fn in stages.values():
            warm = fn(warm)
    warmup = time.perf_counter() - t0
    t0 = time.perf_counter()
    parsed = list(nlp.pipe(texts, batch_size=batch_size))
    t_spacy = time.perf_counter() - t0
    per_stage = dict.fromkeys(stages, 0.0)
    t_prepare = 0.0
    errors = 0
    for text, sp in zip(texts, parsed, strict=True):
        t = time.perf_counter()
        try:
            doc = prepare(text, html=False)
        except Exception:
            errors += 1
            continue
        doc._nlp = sp
        t_prepare += time.perf_counter() - t
        for name, fn in stages.items():
            t = time.perf_counter()
            try:
                doc = fn(doc)
            except Exception:
                errors += 1
            per_stage[name] += time.perf_counter() - t
    n = len(texts)
    words = sum(len(t.split()) for t in texts)
    total = t_spacy + t_prepare + sum(per_stage.values())
    return {
        "docs": n,
        "words": words,
        "docs_per_s": round(n / total, 2),
        "words_per_s": round(words / total, 1),
        "spacy_docs_per_s": round(n / t_spacy, 2),
        "spacy_words_per_s": round(words / t_spacy, 1),
        "ratio": round(t_spacy / total, 3),
        "ms_per_doc": {"spacy": round(1000 * t_spacy / n, 2), "ingest": round(1000 * t_prepare / n, 2)}
        | {k: round(1000 * v / n, 2) for k, v in per_stage.items()},
        "stage_errors": errors,
        "warmup_s": round(warmup, 2),
        "model": nlp.meta.get("name"),
        "processes": 1,
    }


@click.command("speed")
@click.option("--data", "data", default="samples", show_default=True, type=click.Path(file_okay=False),
              help="Folder of .txt articles (or an eval folder with gum_news/re3d).")
@click.option("--min-docs", default=200, show_default=True, help="Repeat the documents until there are this many.")
@click.option("--corpus", is_flag=True, help="Corpus scale: `run` with workers, bare spaCy and Dask on a generated corpus.")
@click.option("--n-docs", default=10_000, show_default=True, help="With --corpus: documents to generate.")
@click.option("--workers", default=2, show_default=True, help="With --corpus: worker processes.")
@json_option
def command(data: str, min_docs: int, corpus: bool, n_docs: int, workers: int, as_json: bool) -> None:
    """Full extract vs bare spaCy on the same documents: docs_per_s, spacy_docs_per_s, ratio."""
    if corpus:
        try:
            from ..corpus.speedbench import run_corpus_bench
        except ImportError as exc:
            raise click.ClickException(f"corpus benchmark unavailable: {exc}") from exc
        emit(run_corpus_bench(n_docs=n_docs, workers=workers))
        return
    texts = load_texts(Path(data))
    if not texts:
        raise click.ClickException(f"no articles found under {data}")
    reps = max(1, -(-min_docs // len(texts)))
    emit(measure((texts * reps)[: max(min_docs, len(texts))]) | {"data": data})
