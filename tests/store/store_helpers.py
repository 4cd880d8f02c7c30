"""Hand-built documents for the store tests (a module with a unique name, importable from tests)."""

from __future__ import annotations

from newsevents.pipeline import doc_id
from newsevents.schema import (
    Document,
    Entity,
    Event,
    EventPlace,
    Journey,
    Mention,
    Place,
    Quote,
    Ref,
    SentenceSpan,
    Stop,
)


def make_doc(text: str, published: str = "2024-03-04", source: str = "Wire") -> Document:
    """A small document with one of everything, offsets pointing into `text`."""
    a = text.index("Amina")
    n = text.index("Nairobi")
    doc = Document(id=doc_id(text), text=text, published=published, source=source)
    doc.entities = [Entity(id="e0", name="Amina Odhiambo", type="PERSON",
                           mentions=[Mention(start=a, end=a + 5, text="Amina")])]
    doc.places = [Place(start=n, end=n + 7, text="Nairobi", name="Nairobi", country_code="KE", lat=-1.28, lon=36.82)]
    ref = Ref(entity="e0", name="Amina Odhiambo", start=a, end=a + 5)
    doc.quotes = [Quote(start=0, end=10, text=text[:10], kind="direct", speaker=ref)]
    doc.events = [Event(start=n, end=n + 7, text=text[n:n + 7], type="PROTEST", actor=ref,
                        place=EventPlace(name="Nairobi", lat=-1.28, lon=36.82, country_code="KE"),
                        date=published, sentence=SentenceSpan(start=0, end=len(text)), certainty="reported",
                        reported_by=ref)]
    doc.journeys = [Journey(person=ref, stops=[Stop(name="Nairobi", lat=-1.28, lon=36.82, country_code="KE"),
                                               Stop(name="Mombasa", lat=-4.05, lon=39.67, country_code="KE")])]
    return doc
