"""Events stage (placeholder until its issue lands: it leaves `Document.events` empty)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document


@stage("events")
def run(doc: Document) -> Document:
    return doc
