"""The stage in the pipeline: samples written for the project, governing times, time zones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import newsevents
from newsevents.schema import Document, Place
from newsevents.times import date_of, governing, run

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _published() -> dict[str, str]:
    rows = (SAMPLES / "published.tsv").read_text(encoding="utf-8").splitlines()
    return dict(r.split("\t") for r in rows if r and not r.startswith("#"))


@pytest.mark.parametrize("name", sorted(_published()))
def test_samples_times(name):
    expected = json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))[name]["times"]
    text = (SAMPLES / name).read_text(encoding="utf-8")
    doc = newsevents.extract(text, published=_published()[name], pipeline=["times"])
    for mention, value in expected.items():
        at = doc.text.find(mention)
        hits = [t for t in doc.times if t.start < at + len(mention) and at < t.end]
        assert any((t.value or "")[:10] == value for t in hits), (mention, value, [(t.text, t.value) for t in hits])


def test_governing_picks_the_clause_date():
    text = "Police said on Monday that the protest began last Wednesday. Nothing else happened."
    doc = newsevents.extract(text, published="2024-03-04", pipeline=["times"])
    first = text.index(".") + 1
    said = governing(doc, 0, first)
    assert said is not None and said.text == "Monday"
    clause = text.index("the protest")
    began = governing(doc, clause, first)
    assert began is not None and began.value == "2024-02-28"
    assert governing(doc, first, len(text)) is None
    assert governing(doc, first, len(text), inherit=True).text == "last Wednesday"


def test_governing_skips_durations():
    text = "The siege lasted three weeks."
    doc = newsevents.extract(text, published="2024-03-04", pipeline=["times"])
    assert doc.times and governing(doc, 0, len(text)) is None


def test_timezone_comes_from_the_place():
    text = "The man crossed the river in El Paso at 8:10 p.m. on Monday."
    doc = Document(text=text, published="2019-07-28")
    at = text.index("El Paso")
    doc.places = [Place(start=at, end=at + 7, text="El Paso", name="El Paso", country_code="US", geonames_id=5520993)]
    run(doc)
    (t,) = doc.times
    assert t.value == "2019-07-22T20:10-06:00"  # Mountain time, daylight saving in July


def test_no_place_no_offset():
    doc = run(Document(text="It ended at 8:10 p.m. on Monday.", published="2019-07-28"))
    assert doc.times[0].value == "2019-07-22T20:10"


def test_date_of_gives_the_calendar_day_or_nothing():
    text = "It ended at 8:10 p.m. on Monday."
    assert date_of(run(Document(text=text, published="2019-07-28")), 0, len(text)) == "2019-07-22"
    assert date_of(run(Document(text=text)), 0, len(text)) is None


def test_a_city_beats_a_nearer_region_and_a_multi_zone_country_is_not_guessed():
    text = "The convoy reached El Paso, Texas, by 9:25 p.m. on Monday."
    doc = Document(text=text, published="2019-07-28")
    ep, tx = text.index("El Paso"), text.index("Texas")
    doc.places = [
        Place(start=ep, end=ep + 7, text="El Paso", country_code="US", geonames_id=5520993),
        Place(start=tx, end=tx + 5, text="Texas", country_code="US", geonames_id=4736286),
    ]
    assert run(doc).times[0].value.endswith("-06:00")
    doc = Document(text="Troops arrived in the United States at 8:10 p.m. on Monday.", published="2019-07-28")
    doc.places = [Place(start=18, end=31, text="United States", country_code="US", geonames_id=6252001)]
    assert run(doc).times[0].value == "2019-07-22T20:10"


def test_governing_a_trigger_word_finds_the_time_of_its_clause():
    text = "Police said the man crossed the bridge at 8 p.m. on Monday and was arrested. He will appear in court."
    doc = newsevents.extract(text, published="2019-07-28", pipeline=["times"])

    def gov(word):
        at = text.index(word)
        return governing(doc, at, at + len(word))

    assert gov("crossed").value.startswith("2019-07-22T20:00")  # the bridge crossing
    assert gov("arrested").value.startswith("2019-07-22")  # conjoined with the dated verb
    assert gov("appear") is None  # another sentence


def test_a_time_below_the_trigger_does_not_govern_it():
    text = "Officials warned that the storm would hit on Friday."
    doc = newsevents.extract(text, published="2019-07-28", pipeline=["times"])
    at = text.index("warned")
    assert governing(doc, at, at + 6) is None
    at = text.index("hit")
    assert governing(doc, at, at + 3).text == "Friday"
