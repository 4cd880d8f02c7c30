"""The token table's entity rows are spaCy's own `Doc.ents`, read from the IOB column without Span objects."""
from spacy.tokens import Doc

from newsevents.nlp import TokenTable, get_nlp


def _rows(doc) -> list[tuple[str, int, int, int, int]]:
    return [(e.label_, e.start_char, e.end_char, e.start, e.end) for e in doc.ents]


def test_entity_rows_match_spacy_on_parsed_text() -> None:
    doc = get_nlp()("Maria Lopez flew from Lagos to New York City on Monday with the United Nations team. "
                    "Officials in Texas said 300 people waited at the border near El Paso.")
    assert TokenTable(doc).ents() == _rows(doc)
    assert any(label == "GPE" for label, *_ in TokenTable(doc).ents())


def test_adjacent_entities_of_one_type_stay_apart() -> None:
    """Two names side by side with the same label are two entities (a B token opens each one)."""
    nlp = get_nlp()
    doc = Doc(nlp.vocab, words=["Paris", "London", "and", "New", "York", "rose"],
              ents=["B-GPE", "B-GPE", "O", "B-GPE", "I-GPE", "O"])
    rows = TokenTable(doc).ents()
    assert rows == _rows(doc)
    assert [(s, e) for _, s, e, _, _ in rows] == [(0, 5), (6, 12), (17, 25)]


def test_entity_at_the_end_and_no_entities() -> None:
    nlp = get_nlp()
    doc = Doc(nlp.vocab, words=["They", "went", "to", "Rio", "de", "Janeiro"],
              ents=["O", "O", "O", "B-GPE", "I-GPE", "I-GPE"])
    assert TokenTable(doc).ents() == _rows(doc) == [("GPE", 13, 27, 3, 6)]
    empty = Doc(nlp.vocab, words=["nothing", "here"])
    assert TokenTable(empty).ents() == _rows(empty) == []
