"""Events stage: PLOVER-coded events with actor, target, place, date, source and certainty.

Each event points at its trigger word and its sentence, so every code can be checked against the text.
See `extract.py` for the method and `data/` for the lexicons.
"""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document
from .extract import extract_events

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@stage("events")
def run(doc: Document) -> Document:
    if doc.nlp is None:
        doc.warnings.append("events: no parse (doc.nlp is None); no events extracted")
        return doc
    doc.events = extract_events(doc)
    return doc


__all__ = ["PLOVER_TYPES", "extract_events", "run"]
