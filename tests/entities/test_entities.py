from __future__ import annotations

import json

import newsevents
from ne_paths import SAMPLES


def _persons(doc):
    return {e.name: e for e in doc.entities if e.type == "PERSON"}


def _names(e):
    return {e.name, *e.aliases}


def test_guatemala_people_are_persons_with_canonical_names(guatemala_doc, guatemala_gold):
    persons = _persons(guatemala_doc)
    for name in guatemala_gold["people"]:
        assert name in persons, f"{name} missing; got {sorted(persons)}"


def test_guatemala_no_false_persons(guatemala_doc):
    for e in guatemala_doc.entities:
        if e.type == "PERSON":
            texts = {m.text for m in e.mentions}
            assert not texts & {"Cuidad Juarez", "Ciudad Juarez", "Border Patrol"}, e


def test_guatemala_orgs_come_out(guatemala_doc, guatemala_gold):
    orgs = [e for e in guatemala_doc.entities if e.type == "ORG"]
    for name in guatemala_gold["orgs"]:
        assert any(name in n for e in orgs for n in _names(e)), f"{name} missing; got {[e.name for e in orgs]}"


def test_demonyms_are_norp_with_nationality(guatemala_doc):
    norp = [e for e in guatemala_doc.entities if e.type == "NORP"]
    codes = {e.nationality for e in norp}
    assert {"GT", "MX"} <= codes
    assert not any(e.type in ("ORG", "GPE") and e.name in ("Guatemalan", "Mexican") for e in guatemala_doc.entities)


def test_short_names_merge_into_full_name(guatemala_doc):
    persons = _persons(guatemala_doc)
    assert any(m.text == "Lopez Obrador" for m in persons["Andres Manuel Lopez Obrador"].mentions)
    assert sum(m.text == "Gonzalez" for m in persons["Jose Luis Gonzalez"].mentions) >= 3


def test_titles_and_nationality(guatemala_doc):
    persons = _persons(guatemala_doc)
    assert any("President" in t for t in persons["Trump"].titles)
    assert persons["Felipe Calderon"].nationality == "MX"


def test_pronoun_he_wrote_resolves_to_previous_agent(guatemala_doc):
    calderon = _persons(guatemala_doc)["Felipe Calderon"]
    pronouns = [m for m in calderon.mentions if m.kind == "pronoun"]
    assert pronouns and pronouns[0].text == "he"
    assert guatemala_doc.text[pronouns[0].end : pronouns[0].end + 6] == " wrote"


def test_offsets_point_into_text(guatemala_doc):
    for e in guatemala_doc.entities:
        for m in e.mentions:
            assert guatemala_doc.text[m.start : m.end] == m.text


def test_samples_hand_checked():
    expected = json.loads((SAMPLES / "expected.json").read_text())
    published = dict(
        line.split("\t") for line in (SAMPLES / "published.tsv").read_text().splitlines() if line and not line.startswith("#")
    )
    for fname, exp in expected.items():
        if fname.startswith("_"):
            continue
        doc = newsevents.extract((SAMPLES / fname).read_text(), published=published[fname], pipeline=("entities",))
        persons = {e.name for e in doc.entities if e.type == "PERSON"}
        for p in exp["people"]:
            assert p in persons, (fname, p, persons)
        for name in exp["not_person"]:
            assert name not in persons, (fname, name)
        names = {n for e in doc.entities if e.type == "ORG" for n in (e.name, *e.aliases)}
        for o in exp["orgs"]:
            assert any(o in n for n in names), (fname, o, names)


def test_entities_stage_alone_on_small_document():
    from newsevents.ingest import prepare
    from newsevents.nlp import parse
    from newsevents.pipeline import get_stage

    doc = prepare("Foreign Minister Ana Torres met President Luis Vega in Lima. Torres said she was pleased.")
    doc._nlp = parse(doc.text)
    doc = get_stage("entities")(doc)
    torres = next(e for e in doc.entities if e.name == "Ana Torres")
    assert any(m.kind == "pronoun" and m.text == "she" for m in torres.mentions)
    assert "Lima" in {e.name for e in doc.entities if e.type == "GPE"}


def test_a_name_that_speaks_or_has_an_administration_stays_a_person():
    # "Obama" is also a town in Japan: a town does not say things or run an administration
    for text in ("Obama said the plan would cut costs for families in Ohio.",
                 "The Obama administration said on Tuesday it would appeal.",
                 "Supporters of Obama gathered in Denver."):
        doc = newsevents.extract(text)
        assert [e.type for e in doc.entities if e.name == "Obama"] == ["PERSON"], text
        assert "Obama" not in [p.text for p in doc.places], text
    town = newsevents.extract("Protesters gathered in Obama, a port town in western Japan, on Sunday.")
    assert [p.country_code for p in town.places if p.text == "Obama"] == ["JP"]
