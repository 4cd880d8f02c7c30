"""Times stage (placeholder until its issue lands: it leaves `Document.times` empty)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document


@stage("times")
def run(doc: Document) -> Document:
    return doc
