"""Quotes stage (placeholder until its issue lands: it leaves `Document.quotes` empty)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document


@stage("quotes")
def run(doc: Document) -> Document:
    return doc
