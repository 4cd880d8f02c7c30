"""Rules of the fourth TR-News development round: names the gazetteer lacks, placed where the text itself
puts them; each checked on sentences written for these tests (the village names are made up)."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path

from newsevents.places.gazetteer import distance_km


def _got(doc, text: str):
    return next(p for p in doc.places if p.text == text)


def test_a_village_in_a_named_province_takes_that_place_point():
    doc = _doc("Shells fell on Zarqubel in Homs province on Monday, residents said.",
               [("Zarqubel", "GPE"), ("Homs", "GPE")])
    village, homs = _got(doc, "Zarqubel"), _got(doc, "Homs")
    assert (village.lat, village.lon, village.country_code) == (homs.lat, homs.lon, "SY")
    assert "placed at" in village.reason and "Homs" in village.reason
    assert doc.text[village.start:village.end] == "Zarqubel"


def test_a_neighbourhood_after_its_city_possessive_takes_the_city_point():
    doc = _doc("A bomb went off in Nairobi's Kwamzeti neighbourhood late on Sunday.",
               [("Nairobi", "GPE"), ("Kwamzeti", "GPE")])
    hood, city = _got(doc, "Kwamzeti"), _got(doc, "Nairobi")
    assert city.lat is not None and (hood.lat, hood.lon) == (city.lat, city.lon)


def test_a_country_or_continent_is_too_wide_to_place_a_village():
    for where in ("Syria", "Africa"):
        doc = _doc(f"Shells fell on Zarqubel in {where} on Monday, residents said.",
                   [("Zarqubel", "GPE"), (where, "LOC" if where == "Africa" else "GPE")])
        assert _got(doc, "Zarqubel").lat is None, where


def test_an_unknown_name_said_elsewhere_stays_without_coordinates():
    doc = _doc("Zarqubel said on Monday that Homs would be next.", [("Zarqubel", "GPE"), ("Homs", "GPE")])
    assert _got(doc, "Zarqubel").lat is None


def test_villages_the_tagger_missed_are_placed_as_the_text_says():
    doc = _doc("Rockets hit the towns of Talbiseh and Tamrevo in Homs province overnight.", [("Homs", "GPE")])
    known, unknown, homs = _got(doc, "Talbiseh"), _got(doc, "Tamrevo"), _got(doc, "Homs")
    assert distance_km(known.lat, known.lon, 34.84, 36.73) < 5  # its own reading, not the province's point
    assert (unknown.lat, unknown.lon) == (homs.lat, homs.lon)
    assert all(doc.text[p.start:p.end] == p.text for p in doc.places)


def test_a_village_with_no_place_named_after_it_is_not_added():
    for text in ("Rockets hit the village of Tamrevo in the north overnight.",
                 "Rockets hit the village of Tamrevo in Syria overnight."):
        doc = _doc(text, [("Syria", "GPE")] if "Syria" in text else [])
        assert not [p for p in doc.places if p.text == "Tamrevo"], text


def test_a_province_whose_city_is_small_beside_it_is_the_province():
    doc = _doc("The singer grew up in Quebec and moved west at twenty, her agent said.", [("Quebec", "GPE")])
    assert _got(doc, "Quebec").feature == "admin1"


def test_its_office_names_the_province_even_in_a_story_about_its_towns():
    doc = _doc("Mayors from Montreal and Laval asked the Quebec government for more buses.",
               [("Montreal", "GPE"), ("Laval", "GPE"), ("Quebec", "GPE")])
    assert _got(doc, "Quebec").feature == "admin1"


def test_a_state_that_is_usually_its_big_city_stays_the_city():
    for name in ("New York", "Washington"):
        doc = _doc(f"She grew up in {name} and moved west at twenty, her agent said.", [(name, "GPE")])
        assert _got(doc, name).feature == "city", name


def test_a_community_or_a_village_near_a_town_is_placed_there():
    for text, town in (("The birds were found in the community of Tamrevo in Fife last week.", "Fife"),
                       ("She worked for a family at Tamrevo, near Newmarket, before the war.", "Newmarket")):
        doc = _doc(text, [(town, "GPE")])
        village, place = _got(doc, "Tamrevo"), _got(doc, town)
        assert place.lat is not None and (village.lat, village.lon) == (place.lat, place.lon), text
        assert town in village.reason


def test_a_word_after_a_preposition_with_no_near_is_not_added():
    doc = _doc("She worked at Tamrevo, a shop in Newmarket, before the war.", [("Newmarket", "GPE")])
    assert not [p for p in doc.places if p.text == "Tamrevo"]


def test_a_small_town_read_far_from_the_place_the_text_puts_it_in_takes_that_place():
    doc = _doc("Dinner was served at Bernardin in Chicago on Friday.", [("Bernardin", "GPE"), ("Chicago", "GPE")])
    inn, chicago = _got(doc, "Bernardin"), _got(doc, "Chicago")
    assert (inn.lat, inn.lon, inn.admin1) == (chicago.lat, chicago.lon, "Illinois")
    assert "Chicago" in inn.reason


def test_a_town_the_text_puts_in_a_state_stays_in_that_state():
    doc = _doc("She grew up in Stonewall in Virginia and moved away.", [("Stonewall", "GPE"), ("Virginia", "GPE")])
    assert (_got(doc, "Stonewall").country_code, _got(doc, "Stonewall").admin1) == ("US", "Virginia")


def test_a_big_city_is_not_moved_by_the_sentence():
    doc = _doc("Fans from Chicago in Boston cheered loudly.", [("Chicago", "GPE"), ("Boston", "GPE")])
    assert _got(doc, "Chicago").admin1 == "Illinois"


def test_a_name_listed_beside_a_us_state_is_the_state():
    doc = _doc("A doctor from Peoria praised the Oregon and Washington rules on end-of-life care.",
               [("Peoria", "GPE"), ("Oregon", "GPE"), ("Washington", "GPE")])
    assert _got(doc, "Washington").feature == "admin1"


def test_a_country_listed_beside_a_us_state_stays_the_country():
    doc = _doc("Trade between Mexico and Texas grew last year.", [("Mexico", "GPE"), ("Texas", "GPE")])
    assert _got(doc, "Mexico").feature == "country"


def test_alone_or_beside_a_country_the_name_keeps_its_city():
    for text, ents in (("A doctor from Peoria praised the Washington rules on end-of-life care.",
                        [("Peoria", "GPE"), ("Washington", "GPE")]),
                       ("Talks between Moscow and Washington resumed on Monday.",
                        [("Moscow", "GPE"), ("Washington", "GPE")])):
        doc = _doc(text, ents)
        assert _got(doc, "Washington").feature == "city", text


def test_a_building_the_tagger_called_a_place_is_a_site_at_its_town():
    doc = _doc("A Toronto man was taken to Kelvale Memorial Hospital on Friday, police said.",
               [("Toronto", "GPE"), ("Kelvale Memorial Hospital", "GPE")])
    site, town = _got(doc, "Kelvale Memorial Hospital"), _got(doc, "Toronto")
    assert site.feature == "site" and (site.lat, site.lon) == (town.lat, town.lon)
    assert "Toronto" in site.reason


def test_an_unknown_name_that_is_no_building_stays_without_coordinates():
    doc = _doc("A Toronto man was taken to Kelvale Memorial on Friday, police said.",
               [("Toronto", "GPE"), ("Kelvale Memorial", "GPE")])
    assert _got(doc, "Kelvale Memorial").lat is None


def test_a_community_after_its_county_possessive_is_in_that_county():
    doc = _doc("Crews cleared fallen trees in Pike County's rural Stonewall community on Monday.",
               [("Pike County", "GPE"), ("Stonewall", "GPE")])
    town, county = _got(doc, "Stonewall"), _got(doc, "Pike County")
    assert town.country_code == "US" and town.admin1 == county.admin1
    assert distance_km(town.lat, town.lon, county.lat, county.lon) <= 100
    alone = _got(_doc("Crews cleared fallen trees near Stonewall on Monday.", [("Stonewall", "GPE")]), "Stonewall")
    assert alone.country_code == "CA"  # the rule needs the county before it


def test_a_district_after_its_city_possessive_is_placed_in_that_city():
    for text in ("Two bombs went off in Nairobi's Tamrevo district on Sunday.",
                 "Two bombs went off in Nairobi on Sunday, in the city's Tamrevo district."):
        doc = _doc(text, [("Nairobi", "GPE")])
        hood, city = _got(doc, "Tamrevo"), _got(doc, "Nairobi")
        assert (hood.lat, hood.lon) == (city.lat, city.lon), text
        assert doc.text[hood.start:hood.end] == "Tamrevo"


def test_a_possessive_person_before_a_district_adds_nothing():
    doc = _doc("Two bombs went off in Nairobi on Sunday. Kamau's Tamrevo district office was shut.",
               [("Nairobi", "GPE"), ("Kamau", "PERSON")])
    assert not [p for p in doc.places if p.text == "Tamrevo"]


def test_the_end_of_a_person_name_before_an_institution_is_no_town():
    for ents in ([], [("Rosa Kelly Elementary School", "ORG")]):
        doc = _doc("Parents gathered at Rosa Kelly Elementary School on Tuesday to hear the candidates.", ents)
        assert not [p for p in doc.places if p.text == "Kelly"], ents


def test_a_town_before_its_institution_after_a_sentence_end_still_counts():
    doc = _doc("It happened in CT. Grand Prairie police said two men were held.", [])
    assert any(p.text == "Grand Prairie" for p in doc.places)


def test_a_square_named_like_a_small_town_elsewhere_is_the_square_of_the_story_town():
    doc = _doc("The parade left Baton Rouge at noon and ended at Washington Square, where a band played.",
               [("Baton Rouge", "GPE"), ("Washington Square", "GPE")])
    square, town = _got(doc, "Washington Square"), _got(doc, "Baton Rouge")
    assert square.feature == "site" and (square.lat, square.lon) == (town.lat, town.lon)
    assert "Baton Rouge" in square.reason


def test_a_square_town_in_the_story_state_stays_that_town():
    doc = _doc("The parade left Philadelphia at noon and ended in Washington Square, where a band played.",
               [("Philadelphia", "GPE"), ("Washington Square", "GPE")])
    assert _got(doc, "Washington Square").feature == "city"


_FINALISTS = "Alexandria made the shortlist again. The other cities on it are {}."


def test_a_name_listed_beside_big_cities_is_the_big_city_not_a_village_near_them():
    names = ["Denver", "Indianapolis", "Louisville", "Tulsa"]
    doc = _doc(_FINALISTS.format(", ".join(names[:-1]) + " and " + names[-1]),
               [("Alexandria", "GPE")] + [(n, "GPE") for n in names])
    assert _got(doc, "Denver").admin1 == "Colorado"
    assert _got(doc, "Louisville").admin1 == "Kentucky"


def test_a_village_listed_beside_small_towns_keeps_its_neighbours():
    doc = _doc("Crews worked in Denver, Fillmore and Bunker Hill, three villages north of Indianapolis.",
               [("Denver", "GPE"), ("Fillmore", "GPE"), ("Bunker Hill", "GPE"), ("Indianapolis", "GPE")])
    assert _got(doc, "Denver").admin1 == "Indiana"


def test_a_small_town_named_as_an_area_of_a_county_is_in_that_county():
    doc = _doc("Hunters reported sick geese from the Stonewall area of Pike County, Illinois.",
               [("Stonewall", "GPE"), ("Pike County", "GPE"), ("Illinois", "GPE")])
    town, county = _got(doc, "Stonewall"), _got(doc, "Pike County")
    assert county.admin1 == "Illinois" and (town.country_code, town.admin1) == ("US", "Illinois")
    assert distance_km(town.lat, town.lon, county.lat, county.lon) <= 100


def test_a_state_court_or_lawmakers_name_the_state():
    for text in ("A New York court freed the suspect on Monday.", "New York lawmakers passed the bill on Monday."):
        assert _got(_doc(text, [("New York", "GPE")]), "New York").feature == "admin1", text


def test_the_government_or_court_of_a_country_name_is_the_country():
    for text, ents in (("Russia accused the Georgia government of shelling villages near Tbilisi.",
                        [("Russia", "GPE"), ("Georgia", "GPE"), ("Tbilisi", "GPE")]),
                       ("A Mexico court freed the suspect on Monday, officials in Mexico City said.",
                        [("Mexico", "GPE"), ("Mexico City", "GPE")])):
        place = _got(_doc(text, ents), ents[-2][0])
        assert place.feature == "country", text
    georgia = _got(_doc("A Georgia court freed the suspect on Monday, officials in Atlanta said.",
                        [("Georgia", "GPE"), ("Atlanta", "GPE")]), "Georgia")
    assert (georgia.feature, georgia.country_code) == ("admin1", "US")
