"""Places stage: gazetteer, detection beyond NER, disambiguation, and the guatemala example's places."""

from __future__ import annotations

import pytest
from spacy.tokens import Span as SpacySpan

from newsevents.ingest import prepare
from newsevents.nlp import parse
from newsevents.places import gazetteer, lookup, nearest_place, run
from newsevents.places.gazetteer import distance_km
from newsevents.places.resolve import _one_edit, demonyms
from newsevents.schema import Document


def _doc(text: str, ents: list[tuple[str, str]] | None = None):
    """Parse our own sentence; `ents` (surface, label) overrides NER so tests do not depend on the model.
    Each surface is its first occurrence that no earlier entity covers ("Ellsworth" after "Mary Ellsworth")."""
    doc = Document(text=text)
    doc._nlp = parse(doc.text)
    if ents is not None:
        spans, used = [], []
        for surface, label in ents:
            i = doc.text.index(surface)
            while any(a < i + len(surface) and i < b for a, b in used):
                i = doc.text.index(surface, i + 1)
            used.append((i, i + len(surface)))
            spans.append(doc.nlp.char_span(i, i + len(surface), label=label))
        doc.nlp.ents = [s for s in spans if isinstance(s, SpacySpan)]
    return run(doc)


def test_build_is_idempotent():
    first = gazetteer.build()
    assert "gazetteer" in first
    assert "up to date" in gazetteer.build()


def test_lookup_prefers_big_kinds_and_filters_by_country():
    assert lookup("Mexico")[0].feature == "country"
    el_paso = lookup("El Paso", "US")[0]
    assert el_paso.admin1_code == "TX"
    assert all(c.country_code == "MX" for c in lookup("El Paso", "MX"))
    assert lookup("Rio Grande") and any(c.feature == "river" for c in lookup("Rio Grande"))
    assert lookup("no such place anywhere") == []


def test_country_by_code_is_the_country_row():
    # found through its name (one indexed lookup): the same row a scan of the place table finds
    g = gazetteer.get()
    rows = g.con.execute("SELECT id, cc FROM place WHERE feature = 'country'").fetchall()
    assert len(rows) > 200
    for pid, cc in rows:
        c = g.country(cc)
        assert c is not None and c.id == pid and c.feature == "country" and c.primary
    assert g.country("ZZ") is None


def test_guatemala_places_within_tolerance(guatemala_text, guatemala_gold):
    doc = prepare(guatemala_text, published=guatemala_gold["published"])
    doc._nlp = parse(doc.text)
    run(doc)
    for gold in guatemala_gold["places"]:
        hits = [p for p in doc.places if p.text == gold["mention"] and p.lat is not None]
        assert hits, f"{gold['mention']} not found"
        for p in hits:
            assert doc.text[p.start:p.end] == p.text
            km = distance_km(p.lat, p.lon, gold["lat"], gold["lon"])
            assert km <= gold.get("tolerance_km", 161), (gold["mention"], p.name, km)
    texts = {p.text for p in doc.places}
    assert "Salvador" not in texts
    # demonyms are country context, never place mentions
    assert all(p.role == "context" and p.feature == "country" for p in doc.places if p.text.startswith("Guatemalan"))
    assert doc.focus_places


def test_state_qualifier_picks_the_town_in_that_state():
    doc = _doc("The convoy stopped in Paris, Texas, before driving on.", [("Paris", "GPE"), ("Texas", "GPE")])
    paris = next(p for p in doc.places if p.text == "Paris")
    assert paris.country_code == "US" and paris.admin1 == "Texas"
    bare = _doc("The minister flew to Paris for talks.", [("Paris", "GPE")])
    assert next(p for p in bare.places if p.text == "Paris").country_code == "FR"


def test_washington_is_the_capital_unless_the_state_is_said():
    doc = _doc("Officials in Washington said the talks would resume.", [("Washington", "GPE")])
    assert next(p for p in doc.places if p.text == "Washington").feature == "city"
    state = _doc("Farmers in Washington state expect a late harvest.", [("Washington", "GPE")])
    assert next(p for p in state.places if p.text == "Washington").feature == "admin1"


def test_unknown_place_is_kept_without_coordinates():
    doc = _doc("They walked to Qxzvbrtown at dawn.", [("Qxzvbrtown", "GPE")])
    p = next(p for p in doc.places if p.text == "Qxzvbrtown")
    assert p.lat is None and p.lon is None and "not in the gazetteer" in p.reason


