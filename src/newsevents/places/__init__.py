"""Places stage: find every place mention and geocode it offline against the built gazetteer.

Detection goes beyond NER (gazetteer matches NER missed, places nested in organisation names,
"Paris, Texas" patterns, misspellings, the dateline); demonyms only add country context.
Resolution scores each gazetteer candidate with a population prior, the feature type, the document's
country/state context and proximity to the other places, then keeps one reading per name.
"""

from __future__ import annotations

from ..pipeline import stage
from ..schema import Document
from .gazetteer import Candidate, get, norm
from .resolve import geoparse, nearest_place

__all__ = ["run", "lookup", "nearest_place", "Candidate"]


@stage("places")
def run(doc: Document) -> Document:
    """Fill `doc.places` (one per mention, in text order) and `doc.focus_places`."""
    if doc.nlp is None:
        doc.warnings.append("places: no parsed text; stage skipped")
        return doc
    places, focus = geoparse(doc)
    doc.places = places
    doc.focus_places = focus
    return doc


def lookup(name: str, country_code: str | None = None) -> list[Candidate]:
    """Gazetteer candidates for a name, most likely first (feature type, then population)."""
    from .resolve import prior

    cands = [c for c in get().lookup(norm(name)) if country_code is None or c.country_code == country_code]
    return sorted(cands, key=prior, reverse=True)

