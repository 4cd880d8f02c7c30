"""Journeys stage (placeholder until its issue lands: it leaves `Document.journeys` empty)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document


@stage("journeys")
def run(doc: Document) -> Document:
    return doc
