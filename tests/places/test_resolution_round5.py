"""Rules of the fifth resolution round: cues in the text of a local story, each checked on sentences written
for these tests (people, streets, lakes and villages are made up)."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path


def _got(doc, text: str):
    return next(p for p in doc.places if p.text == text)


def _town(text: str, ents: list[tuple[str, str]], name: str):
    return _got(_doc(text, ents), name)


def test_names_listed_before_a_plural_street_word_are_streets_at_the_story_town():
    ents = [("Mayfield", "GPE"), ("Bristol", "GPE"), ("Camden", "GPE")]
    doc = _doc("Crews in Mayfield repaired a burst pipe near Bristol and Camden streets on Tuesday.", ents)
    town = _got(doc, "Mayfield")
    for name in ("Bristol", "Camden"):
        street = _got(doc, name)
        assert street.feature == "street" and (street.lat, street.lon) == (town.lat, town.lon), name
        assert "list of streets" in street.reason and doc.text[street.start:street.end] == name
    # the streets do not pull the story's town as the towns of those names do
    alone = _town("Crews in Mayfield repaired a burst pipe on Tuesday.", ents[:1], "Mayfield")
    towns = _town("Crews in Mayfield repaired a burst pipe near Bristol and Camden on Tuesday.", ents, "Mayfield")
    assert (town.lat, town.lon) == (alone.lat, alone.lon) != (towns.lat, towns.lon)


def test_a_street_list_needs_its_lower_case_plural_word():
    doc = _doc("Crews from Mayfield drove to Bristol and Camden Streets Park on Tuesday.",
               [("Mayfield", "GPE"), ("Bristol", "GPE"), ("Camden", "GPE")])
    assert not [p for p in doc.places if p.feature == "street" and p.text in ("Bristol", "Camden")]
    doc = _doc("Crews worked on Marlow and Tesh streets in Mayfield all week.", [("Mayfield", "GPE")])
    assert {p.text for p in doc.places if p.feature == "street"} == {"Marlow", "Tesh"}


def test_big_cities_listed_before_a_plural_street_word_stay_cities():
    doc = _doc("Crowds filled the Paris and London streets after the final whistle.",
               [("Paris", "GPE"), ("London", "GPE")])
    assert _got(doc, "Paris").feature == "city" and _got(doc, "London").country_code == "GB"


def test_two_names_that_meet_at_an_intersection_are_streets():
    text = "Paramedics were called to the Marlow/Paris intersection in Mayfield just after noon."
    doc = _doc(text, [("Paris", "GPE"), ("Mayfield", "GPE")])
    town = _got(doc, "Mayfield")
    for name in ("Marlow", "Paris"):
        street = _got(doc, name)
        assert street.feature == "street" and (street.lat, street.lon) == (town.lat, town.lon), name
    doc = _doc("Police closed the corner of Tesh and Paris in Mayfield on Friday.", [("Paris", "GPE"), ("Mayfield", "GPE")])
    assert _got(doc, "Paris").feature == "street"
    doc = _doc("Police flew to Paris and Mayfield on Friday.", [("Paris", "GPE"), ("Mayfield", "GPE")])
    assert _got(doc, "Paris").feature == "city"


def test_a_tennessee_beer_board_makes_the_story_tennessee():
    assert _town("In Decatur, the Beer Board granted a licence to a new grocery on Tuesday.", [("Decatur", "GPE")],
                 "Decatur").admin1 == "Tennessee"
    plain = _town("In Decatur, the council granted a licence to a new grocery on Tuesday.", [("Decatur", "GPE")],
                  "Decatur")
    assert plain.admin1 != "Tennessee"  # the cue, not the name, decides


def test_a_surname_inside_a_building_named_after_a_person_of_the_story_is_no_place():
    text = ("Edna Patterson coached swimmers for thirty years. The city will open the Edna Patterson Aquatic Center "
            "in Arlington next spring.")
    ents = [("Edna Patterson", "PERSON"), ("Edna Patterson Aquatic Center", "ORG"), ("Arlington", "GPE")]
    doc = _doc(text, ents)
    assert not [p for p in doc.places if p.text == "Patterson"]
    assert _got(doc, "Arlington").admin1 == "Texas"  # the biggest Arlington, no longer pulled to New York
    # the same name without the person: the town inside the organisation name is still context
    doc = _doc("The city will open the Patterson Aquatic Center in Arlington next spring.",
               [("Patterson Aquatic Center", "ORG"), ("Arlington", "GPE")])
    assert _got(doc, "Patterson").role == "context"


def test_a_lake_named_after_a_state_is_placed_at_the_story_town_not_the_state():
    doc = _doc("Anglers reported thin ice on Lake Oregon, a few miles outside Brainerd, on Sunday.",
               [("Lake Oregon", "LOC"), ("Brainerd", "GPE")])
    lake, town = _got(doc, "Lake Oregon"), _got(doc, "Brainerd")
    assert not [p for p in doc.places if p.text == "Oregon"]
    assert lake.feature == "site" and (lake.lat, lake.lon) == (town.lat, town.lon)
    assert "natural feature below the gazetteer" in lake.reason and "Brainerd" in lake.reason


def test_an_island_the_gazetteer_lacks_is_placed_at_the_town_named_before_it():
    doc = _doc("A ferry from Brainerd to Tamrevo Island runs twice a day in summer.",
               [("Brainerd", "GPE"), ("Tamrevo Island", "LOC")])
    island, town = _got(doc, "Tamrevo Island"), _got(doc, "Brainerd")
    assert island.lat is not None and (island.lat, island.lon) == (town.lat, town.lon)
    # a name with no natural-feature word keeps null coordinates: nothing says it lies by the town
    doc = _doc("A ferry from Brainerd to Tamrevo runs twice a day in summer.", [("Brainerd", "GPE"), ("Tamrevo", "GPE")])
    assert _got(doc, "Tamrevo").lat is None


def test_a_small_town_of_another_state_named_before_a_school_is_a_local_site():
    text = ("Deputies in Valdosta, Tifton and Moultrie searched the woods on Tuesday. Pupils at Shelburne "
            "Elementary were kept inside.")
    doc = _doc(text, [("Valdosta", "GPE"), ("Tifton", "GPE"), ("Moultrie", "GPE")])
    school, town = _got(doc, "Shelburne"), _got(doc, "Moultrie")
    assert school.feature == "site" and (school.lat, school.lon, school.admin1) == (town.lat, town.lon, "Georgia")
    assert "not a small town of another state" in school.reason
    # a story with no home state (one town named) keeps the town reading
    doc = _doc("Deputies in Valdosta searched the woods on Tuesday. Pupils at Shelburne Elementary were kept inside.",
               [("Valdosta", "GPE")])
    assert _got(doc, "Shelburne").feature == "city"


def test_a_town_the_tagger_named_is_not_taken_for_a_local_site():
    text = "Deputies in Valdosta, Tifton and Moultrie searched the woods on Tuesday. A man from Shelburne was held."
    doc = _doc(text, [("Valdosta", "GPE"), ("Tifton", "GPE"), ("Moultrie", "GPE"), ("Shelburne", "GPE")])
    assert _got(doc, "Shelburne").feature == "city"


def test_the_nearby_villages_of_a_town_named_before_are_placed_at_it():
    text = ("Inspectors culled flocks around Galati on Monday, and later in the nearby villages of Tamrevo and "
            "Zarqubel in the afternoon.")
    doc = _doc(text, [("Galati", "GPE"), ("Zarqubel", "GPE")])
    town = _got(doc, "Galati")
    assert town.country_code == "RO"
    for name in ("Tamrevo", "Zarqubel"):  # one the tagger missed, one it tagged: neither in the gazetteer
        village = _got(doc, name)
        assert (village.lat, village.lon) == (town.lat, town.lon) and "near Gala" in village.reason, name
    # without "nearby", nothing says where they are
    doc = _doc(text.replace("nearby villages", "villages"), [("Galati", "GPE"), ("Zarqubel", "GPE")])
    assert _got(doc, "Zarqubel").lat is None and not [p for p in doc.places if p.text == "Tamrevo"]


def test_a_surname_of_the_story_the_tagger_called_an_organisation_is_no_town():
    text = "Ella Martin has farmed the land since 1990. Martin said she would sell the land to the county."
    doc = _doc(text, [("Ella Martin", "PERSON"), ("Martin", "ORG")])
    assert not [p for p in doc.places if p.text == "Martin"]
    text = "Ella Martin's farm lies east of town. Martin said she would sell the land to the county."
    doc = _doc(text, [("Ella Martin's", "PERSON"), ("Martin", "ORG")])  # the tagger's span keeps the 's
    assert not [p for p in doc.places if p.text == "Martin"]
    doc = _doc("The planning board met in Martin on Monday.", [("Martin", "ORG")])
    assert _got(doc, "Martin").feature == "city"  # no person of that name: still the town


def test_a_name_opening_an_organisation_of_the_story_is_no_village_abroad():
    text = "Titan Drilling won the permit on Tuesday. Titan plans to drill six wells near Arlington, Texas."
    ents = [("Titan Drilling", "ORG"), ("Titan", "GPE"), ("Arlington", "GPE"), ("Texas", "GPE")]
    doc = _doc(text, ents)
    assert not [p for p in doc.places if p.text == "Titan"]
    assert _got(doc, "Arlington").admin1 == "Texas"
    doc = _doc("The company plans to drill six wells near Titan and Arlington, Texas.",
               [("Titan", "GPE"), ("Arlington", "GPE"), ("Texas", "GPE")])
    assert _got(doc, "Titan").lat is not None  # no organisation of that name: the tagger's place stays
