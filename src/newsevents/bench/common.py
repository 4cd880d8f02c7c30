"""Shared plumbing for the `bench` family: data paths, output, scoring helpers."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import click
import orjson

DEFAULT_DATA = "../shared/eval"


def data_option(fn: Callable) -> Callable:
    return click.option(
        "--data", "data", default=DEFAULT_DATA, show_default=True, type=click.Path(file_okay=False),
        help="Folder of evaluation sets (each with a MANIFEST.md); read in place, never copied.",
    )(fn)


def json_option(fn: Callable) -> Callable:
    return click.option("--json", "as_json", is_flag=True, help="Print one JSON object (the default output too).")(fn)


def require(path: Path, what: str) -> Path:
    if not path.exists():
        click.echo(f"newsevents: error: {what} not found at {path}", err=True)
        sys.exit(2)
    return path


def emit(result: dict) -> None:
    sys.stdout.buffer.write(orjson.dumps(result, option=orjson.OPT_INDENT_2 | orjson.OPT_SERIALIZE_NUMPY) + b"\n")


def prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def match_spans(gold: Iterable[tuple[int, int, str]], pred: Iterable[tuple[int, int, str]], overlap: bool) -> tuple[int, int, int]:
    """Count tp/fp/fn between typed spans; each gold span matches at most one prediction."""
    gold = list(gold)
    pred = list(pred)
    used = [False] * len(gold)
    tp = 0
    for ps, pe, pt in pred:
        for gi, (gs, ge, gt) in enumerate(gold):
            if used[gi] or gt != pt:
                continue
            if (gs == ps and ge == pe) or (overlap and ps < ge and gs < pe):
                used[gi] = True
                tp += 1
                break
    return tp, len(pred) - tp, len(gold) - tp


class Timer:
    def __init__(self) -> None:
        self.seconds = 0.0

    def __enter__(self) -> Timer:
        self._t = time.perf_counter()
        return self

    def __exit__(self, *exc: object) -> None:
        self.seconds += time.perf_counter() - self._t