def test_place_inside_organisation_is_context():
    doc = _doc("The Houston Police Department made two arrests.", [("The Houston Police Department", "ORG")])
    p = next(p for p in doc.places if p.text == "Houston")
    assert p.role == "context" and p.country_code == "US"


def test_demonym_is_context_not_a_place():
    assert demonyms()["guatemalan"] == "GT"
    doc = _doc("A Honduran farmer said prices fell.", [("Honduran", "NORP")])
    assert [(p.text, p.role, p.country_code) for p in doc.places] == [("Honduran", "context", "HN")]
    assert "not a place mention" in doc.places[0].reason


def test_one_name_one_place_in_a_document():
    doc = _doc("Springfield, Illinois, voted. Later, Springfield counted again.",
               [("Springfield", "GPE"), ("Illinois", "GPE")])
    springs = [p for p in doc.places if p.text == "Springfield"]
    assert springs and {p.admin1 for p in springs} == {"Illinois"}


def test_nearest_place_governs_a_clause():
    text = "Police in Houston arrested a man. He had flown from Chicago on Monday."
    doc = _doc(text, [("Houston", "GPE"), ("Chicago", "GPE")])
    i = text.index("He had")
    assert nearest_place(doc, i, len(text)).text == "Chicago"
    j = text.index("arrested")
    assert nearest_place(doc, j, j + 8).text == "Houston"


def test_one_edit():
    assert _one_edit("cuidad obregon", "ciudad obregon")
    assert _one_edit("el pso", "el paso")
    assert not _one_edit("el paso", "el paso")
    assert not _one_edit("lima", "rome")


@pytest.mark.parametrize("bad", ["", "   ", "\n\n", "lowercase words only, no names at all."])
def test_empty_or_nameless_text_gives_no_places(bad):
    doc = Document(text=bad)
    doc._nlp = parse(doc.text)
    assert run(doc).places == []


def test_unparsed_document_warns_instead_of_failing():
    doc = run(Document(text="Paris"))
    assert doc.places == [] and doc.warnings


def test_county_lists_and_towns_tagged_as_organisations():
    doc = _doc("Voters in Barrow, Jackson and Madison counties went to the polls.", [])
    found = {p.text: p for p in doc.places}
    assert {"Barrow", "Jackson", "Madison"} <= set(found)
    assert found["Barrow"].feature == "admin2" and found["Barrow"].country_code == "US"
    org = _doc("He opened a shop for Torrington businesses last year.", [("Torrington", "ORG")])
    assert any(p.text == "Torrington" and p.country_code for p in org.places)


def test_lookup_misses_cost_nothing_and_do_not_fail():
    g = gazetteer.get()
    assert g.lookup("qqqq zzzz not a place") == ()
    assert g.many(["qqqq", "zzzzz"]) == ()
    assert any(c.name == "Ciudad Obregón" for c in g.many(["ciudad obregon", "qqqq"]))


def test_bench_scoring_counts_detection_and_distance():
    from newsevents.bench.places import _new, figures, score_doc

    tally = _new()
    gold = [(0, 5, 31.76, -106.49), (10, 15, 15.5, -90.25), (20, 25, 0.0, 0.0)]
    spans = [(0, 5), (10, 15), (20, 25)]
    pred = [(0, 5, 31.7, -106.4), (10, 15, 40.0, 0.0), (30, 35, 1.0, 1.0)]  # right, far, spurious
    score_doc(gold, spans, pred, tally)
    f = figures(tally, 1.0, 1)
    assert f["detect_r"] == round(2 / 3, 4) and f["detect_p"] == round(2 / 3, 4)
    assert f["acc161_given_detected"] == 0.5 and f["e2e_acc161"] == round(1 / 3, 4)


def test_bench_bad_arguments_give_one_line_errors(tmp_path):
    from click.testing import CliRunner

    from newsevents.bench.places import command

    res = CliRunner().invoke(command, ["--data", str(tmp_path), "--sets", "lgl"])
    assert res.exit_code == 2 and "not found" in res.output
    res = CliRunner().invoke(command, ["--sets", "nope"])
    assert res.exit_code != 0 and "unknown set" in res.output and "Traceback" not in res.output


