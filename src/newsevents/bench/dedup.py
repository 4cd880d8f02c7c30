"""`newsevents bench dedup`: do reports of the same event end up in one event cluster?

The set (`corpus/data/dedup_set.jsonl`, written for this project) has groups of differently worded
reports of one event and near-miss distractors: the same actors on another day, the same kind of
event on the same day in another place. Every report goes through the full pipeline; its main event
(the first event after the headline) stands for the report. Pairwise precision, recall and F1 over
reports are computed for the clusterer and, in the same run, for a GDELT-style key baseline (same
type, day and country). The clusterer's threshold is tuned on the `train` split only; `test` is
reported with that threshold and was never used for tuning.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import click
import orjson

from .common import emit, json_option

SET = Path(__file__).resolve().parents[1] / "corpus" / "data" / "dedup_set.jsonl"


def load_set(path: Path = SET) -> list[dict]:
    rows = [orjson.loads(line) for line in path.read_bytes().splitlines() if line.strip()]
    return [r for r in rows if "_about" not in r]


def main_event(doc) -> int | None:  # noqa: ANN001 - a Document
    """The event that stands for a report: the first one in the lead, else the first after the headline."""
    from ..corpus.dedup import lead_end

    if not doc.events:
        return None
    hl = doc.headline.end if doc.headline else 0
    lead = lead_end(doc.text, hl)
    body = [i for i, e in enumerate(doc.events) if e.start >= hl]
    in_lead = [i for i in body if doc.events[i].start < lead]
    return (in_lead or body or [0])[0]


class Split:
    """One split's reports, stored in an in-memory store and turned into clusterer items once."""

    def __init__(self, reports: list[dict], docs: list) -> None:  # noqa: ANN001
        from ..corpus.dedup import store_items
        from ..store import open_store

        self.reports = reports
        with open_store(":memory:") as st:
            st.write([d for d in docs if d is not None])
            self.items, rows = store_items(st)
        index = {(r["doc_id"], int(r["idx"])): k for k, r in enumerate(rows)}
        self.mains: list[int | None] = []
        for d in docs:
            m = main_event(d) if d is not None else None
            self.mains.append(index.get((d.id, m)) if m is not None else None)

    def score(self, cluster_fn) -> dict:  # noqa: ANN001
        from ..corpus.dedup import pairwise_prf

        labels = cluster_fn(self.items) if self.items else []
        pred = [labels[m] if m is not None else f"solo:{r['id']}" for r, m in zip(self.reports, self.mains, strict=True)]
        res = pairwise_prf([r["event"] for r in self.reports], pred)
        res["reports"] = len(self.reports)
        res["reports_without_event"] = sum(m is None for m in self.mains)
        return res


@click.command("dedup")
@click.option("--set", "set_path", type=click.Path(dir_okay=False, exists=True), default=str(SET), show_default=False,
              help="Dedup set (JSONL with id, split, event, published, source, text).")
@json_option
def command(set_path: str, as_json: bool) -> None:
    """Pairwise P/R/F1 of event clustering on differently worded reports, vs a key baseline."""
    from ..corpus.dedup import Config, baseline, cluster
    from ..pipeline import extract_many

    reports = load_set(Path(set_path))
    docs = []
    for d in extract_many([{"text": r["text"], "published": r["published"], "source": r["source"]} for r in reports]):
        docs.append(None if isinstance(d, Exception) else d)
    splits = {}
    for name in ("train", "test"):
        idx = [i for i, r in enumerate(reports) if r["split"] == name]
        splits[name] = Split([reports[i] for i in idx], [docs[i] for i in idx])

    def run(split: str, fn) -> dict:  # noqa: ANN001
        return splits[split].score(fn)

    # tune the threshold on train only
    base = Config()
    grid = [round(0.25 + 0.05 * k, 2) for k in range(12)]
    tuned = max(grid, key=lambda t: (run("train", lambda items, t=t: cluster(items, replace(base, threshold=t)))["f1"],
                                     -abs(t - base.threshold)))
    cfg = replace(base, threshold=tuned)
    result = {
        "set": str(set_path) if Path(set_path) != SET else "corpus/data/dedup_set.jsonl",
        "threshold_tuned_on_train": tuned,
        "default_threshold": base.threshold,
        "train": run("train", lambda items: cluster(items, cfg)),
        "test": run("test", lambda items: cluster(items, cfg)),
        "test_default_threshold": run("test", lambda items: cluster(items, base)),
        "baseline_key_match": {"train": run("train", baseline), "test": run("test", baseline)},
        "errors": sum(d is None for d in docs),
    }
    result["precision"], result["recall"], result["f1"] = (result["test"][k] for k in ("precision", "recall", "f1"))
    emit(result)
