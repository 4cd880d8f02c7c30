"""The cue-verb lexicon (data/quote_cues.tsv), loaded once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def cue_classes() -> dict[str, str]:
    """lemma -> class ("speech" or "belief"); comment lines and the header are skipped."""
    text = resources.files("newsevents").joinpath("data/quote_cues.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) >= 2:
            out[parts[0].strip().lower()] = parts[1].strip()
    return out


def speech_lemmas() -> frozenset[str]:
    return frozenset(k for k, v in cue_classes().items() if v == "speech")


# Verbs whose object is the person spoken to, not the speaker ("told the BBC").
ADDRESSEE_VERBS = frozenset({"tell", "inform", "ask", "assure", "reassure", "remind", "warn", "urge", "advise"})
