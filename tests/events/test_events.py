"""Events stage: behaviour on the Guatemala example (read from ../shared) and on sentences written here."""

from __future__ import annotations

import unicodedata

import pytest

import newsevents
from newsevents.schema import Document


def _norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "").encode("ascii", "ignore").decode()
    return s.lower()


def _ref_ok(ref, names: list[str], doc: Document) -> bool:
    if not names:
        return True
    if ref is None:
        return False
    text = doc.text[ref.start : ref.end] if ref.start is not None else ""
    hay = [_norm(ref.name), _norm(text)]
    return any(_norm(n) in h or (h and h in _norm(n)) for n in names for h in hay)


def _matches(ev, gold: dict, doc: Document) -> bool:
    return ev.type in gold["types"] and _ref_ok(ev.actor, gold["actor"], doc) and _ref_ok(ev.target, gold["target"], doc)


def test_guatemala_gold_events_found(guatemala_doc, guatemala_gold):
    missing = [g for g in guatemala_gold["events"] if not g.get("optional")
               and not any(_matches(e, g, guatemala_doc) for e in guatemala_doc.events)]
    assert not missing, missing


def test_guatemala_request_and_detention_place_and_date(guatemala_doc, guatemala_gold):
    def find(typ: str, place: str) -> list:
        return [e for e in guatemala_doc.events if e.type == typ and e.place and _norm(place) in _norm(e.place.name)]

    request = next(g for g in guatemala_gold["events"] if "REQUEST" in g["types"])
    assert any(e.date == request["date"] for e in find("REQUEST", request["place"]))
    detention = next(g for g in guatemala_gold["events"] if g["types"] == ["COERCE"] and not g.get("optional"))
    found = find("COERCE", detention["place"])
    assert found and found[0].date == detention["date"]
    assert _ref_ok(found[0].actor, detention["actor"], guatemala_doc)


def test_events_point_into_the_text(guatemala_doc):
    assert guatemala_doc.events
    for e in guatemala_doc.events:
        assert guatemala_doc.text[e.start : e.end] == e.text
        assert e.sentence.start <= e.start < e.sentence.end
        if e.actor and e.actor.start is not None:
            assert 0 <= e.actor.start < e.actor.end <= len(guatemala_doc.text)


def test_guatemala_certainty_cues(guatemala_doc):
    by_text = {e.text: e for e in guatemala_doc.events}
    assert by_text["apprehended"].certainty == "alleged"  # "purportedly" cue
    assert by_text["appealing"].certainty == "hedged"  # "seemingly" cue


def _events(text: str, published: str = "2024-05-06") -> list:
    return newsevents.extract(text, published=published).events


def test_types_actor_sector_and_country():
    evs = _events("Kenyan police arrested dozens of protesters in Nairobi on Monday.")
    arrest = next(e for e in evs if e.text == "arrested")
    assert (arrest.type, arrest.mode) == ("COERCE", "arrest")
    assert arrest.attrs["actor_sector"] == "police"
    assert arrest.attrs["actor_country"] == "KEN"
    assert arrest.place is not None and "Nairobi" in arrest.place.name
    assert arrest.date == "2024-05-06"


@pytest.mark.parametrize(
    ("text", "trigger", "certainty"),
    [
        ("Soldiers allegedly beat the prisoners in the jail.", "beat", "alleged"),
        ("Rebels reportedly attacked the convoy near the border.", "attacked", "reported"),
        ("The army seemingly deployed troops to the north.", "deployed", "hedged"),
    ],
)
def test_certainty(text, trigger, certainty):
    ev = next(e for e in _events(text) if e.text == trigger)
    assert ev.certainty == certainty


def test_intent_and_refusal_are_coded_as_threat_and_rejection():
    evs = _events("The minister said the government will impose sanctions on the company.")
    assert any(e.type == "THREATEN" for e in evs)
    evs = _events("The ministry refused to release the detained journalists.")
    assert evs[0].type == "REJECT" and evs[0].mode == "release"


def test_negation():
    ev = next(e for e in _events("The police did not arrest the organisers.") if e.text == "arrest")
    assert ev.negated


def test_historical_background_is_flagged():
    text = (
        "The special unit, which the president originally created to fight rebels in the east, "
        "arrested ten protesters on Monday."
    )
    evs = {e.text: e for e in _events(text)}
    assert evs["fight"].historical
    assert not evs["arrested"].historical


def test_quote_and_speech_give_reported_by():
    evs = _events('Police fired tear gas at students, the union said.')
    ev = next(e for e in evs if e.text == "fired")
    assert ev.reported_by is not None and "union" in ev.reported_by.name
    assert ev.certainty == "reported"


def test_no_parse_gives_a_warning_not_a_traceback():
    from newsevents.events import run

    doc = run(Document(text="Nothing parsed here."))
    assert doc.events == [] and doc.warnings


def test_empty_parse_gives_no_events():
    from newsevents.events import run
    from newsevents.nlp import get_nlp

    doc = Document(text="")
    doc._nlp = get_nlp()("")
    assert run(doc).events == []


@pytest.mark.parametrize(
    ("text", "trigger", "actor", "sector", "country"),
    [
        ("The Kenya National Union of Teachers called a strike on Monday. The union condemned the arrests.",
         "condemned", "Kenya National Union of Teachers", "labour", "KEN"),
        ("Kenyan police dispersed protesters in Nairobi. Officers fired tear gas at the crowd.",
         "fired", "Kenyan police", "police", "KEN"),
        ("The government in Minsk expelled two Polish diplomats on Tuesday.",
         "expelled", "government in Minsk", "government", "BLR"),
    ],
)
def test_descriptions_resolve_to_the_group_they_denote(text, trigger, actor, sector, country):
    ev = next(e for e in _events(text) if e.text == trigger)
    assert ev.actor is not None and ev.actor.name == actor
    assert ev.attrs["actor_sector"] == sector
    assert ev.attrs["actor_country"] == country


def test_guatemala_background_clause_is_historical(guatemala_doc):
    at = guatemala_doc.text.find("originally")
    assert at > 0
    inside = [e for e in guatemala_doc.events if at < e.start < at + 80]
    assert inside and all(e.historical for e in inside)
    assert not any(e.historical for e in guatemala_doc.events if e.type in {"REQUEST", "THREATEN", "MOBILIZE"})


def test_accused_and_denied_acts_are_events_with_their_certainty():
    evs = _events("The opposition accused the army of killing 12 civilians. The ministry denied that soldiers had attacked the village.")
    killing = next(e for e in evs if e.text == "killing")
    assert killing.type == "ASSAULT" and killing.certainty == "alleged" and killing.actor.name == "army"
    attacked = next(e for e in evs if e.text == "attacked")
    assert attacked.certainty == "denied"
    assert next(e for e in evs if e.text == "accused").type == "ACCUSE"


def test_lexicons_only_use_the_sixteen_types():
    from newsevents.events import PLOVER_TYPES
    from newsevents.events.lexicon import lexicon

    lex = lexicon()
    used = {t.type for t in (*lex.verbs.values(), *lex.nouns.values())}
    used |= {typ for rows in lex.object_types.values() for _, typ, _ in rows}
    assert used <= set(PLOVER_TYPES) and len(PLOVER_TYPES) == 16
