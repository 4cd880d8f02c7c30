"""Quotes stage: direct, indirect and mixed quotations with speaker, cue, addressee and date.

See `extract.py` for how quotes and speakers are found and `marks.py` for quote-mark pairing.
"""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document
from .extract import extract_quotes

__all__ = ["extract_quotes", "run"]


@stage("quotes")
def run(doc: Document) -> Document:
    doc.quotes = extract_quotes(doc)
    return doc