def test_dateline_town_is_found_and_marked():
    from newsevents.ingest import find_dateline

    text = "MOAB, Utah (Reuters) - Hikers walked north on Sunday after crossing the river."
    doc = Document(text=text, dateline=find_dateline(text, 0, None))
    doc._nlp = parse(text)
    doc.nlp.ents = []
    run(doc)
    p = next(p for p in doc.places if p.text.lower() == "moab")
    assert p.role == "dateline" and p.admin1 == "Utah"
    assert doc.focus_places and doc.focus_places[0] == "Moab"


def test_stage_never_opens_a_socket(monkeypatch, guatemala_text):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the places stage tried to use the network")

    doc = Document(text=guatemala_text)
    doc._nlp = parse(guatemala_text)
    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    run(doc)
    assert any(p.text == "El Paso" for p in doc.places)


def test_big_areas_sit_at_the_gazetteer_point_gold_sets_use():
    # GeoNames' points: Alaska's centre of towns lies ~200 km from it; England sits between GeoNames'
    # point and London (Wikipedia's), within 161 km of both
    alaska = next(c for c in lookup("Alaska") if c.feature == "admin1")
    assert distance_km(alaska.lat, alaska.lon, 64.0, -150.0) < 20
    england = lookup("England")[0]
    assert distance_km(england.lat, england.lon, 51.51, -0.13) < 161
    assert distance_km(england.lat, england.lon, 52.16, -0.70) < 161


def test_a_street_named_after_a_town_is_not_that_town():
    doc = _doc("The fire at 6016 Dublin Road was put out by crews from Paris, Texas.",
               [("Dublin", "GPE"), ("Paris", "GPE"), ("Texas", "GPE")])
    texts = {p.text for p in doc.places}
    assert "Dublin" not in texts
    assert {"Paris", "Texas"} <= texts


def test_local_paper_dateline_and_town_institutions():
    doc = _doc("Budget vote delayed. TORRINGTON \u2014 The council met on Monday. Litchfield Fire Chief "
               "Ann Roe said the Brownsboro Police helped.", [])
    by_text = {p.text: p for p in doc.places}
    assert by_text["TORRINGTON"].role == "dateline" and by_text["TORRINGTON"].admin1 == "Connecticut"
    assert by_text["Litchfield"].lat is not None
    assert by_text["Brownsboro"].country_code == "US"
    assert "Ann Roe" not in by_text


def test_untagged_demonym_is_country_context():
    doc = _doc("The Israeli delegation met Sri Lankan officials.", [])
    ctx = {p.text: p for p in doc.places}
    assert ctx["Israeli"].role == "context" and ctx["Israeli"].country_code == "IL"
    assert ctx["Sri Lankan"].country_code == "LK"


def test_region_adjectives_hyphenated_names_and_repeats():
    doc = _doc("African leaders met in Fargo-Moorhead. The US-based firm said Moorhead was calm, and "
               "Texans agreed.", [])
    by_text = {p.text: p for p in doc.places}
    assert by_text["African"].role == "context" and by_text["African"].feature == "continent"
    assert by_text["Texans"].role == "context" and by_text["Texans"].admin1 == "Texas"
    assert by_text["Moorhead"].admin1 == "Minnesota"
    assert by_text["US"].country_code == "US"
    assert sum(p.text == "Moorhead" for p in doc.places) == 2
    # a name that is a place as a whole is not split at its hyphen
    doc = _doc("Cases rose in Saxony-Anhalt.", [])
    assert [p.text for p in doc.places] == ["Saxony-Anhalt"]


def test_own_names_before_alternate_ones_and_states_before_villages():
    doc = _doc("Volunteers cleaned the New Concord Reservoir. Lottery winners in Florida celebrated.",
               [("the New Concord Reservoir", "ORG"), ("Florida", "GPE")])
    by_text = {p.text: p for p in doc.places}
    assert by_text["New Concord"].admin1 == "Ohio"  # not Concord, whose old names include it
    assert by_text["Florida"].feature == "admin1"
    # "China, Japan" is a list, not a town called China in Japan
    doc = _doc("Cases were reported in China, Japan and Brazil.", [("China", "GPE"), ("Japan", "GPE"), ("Brazil", "GPE")])
    assert {p.text: p.feature for p in doc.places}["China"] == "country"


def test_locative_cues_and_letters_nfkd_keeps():
    doc = _doc("Officials in Pewaukee met a man, 30, of Pewaukee. Swans died in the town of Pulawy.", [])
    by_text = {p.text: p for p in doc.places}
    assert by_text["Pewaukee"].admin1 == "Wisconsin"
    assert by_text["Pulawy"].country_code == "PL"  # "Puławy": the l with stroke is written plain
    assert gazetteer.norm("Łódź") == "lodz"


