"""GeoNames city sections that carry their whole city's population must not outweigh real towns."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path

from newsevents.places.gazetteer import _sections


def _city(gid: int, name: str, a1: str, lat: float, lon: float, pop: int) -> dict:
    return {"geonameid": gid, "name": name, "countrycode": "US", "admin1code": a1,
            "latitude": lat, "longitude": lon, "population": pop}


def test_a_compass_section_with_its_city_head_count_is_a_section():
    cities = {str(c["geonameid"]): c for c in (
        _city(1, "Millbrook", "VA", 37.00, -76.30, 130000),
        _city(2, "East Millbrook", "VA", 37.01, -76.29, 140000),   # 1.4 km away, the city's own count
        _city(3, "East Millbrook", "CT", 41.50, -72.50, 2500),     # a real small town elsewhere
        _city(4, "West Millbrook", "VA", 37.00, -76.20, 40000),     # a smaller town of its own
        _city(5, "North Millbrook", "VA", 38.50, -77.90, 135000),  # far away: not a section
        _city(6, "Palmton", "FL", 26.70, -80.04, 9000),
        _city(7, "West Palmton", "FL", 26.71, -80.06, 120000),      # a real city bigger than its namesake
    )}
    assert _sections(cities) == {2}


def test_a_real_town_beats_a_same_named_city_section():
    doc = _doc("The East Hampton school board voted on Tuesday to delay the budget.", [("East Hampton", "GPE")])
    p = next(p for p in doc.places if p.text == "East Hampton")
    assert p.country_code == "US" and p.admin1 != "Virginia"


def test_a_section_named_in_its_city_story_is_still_found():
    doc = _doc("Crowds lined the streets of South Boston as the parade passed, Boston police said.",
               [("South Boston", "GPE"), ("Boston", "GPE")])
    p = next(p for p in doc.places if p.text == "South Boston")
    assert p.admin1 == "Massachusetts" and p.lat is not None
