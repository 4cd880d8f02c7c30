"""Everyday sentences that use the small types' words ("poured", "left", "opened", "together", "received") in their
ordinary senses: none of them may be coded as one of the small or hostile types. Sentences written for this test."""

from __future__ import annotations

import pytest

import newsevents

SMALL = {"AID", "SANCTION", "MOBILIZE", "COOPERATE", "COERCE", "CONCEDE", "SUPPORT", "ASSAULT"}

SENTENCES = [
    "Prices fell 3 percent in October, the statistics office said.",
    "The plane landed safely at the city airport after a short delay.",
    "She left the company in 2019 to start her own bakery.",
    "The new musical opened on Broadway to strong reviews.",
    "Water poured into the basement after the storm.",
    "The author accepted the prize at a ceremony in Stockholm.",
    "The museum received a painting from a private collector.",
    "The band will play together again next summer.",
    "The store dropped prices on televisions ahead of the holidays.",
    "The children left the school at noon.",
    "The company posted a profit of $2 billion for the quarter.",
    "Shares fell sharply after the earnings report.",
    "The team set up a new training camp in the mountains.",
    "The bakery opened a second shop downtown.",
    "Rain fell on the parade, but crowds stayed.",
    "The actor received an award for his role.",
    "The two singers recorded the album together in a barn.",
    "The firm shipped a million phones in the first quarter.",
    "Investors poured money into technology stocks this year.",
    "The coach asked the players to leave the field.",
    "He blocked the shot in the final minute.",
    "The show drew large crowds on its opening night.",
    "The school opened a new canteen for pupils.",
    "The group had left the port on Saturday in two boats, according to the agency.",
]


@pytest.fixture(scope="module")
def coded() -> list[list[str]]:
    docs = newsevents.extract_many(({"text": t} for t in SENTENCES), pipeline=("entities", "places", "times", "quotes", "events"))
    return [[e.type for e in d.events] for d in docs]


@pytest.mark.parametrize("n", range(len(SENTENCES)))
def test_everyday_sense_is_not_a_small_type(coded, n):
    assert not set(coded[n]) & SMALL, (SENTENCES[n], coded[n])


def test_the_same_words_in_their_event_senses_are_still_coded():
    """The other side of the check: the rules that keep the sentences above clean must not lose the real events."""
    cases = [
        ("AID", "Foreign donors have poured more than $4 billion into rebuilding the country since the war ended."),
        ("SANCTION", "The country left the regional defence pact on Monday."),
        ("COOPERATE", "Engineers from both countries are building the bridge across the river together."),
        ("SANCTION", "The foreign ministry ordered three diplomats to leave the country within 48 hours."),
        ("AID", "The government accepted 50,000 tonnes of rice from its neighbour on Wednesday."),
        ("ASSAULT", "Shells fell on a school that had been sheltering displaced families."),
    ]
    from newsevents.bench.events import primary_event

    docs = newsevents.extract_many(({"text": t} for _, t in cases), pipeline=("entities", "places", "times", "quotes", "events"))
    got = [(ev.type if (ev := primary_event(d)) else None) for d in docs]
    assert got == [c[0] for c in cases]


def test_ceasing_ones_own_trade_is_no_coercion_but_a_state_cutting_supplies_is_a_sanction():
    assert not [e for e in newsevents.extract("The shop stopped selling phones last year.").events if e.type in SMALL]
    doc = newsevents.extract("The country stopped importing grain from its neighbour.")
    assert [e.type for e in doc.events] == ["SANCTION"]
    doc = newsevents.extract("Police stopped the march near the square.")
    assert [e.type for e in doc.events] == ["COERCE"]
