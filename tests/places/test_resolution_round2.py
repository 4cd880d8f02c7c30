"""Detection and local-country rules of the third TR-News development round, each checked on sentences
written for these tests."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path


def _got(doc, text: str):
    return next(p for p in doc.places if p.text == text)


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
