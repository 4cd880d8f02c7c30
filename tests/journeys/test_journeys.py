"""Journeys stage: the Guatemala example (read from ../shared) and a journey written here."""

from __future__ import annotations

import unicodedata

import newsevents
from newsevents.schema import Document


def _norm(s: str | None) -> str:
    return unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode().lower()


def _journey(doc, person: str):
    return next(j for j in doc.journeys if _norm(person) in _norm(j.person.name))


def test_guatemala_journey_has_the_four_stops_in_order(guatemala_doc, guatemala_gold):
    gold = guatemala_gold["journey"]
    j = _journey(guatemala_doc, gold["person"])
    assert [_norm(s.name) for s in j.stops] == [_norm(s) for s in gold["stops"]]
    assert [s.role for s in j.stops] == ["origin", "waypoint", "waypoint", "destination"]
    assert all(s.lat is not None and s.start is not None for s in j.stops)


def test_guatemala_journey_certainty(guatemala_doc, guatemala_gold):
    gold = guatemala_gold["journey"]
    stops = _journey(guatemala_doc, gold["person"]).stops
    assert stops[1].certainty == "reported"  # "reportedly" on the travel to the second stop
    assert stops[2].certainty == "alleged"  # "allegedly" on the unnamed crossing step before the third
    crossing = next(g for g in guatemala_gold["events"] if g.get("place") == gold["stops"][2])
    assert stops[2].date == crossing["date"]


def test_written_journey_with_hope_at_the_end():
    text = (
        "Maria Santos, a teacher from Caracas, said she travelled through Colombia and Panama before reaching "
        "Mexico in May. She hopes to continue to Canada."
    )
    doc = newsevents.extract(text, published="2024-06-01")
    j = _journey(doc, "Maria Santos")
    names = [s.name for s in j.stops]
    assert names[0] == "Caracas" and names[-1] == "Canada"
    assert names.index("Colombia") < names.index("Mexico")
    assert j.stops[-1].certainty == "hypothetical"
    assert j.stops[0].role == "origin" and j.stops[-1].role == "destination"


def test_wished_or_blocked_moves_are_not_stops():
    text = (
        "Soldiers stopped John Smith from entering Chile. John Smith wants to travel to Peru. "
        "He later flew to Bolivia."
    )
    doc = newsevents.extract(text, published="2024-06-01")
    j = _journey(doc, "John Smith")
    assert [s.name for s in j.stops if s.certainty != "hypothetical"] == ["Bolivia"]


def test_no_parse_gives_a_warning():
    from newsevents.journeys import run

    doc = run(Document(text="x"))
    assert doc.journeys == [] and doc.warnings