def test_legislators_home_towns_and_landmarks():
    doc = _doc("Rep. Jane Roe, R-Elbow Lake, spoke at the White House.", [])
    by_text = {p.text: p for p in doc.places}
    assert by_text["Elbow Lake"].admin1 == "Minnesota"
    assert distance_km(by_text["White House"].lat, by_text["White House"].lon, 38.9, -77.04) < 5


def test_a_state_the_story_names_keeps_its_county_among_many_namesakes():
    doc = _doc("Franklin County commissioners met in Ohio on Monday; Akron officials agreed.",
               [("Franklin County", "GPE"), ("Ohio", "GPE"), ("Akron", "GPE")])
    assert {p.text: p.admin1 for p in doc.places}["Franklin County"] == "Ohio"


def test_list_mates_and_regions_the_tagger_took_for_organisations():
    doc = _doc("The chain sold stores in Bratislava, Nitra, Prešov and Košice. Fighting went on in eastern Ghouta.",
               [("Bratislava", "GPE"), ("Nitra", "GPE"), ("Prešov", "PRODUCT"), ("Košice", "GPE"), ("Ghouta", "ORG")])
    by_text = {p.text: p for p in doc.places}
    assert by_text["Prešov"].country_code == "SK"
    assert by_text["Ghouta"].country_code == "SY"


def test_nation_adjectives_name_the_nation_not_the_state():
    doc = _doc("Scottish officials and Sinhalese leaders spoke.", [])
    by_text = {p.text: p for p in doc.places}
    assert by_text["Scottish"].role == "context" and by_text["Scottish"].admin1 == "Scotland"
    assert by_text["Sinhalese"].country_code == "LK"


def test_american_local_story_prefers_american_namesakes():
    text = "Mansfield refinances $10.3 million in debt. The council met in Mansfield on Monday."
    doc = _doc(text, [("Mansfield", "GPE")])
    assert all(p.country_code == "US" for p in doc.places if p.text == "Mansfield")
    doc = _doc("The council met in Mansfield on Monday.", [("Mansfield", "GPE")])
    assert {p.country_code for p in doc.places if p.text == "Mansfield"} == {"GB"}  # biggest namesake otherwise


def test_a_named_region_before_a_village_of_its_name():
    doc = _doc("Officials in Maryland and Virginia discussed the Middle East.",
               [("Maryland", "GPE"), ("Virginia", "GPE"), ("the Middle East", "LOC")])
    assert {p.text: p.feature for p in doc.places}["Middle East"] == "region"


def test_doubled_hyphens_after_a_hyphenated_name_end():
    doc = _doc("Floods hit Fargo-Moorhead--the worst in years; x-y--z and A-B-C---D too.", [])
    assert [p.text for p in doc.places][:2] == ["Fargo", "Moorhead"]


def test_bench_counts_demonyms_only_where_the_set_annotates_them():
    from newsevents.bench.places import ADJECTIVAL, system_places

    assert ADJECTIVAL == {"lgl": True, "geowebnews": True, "geovirus": False}
    text = "A Honduran farmer sold maize in Tegucigalpa."
    doc = Document(text=text)
    doc._nlp = parse(text)
    doc.nlp.ents = [doc.nlp.char_span(2, 10, label="NORP"), doc.nlp.char_span(32, 43, label="GPE")]
    kept = system_places(doc, adjectival=True)
    assert [text[s:e] for s, e, _, _ in kept] == ["Honduran", "Tegucigalpa"]
    assert [text[s:e] for s, e, _, _ in system_places(doc, adjectival=False)] == ["Tegucigalpa"]


def test_a_demonym_opening_a_name_tagged_as_a_place_is_context():
    doc = _doc("He won a Canadian Lottery prize, he said.", [("Canadian Lottery", "GPE")])
    assert [(p.text, p.role, p.country_code) for p in doc.places] == [("Canadian", "context", "CA")]
    doc = _doc("They sailed to American Samoa last year.", [("American Samoa", "GPE")])
    assert [(p.text, p.role) for p in doc.places] == [("American Samoa", "mention")]


