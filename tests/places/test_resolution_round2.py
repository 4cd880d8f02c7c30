"""Resolution rules of the third TR-News development round, each checked on sentences written for these
tests."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path

import newsevents.places.resolve as resolve


def _got(doc, text: str):
    return next(p for p in doc.places if p.text == text)


_COMMON = ("The Arlington council voted on Tuesday to buy two old apartment blocks, Madison Court and Hampton "
           "Hills, near Washington Street, and to pave Martin Road.")
_COMMON_ENTS = [("Arlington", "GPE"), ("Madison", "GPE"), ("Hampton", "GPE"), ("Washington", "GPE"),
                ("Martin", "GPE")]


def test_names_with_towns_everywhere_do_not_pull_a_town_to_a_small_namesake():
    # Madison, Washington and Martin have towns in dozens of places, some of them near a small Hampton:
    # that is chance, not a cluster, so Hampton stays the large city
    hampton = _got(_doc(_COMMON, _COMMON_ENTS), "Hampton")
    assert (hampton.country_code, hampton.admin1) == ("US", "Virginia")


def test_the_same_story_with_every_vote_counted_fully_goes_astray(monkeypatch):
    # the rule is what makes the difference: without the shrinking vote the common names win
    monkeypatch.setattr(resolve, "SPREAD_N", 10_000)
    hampton = _got(_doc(_COMMON, _COMMON_ENTS), "Hampton")
    assert hampton.admin1 != "Virginia"


def test_a_rare_neighbour_still_counts_fully():
    # two small towns that are neighbours and have few namesakes still find each other
    text = ("LEXINGTON, Ky. - Crews from Paris and Georgetown helped Lexington firefighters on Monday, "
            "Kentucky officials said.")
    doc = _doc(text, [("LEXINGTON", "GPE"), ("Ky.", "GPE"), ("Paris", "GPE"), ("Georgetown", "GPE"),
                      ("Lexington", "GPE"), ("Kentucky", "GPE")])
    paris = _got(doc, "Paris")
    assert (paris.country_code, paris.admin1) == ("US", "Kentucky")


def test_a_province_abbreviation_after_its_town_is_the_province():
    doc = _doc("The girl was born in Churchill, Man. last spring, her mother said.", [("Churchill", "GPE")])
    man = _got(doc, "Man")
    assert (man.name, man.feature) == ("Manitoba", "admin1")
    assert doc.text[man.start:man.end] == "Man"


def test_the_same_word_elsewhere_stays_no_place():
    for text in ("A Man. United fan was hurt on the way home.", "They met the Man. He said nothing.",
                 "The girl was born in Churchill, Man and boy alike came to see her."):
        doc = _doc(text, [("Churchill", "GPE")] if "Churchill" in text else [])
        assert not [p for p in doc.places if p.text.startswith("Man")], text


_LONDON = ("A man was hurt in a fight outside a bar early Sunday, London police {title}Pat Moore said. Anyone who saw "
           "it is asked to call 555-010-0199.")


def test_a_canadian_police_rank_makes_a_local_story_canadian():
    london = _got(_doc(_LONDON.format(title="Const. "), [("London", "GPE")]), "London")
    assert (london.country_code, london.admin1) == ("CA", "Ontario")


def test_without_the_rank_the_name_keeps_its_big_city():
    london = _got(_doc(_LONDON.format(title="spokesman "), [("London", "GPE")]), "London")
    assert london.country_code == "GB"
