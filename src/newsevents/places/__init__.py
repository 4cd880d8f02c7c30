"""Places stage (placeholder until its issue lands: it leaves `Document.places` empty)."""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document


@stage("places")
def run(doc: Document) -> Document:
    return doc