def test_a_particle_written_together_finds_the_name_written_apart():
    doc = _doc("She sat on the DeSoto Parish School Board for ten years.",
               [("the DeSoto Parish School Board", "ORG")])
    p = next(p for p in doc.places if p.text.startswith("DeSoto"))
    assert p.text == "DeSoto Parish" and p.admin1 == "Louisiana" and p.feature == "admin2"


def test_a_surname_the_tagger_took_for_a_place_is_no_unknown_place():
    doc = _doc("Brzezinkowski spoke first; then Anna Brzezinkowski left for Denver.",
               [("Brzezinkowski", "GPE"), ("Anna Brzezinkowski", "PERSON"), ("Denver", "GPE")])
    assert [p.text for p in doc.places] == ["Denver"]
    doc = _doc("Brzezinkowski spoke first, then left for Denver.", [("Brzezinkowski", "GPE"), ("Denver", "GPE")])
    assert [p.text for p in doc.places] == ["Brzezinkowski", "Denver"]  # no person of that name: kept


def test_a_court_is_no_town_named_superior():
    doc = _doc("The case went to Bantam Superior Court on Monday.", [("Bantam Superior Court", "ORG")])
    assert "Superior" not in [p.text for p in doc.places]


def test_two_small_neighbours_outweigh_a_bigger_namesake():
    # Athens, Georgia is ten times the size of Athens, Texas; Henderson County, Texas lies around the smaller one
    d = _doc("Volunteers in Athens and Henderson County collected food for families on Saturday.",
             [("Athens", "GPE"), ("Henderson County", "GPE")])
    athens, county = d.places
    assert (athens.admin1, county.admin1) == ("Texas", "Texas")
    alone = _doc("Volunteers in Athens collected food for families on Saturday.", [("Athens", "GPE")])
    assert alone.places[0].country_code == "GR"


def test_streets_and_buildings_are_placed_at_their_town():
    d = _doc("The council in Winnipeg met on Monday. A fire broke out overnight on Portage Avenue, and the Grace "
             "Hospital took in two people.")
    by_text = {p.text: p for p in d.places}
    town = by_text["Winnipeg"]
    for name, kind in (("Portage Avenue", "street"), ("Grace Hospital", "site")):
        p = by_text[name]
        assert p.feature == kind and (p.lat, p.lon) == (town.lat, town.lon) and "placed at Winnipeg" in p.reason
        assert p.confidence < town.confidence
        assert d.text[p.start:p.end] == name


def test_a_street_with_no_town_is_kept_without_coordinates():
    d = _doc("A fire broke out overnight on Portage Avenue, and two people were taken to hospital.")
    (street,) = [p for p in d.places if p.feature == "street"]
    assert street.text == "Portage Avenue" and street.lat is None and "no town named" in street.reason


def test_a_named_event_is_no_building():
    d = _doc("The Easter Vigil drew a large crowd in Manila on Saturday.", [("Easter Vigil", "FAC"), ("Manila", "GPE")])
    assert [p.text for p in d.places] == ["Manila"]


def test_a_kind_of_place_inside_a_name_is_no_town():
    # GeoNames has towns called "Airport" and "The Village"; inside these names the words are kinds of place
    d = _doc("Flights at Dulles International Airport and shops at Maple Village Center closed early.",
             [("Dulles International Airport", "FAC"), ("Maple Village Center", "ORG")])
    assert not [p for p in d.places if p.name in ("Airport", "The Village")]
    assert {p.text for p in d.places if p.feature == "site"} == {"Dulles International Airport",
                                                                  "Maple Village Center"}


def test_a_county_inside_a_name_the_tagger_took_for_a_person():
    d = _doc("Rapides Parish Fire volunteers repainted the old station.", [("Rapides Parish Fire", "PERSON")])
    (p,) = d.places
    assert (p.text, p.feature, p.admin1, p.role) == ("Rapides Parish", "admin2", "Louisiana", "context")


def test_a_parish_by_its_everyday_name_the_tagger_took_for_a_person():
    d = _doc("A Pointe Coupee teen won the state spelling bee.", [("Pointe Coupee", "PERSON")])
    (p,) = d.places
    assert (p.name, p.feature, p.admin1) == ("Pointe Coupee Parish", "admin2", "Louisiana")
    assert not _doc("Deputies thanked Clay for the tip.", [("Clay", "PERSON")]).places


