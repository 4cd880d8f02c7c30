"""US post-office towns below GeoNames' 500-people table: in the gazetteer, and they complete a local cluster."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path

from newsevents.places import lookup


def test_post_office_town_is_in_the_gazetteer_without_a_population():
    vt = [c for c in lookup("Barnard", "US") if c.admin1_code == "VT"]
    assert len(vt) == 1
    assert vt[0].feature == "city" and vt[0].population == 0
    assert 43.5 < vt[0].lat < 44.0 and -72.8 < vt[0].lon < -72.4


def test_a_town_geonames_keeps_is_not_duplicated():
    # Woodstock, Vermont is in GeoNames' own table: the post-office name adds no second reading there
    assert len([c for c in lookup("Woodstock", "US") if c.admin1_code == "VT"]) == 1


def test_small_town_pulls_its_neighbour_to_its_state():
    doc = _doc("The farmer moved to Barnard in 1998 and later bought land near Woodstock.",
               [("Barnard", "GPE"), ("Woodstock", "GPE")])
    got = {p.text: p for p in doc.places}
    assert got["Barnard"].admin1 == "Vermont" and got["Barnard"].lat is not None
    # without the village, the bigger Woodstock in Ontario or Illinois would win on population alone
    assert got["Woodstock"].admin1 == "Vermont"


def test_town_known_only_to_the_post_office_still_gets_a_point():
    # a name whose only readings are villages of unknown size still gets one, with a low margin noted
    doc = _doc("They met in Barnard last spring.", [("Barnard", "GPE")])
    (p,) = [p for p in doc.places if p.text == "Barnard"]
    assert p.lat is not None and "readings" in p.reason


def test_a_story_persons_surname_is_not_a_small_town():
    text = ("Budget director Mary Ellsworth presented the figures on Tuesday. Revenue fell, Ellsworth "
            "said, but according to Ellsworth the reserve is intact.")
    doc = _doc(text, [("Mary Ellsworth", "PERSON"), ("Ellsworth", "GPE"), ("Ellsworth", "GPE")])
    assert not [p for p in doc.places if p.text.startswith("Ellsworth")]


def test_the_same_word_after_in_is_still_a_town():
    text = "Budget director Mary Ellsworth grew up in Ellsworth, Maine, and moved away in 1990."
    doc = _doc(text, [("Mary Ellsworth", "PERSON"), ("Ellsworth", "GPE")])
    towns = [p for p in doc.places if p.text == "Ellsworth" and p.start > 30]
    assert towns and towns[0].admin1 == "Maine"


def test_a_street_stays_in_the_story_state_after_a_town_named_in_passing():
    text = ("Flooding closed schools in Baton Rouge and Lafayette on Monday. Shreveport opened two shelters. "
            "A volunteer who drove down from Denver helped crews sandbag homes on Magnolia Street.")
    doc = _doc(text, [("Baton Rouge", "GPE"), ("Lafayette", "GPE"), ("Shreveport", "GPE"), ("Denver", "GPE")])
    (street,) = [p for p in doc.places if p.text == "Magnolia Street"]
    assert street.admin1 == "Louisiana" and "Shreveport" in street.reason


def test_a_town_name_before_st_is_a_street():
    text = "The couple, of 114 Dayton St., Lansing, were charged on Friday."
    doc = _doc(text, [("Dayton", "GPE"), ("Lansing", "GPE")])
    assert not [p for p in doc.places if p.text == "Dayton"]
    assert [p for p in doc.places if p.text == "Lansing"]


def test_a_town_given_with_its_state_does_not_pull_the_story_there():
    # local style: out-of-area places carry their state, the story's own town does not
    text = ("Charleston police arrested a man on Tuesday after a chase downtown. The driver, 31, of Albany, "
            "N.Y., was held overnight, Charleston officers said.")
    doc = _doc(text, [("Charleston", "GPE"), ("Albany", "GPE"), ("N.Y.", "GPE"), ("Charleston", "GPE")])
    got = [p for p in doc.places if p.text == "Charleston"]
    assert got and all(p.admin1 != "New York" for p in got)
    assert [p for p in doc.places if p.text == "Albany"][0].admin1 == "New York"


def test_a_world_citys_name_makes_no_village_cluster():
    text = "The nurse was moved from a hospital in London to one in Glasgow on Friday, her family said."
    doc = _doc(text, [("London", "GPE"), ("Glasgow", "GPE")])
    got = {p.text: p for p in doc.places}
    assert got["London"].country_code == "GB" and got["Glasgow"].country_code == "GB"
