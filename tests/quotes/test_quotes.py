"""Quotes stage: direct, indirect, mixed quotes with speakers, on our own sentences and on the example."""

from __future__ import annotations

import pytest

import newsevents
from newsevents.schema import Document

PIPE = ("entities", "quotes")


def quotes_of(text: str):
    return newsevents.extract(text, published="2020-01-01", pipeline=PIPE).quotes


def one(quotes, snippet: str):
    found = [q for q in quotes if snippet in q.text]
    assert found, f"no quote containing {snippet!r} in {[q.text for q in quotes]}"
    return found[0]


def test_direct_quote_after_cue_with_addressee() -> None:
    qs = quotes_of('"We will not raise taxes this year," Maria Lopez, the city treasurer, told reporters.')
    q = one(qs, "We will not raise taxes")
    assert q.kind == "direct" and q.speaker and "Lopez" in q.speaker.name
    assert q.cue and q.cue.text == "told"
    assert q.addressee and q.addressee.name == "reporters"
    assert q.text == '"We will not raise taxes this year,"'.strip('"')


def test_split_quote_both_parts_same_speaker() -> None:
    qs = quotes_of('"The bridge," said Peter Novak, "will reopen next month after the repairs are done."')
    a, b = one(qs, "The bridge"), one(qs, "will reopen")
    assert a.speaker and b.speaker and a.speaker.name == b.speaker.name and "Novak" in a.speaker.name


def test_indirect_quote_and_pronoun_speaker() -> None:
    text = "Governor Anna Berg visited the plant on Monday. She said the factory would hire 200 workers."
    q = one(quotes_of(text), "the factory would hire")
    assert q.kind == "indirect" and q.speaker and "Berg" in q.speaker.name
    assert q.speaker_span and q.speaker_span.text == "She"


def test_according_to_and_parenthetical_cue() -> None:
    qs = quotes_of(
        "According to the fire department, the blaze started in a kitchen on the third floor.\n\n"
        "The building had no working smoke alarms, officials said."
    )
    assert one(qs, "the blaze started").speaker.name.endswith("fire department")
    assert one(qs, "no working smoke alarms").speaker.name == "officials"


def test_descriptive_speaker_kept_as_description() -> None:
    q = one(quotes_of('"The talks are over," a senior union official said.'), "The talks are over")
    assert q.speaker and q.speaker.entity is None and q.speaker.name == "senior union official"


def test_mixed_quote_is_one_clause() -> None:
    q = one(quotes_of('The minister said the plan was "a disgrace to every taxpayer in the country."'), "the plan")
    assert q.kind == "mixed" and q.text.startswith("the plan was")


def test_unattributed_quote_kept_without_speaker() -> None:
    qs = quotes_of('The wall carried a message.\n\n"Nobody here has forgotten what happened that night."')
    q = one(qs, "Nobody here has forgotten")
    assert q.speaker is None and q.kind == "direct"


def test_scare_quotes_are_not_quotes() -> None:
    assert quotes_of('The so-called "reform" passed on Tuesday.') == []


def test_offsets_point_into_text() -> None:
    text = '"It is a good day," said Tom Hale. He added that the vote would come on Friday.'
    doc = newsevents.extract(text, pipeline=PIPE)
    assert doc.quotes
    for q in doc.quotes:
        assert doc.text[q.start : q.end] == q.text
        if q.speaker_span:
            assert doc.text[q.speaker_span.start : q.speaker_span.end] == q.speaker_span.text


@pytest.mark.parametrize("text", ['"', 'He said "', "“ ” ” “", "''' \"\"\" '", ".", "said said said"])
def test_bad_marks_never_raise(text: str) -> None:
    doc = newsevents.extract(text, pipeline=PIPE)
    assert isinstance(doc, Document)


@pytest.fixture(scope="module")
def guatemala_quotes_doc(guatemala_text, guatemala_gold):
    """Only the stages quotes read, so another stage's breakage does not hide ours."""
    return newsevents.extract(guatemala_text, published=guatemala_gold["published"], pipeline=("entities", "times", "quotes"))


def test_guatemala_gold_quotes(guatemala_quotes_doc, guatemala_gold) -> None:
    """All ten gold quotes: found, with the right kind and speaker."""
    guatemala_doc = guatemala_quotes_doc
    for g in guatemala_gold["quotes"]:
        q = one(guatemala_doc.quotes, g["contains"])
        assert q.kind == g["kind"], g["contains"]
        names = [g["speaker"], *g.get("speaker_aliases", [])]
        assert q.speaker is not None, g["contains"]
        assert any(n in q.speaker.name or q.speaker.name in n for n in names), (g["contains"], q.speaker.name)
        assert q.start < q.end and guatemala_doc.text[q.start : q.end] == q.text


def test_pronoun_without_person_entity_takes_previous_speaker() -> None:
    text = 'The minister said the talks had failed.\n\n"We will try again," she told reporters.'
    q = one(quotes_of(text), "We will try again")
    assert q.speaker is not None and q.speaker.name == "minister"
    assert q.speaker_span.text == "she" and q.addressee and q.addressee.name == "reporters"


def test_cue_in_the_sentence_before_the_quote() -> None:
    text = 'Laura Chen told the council on Monday. "The budget leaves no room for new hires."'
    q = one(quotes_of(text), "The budget leaves")
    assert q.speaker is not None and "Chen" in q.speaker.name


def test_cue_words_inside_a_quote_are_not_attributions() -> None:
    qs = quotes_of('"According to the plan, they said the road will close," Mark Field said.')
    assert len(qs) == 1 and qs[0].kind == "direct" and "Field" in qs[0].speaker.name


def test_quote_date_comes_from_the_attribution() -> None:
    pytest.importorskip("newsevents.times")
    from newsevents import times

    if not hasattr(times, "governing"):
        pytest.skip("the times stage has no governing()")
    text = '"We open the new school in 2031," the mayor said on Wednesday.'
    doc = newsevents.extract(text, published="2020-03-06", pipeline=("entities", "times", "quotes"))
    q = one(doc.quotes, "We open the new school")
    assert q.date is not None and q.date.startswith("2020-03-04")
