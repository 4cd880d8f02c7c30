"""Rules from the TR-News development round: each checked on sentences written for these tests."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path


def test_a_couples_first_name_is_no_town():
    text = ("Retired teachers Brent and Lynnette Hain drove from Winnipeg to see the lake. "
            "Brent told reporters the trip took two days.")
    doc = _doc(text, [("Brent", "PERSON"), ("Lynnette Hain", "PERSON"), ("Winnipeg", "GPE")])
    assert not [p for p in doc.places if p.text == "Brent"]
    assert [p for p in doc.places if p.text == "Winnipeg"]


def test_a_big_town_tagged_as_a_person_is_still_taken_back_alone():
    # without a partner's full name after "and", the old rule stands: a big city no person is named after
    text = "The delegation flew on to Brent and met the council there on Monday."
    doc = _doc(text, [("Brent", "PERSON")])
    assert [p for p in doc.places if p.text == "Brent"]


def test_a_saints_name_is_no_town():
    text = ("Volunteers cooked dinner at St. Mark's Episcopal Church in Denver before St. Patrick's Day, "
            "and a nurse at St. Paul's Hospital joined them.")
    doc = _doc(text, [("St. Mark's Episcopal Church", "ORG"), ("Denver", "GPE"), ("St. Paul", "GPE")])
    texts = {p.text for p in doc.places}
    assert "Mark" not in texts and "Patrick" not in texts and "St. Paul" not in texts
    assert "Denver" in texts


def test_a_saints_town_named_as_a_place_stays():
    doc = _doc("The storm reached St. Paul on Monday and St. Louis's schools closed.",
               [("St. Paul", "GPE"), ("St. Louis", "GPE")])
    got = {p.text: p for p in doc.places}
    assert got["St. Paul"].lat is not None
    assert "St. Louis" in got
