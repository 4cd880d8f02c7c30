"""Resolution and detection rules of the second TR-News development round, each checked on sentences
written for these tests."""

from __future__ import annotations

from test_places import _doc  # same directory: pytest puts it on sys.path


def _got(doc, text: str):
    return next(p for p in doc.places if p.text == text)


def test_a_world_capital_listed_beside_a_foreign_country_is_the_capital():
    # Paris, Virginia lies beside Middleburg and Upperville: neighbours of a namesake village count for
    # little once the name stands in a list with another country
    text = ("WASHINGTON (Reuters) - The former diplomat served in Russia and Paris before retiring to a farm "
            "between Middleburg and Upperville, Virginia, an hour from Washington.")
    doc = _doc(text, [("WASHINGTON", "GPE"), ("Russia", "GPE"), ("Paris", "GPE"), ("Middleburg", "GPE"),
                      ("Upperville", "GPE"), ("Virginia", "GPE"), ("Washington", "GPE")])
    assert _got(doc, "Paris").country_code == "FR"


def test_a_world_capital_in_a_story_naming_its_country_is_the_capital():
    text = ("LEXINGTON, Ky. - A nurse from Lexington was on holiday in France when the attack began. "
            "She had planned to leave Paris on Saturday and fly home to Kentucky, her sister in Georgetown said.")
    doc = _doc(text, [("LEXINGTON", "GPE"), ("Ky.", "GPE"), ("Lexington", "GPE"), ("France", "GPE"),
                      ("Paris", "GPE"), ("Kentucky", "GPE"), ("Georgetown", "GPE")])
    assert _got(doc, "Paris").country_code == "FR"


def test_a_small_namesake_with_its_neighbours_and_no_foreign_country_stays():
    text = ("LEXINGTON, Ky. - Crews from Paris and Georgetown helped Lexington firefighters on Monday, "
            "Kentucky officials said.")
    doc = _doc(text, [("LEXINGTON", "GPE"), ("Ky.", "GPE"), ("Paris", "GPE"), ("Georgetown", "GPE"),
                      ("Lexington", "GPE"), ("Kentucky", "GPE")])
    paris = _got(doc, "Paris")
    assert (paris.country_code, paris.admin1) == ("US", "Kentucky")