def test_a_list_of_places_takes_back_a_town_the_tagger_called_a_person():
    d = _doc("Libraries in Etowah, Athens and McMinn County will close early.",
             [("Etowah", "PERSON"), ("Athens", "GPE"), ("McMinn County", "GPE")])
    assert [(p.text, p.admin1) for p in d.places] == [("Etowah", "Tennessee"), ("Athens", "Tennessee"),
                                                       ("McMinn County", "Tennessee")]
    d = _doc("Awards went to Athens, Smith and Etowah on Friday.",
             [("Athens", "GPE"), ("Smith", "PERSON"), ("Etowah", "PERSON")])
    assert [p.text for p in d.places] == ["Athens"]


def test_former_country_names_and_news_regions():
    assert (lookup("Zaire")[0].feature, lookup("Zaire")[0].country_code) == ("country", "CD")
    assert lookup("Ceylon")[0].country_code == "LK"
    assert lookup("West Midlands")[0].country_code == "GB"


def test_a_bare_wire_dateline_is_the_big_city():
    text = ("Crash closes road. ATLANTA - Police in Rochester, Washington and Oregon said on Monday that the "
            "suspect had been seen in Chicago.")
    d = _doc(text, [("Rochester", "GPE"), ("Washington", "GPE"), ("Oregon", "GPE"), ("Chicago", "GPE")])
    (atl,) = [p for p in d.places if p.text == "ATLANTA"]
    assert (atl.role, atl.admin1) == ("dateline", "Georgia")


def test_local_government_words_point_to_their_states():
    text = "The Board of Selectmen in Middletown voted on Tuesday to repave the town green."
    d = _doc(text, [("Middletown", "GPE")])
    assert d.places[0].admin1 == "Connecticut"
    plain = _doc("The council in Middletown voted on Tuesday to repave the green.", [("Middletown", "GPE")])
    assert plain.places[0].admin1 != "Connecticut"


def test_focus_is_the_town_of_the_main_country_before_the_country():
    text = ("The U.S. agency said the U.S. shelter in Yuma, Arizona, was full. Officials in Yuma, Arizona, asked "
            "the U.S. government for help, and Mexico offered buses.")
    d = _doc(text, [("U.S.", "GPE"), ("Yuma", "GPE"), ("Arizona", "GPE"), ("Mexico", "GPE")])
    assert d.focus_places[:2] == ["Yuma", "United States"]


def test_a_town_after_in_the_tagger_took_for_a_nationality():
    d = _doc("Volunteers opened a food bank in Pewaukee on Monday.", [("Pewaukee", "NORP")])
    assert [(p.text, p.admin1) for p in d.places] == [("Pewaukee", "Wisconsin")]
    assert not _doc("The grant helped Kenyan farmers.", [("Kenyan", "NORP")]).places[0].role == "mention"


def test_a_capital_in_a_story_about_several_countries():
    text = ("Diplomats expelled by London and Moscow flew home on Friday. In Washington, U.S. officials said "
            "Britain and Russia would talk again in Salisbury.")
    d = _doc(text, [("London", "GPE"), ("Moscow", "GPE"), ("Washington", "GPE"), ("U.S.", "GPE"),
                    ("Britain", "GPE"), ("Russia", "GPE"), ("Salisbury", "GPE")])
    (dc,) = [p for p in d.places if p.text == "Washington"]
    assert dc.admin1 == "District of Columbia"


def test_a_plural_is_no_typo():
    from newsevents.places.resolve import _fuzzy

    assert _fuzzy("americas") == ((), "")
    assert _fuzzy("cuidad juarez")[1] == "Ciudad Juárez"


def test_a_long_river_is_placed_at_the_stretch_near_the_story():
    from newsevents.places.gazetteer import DATA, _read_tsv

    named = {r["name"] for r in _read_tsv(DATA / "features.tsv")}
    assert {r["name"] for r in _read_tsv(DATA / "stretches.tsv")} <= named
    d = _doc("Volunteers in Fargo filled sandbags as the Red River rose on Tuesday.",
             [("Fargo", "GPE"), ("the Red River", "LOC")])
    river = next(p for p in d.places if p.feature == "river")
    assert distance_km(river.lat, river.lon, 46.88, -96.79) < 50 and "stretch nearest" in river.reason
    alone = _doc("The Red River rose on Tuesday.", [("Red River", "LOC")])
    first = next(p for p in alone.places if p.feature == "river")
    assert (first.lat, first.lon) == (33.8, -96.0)  # the table's own point
